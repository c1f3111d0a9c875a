"""The sandbox for user SQL: read-only, no files or settings, one statement, interruptible."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import pytest
from small_db import build_small_db

from tui.store.db import DatabaseError, fts_extension_path
from tui.store.safe import (
    MissingParamError,
    QueryCancelled,
    QueryError,
    RefusedError,
    SafeRunner,
    refusal,
    statement_kind,
)


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    return build_small_db(tmp_path_factory.mktemp("safe") / "small.duckdb")


@pytest.fixture
def runner(small_db: Path):
    with SafeRunner(small_db) as r:
        yield r


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_select_with_named_parameters(runner: SafeRunner) -> None:
    result = runner.run(
        "SELECT acronym, line_start FROM glossary WHERE doc_id = $doc ORDER BY acronym",
        {"doc": "ilpa-2024-2025"},
    )
    assert result.columns == ["acronym", "line_start"]
    assert result.types == ["VARCHAR", "INTEGER"]
    assert result.rows == [("IMSS", 38), ("UMF", 39)]


def test_parameters_are_bound_not_pasted(runner: SafeRunner) -> None:
    evil = "x' OR '1'='1"
    assert runner.run("SELECT count(*) FROM glossary WHERE acronym = $a", {"a": evil}).rows == [(0,)]


def test_arrow_result(runner: SafeRunner) -> None:
    result = runner.run("SELECT * FROM exhibit.ilpa_2024_2025__cuadro_i_1", arrow=True)
    assert result.table.column_names == ["Región", "2024", "2025"]
    assert len(result) == 3


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("DROP TABLE documents", "DROP is refused"),
        ("INSERT INTO glossary VALUES ('x', 'y', 'z', 1)", "INSERT is refused"),
        ("UPDATE documents SET title = 'x'", "UPDATE is refused"),
        ("DELETE FROM facts", "DELETE is refused"),
        ("CREATE TABLE x AS SELECT 1", "CREATE is refused"),
        ("CREATE TEMP TABLE x AS SELECT 1", "CREATE is refused"),
        ("ALTER TABLE documents ADD COLUMN x INT", "ALTER is refused"),
        ("COPY documents TO '/tmp/imss-leak.csv'", "COPY is refused (COPY writes or reads files)"),
        ("COPY glossary FROM '/etc/hostname'", "COPY is refused"),
        ("EXPORT DATABASE '/tmp/imss-leak'", "EXPORT is refused"),
        ("ATTACH '/tmp/imss-other.duckdb' AS other", "ATTACH is refused (ATTACH opens other databases)"),
        ("DETACH small", "DETACH is refused"),
        ("INSTALL httpfs", "INSTALL is refused (INSTALL downloads extensions)"),
        ("LOAD httpfs", "LOAD is refused"),
        ("SET enable_external_access = true", "SET is refused (settings are locked)"),
        ("SET lock_configuration = false", "SET is refused"),
        ("RESET enable_external_access", "RESET is refused"),
        ("PRAGMA threads = 1", "PRAGMA is refused"),
        ("PRAGMA enable_profiling", "PRAGMA is refused"),
        ("CHECKPOINT", "CHECKPOINT is refused"),
        ("VACUUM", "VACUUM is refused"),
        ("BEGIN TRANSACTION", "BEGIN is refused"),
        ("SELECT 1; DROP TABLE documents", "one statement at a time, got 2"),
        ("  -- a comment first\n /* and a block */ drop table facts", "DROP is refused"),
    ],
)
def test_writes_and_settings_are_refused(small_db: Path, sql: str, message: str) -> None:
    before = _digest(small_db)
    with SafeRunner(small_db) as runner, pytest.raises(RefusedError) as err:
        runner.run(sql)
    assert message in str(err.value)
    assert _digest(small_db) == before


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM read_blob('/etc/hostname')",
        "SELECT * FROM glob('/etc/*')",
        "SELECT * FROM 'data.csv'",
        "SELECT * FROM read_parquet('https://example.com/x.parquet')",
        "SELECT * FROM sniff_csv('/etc/passwd')",
    ],
)
def test_files_and_urls_are_refused(small_db: Path, sql: str) -> None:
    before = _digest(small_db)
    with SafeRunner(small_db) as runner, pytest.raises(RefusedError, match="read only the database"):
        runner.run(sql)
    assert _digest(small_db) == before


def test_nested_sql_cannot_escape(runner: SafeRunner) -> None:
    with pytest.raises(QueryError, match="single SELECT"):
        runner.run("SELECT * FROM query('COPY documents TO ''/tmp/imss-leak.csv''')")
    assert not Path("/tmp/imss-leak.csv").exists()


def test_settings_are_locked_after_lockdown(runner: SafeRunner) -> None:
    row = runner.run(
        "SELECT current_setting('enable_external_access'), current_setting('lock_configuration'), "
        "current_setting('python_enable_replacements'), current_setting('autoinstall_known_extensions')"
    ).rows[0]
    assert row == (False, True, False, False)


def test_errors_are_short(runner: SafeRunner) -> None:
    with pytest.raises(QueryError) as err:
        runner.run("SELECT * FROM glosary")
    text = str(err.value)
    assert "glosary does not exist" in text and 'Did you mean "glossary"' in text and "LINE 1" not in text
    with pytest.raises(QueryError, match="syntax error"):
        runner.run("SELEC 1")
    with pytest.raises(QueryError, match="no SQL statement"):
        runner.run("  -- nothing\n")


def test_parameter_mismatch(runner: SafeRunner) -> None:
    with pytest.raises(MissingParamError, match=r"no value for \$doc"):
        runner.run("SELECT * FROM documents WHERE doc_id = $doc")
    with pytest.raises(MissingParamError, match=r"does not use \$x"):
        runner.run("SELECT 1", {"x": 1})


def test_cancel_interrupts_a_long_query(runner: SafeRunner) -> None:
    outcome: dict = {}

    def work() -> None:
        start = time.perf_counter()
        try:
            runner.run("SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3")
        except QueryCancelled as exc:
            outcome["error"] = exc
        outcome["seconds"] = time.perf_counter() - start

    worker = threading.Thread(target=work)
    worker.start()
    time.sleep(0.3)
    runner.cancel()
    worker.join(10)
    assert isinstance(outcome.get("error"), QueryCancelled)
    assert outcome["seconds"] < 3
    # The runner stays usable, and a stale cancel does not hit the next query.
    assert runner.run("SELECT 42").rows == [(42,)]


def test_cancel_when_idle_is_harmless(small_db: Path) -> None:
    runner = SafeRunner(small_db)
    runner.cancel()
    assert runner.run("SELECT 1").rows == [(1,)]
    runner.close()


@pytest.mark.skipif(fts_extension_path() is None, reason="duckdb-extension-fts not installed")
def test_fts_functions_load_before_the_lock(small_db: Path) -> None:
    with SafeRunner(small_db) as runner:
        assert runner.run("SELECT stem('hospitales', 'spanish')").rows == [("hospital",)]
    with SafeRunner(small_db, fts=True) as runner:
        runner.run("SELECT 1")
        assert runner.run("SELECT stem('hospitales', 'spanish')").rows == [("hospital",)]


def test_missing_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="database not found"):
        SafeRunner(tmp_path / "none.duckdb").run("SELECT 1")


def test_statement_kind_and_refusal_text() -> None:
    assert statement_kind("/* x */ -- y\n  copy t TO 'f'") == "copy"
    assert statement_kind("") == ""
    assert refusal("attach 'x'").startswith("ATTACH is refused (ATTACH opens other databases)")
