"""A reusable results grid: es-MX numbers, sort, filter, frozen first column, copy and export.

Give it column names, rows of raw values and which columns are numeric (``load``); optionally the
printed text of each cell (``display``) and cells to highlight (``marks``). It posts
:class:`DataGrid.CellChanged` as the cursor moves and :class:`DataGrid.ChartRequested` for charts;
copying and exporting it does itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from tui.ui.text import TOTAL_LABEL, fold, natural
from tui.ui.widgets.fast_table import FastTable

SORT_LABELS = {0: "", 1: " ▲", -1: " ▼"}
FROZEN_MAX_WIDTH = 28
"""The frozen label column is cut to this width so numbers stay on screen at 80 columns."""


def format_value(value: object, numeric: bool) -> str:
    """es-MX: ``,`` thousands and ``.`` decimals for numeric columns; years and codes stay as they are."""
    if value is None:
        return ""
    if isinstance(value, bool) or not numeric or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


@dataclass(slots=True)
class GridData:
    columns: list[str]
    rows: list[list[object]]
    numeric: list[bool]
    display: list[list[str]]
    marks: dict[tuple[int, int], str]


class DataGrid(Vertical):
    """A table of results the user can sort, filter, copy and export."""

    BINDINGS = [
        Binding("s", "sort", "Sort"),
        Binding("f", "filter", "Filter"),
        Binding("y", "copy_cell", "Copy cell"),
        Binding("Y", "copy_row", "Copy row", show=False),
        Binding("T", "copy_table", "Copy table", show=False),
        Binding("e", "export", "Export"),
        Binding("g", "chart_column", "Chart"),
        Binding("G", "chart_row", "Chart row", show=False),
    ]

    class CellChanged(Message):
        """The cursor is on another cell (indices into the rows given to ``load``)."""

        def __init__(self, grid: DataGrid, row: int | None, col: int, mark: str | None) -> None:
            super().__init__()
            self.grid, self.row, self.col, self.mark = grid, row, col, mark

    class ChartRequested(Message):
        """Chart one column (``axis == "column"``) or one row of the visible rows."""

        def __init__(self, grid: DataGrid, axis: str, index: int) -> None:
            super().__init__()
            self.grid, self.axis, self.index = grid, axis, index

    def __init__(self, *, name_for_export: str = "table", id: str | None = None) -> None:
        super().__init__(id=id, classes="data-grid")
        self.data = GridData([], [], [], [], {})
        self.order: list[int] = []
        """Indices of the rows shown, in the order shown."""
        self.sort_col: int | None = None
        self.sort_dir = 0
        self.filter_text = ""
        self.name_for_export = name_for_export
        self._widths: list[int] = []
        self._text_widths: list[int] = []
        """Cells the widest text of each column takes (measured once per load, not per sort)."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter rows (Esc to close)", id="grid-filter", classes="hidden")
        yield FastTable(cursor_type="cell", zebra_stripes=True, fixed_columns=1, id="grid-table")
        yield Static("", id="grid-status")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = getattr(self.app, "cursor_blink", False)

    @property
    def table(self) -> DataTable:
        return self.query_one("#grid-table", DataTable)

    def load(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[object]],
        numeric: Sequence[bool],
        display: Sequence[Sequence[str]] | None = None,
        marks: dict[tuple[int, int], str] | None = None,
    ) -> None:
        """Show new data; ``marks`` maps (row, col) to a note shown when the cursor is on that cell."""
        numeric = list(numeric)
        box = self.query_one("#grid-filter", Input)
        if self.filter_text or box.value:
            self.filter_text, box.value = "", ""
            box.add_class("hidden")
        if display is None:
            display = [[format_value(v, numeric[c]) for c, v in enumerate(r)] for r in rows]
        self.data = GridData(
            list(columns), [list(r) for r in rows], numeric, [list(d) for d in display], marks or {}
        )
        self.sort_col, self.sort_dir = None, 0
        self._refresh_rows(reset_columns=True)

    # -- showing -------------------------------------------------------------------------------

    def _column_label(self, c: int) -> Text:
        arrow = SORT_LABELS[self.sort_dir] if c == self.sort_col else ""
        label = self.data.columns[c] + arrow
        # DataTable ignores Text.justify: numeric columns are right-aligned by padding.
        return Text(label.rjust(self._widths[c]) if self.data.numeric[c] else label)

    def _refresh_rows(self, reset_columns: bool = False) -> None:
        table, d = self.table, self.data
        # Filtering or sorting keeps the cursor's column (and row, if still shown): clear() resets it.
        was_row, was_col = (None, 0) if reset_columns else self.cursor_cell()
        self.order = self._visible_order()
        if reset_columns:
            self._widths = [
                max([len(name) + 2, *(len(r[c]) for r in d.display if c < len(r))])
                for c, name in enumerate(d.columns)
            ]
            self._text_widths = [
                0 if d.numeric[c] else max((_text_width(r[c]) for r in d.display if c < len(r)), default=0)
                for c in range(len(d.columns))
            ]
            table.clear(columns=True)
            for c in range(len(d.columns)):
                table.add_column(self._column_label(c), key=str(c), width=self._width(c))
        else:
            table.clear()
        table.add_rows([self._cells(i) for i in self.order])
        if was_col or was_row is not None:
            at = self.order.index(was_row) if was_row in self.order else 0
            table.move_cursor(row=at, column=was_col, animate=False)
        self._update_status()

    def _width(self, c: int) -> int:
        """Column ``c``'s width, given up front so the table does not measure every cell through
        Rich after showing it: what its label and cells need; the frozen column's cut."""
        if c == 0 and len(self.data.columns) > 1:
            return self._frozen_width()
        if self.data.numeric[c]:
            return self._widths[c]  # label and cells are padded to it
        return max(cell_len(self._column_label(c).plain), self._text_widths[c])

    def _frozen_width(self) -> int:
        """The label column: cut to :data:`FROZEN_MAX_WIDTH` unless the grid is wide enough to
        show the other columns beside more of it (a wide terminal shows whole labels)."""
        others = sum(self._width(c) + 2 for c in range(1, len(self.data.columns)))  # + padding
        room = self.size.width - others - 4  # its own padding and the vertical scrollbar
        return min(self._widths[0], max(FROZEN_MAX_WIDTH, room))

    def on_resize(self) -> None:
        if len(self.data.columns) > 1 and self._widths:
            column = self.table.columns[_key(0)]
            if column.width != (width := self._frozen_width()):
                column.width = width
                self._refresh_rows()

    def _cells(self, i: int) -> list[Text]:
        d = self.data
        out = []
        for c, text in enumerate(d.display[i]):
            style = "bold red reverse" if (i, c) in d.marks else ""
            if d.numeric[c]:
                text = text.rjust(self._widths[c])
            out.append(Text(text, style=style, overflow="ellipsis", no_wrap=True))
        return out

    def _visible_order(self) -> list[int]:
        d = self.data
        order = list(range(len(d.rows)))
        if self.filter_text:
            needle = fold(self.filter_text)
            order = [i for i in order if any(needle in fold(t) for t in d.display[i])]
        if self.sort_col is not None and self.sort_dir:
            order.sort(key=self._sort_key(self.sort_col), reverse=self.sort_dir < 0)
            # Totals stay below the rows they sum, whichever the direction.
            totals = [i for i in order if d.display[i] and TOTAL_LABEL.match(d.display[i][0])]
            if totals and len(totals) < len(order):
                last = set(totals)
                order = [i for i in order if i not in last] + totals
        return order

    def _sort_key(self, c: int):
        rows, display = self.data.rows, self.data.display
        if self.data.numeric[c]:

            def key(i: int):
                v = rows[i][c]
                ok = isinstance(v, int | float) and not isinstance(v, bool)
                return (0, float(v)) if ok else (1, 0.0)

            return key
        return lambda i: natural(display[i][c])

    def _update_status(self) -> None:
        d = self.data
        parts = [
            f"{len(self.order):,} of {len(d.rows):,} rows" if self.filter_text else f"{len(d.rows):,} rows"
        ]
        if self.sort_col is not None and self.sort_dir:
            parts.append(f"sorted by {d.columns[self.sort_col]}{SORT_LABELS[self.sort_dir]}")
        if self.filter_text:
            parts.append(f"filter: {self.filter_text}")
        row, col = self.cursor_cell()
        if row is not None and (row, col) in d.marks:
            parts.append(d.marks[(row, col)])
        if row is not None and d.display and len(d.display[row][0]) > self.table.columns[_key(0)].width:
            parts.append(d.display[row][0])
        # One line whatever it says: a layout of the screen at each cursor move is not needed.
        self.query_one("#grid-status", Static).update(" · ".join(parts), layout=False)

    # -- cursor --------------------------------------------------------------------------------

    def cursor_cell(self) -> tuple[int | None, int]:
        """(row index into the loaded rows, column) under the cursor; row None when empty."""
        coord = self.table.cursor_coordinate
        row = self.order[coord.row] if 0 <= coord.row < len(self.order) else None
        return row, coord.column

    def move_to(self, row: int, col: int) -> None:
        """Put the cursor on a loaded row (if visible) and column."""
        if row in self.order:
            self.table.move_cursor(row=self.order.index(row), column=col, animate=False)

    @on(DataTable.CellHighlighted, "#grid-table")
    def _cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        row, col = self.cursor_cell()
        self._update_status()
        self.post_message(self.CellChanged(self, row, col, self.data.marks.get((row, col))))

    # -- actions -------------------------------------------------------------------------------

    def action_sort(self) -> None:
        """Sort by the cursor's column: ascending, descending, then as printed."""
        _, col = self.cursor_cell()
        if not self.data.columns:
            return
        if self.sort_col != col:
            self.sort_col, self.sort_dir = col, 1
        else:
            self.sort_dir = {1: -1, -1: 0, 0: 1}[self.sort_dir]
        for c in range(len(self.data.columns)):
            column = self.table.columns[_key(c)]
            column.label, column.width = self._column_label(c), self._width(c)
        self._refresh_rows()
        self.table.move_cursor(row=0, column=col, animate=False)

    def action_filter(self) -> None:
        box = self.query_one("#grid-filter", Input)
        box.remove_class("hidden")
        box.focus()

    @on(Input.Changed, "#grid-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filter_text = event.value.strip()
        self._refresh_rows()

    @on(Input.Submitted, "#grid-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.focus()

    def on_key(self, event) -> None:
        box = self.query_one("#grid-filter", Input)
        if event.key == "escape" and box.has_focus:
            event.stop()
            box.value = ""
            box.add_class("hidden")
            self.table.focus()

    def set_filter(self, text: str) -> None:
        box = self.query_one("#grid-filter", Input)
        box.remove_class("hidden")
        box.value = text
        self.filter_text = text.strip()
        self._refresh_rows()

    def visible_display(self) -> list[list[str]]:
        return [self.data.display[i] for i in self.order]

    def visible_rows(self) -> list[list[object]]:
        return [self.data.rows[i] for i in self.order]

    def action_copy_cell(self) -> None:
        row, col = self.cursor_cell()
        if row is not None:
            self._copy(self.data.display[row][col], "cell")

    def action_copy_row(self) -> None:
        row, _ = self.cursor_cell()
        if row is not None:
            self._copy("\t".join(self.data.display[row]), "row")

    def action_copy_table(self) -> None:
        lines = ["\t".join(self.data.columns), *("\t".join(r) for r in self.visible_display())]
        self._copy("\n".join(lines), f"table ({len(lines) - 1} rows)")

    def _copy(self, text: str, what: str) -> None:
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {what} to the clipboard", timeout=2)

    def action_chart_column(self) -> None:
        _, col = self.cursor_cell()
        self.post_message(self.ChartRequested(self, "column", col))

    def action_chart_row(self) -> None:
        row, _ = self.cursor_cell()
        if row is not None:
            self.post_message(self.ChartRequested(self, "row", row))

    def action_export(self) -> None:
        from tui.ui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(self.name_for_export), self._export_chosen)

    def _export_chosen(self, request) -> None:
        if request is None:
            return
        if request.path.exists():
            from tui.ui.dialogs.confirm import ConfirmDialog

            question = f"{request.path} exists. Overwrite it?"
            self.app.push_screen(
                ConfirmDialog(question), lambda yes: self._write_export(request) if yes else None
            )
        else:
            self._write_export(request)

    @work(thread=True, group="export")
    def _write_export(self, request) -> None:
        from tui.ui.exporting import ExportError, write_table

        columns, rows = list(self.data.columns), self.visible_rows()
        try:
            write_table(request.path, request.fmt, columns, rows)
        except ExportError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self.notify, f"Exported {len(rows)} rows to {request.path}")


def _text_width(text: str) -> int:
    """Cells a text takes in one line of the table (as DataTable measures it: its widest line)."""
    return cell_len(text) if "\n" not in text else max(map(cell_len, text.split("\n")))


def _key(c: int):
    from textual.widgets._data_table import ColumnKey

    return ColumnKey(str(c))
