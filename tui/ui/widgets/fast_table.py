"""A DataTable that paints only what is in view.

Textual's DataTable renders, for every painted line, every column of the row through Rich (the
frozen ones twice) and then crops the line to the screen; it also reads the widget's styles
again for each line, and measures every new cell after it appears even when each column was
given its width. Opening a wide exhibit spent most of its first paint there. This subclass:

- renders only the columns that intersect the visible window (plus the frozen ones, once);
- reads the styles a paint needs once per paint;
- skips the measuring when every column has a width (no label column, rows of height 1);
- builds itself the segments of a cell of one line of text without spans (cut to fit as Rich
  cuts it), laid out as Rich lays them out: Rich took a quarter of a millisecond per cell.

It paints the same segments as DataTable (see ``tests/test_ui_fast_table.py``).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._segment_tools import line_crop
from textual._types import SegmentLines
from textual.color import Color
from textual.coordinate import Coordinate
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets._data_table import RowKey


class FastTable(DataTable):
    """DataTable whose lines cost the visible columns only."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._paint_styles: dict[str, Style] = {}
        """Styles read during the current paint (cleared at its start)."""

    # -- styles, once per paint ----------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._paint_styles = {}
        return super().render_lines(crop)

    def _component(self, name: str) -> Style:
        style = self._paint_styles.get(name)
        if style is None:
            style = self._paint_styles[name] = self.get_component_styles(name).rich_style
        return style

    def _base_style(self) -> Style:
        style = self._paint_styles.get("")
        if style is None:
            style = self._paint_styles[""] = self.rich_style
        return style

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        if row_index == -1:
            return self._component("datatable--header")
        if row_index < self.fixed_rows:
            return self._component("datatable--fixed")
        if self.zebra_stripes:
            return self._component("datatable--odd-row" if row_index % 2 else "datatable--even-row")
        return base_style

    # -- lines -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if self.fixed_rows or not self.show_header:
            return super().render_line(y)
        scroll_x, scroll_y = self.scroll_offset
        if y >= self.header_height:
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + self.size.width, self._base_style())

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        if self._labelled_row_exists and self.show_row_labels:
            return super()._render_line(y, x1, x2, base_style)
        width = self.size.width
        try:
            row_key, line_no = self._get_offsets(y)
        except LookupError:
            return Strip.blank(width, base_style)
        cursor, hover = self.cursor_coordinate, self.hover_coordinate
        cache_key = (y, x1, x2, width, cursor, hover, base_style, self.cursor_type)
        cache_key += (self._show_hover_cursor, self._update_count, self._pseudo_class_state)
        strip = self._line_cache.get(cache_key)
        if strip is None:
            columns = self.ordered_columns
            fixed_width = sum(c.get_render_width(self) for c in columns[: self.fixed_columns])
            start = x1 + fixed_width
            fixed, scrollable, origin = self._render_window(row_key, line_no, base_style, start, x2)
            total = sum(segment.cell_length for segment in scrollable)
            visible = line_crop(scrollable, start - origin, x2 - origin, total)
            strip = Strip(fixed + visible).adjust_cell_length(width, base_style).simplify()
            self._line_cache[cache_key] = strip
        return strip

    def _render_window(
        self, row_key: RowKey, line_no: int, base_style: Style, start: int, end: int
    ) -> tuple[list[Segment], list[Segment], int]:
        """The frozen cells, and the other cells from the first one that reaches ``start`` to
        the last one that begins before ``end`` (with the filler after the last column), and
        where those begin: the line DataTable renders, less what its crop would cut."""
        row_index = self._row_locations.get(row_key)
        row_index = -1 if row_index is None else row_index
        cursor, hover, kind = self.cursor_coordinate, self.hover_coordinate, self.cursor_type
        lit = self._should_highlight
        columns = self.ordered_columns
        fixed_count = self.fixed_columns
        fixed: list[Segment] = []
        if fixed_count:
            style = self._component("datatable--header")
            if row_index != -1:
                style = self._component("datatable--fixed") + Style.from_meta({"fixed": True})
            for c, column in enumerate(columns[:fixed_count]):
                at = Coordinate(row_index, c)
                width = column.get_render_width(self)
                cell = self._render_cell(
                    row_index, c, style, width, lit(cursor, at, kind), lit(hover, at, kind)
                )
                fixed.extend(cell[line_no])
        row_style = self._get_row_style(row_index, base_style)
        scrollable: list[Segment] = []
        x, origin = 0, None
        for c, column in enumerate(columns):
            width = column.get_render_width(self)
            if c >= fixed_count and x + width > start and x < end:
                at = Coordinate(row_index, c)
                origin = x if origin is None else origin
                cell = self._render_cell(
                    row_index, c, row_style, width, lit(cursor, at, kind), lit(hover, at, kind)
                )
                scrollable.extend(cell[line_no])
            x += width
            if x > end:  # not >=: DataTable's line keeps a filler starting at ``end`` (empty)
                return fixed, scrollable, x if origin is None else origin
        table_width = sum(column.get_render_width(self) for column in columns[fixed_count:])
        filler = max(0, self.size.width - table_width)
        scrollable.append(Segment(" " * filler, self._extend_style(row_index, row_style)))
        return fixed, scrollable, x if origin is None else origin

    def _extend_style(self, row_index: int, row_style: Style) -> Style:
        """The style of the space right of the last column (as DataTable paints it)."""
        if self.cursor_type == "row":
            hover = self._should_highlight(self.hover_coordinate, Coordinate(row_index or 0, 0), "row")
            extend, _ = self._get_styles_to_render_cell(
                row_index == -1,
                False,
                False,
                hover,
                row_index == self.cursor_coordinate.row,
                self.show_cursor,
                self._show_hover_cursor,
                False,
                False,
            )
            extend = row_style + extend
        elif row_style.bgcolor is not None:
            background = self.background_colors[1]
            faded = Color.from_rich_color(row_style.bgcolor).blend(background, factor=0.25)
            extend = Style.from_color(color=row_style.color, bgcolor=faded.rich_color)
        else:
            extend = Style.from_color(row_style.color, row_style.bgcolor)
        return extend + Style.from_meta({"row": row_index, "column": 0, "out_of_bounds": True})

    # -- cells -------------------------------------------------------------------------------

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        if column_index < 0:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._header_row_key if row_index == -1 else self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        key = (row_key, column_key, base_style, cursor, hover, self._show_hover_cursor)
        key += (self._update_count, self._pseudo_class_state)
        lines = self._cell_render_cache.get(key)
        if lines is None:
            lines = self._plain_cell(row_index, column_index, base_style, width, cursor, hover)
            if lines is None:
                return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
            self._cell_render_cache[key] = lines
        return lines

    def _plain_cell(
        self, row_index: int, column_index: int, base_style: Style, width: int, cursor: bool, hover: bool
    ) -> SegmentLines | None:
        """The line DataTable's Rich rendering gives a cell of one line of text without spans
        (padding, text cut to fit, filler, padding); None for any other cell."""
        header = row_index == -1
        height = self.header_height if header else self.rows[self._row_locations.get_key(row_index)].height
        cell = self._get_row_renderables(row_index).cells[column_index]
        pad = self.cell_padding
        if (
            height != 1
            or pad < 1
            or type(cell) is not Text
            or cell.spans
            or cell.justify not in (None, "default")  # (others pad inside the text's style)
        ):
            return None
        text = cell.plain
        room = width - 2 * pad
        if "\n" in text or "\t" in text or room < 1:
            return None
        if cell_len(text) > room:  # cut as Rich cuts it (ellipsis, fold...)
            lines = cell.wrap(
                self.app.console, room, overflow=cell.overflow or "fold", no_wrap=cell.no_wrap is not False
            )
            if len(lines) != 1 or lines[0].spans or cell_len(lines[0].plain) > room:
                return None
            text = lines[0].plain
        fixed = not header and (row_index < self.fixed_rows or column_index < self.fixed_columns)
        component, post = self._get_styles_to_render_cell(
            header,
            False,
            fixed,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        pre = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component
        outer = pre + post
        inner = pre + self.app.console.get_style(cell.style) + post
        line = [Segment(" " * pad, outer), Segment(text, inner)]
        if room > cell_len(text):
            line.append(Segment(" " * (room - cell_len(text)), outer))
        line.append(Segment(" " * pad, outer))
        return [line]

    # -- sizes -------------------------------------------------------------------------------

    def add_rows(self, rows) -> list[RowKey]:
        keys = super().add_rows(rows)
        # Sized now, not when idle: the screen's first layout has the table's real size, and no
        # second layout and paint follow the first one (~20 ms on opening an exhibit).
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = list(self._new_rows)
            self._new_rows.clear()
            self._update_dimensions(new_rows)
        return keys

    def _update_dimensions(self, new_rows) -> None:
        rows = [self.rows.get(key) for key in new_rows]
        measured = any(column.auto_width for column in self.columns.values())
        if measured or any(r is not None and (r.label is not None or r.auto_height) for r in rows):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width, self._total_row_height + header)
