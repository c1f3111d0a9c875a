"""Result formats, exhibit lookup and ``export all`` with its manifest."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from small_db import build_small_db

from tui.store.export import (
    ExportError,
    choose_format,
    export_all,
    find_exhibits,
    fold_label,
    quote_table,
    write_result,
    write_text,
)
from tui.store.safe import Result, SafeRunner
from tui.store.schema import CORE_TABLES


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    return build_small_db(tmp_path_factory.mktemp("export") / "small.duckdb")


@pytest.fixture
def runner(small_db: Path):
    with SafeRunner(small_db) as r:
        yield r


def test_choose_format() -> None:
    assert choose_format(None, None) == "table"
    assert choose_format(None, Path("x.PARQUET")) == "parquet"
    assert choose_format(None, Path("x.md")) == "markdown"
    assert choose_format(None, Path("x.unknown")) == "table"
    assert choose_format("CSV", Path("x.json")) == "csv"
    with pytest.raises(ExportError) as err:
        choose_format("xlsx", None)
    assert err.value.usage and "choose one of table, csv, tsv, json, jsonl, parquet, markdown" in str(
        err.value
    )


def test_numbers_and_nulls_in_text_formats() -> None:
    result = Result(["a", "b"], ["DOUBLE", "VARCHAR"], [(10794.0, None), (0.1, "x"), (float("nan"), "")])
    out = io.StringIO()
    write_text(result, "csv", out)
    assert out.getvalue() == "a,b\n10794,\n0.1,x\n,\n"
    out = io.StringIO()
    write_text(result, "jsonl", out)
    assert out.getvalue().splitlines()[2] == '{"a": null, "b": ""}'


def test_table_groups_thousands_for_doubles_only() -> None:
    result = Result(["n", "x"], ["INTEGER", "DOUBLE"], [(2024, 1234567.5)])
    out = io.StringIO()
    write_text(result, "table", out, terminal=False)
    assert out.getvalue().splitlines()[-1] == "2024   1,234,567.5"


def test_fold_label_and_quoting() -> None:
    assert fold_label("  GRÁFICA   ii.3. ") == "grafica ii.3"
    assert quote_table('exhibit.a"b') == '"exhibit"."a""b"'


def test_find_exhibits(runner: SafeRunner) -> None:
    both = find_exhibits(runner, "cuadro I.1")
    assert [m.doc_id for m in both] == ["ilpa-2019-2020", "ilpa-2024-2025"]
    one = find_exhibits(runner, "Cuadro i.1.", "ilpa-2024-2025")
    assert [(m.label, m.table_name, m.line_start, m.line_end) for m in one] == [
        ("Cuadro I.1", "exhibit.ilpa_2024_2025__cuadro_i_1", 8, 14)
    ]
    assert find_exhibits(runner, "ilpa-2019-2020:grafica-i-1")[0].table_name is None
    assert find_exhibits(runner, "Cuadro I.10") == []


def test_export_all_csv(runner: SafeRunner, small_db: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(small_db.read_bytes()).hexdigest()
    out = tmp_path / "dump"
    manifest = export_all(runner, out, "csv")
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.csv"))
    expected = [f"{t}.csv" for t in CORE_TABLES] + [
        "exhibit/ilpa_2019_2020__cuadro_i_1.csv",
        "exhibit/ilpa_2024_2025__cuadro_i_1.csv",
        "manifest.csv",
    ]
    assert files == sorted(expected)
    with (out / "manifest.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(manifest) == len(CORE_TABLES) + 2
    glossary = next(r for r in rows if r["table"] == "glossary")
    assert glossary["rows"] == "5" and glossary["doc_id"] == ""
    cuadro = next(r for r in rows if r["file"] == "exhibit/ilpa_2024_2025__cuadro_i_1.csv")
    assert cuadro == {
        "file": "exhibit/ilpa_2024_2025__cuadro_i_1.csv",
        "table": "exhibit.ilpa_2024_2025__cuadro_i_1",
        "rows": "3",
        "doc_id": "ilpa-2024-2025",
        "source_file": "ilpa-2024-2025.txt",
        "label": "Cuadro I.1",
        "title": "Camas por región",
        "line_start": "8",
        "line_end": "14",
    }
    assert (
        out / "exhibit/ilpa_2024_2025__cuadro_i_1.csv"
    ).read_text() == "Región,2024,2025\nNorte,10,12\nSur,20,21.5\nTotal,31,33.5\n"
    assert hashlib.sha256(small_db.read_bytes()).hexdigest() == before


def test_export_all_parquet_and_force(runner: SafeRunner, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    export_all(runner, out, "parquet")
    table = pq.read_table(out / "exhibit" / "ilpa_2019_2020__cuadro_i_1.parquet")
    assert table.column_names == ["Región", "2024", "2025"]
    assert table.column("2025").to_pylist() == [12.0, 21.5, 33.5]
    assert pq.read_table(out / "facts.parquet").num_rows == 10
    with pytest.raises(ExportError, match="not empty; add --force") as err:
        export_all(runner, out, "parquet")
    assert err.value.usage
    assert len(export_all(runner, out, "parquet", force=True)) == len(CORE_TABLES) + 2


def test_export_all_refuses_a_file_and_bad_formats(runner: SafeRunner, tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        export_all(runner, target, "csv")
    with pytest.raises(ExportError, match="parquet or csv"):
        export_all(runner, tmp_path / "new", "json")


def test_write_result_is_atomic_and_checks_the_folder(tmp_path: Path) -> None:
    result = Result(["a"], ["INTEGER"], [(1,)])
    with pytest.raises(ExportError, match="does not exist"):
        write_result(result, "csv", tmp_path / "missing" / "x.csv")
    with pytest.raises(ExportError, match="is a folder"):
        write_result(result, "csv", tmp_path)
    write_result(result, "markdown", tmp_path / "x.md")
    assert (tmp_path / "x.md").read_text() == "| a |\n|---:|\n| 1 |\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.md"]


def test_export_all_cli(small_db: Path, tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from tui.commands import query

    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app."""

    query.register(app)
    out = tmp_path / "x"
    result = CliRunner().invoke(app, ["export", "all", "-o", str(out), "-f", "csv", "--db", str(small_db)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"imss: wrote 14 files (78 rows) and manifest.csv to {out}\n"
    again = CliRunner().invoke(app, ["export", "all", "-o", str(out), "--db", str(small_db)])
    assert again.exit_code == 2 and "not empty; add --force" in again.stderr
