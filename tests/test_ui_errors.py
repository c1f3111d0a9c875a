"""A database that is missing, corrupt, old or locked gives one clear line, never a traceback."""

from __future__ import annotations

import duckdb
from test_ui_app import settle
from ui_fixtures import build_small_db, sync

from tui.ui.app import Settings, make_app
from tui.ui.screens.startup import ErrorScreen


async def error_of(db, settings=None) -> tuple[str, bool]:
    app = make_app(db, settings or Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(50):
            await settle(pilot)
            if isinstance(app.screen, ErrorScreen):
                return app.screen.message, app.screen.can_build
        raise AssertionError(f"no error screen: {app.screen}")


@sync
async def test_missing_database(tmp_path):
    message, can_build = await error_of(tmp_path / "nope.duckdb")
    assert message.startswith("database not found:")
    assert not can_build  # no corpus given: nothing to build from


@sync
async def test_corrupt_database_offers_rebuild(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.txt").write_text("x", encoding="utf-8")
    # stale check skipped for an unreadable file; opening explains
    message, can_build = await error_of(bad, Settings(corpus=corpus))
    assert message.startswith("not a readable DuckDB database")
    assert can_build


@sync
async def test_database_of_another_version(tmp_path):
    old = build_small_db(tmp_path / "old.duckdb")
    con = duckdb.connect(str(old))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    message, _ = await error_of(old)
    assert "built by another version" in message


@sync
async def test_locked_database(tmp_path):
    import subprocess
    import sys

    locked = build_small_db(tmp_path / "locked.duckdb")
    code = (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); time.sleep(30)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code, str(locked)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        message, can_build = await error_of(locked)
        assert message.startswith("database is locked by another process")
        assert not can_build
    finally:
        holder.kill()
        holder.wait()
