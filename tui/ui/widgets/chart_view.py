"""A bar or line chart of one column or one row of a grid (textual-plotext, imported on first use)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.corpus.numbers import format_number
from tui.ui.text import TOTAL_LABEL

if TYPE_CHECKING:
    from tui.ui.widgets.data_grid import DataGrid

MAX_BARS = 40
"""Beyond this many points a bar chart is unreadable in 80 columns; the rest are left out (and said)."""


class ChartView(Vertical):
    """Holds the last plotted series so the user can switch between bars and lines."""

    can_focus = True

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind = "bar"
        self.series: tuple[str, list[str], list[float]] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="chart-title")

    def _plot_widget(self):
        from textual_plotext import PlotextPlot

        found = self.query(PlotextPlot)
        if found:
            return found.first()
        plot = PlotextPlot(id="chart-plot")
        self.mount(plot)
        return plot

    def plot_column(
        self,
        columns: Sequence[str],
        display: Sequence[Sequence[str]],
        rows: Sequence[Sequence[object]],
        numeric: Sequence[bool],
        col: int,
    ) -> bool:
        """Chart a numeric column against the first column's labels; False when not numeric."""
        if not (0 < col < len(columns)) or not numeric[col]:
            return False
        pairs = [(d[0], float(r[col])) for d, r in zip(display, rows, strict=False) if _is_number(r[col])]
        parts = [pair for pair in pairs if not _TOTAL.match(pair[0])]
        if parts and len(parts) < len(pairs):  # a total dwarfs the bars it sums
            left = len(pairs) - len(parts)
            note = "the total row" if left == 1 else f"its {left} total and subtotal rows"
            return self._set(f"{columns[col]} (without {note})", parts)
        return self._set(columns[col], pairs)

    def plot_row(
        self,
        columns: Sequence[str],
        texts: Sequence[str],
        values: Sequence[float | None],
        numeric: Sequence[bool],
    ) -> bool:
        """Chart a row across its numeric columns."""
        pairs = [(columns[c], float(v)) for c, v in enumerate(values) if numeric[c] and _is_number(v)]
        return self._set(texts[0] if texts else "row", pairs)

    def plot_request(
        self,
        request: DataGrid.ChartRequested,
        columns: Sequence[str],
        numeric: Sequence[bool],
        texts: Sequence[Sequence[str]],
        values: Sequence[Sequence[object]],
    ) -> bool:
        """Chart what a grid asked for (its visible rows for a column; one row of ``texts`` and
        ``values`` otherwise); say why and return False when there is nothing numeric."""
        grid = request.grid
        if request.axis == "column":
            display, rows = grid.visible_display(), grid.visible_rows()
            ok = self.plot_column(columns, display, rows, numeric, request.index)
        else:
            ok = self.plot_row(columns, texts[request.index], values[request.index], numeric)
        if not ok:
            self.notify("Nothing numeric to chart here: choose a numeric column or a row with numbers.")
        return ok

    def _set(self, title: str, pairs: list[tuple[str, float]]) -> bool:
        if not pairs:
            return False
        cut = len(pairs) > MAX_BARS
        pairs = pairs[:MAX_BARS]
        self.series = (
            title + (f" (first {MAX_BARS})" if cut else ""),
            [p[0] for p in pairs],
            [p[1] for p in pairs],
        )
        self.redraw()
        return True

    def toggle_kind(self) -> None:
        self.kind = "line" if self.kind == "bar" else "bar"
        self.redraw()

    def redraw(self) -> None:
        if self.series is None:
            return
        title, labels, values = self.series
        self.query_one("#chart-title", Static).update(f"{title} — {self.kind} chart (l: bar/line)")
        widget = self._plot_widget()
        plt = widget.plt
        plt.clear_data()
        plt.clear_figure()
        ticks = [_short(t) for t in labels]
        xs = list(range(1, len(values) + 1))
        if self.kind == "bar":
            plt.bar(xs, values)
        else:
            plt.plot(xs, values, marker="braille")
        plt.xticks(xs, ticks)
        marks = nice_ticks(min(0.0, *values), max(0.0, *values))
        plt.yticks(marks, [format_number(m) for m in marks])
        plt.title(title)
        widget.refresh()


_TOTAL = TOTAL_LABEL


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """About ``count`` round tick values (1, 2 or 5 times a power of ten apart) covering lo..hi."""
    raw = (hi - lo) / count
    if not raw > 1e-12 * max(1.0, abs(hi)):  # one value, or a span too small to divide
        return [lo]
    power = 10 ** math.floor(math.log10(raw))
    step = min((m * power for m in (1, 2, 5, 10)), key=lambda step: abs((hi - lo) / step - count))
    first = math.ceil(lo / step) * step
    n = int((hi - first) / step + 1e-9) + 1
    return [round(first + i * step, 10) for i in range(n)]


def _is_number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _short(text: str, n: int = 12) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
