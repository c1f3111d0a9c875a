"""A DataTable that paints only what is in view.

Textual's DataTable renders, for every painted line, every column of the row through Rich (the
frozen ones twice) and then crops the line to the screen; it also reads the widget's styles
again for each line, and measures every new cell after it appears even when each column was
given its width. Opening a wide exhibit spent most of its first paint there. This subclass:

- renders only the columns that intersect the visible window (plus the frozen ones, once);
- reads the styles a paint needs once per paint;
- skips the measuring when every column has a width (no label column, rows of height 1).

It paints the same segments as DataTable (see ``tests/test_ui_fast_table.py``).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual._segment_tools import line_crop
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
            if x > end:  # (a column ending at ``end`` is followed by a zero-width filler)
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

    # -- sizes -------------------------------------------------------------------------------

    def _update_dimensions(self, new_rows) -> None:
        rows = [self.rows.get(key) for key in new_rows]
        measured = any(column.auto_width for column in self.columns.values())
        if measured or any(r is not None and (r.label is not None or r.auto_height) for r in rows):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width, self._total_row_height + header)
