"""A handful of snapshots guarding the look (80x24 over SSH and a roomier 120x40).

Review an SVG before accepting it: ``uv run pytest tests/test_ui_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import ui_fixtures
from test_ui_app import app_for, ready, settle

from tui.ui.messages import Target

small_db = ui_fixtures.small_db


def go(target: Target, focus_reader: bool = True):
    async def run_before(pilot) -> None:
        main = await ready(pilot)
        main.navigate(target)
        await settle(pilot)
        await settle(pilot, 0.2)

    return run_before


def test_reader_80x24(snap_compare, small_db):
    target = Target("section", "ilpa-2022:s2", "ilpa-2022")
    assert snap_compare(app_for(small_db), terminal_size=(80, 24), run_before=go(target))


def test_exhibit_120x40(snap_compare, small_db):
    target = Target("exhibit", "ilpa-2022:cuadro-i-1", "ilpa-2022", cell=(3, 4))
    assert snap_compare(app_for(small_db), terminal_size=(120, 40), run_before=go(target))


def test_chart_without_data_80x24(snap_compare, small_db):
    target = Target("exhibit", "ilpa-2022:grafica-i-1", "ilpa-2022")
    assert snap_compare(app_for(small_db), terminal_size=(80, 24), run_before=go(target))


def test_help_80x24(snap_compare, small_db):
    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("f1")
        await settle(pilot, 0.2)

    assert snap_compare(app_for(small_db), terminal_size=(80, 24), run_before=run_before)
