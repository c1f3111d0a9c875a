"""FastTable paints exactly what DataTable paints, from fewer cells."""

from __future__ import annotations

import random

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import DataTable
from ui_fixtures import sync

from tui.ui.widgets.fast_table import FastTable

WORDS = ["Delegación", "Total", "1,234", "98.5", "", "Hospital General de Zona", "ñandú", "—", "2024"]


class TwinApp(App):
    """A DataTable above a FastTable, with the same columns and rows."""

    CSS = "DataTable { height: 1fr; }"

    def __init__(self, columns, rows, widths, **options) -> None:
        super().__init__()
        self.columns, self.rows, self.widths, self.options = columns, rows, widths, options

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="cell", id="plain", **self.options)
        yield FastTable(cursor_type="cell", id="fast", **self.options)

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            for name, width in zip(self.columns, self.widths, strict=True):
                table.add_column(name, width=width)
            table.add_rows(self.rows)


def painted(table: DataTable) -> list[list[tuple]]:
    """The segments of every line of the table, as (text, style) pairs."""
    strips = table.render_lines(Region(0, 0, table.size.width, table.size.height))
    return [[(s.text, s.style) for s in strip] for strip in strips]


async def compare(columns, rows, widths, cursor, size=(60, 24), **options) -> tuple[int, int]:
    """Both tables painted alike at every horizontal scroll; (cells rendered: plain, fast)."""
    app = TwinApp(columns, rows, widths, **options)
    async with app.run_test(size=size) as pilot:
        plain, fast = app.query_one("#plain", DataTable), app.query_one("#fast", FastTable)
        await pilot.pause()
        paints = []
        for table in (plain, fast):  # each painted focused, as the header's style depends on it
            table.focus()
            table.move_cursor(row=cursor[0], column=cursor[1], animate=False)
            await pilot.pause()
            paints.append([])
            for x in range(int(plain.max_scroll_x) + 2):
                table.scroll_to(x=x, animate=False, immediate=True)
                paints[-1].append((table.scroll_x, painted(table)))
        for x, (want, got) in enumerate(zip(*paints, strict=True)):
            assert got == want, f"scrolled to {x}"
        return len(plain._cell_render_cache), len(fast._cell_render_cache)


def random_table(seed: int):
    rnd = random.Random(seed)
    n_cols, n_rows = rnd.randint(1, 9), rnd.randint(0, 25)
    columns = [f"col {c}" for c in range(n_cols)]
    rows = []
    for _ in range(n_rows):
        row = [rnd.choice(WORDS) for _c in range(n_cols)]
        if rnd.random() < 0.2:
            row[rnd.randrange(n_cols)] = Text(rnd.choice(WORDS), style="bold red reverse")
        if rnd.random() < 0.5:  # as DataGrid gives them
            row[rnd.randrange(n_cols)] = Text(rnd.choice(WORDS), overflow="ellipsis", no_wrap=True)
        rows.append(row)
    widths = [rnd.choice([None, 3, 5, 6, 8, 11, 12, 30]) for _ in range(n_cols)]
    return columns, rows, widths, rnd


@pytest.mark.parametrize("seed", range(12))
@sync
async def test_same_paint_as_datatable(seed):
    columns, rows, widths, rnd = random_table(seed)
    options = {"fixed_columns": rnd.choice([0, 1]), "zebra_stripes": rnd.random() < 0.5}
    cursor = (rnd.randrange(max(1, len(rows))), rnd.randrange(len(columns)))
    await compare(columns, rows, widths, cursor, **options)


@sync
async def test_renders_only_the_columns_in_view():
    columns = [f"c{c}" for c in range(20)]
    rows = [[f"{r},{c}" for c in range(20)] for r in range(30)]
    app = TwinApp(columns, rows, [10] * 20, fixed_columns=1)
    async with app.run_test(size=(60, 24)) as pilot:
        plain, fast = app.query_one("#plain", DataTable), app.query_one("#fast", FastTable)
        await pilot.pause()
        want = painted(plain)
        fast.focus()
        await pilot.pause()
        assert painted(fast) == want
        # 60 columns of screen: the frozen column and four of the nineteen others, per line.
        assert len(fast._cell_render_cache) * 3 < len(plain._cell_render_cache)


def cells(table: DataTable) -> list:
    """Every cell's rendered lines (header included), under and off the cursor."""
    out = []
    for row in range(-1, table.row_count):
        style = table._get_row_style(row, table.rich_style)
        for col, column in enumerate(table.ordered_columns):
            width = column.get_render_width(table)
            for cursor in (False, True):
                lines = table._render_cell(row, col, style, width, cursor=cursor)
                out.append([[(s.text, s.style) for s in line] for line in lines])
    return out


@pytest.mark.parametrize("seed", range(6))
@sync
async def test_cells_segment_for_segment(seed):
    columns, rows, widths, rnd = random_table(seed)
    app = TwinApp(columns, rows, widths, fixed_columns=1, zebra_stripes=rnd.random() < 0.5)
    async with app.run_test(size=(60, 24)) as pilot:
        rendered = []
        for name in ("#plain", "#fast"):
            table = app.query_one(name, DataTable)
            table.focus()
            await pilot.pause()
            table._pseudo_class_state = table.get_pseudo_class_state()
            rendered.append(cells(table))
        assert rendered[1] == rendered[0]
