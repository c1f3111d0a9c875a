"""Pilot tests of the SQL editor and saved-queries screens on the small database."""

from __future__ import annotations

import json

import duckdb
import pytest
import ui_fixtures
from ui_fixtures import sync

from tui.store import history
from tui.store.saved import parse_file
from tui.ui.app import Settings, make_app
from tui.ui.screens.main import MainScreen
from tui.ui.screens.saved_queries import SavedQueriesScreen
from tui.ui.screens.sql_editor import SaveQueryDialog, SqlEditorScreen
from tui.ui.widgets.param_form import ParamForm
from tui.ui.widgets.query_results import QueryResults, grid_values
from tui.ui.widgets.schema_tree import SchemaTree, quote

small_db = ui_fixtures.small_db

QUERY = """-- title: Sections of a document
-- description: Numbers and titles of one document's sections.
-- param: doc text "ilpa-2022" "Document id"
-- param: level int 1 "Outline level"
-- choices doc: SELECT doc_id FROM documents ORDER BY 1
SELECT number, title FROM sections WHERE doc_id = $doc AND level = $level ORDER BY ordinal
"""


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """History and saved queries go to tmp_path, never to the real home."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("IMSS_QUERIES", raising=False)
    return tmp_path


async def settle(pilot, seconds: float = 0.05) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(seconds)


async def opened(pilot, screen):
    for _ in range(100):
        await settle(pilot)
        if isinstance(pilot.app.screen, MainScreen):
            break
    else:
        raise AssertionError("the app never opened")
    await pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


async def run_sql(pilot, screen: SqlEditorScreen, sql: str) -> QueryResults:
    screen.editor.load_text(sql)
    await pilot.press("f5")
    await settle(pilot)
    return screen.results


@sync
async def test_sql_runs_into_grid_and_keeps_history(small_db, private_home):
    app = make_app(small_db, Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, SqlEditorScreen())
        assert screen.editor.has_focus
        await pilot.press(*"SELECT doc_id, n_lines FROM documents ORDER BY 1")
        await pilot.press("ctrl+r")
        await settle(pilot)
        results = screen.results
        assert results.grid.data.columns == ["doc_id", "n_lines"]
        assert results.grid.visible_display() == [["ilpa-2022", "120"], ["plan-2023", "120"]]
        assert results.status.startswith("2 rows in")
        await run_sql(pilot, screen, "SELECT 1 AS one")
        # ctrl+up recalls the older query, ctrl+down comes back to the draft
        screen.editor.load_text("draft")
        await pilot.press("ctrl+up", "ctrl+up")
        assert screen.editor.text.startswith("SELECT doc_id")
        await pilot.press("ctrl+down", "ctrl+down")
        assert screen.editor.text == "draft"
    lines = (private_home / "data" / "imss" / "history.jsonl").read_text().splitlines()
    assert [json.loads(x)["sql"] for x in lines] == [
        "SELECT doc_id, n_lines FROM documents ORDER BY 1",
        "SELECT 1 AS one",
    ]


@sync
async def test_sql_error_and_refusal_inline(small_db):
    async with make_app(small_db, Settings()).run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, SqlEditorScreen())
        results = await run_sql(pilot, screen, "SELECT nope FROM documents")
        assert results.status.startswith("✗ ") and "nope" in results.status
        assert "\n" not in results.status
        assert results.query_one("#qr-status").has_class("error")
        results = await run_sql(pilot, screen, "DROP TABLE documents")
        assert "DROP is refused" in results.status
        results = await run_sql(pilot, screen, "SELECT count(*) AS n FROM documents")
        assert results.grid.visible_display() == [["2"]]
        assert not results.query_one("#qr-status").has_class("error")
    # the sandbox left nothing locked behind: the file opens normally once the app is gone
    con = duckdb.connect(str(small_db), read_only=True)
    try:
        assert con.execute("SELECT current_setting('lock_configuration')").fetchone()[0] is False
    finally:
        con.close()


@sync
async def test_schema_tree_inserts_names(small_db):
    async with make_app(small_db, Settings()).run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, SqlEditorScreen())
        tree = screen.query_one(SchemaTree)
        tables = [str(n.label) for n in tree.root.children]
        assert "documents" in tables and "exhibit" in tables  # the exhibit schema, folded
        checks = next(n for n in tree.root.children if str(n.label) == "exhibit_checks")
        assert [c.data.insert for c in checks.children][:4] == ["exhibit_id", '"check"', '"row"', "col"]
        screen.editor.load_text("SELECT * FROM ")
        screen.editor.move_cursor(screen.editor.document.end)
        tree.focus()
        tree.move_cursor(checks)
        await pilot.press("enter")
        assert screen.editor.text == "SELECT * FROM exhibit_checks"
        assert screen.editor.has_focus


@sync
async def test_cancel_interrupts_a_long_query(small_db):
    async with make_app(small_db, Settings()).run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, SqlEditorScreen())
        screen.editor.load_text("SELECT count(*) FROM range(100000000000) a")
        await pilot.press("f5")
        await pilot.pause(0.3)
        assert screen.running and screen.results.status.startswith("running")
        await pilot.press("escape")
        await settle(pilot)
        assert not screen.running
        assert "cancelled" in screen.results.status
        assert pilot.app.screen is screen  # Esc cancelled, it did not leave


@sync
async def test_save_as_writes_header_and_asks_before_overwriting(small_db, private_home):
    async with make_app(small_db, Settings()).run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, SqlEditorScreen())
        screen.editor.load_text("SELECT doc_id FROM documents")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SaveQueryDialog)
        await pilot.press(*"Mis documentos", "tab", *"Ids of every document", "enter")
        await settle(pilot)
        path = private_home / "data" / "imss" / "queries" / "mis_documentos.sql"
        text = path.read_text()
        assert text.startswith("-- title: Mis documentos\n-- description: Ids of every document\n")
        saved = parse_file(path, "user")
        assert saved.title == "Mis documentos" and saved.sql.endswith("SELECT doc_id FROM documents\n")
        # the same name again: a question, and "no" keeps the file
        screen.editor.load_text("SELECT 2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press(*"Mis documentos", "enter")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")
        await settle(pilot)
        assert path.read_text() == text
        assert isinstance(pilot.app.screen, SaveQueryDialog)
        await pilot.press("enter", "y")
        await settle(pilot)
        assert "SELECT 2" in path.read_text()
        assert pilot.app.screen is screen


@sync
async def test_saved_query_runs_with_changed_parameter(small_db, tmp_path):
    user = tmp_path / "mine"
    user.mkdir()
    (user / "sections_of.sql").write_text(QUERY)
    app = make_app(small_db, Settings(user_queries_dir=user))
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await opened(pilot, SavedQueriesScreen())
        names = [q.name for q in screen.queries]
        assert "sections_of" in names and "documents" in names  # user and shipped
        box = screen.query_one("#sq-list")
        box.highlighted = names.index("sections_of")
        await settle(pilot)
        form = screen.query_one(ParamForm)
        assert form.values() == {"doc": "ilpa-2022", "level": "1"}
        assert type(form.query_one("#param-doc")).__name__ == "Select"  # the pick list arrived
        box.focus()
        await pilot.press("enter")
        await settle(pilot)
        grid = screen.results.grid
        assert grid.visible_display() == [["I", "Cobertura"], ["II", "Servicios médicos"]]
        form.set_value("level", "2")
        form.set_value("doc", "plan-2023")
        await pilot.press("f5")
        await settle(pilot)
        assert [r[0] for r in grid.visible_display()] == ["I.1", "I.2", "II.1"]
        form.set_value("level", "dos")
        await pilot.press("f5")
        await settle(pilot)
        assert "must be an int" in screen.results.status


def test_history_file_and_save(tmp_path):
    path = tmp_path / "h.jsonl"
    assert history.load_history(path) == []
    for sql in ["SELECT 1", "SELECT 1", " SELECT 2 "]:
        assert history.append_history(sql, path)
    path.write_text(path.read_text() + "not json\n")
    assert history.load_history(path) == ["SELECT 1", "SELECT 2"]
    text = history.query_text("T", "", "-- title: old\n-- note\nSELECT 3")
    assert text == "-- title: T\n-- note\nSELECT 3\n"
    assert history.slug("Camas por región, 2024!") == "camas_por_region_2024"
    with pytest.raises(Exception, match="unknown header line"):
        history.save_query(tmp_path, "bad", "Bad", "", "-- parm: x\nSELECT 1")
    assert not (tmp_path / "bad.sql").exists()


def test_grid_values_and_quoting():
    from tui.store.safe import Result

    result = Result(
        ["line", "total", "name"], ["INTEGER", "DECIMAL(10,2)", "VARCHAR"], [(12345, 1234.5, "a\nb")]
    )
    numeric, rows, display = grid_values(result)
    assert numeric == [True, True, False]
    assert display == [["12345", "1,234.5", "a b"]]
    assert quote("row", {"row"}) == '"row"' and quote("doc_id", {"row"}) == "doc_id"
    assert quote("Año", set()) == '"Año"'


def test_years_are_never_grouped():
    from tui.store.safe import Result

    result = Result(
        ["anio", "cierre", "camas", "Año"],
        ["INTEGER", "BIGINT", "INTEGER", "INTEGER"],
        [(2019, 2024, 1950, 2100), (2020, None, 12345, 3000)],
    )
    _, _, display = grid_values(result)
    # by name (anio, Año) or because every value is a year (cierre); 1950 beds next to 12,345 are not
    assert display == [["2019", "2024", "1,950", "2100"], ["2020", "∅", "12,345", "3000"]]


@sync
async def test_numeric_first_column_is_not_cut(tmp_path):
    from textual.app import App

    from tui.ui.widgets.data_grid import DataGrid

    class Host(App):
        def compose(self):
            yield DataGrid()

    async with Host().run_test(size=(80, 12)) as pilot:
        grid = pilot.app.query_one(DataGrid)
        grid.load(["valor", "name"], [[5, "a"], [1234, "b"]], [True, False])
        await pilot.pause()
        cells = [str(grid.table.get_row_at(i)[0]) for i in range(2)]
        assert [c.strip() for c in cells] == ["5", "1,234"]
        assert cells[0].endswith("5") and len(cells[0]) == len(cells[1])  # right-aligned
        assert grid.table.ordered_columns[0].width >= len(cells[0])  # frozen, yet not cut


@sync
async def test_function_keys_open_sql_and_saved_queries(small_db, private_home):
    app = make_app(small_db, Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await settle(pilot)
            if isinstance(app.screen, MainScreen):
                break
        await pilot.press("f6")
        await settle(pilot)
        assert isinstance(app.screen, SqlEditorScreen)
        await pilot.press("f6")  # already there: no second copy on the stack
        await settle(pilot)
        assert sum(isinstance(s, SqlEditorScreen) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        assert isinstance(app.screen, SavedQueriesScreen)
