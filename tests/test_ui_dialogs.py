"""Export, help, search and the command palette, driven by Pilot."""

from __future__ import annotations

import csv
import json

import ui_fixtures
from test_ui_app import app_for, open_table, ready, settle
from ui_fixtures import sync

small_db = ui_fixtures.small_db


async def export(pilot, path, fmt_index: int = 0) -> None:
    await pilot.press("e")
    await settle(pilot)
    dialog = pilot.app.screen
    assert type(dialog).__name__ == "ExportDialog"
    if fmt_index:
        from textual.widgets import RadioSet

        radio = dialog.query_one(RadioSet)
        list(radio.query("RadioButton"))[fmt_index].value = True
        await settle(pilot)
    box = dialog.query_one("#export-path")
    box.value = str(path)
    box.focus()
    await pilot.press("enter")
    await settle(pilot)


@sync
async def test_export_csv_json_parquet(small_db, tmp_path):
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        _, grid = await open_table(pilot, small_db)
        await pilot.press("f", *"nor", "enter")  # export what is shown: one row
        await export(pilot, tmp_path / "t.csv")
        rows = list(csv.reader((tmp_path / "t.csv").open(encoding="utf-8")))
        assert rows == [
            ["Región", "2019", "2020", "2021", "2022", "Año base"],
            ["Norte", "1200", "1250.5", "1300", "1410.25", "1990"],  # whole numbers without .0
        ]
        await export(pilot, tmp_path / "t.json", 2)
        data = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
        assert data == [
            {
                "Región": "Norte",
                "2019": 1200.0,
                "2020": 1250.5,
                "2021": 1300.0,
                "2022": 1410.25,
                "Año base": 1990.0,
            }
        ]
        await export(pilot, tmp_path / "t.parquet", 1)
        import pyarrow.parquet as pq

        assert pq.read_table(tmp_path / "t.parquet").to_pylist() == data


@sync
async def test_export_never_overwrites_without_asking(small_db, tmp_path):
    target = tmp_path / "keep.csv"
    target.write_text("precious\n", encoding="utf-8")
    async with app_for(small_db).run_test(size=(100, 30)) as pilot:
        await open_table(pilot, small_db)
        await export(pilot, target)
        assert type(pilot.app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "precious\n"
        await export(pilot, target)
        await pilot.press("y")
        await settle(pilot)
        assert target.read_text(encoding="utf-8").startswith("Región,2019")


@sync
async def test_help_lists_bindings(small_db):
    async with app_for(small_db).run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for key in ("f1", "question_mark"):
            await pilot.press(key)
            await settle(pilot)
            help_screen = pilot.app.screen
            assert type(help_screen).__name__ == "HelpScreen"
            from tui.ui.screens.help import help_table

            rows = help_table(pilot.app).columns[1]._cells
            for action in ("Next §", "Back", "Sort", "Filter", "Export", "Source", "Cited in", "Search"):
                assert action in rows, action
            await pilot.press("escape")
            await settle(pilot)
            assert type(pilot.app.screen).__name__ == "MainScreen"


@sync
async def test_search_opens_a_hit(small_db):
    async with app_for(small_db).run_test(size=(80, 24)) as pilot:
        main = await ready(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "SearchScreen"
        await pilot.press(*"recaudacion", "enter")
        await settle(pilot, 0.3)
        search = pilot.app.screen
        assert search.hits, "no hit"
        assert search.query_one("#search-results").has_focus
        hit = search.hits[0]
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is main
        assert main.shown.ref == hit.section_id


@sync
async def test_palette_lists_actions(small_db):
    async with app_for(small_db).run_test(size=(80, 24)) as pilot:
        main = await ready(pilot)
        titles = [c.title for c in pilot.app.get_system_commands(main)]
        for title in ("Help", "Search", "Back", "Forward", "Light/dark theme", "Next §", "Prev §", "Quit"):
            assert title in titles, title
        await pilot.press("f2")
        assert pilot.app.theme == "textual-light"
