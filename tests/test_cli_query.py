"""``imss queries / query / sql / export``: golden outputs, exit codes, help, lazy imports, Ctrl+C.

Golden files live in tests/golden/cli/; regenerate them with IMSS_UPDATE_GOLDEN=1 after checking
the difference by eye.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from small_db import build_small_db
from typer.testing import CliRunner

from tui.commands import query as query_commands

GOLDEN = Path(__file__).parent / "golden" / "cli"
ROOT = Path(__file__).resolve().parent.parent
TRICKY = (
    "SELECT * FROM (VALUES "
    "('a,b', 1.5, 10, DATE '2024-01-31', true, 'pipe | here'), "
    "('say \"hi\"', 2.0, NULL, NULL, false, 'tab' || chr(9) || 'and' || chr(10) || 'newline'), "
    "('Cesantía', -1234567.25, 3, DATE '2025-06-30', NULL, NULL)"
    ") AS t(name, amount, n, day, flag, note) ORDER BY n NULLS LAST"
)


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    return build_small_db(tmp_path_factory.mktemp("cli") / "small.duckdb")


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer(pretty_exceptions_enable=False)

    @app.callback()
    def main() -> None:
        """Test app."""

    query_commands.register(app)
    return app


def invoke(app, *args: str, stdin: str | None = None):
    env = {"IMSS_DB": None, "IMSS_QUERIES": None, "COLUMNS": "100"}
    return CliRunner(env=env).invoke(app, list(args), input=stdin)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("IMSS_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with IMSS_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "jsonl", "markdown"])
def test_sql_formats_golden(app, small_db: Path, fmt: str) -> None:
    result = invoke(app, "sql", TRICKY, "--format", fmt, "--db", str(small_db))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    suffix = {"markdown": "md", "table": "txt"}.get(fmt, fmt)
    check_golden(f"sql_tricky.{suffix}", result.stdout)


def test_json_is_valid_and_typed(app, small_db: Path) -> None:
    rows = json.loads(invoke(app, "sql", TRICKY, "-f", "json", "--db", str(small_db)).stdout)
    assert rows[1] == {
        "name": "a,b",
        "amount": 1.5,
        "n": 10,
        "day": "2024-01-31",
        "flag": True,
        "note": "pipe | here",
    }
    assert rows[2]["n"] is None and rows[2]["day"] is None and rows[0]["amount"] == -1234567.25


def test_query_and_listing_golden(app, small_db: Path) -> None:
    listing = invoke(app, "queries")
    assert listing.exit_code == 0
    check_golden("queries.txt", listing.stdout)
    result = invoke(app, "query", "checks_failed", "--db", str(small_db), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    check_golden("checks_failed.csv", result.stdout)
    one = invoke(app, "queries", "acronym")
    assert one.exit_code == 0
    check_golden("queries_acronym.txt", one.stdout.replace(str(ROOT), "<root>"))


def test_export_exhibit_golden(app, small_db: Path) -> None:
    result = invoke(
        app, "export", "exhibit", "CUADRO  i.1.", "--doc", "ilpa-2024-2025", "--db", str(small_db)
    )
    assert result.exit_code == 0, result.stderr
    check_golden("exhibit_cuadro_i_1.txt", result.stdout)
    assert result.stderr == "imss: Cuadro I.1 (ilpa-2024-2025 lines 8-14): 3 rows\n"


def test_parameters_are_typed_and_checked(app, small_db: Path) -> None:
    db = ("--db", str(small_db))
    ok = invoke(app, "query", "largest_money", "-p", "top=1", "-p", "doc=ilpa-2024-2025", "-f", "csv", *db)
    assert ok.exit_code == 0 and ok.stdout.count("\n") == 2
    bad = invoke(app, "query", "largest_money", "-p", "top=many", *db)
    assert bad.exit_code == 2
    assert bad.stderr == "imss: parameter 'top' must be an int (e.g. 42), not 'many'\n"
    unknown = invoke(app, "query", "largest_money", "-p", "limit=3", *db)
    assert unknown.exit_code == 2 and "has no parameter 'limit' (parameters: doc, top)" in unknown.stderr
    malformed = invoke(app, "query", "largest_money", "-p", "top", *db)
    assert malformed.exit_code == 2 and "NAME=VALUE" in malformed.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("query", "no_such_query"), 2, "unknown query 'no_such_query'"),
        (("query", "acronim"), 2, "did you mean acronym"),
        (("sql", "SELECT 1", "-f", "xml"), 2, "unknown format 'xml'"),
        (("sql", "DROP TABLE documents"), 1, "DROP is refused"),
        (("sql", "SELECT * FROM read_csv('/etc/passwd')"), 1, "read only the database"),
        (("sql", "SELECT * FROM nowhere"), 1, "nowhere does not exist"),
        (("sql", "SELECT $x"), 2, "no value for $x"),
        (("export", "exhibit", "cuadro i.1"), 2, "several documents (ilpa-2019-2020, ilpa-2024-2025)"),
        (("export", "exhibit", "Cuadro IX.9"), 2, "no exhibit 'Cuadro IX.9'"),
        (("export", "exhibit", "grafica i.1", "--doc", "ilpa-2019-2020"), 1, "has no data table"),
        (("export", "all", "-o", "/tmp/x", "-f", "json"), 2, "parquet or csv, not 'json'"),
    ],
)
def test_exit_codes(app, small_db: Path, args: tuple, code: int, message: str) -> None:
    result = invoke(app, *args, "--db", str(small_db))
    assert result.exit_code == code, result.stderr
    assert message in result.stderr
    assert result.stdout == ""


def test_missing_database_is_a_data_error(app, tmp_path: Path) -> None:
    result = invoke(app, "sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1 and "database not found" in result.stderr


def test_global_db_option_reaches_the_command(small_db: Path, tmp_path: Path) -> None:
    from tui.cli import app

    result = invoke(app, "--db", str(tmp_path / "none.duckdb"), "sql", "SELECT 1")
    assert result.exit_code == 1 and "none.duckdb" in result.stderr
    sql = "SELECT count(*) AS n FROM documents"
    result = invoke(app, "--db", str(small_db), "sql", sql, "--format", "csv")
    assert result.exit_code == 0 and result.stdout.startswith("n\n")


def test_output_file_never_overwritten_without_force(app, small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    out.write_text("precious\n")
    result = invoke(app, "sql", "SELECT 1 AS a", "-o", str(out), "--db", str(small_db))
    assert result.exit_code == 2 and "exists; add --force" in result.stderr
    assert out.read_text() == "precious\n"
    result = invoke(app, "sql", "SELECT 1 AS a", "-o", str(out), "--force", "--db", str(small_db))
    assert result.exit_code == 0 and out.read_text() == "a\n1\n"  # csv from the suffix
    assert result.stderr == f"imss: wrote 1 rows to {out}\n"


def test_failed_query_leaves_no_file(app, small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "y.csv"
    result = invoke(app, "sql", "SELECT * FROM nowhere", "-o", str(out), "--db", str(small_db))
    assert result.exit_code == 1 and not out.exists() and list(tmp_path.iterdir()) == []


def test_parquet_to_file_and_to_a_pipe(app, small_db: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "g.parquet"
    result = invoke(app, "query", "acronym", "-o", str(out), "--db", str(small_db))
    assert result.exit_code == 0
    table = pq.read_table(out)
    assert table.column_names == ["acronym", "expansion", "doc_id", "line_start"]
    assert table.column("acronym").to_pylist() == ["UMF", "UMF"]
    piped = invoke(app, "sql", "SELECT 7 AS n", "-f", "parquet", "--db", str(small_db))
    assert piped.exit_code == 0
    assert pq.read_table(io.BytesIO(piped.stdout_bytes)).to_pylist() == [{"n": 7}]


def test_parquet_refused_on_a_terminal(small_db: Path) -> None:
    from tui.store.export import ExportError, write_result
    from tui.store.safe import Result

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    with pytest.raises(ExportError, match="parquet is binary: add --output FILE") as err:
        write_result(Result(["a"], ["INTEGER"], [(1,)]), "parquet", stdout=Terminal())
    assert err.value.usage


def test_full_results_no_silent_limit(app, small_db: Path) -> None:
    result = invoke(app, "sql", "SELECT range AS i FROM range(6000)", "-f", "csv", "--db", str(small_db))
    assert result.exit_code == 0 and result.stdout.count("\n") == 6001


def test_sql_from_stdin_and_empty_result(app, small_db: Path) -> None:
    result = invoke(app, "sql", "-", "-f", "csv", "--db", str(small_db), stdin="SELECT 'x' AS a WHERE false")
    assert result.exit_code == 0 and result.stdout == "a\n" and result.stderr == "imss: no rows\n"


def test_user_queries_folder(app, small_db: Path, tmp_path: Path) -> None:
    (tmp_path / "mine.sql").write_text(
        '-- title: Mine\n-- param: n int 2 "How many"\nSELECT $n * 21 AS answer\n'
    )
    (tmp_path / "broken.sql").write_text("-- title: Broken\n-- param: a text\nSELECT $a\n")
    listing = invoke(app, "queries", "--queries", str(tmp_path), "-f", "csv")
    assert listing.exit_code == 1  # a bad file is reported, the others still listed
    assert "mine,Mine,n:int=2,user" in listing.stdout and "acronym," in listing.stdout
    assert f"{tmp_path / 'broken.sql'}:2: param line has 2 fields" in listing.stderr
    ran = invoke(app, "query", "mine", "--queries", str(tmp_path), "-f", "csv", "--db", str(small_db))
    assert ran.exit_code == 0 and ran.stdout == "answer\n42\n"
    broken = invoke(app, "query", "broken", "--queries", str(tmp_path), "--db", str(small_db))
    assert broken.exit_code == 1 and "broken.sql:2:" in broken.stderr
    env = CliRunner(env={"IMSS_QUERIES": str(tmp_path)}).invoke(app, ["query", "mine", "--db", str(small_db)])
    assert env.exit_code == 0 and "42" in env.stdout


def _commands(app: typer.Typer):
    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            yield from ((f"{name} {sub}", (name, sub), c) for sub, c in cmd.commands.items())
        yield name, (name,), cmd


def test_every_command_has_help_and_an_example(app) -> None:
    seen = set()
    for name, path, cmd in _commands(app):
        seen.add(name)
        assert cmd.help and cmd.help.strip(), name
        result = invoke(app, *path, "--help")
        assert result.exit_code == 0, name
        if name != "export":
            assert "Example: imss " in result.stdout, name
        for param in cmd.params:
            assert param.help or param.name == "help" or param.__class__.__name__ == "Argument", (name, param)
    assert {"queries", "query", "sql", "export", "export exhibit", "export all"} <= seen


def test_headless_cli_never_imports_textual(small_db: Path) -> None:
    code = (
        "import sys\n"
        "import tui.cli\n"
        "from typer.main import get_command\n"
        "cmd = get_command(tui.cli.app)\n"
        f"cmd.main(['sql', 'SELECT 1 AS a', '-f', 'csv', '--db', {str(small_db)!r}], standalone_mode=False)\n"
        f"cmd.main(['query', 'acronym', '--db', {str(small_db)!r}], standalone_mode=False)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui.ui'))\n"
        "assert not bad, bad\n"
        "assert 'textual' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("a\n1\n")


def test_ctrl_c_cancels_a_long_query(small_db: Path) -> None:
    long_sql = "SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "sql", long_sql, "--db", str(small_db)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)
    start = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 130, err
    assert err.strip().endswith("imss: query cancelled")
    assert out == ""
    assert time.perf_counter() - start < 5


# --- the shipped queries on the real corpus ------------------------------------------------------


def _shipped():
    from tui import config
    from tui.store.saved import load_queries

    return load_queries(config.shipped_queries_dir())[0]


def _bad_parameter(q) -> tuple[str, str]:
    """A bad --param for the query and the message it must give."""
    doc = q.param("doc")
    if doc is not None and doc.choices_sql:
        return "doc=no-such-doc", "doc='no-such-doc' is not one of the choices: "
    ints = [p for p in q.params if p.type == "int"]
    if ints:
        return f"{ints[0].name}=lots", f"parameter '{ints[0].name}' must be an int"
    return "nonsense=1", "has no parameter 'nonsense'"


@pytest.mark.parametrize("name", [q.name for q in _shipped()])
def test_shipped_query_on_the_corpus(app, corpus_db: Path, name: str) -> None:
    ok = invoke(app, "query", name, "--format", "jsonl", "--db", str(corpus_db))
    assert ok.exit_code == 0, ok.stderr
    assert ok.stdout.count("\n") > 0, f"{name} returned no rows"
    q = next(q for q in _shipped() if q.name == name)
    bad, message = _bad_parameter(q)
    failed = invoke(app, "query", name, "--param", bad, "--db", str(corpus_db))
    assert failed.exit_code == 2 and message in failed.stderr and failed.stdout == ""


def _rows(app, corpus_db: Path, *args: str) -> list[dict]:
    result = invoke(app, "query", *args, "--format", "json", "--db", str(corpus_db))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_real_answers(app, corpus_db: Path) -> None:
    umf = _rows(app, corpus_db, "acronym")
    assert {
        "acronym": "UMF",
        "expansion": "Unidad de Medicina Familiar",
        "doc_id": "ilpa-2024-2025",
        "line_start": 12548,
    } in umf
    clauses = [r for r in _rows(app, corpus_db, "convenio_clauses") if r["level"] == 2]
    assert [c["number"] for c in clauses][:2] == ["PRIMERA", "SEGUNDA"] and len(clauses) == 16
    assert clauses[0]["title"].startswith("OBJETO") and clauses[0]["line_start"] == 229
    assert clauses[-1]["number"] == "DÉCIMA SEXTA"
    visits = _rows(app, corpus_db, "indicator_compare")
    assert any(r["doc_id"] == "ilpa-2019-2020" and r["value"] == 101e6 and r["line"] == 508 for r in visits)
    assert {r["doc_id"] for r in visits} == {"ilpa-2019-2020", "ilpa-2024-2025"}
    covid = _rows(app, corpus_db, "covid_conversion", "-p", "doc=ilpa-2019-2020")
    first = next(r for r in covid if r["line_start"] == 144)
    assert first["figures"].startswith("81; 379; 3,600; 853; 1,603")
