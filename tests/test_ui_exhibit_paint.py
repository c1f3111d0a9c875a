"""Opening an exhibit again paints its screen once, not once more for the screen it covers."""

from __future__ import annotations

import ui_fixtures
from test_ui_app import app_for, open_table, settle
from textual.geometry import Region
from textual.widget import Widget
from ui_fixtures import sync

from tui.ui.screens.exhibit import ExhibitScreen
from tui.ui.screens.main import MainScreen

small_db = ui_fixtures.small_db


@sync
async def test_covered_screen_does_not_repaint_the_exhibit_whole(small_db, monkeypatch):
    whole: list[Region] = []  # the exhibit screen's whole area, marked to be painted again
    refresh = Widget.refresh

    def spy(self, *regions, **kwargs):
        if isinstance(self, ExhibitScreen):
            whole.extend(r for r in regions if r.size == self.size)
        return refresh(self, *regions, **kwargs)

    monkeypatch.setattr(Widget, "refresh", spy)
    async with app_for(small_db).run_test(size=(80, 24)) as pilot:
        ex, grid = await open_table(pilot, small_db)
        await pilot.press("escape")
        await settle(pilot)
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        whole.clear()
        main.navigate(ex.target)  # the same exhibit again, in the reused screen
        await settle(pilot, 0.1)  # several frames: the covered screen's timer has fired
        assert pilot.app.screen is ex and grid.table.row_count > 0
        assert whole == []
