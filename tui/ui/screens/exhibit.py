"""One exhibit: its caption, the table in the grid, a chart, the raw source lines, and who cites it."""

from __future__ import annotations

from typing import Self

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option

from tui.corpus.numbers import format_number, regroup
from tui.store.reader import ExhibitDetail
from tui.ui.messages import Navigate, Target
from tui.ui.widgets.chart_view import ChartView
from tui.ui.widgets.data_grid import DataGrid
from tui.ui.widgets.key_footer import KeyFooter

NO_DATA = "The data of this chart is not in the source: only its title, source and citing paragraphs are."


class ExhibitScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.back", "Back"),
        Binding("t", "view('grid')", "Table"),
        Binding("v", "toggle_source", "Source"),
        Binding("i", "view('cited')", "Cited in"),
        Binding("l", "chart_kind", "Bar/line", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.target: Target | None = None
        self.breadcrumb = ""
        self.detail: ExhibitDetail | None = None
        self.waiting = False
        """Shown before its data arrived (a slow read); :meth:`fill` completes it."""
        self.previous_view = "grid"
        self._styled_theme: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(self.breadcrumb, id="breadcrumb")
        with Vertical(id="exhibit-body"):
            yield Static("", id="exhibit-caption")
            with ContentSwitcher(initial="grid", id="exhibit-views"):
                yield DataGrid(id="grid")
                yield OptionList(id="source")
                yield ChartView(id="chart")
                yield OptionList(id="cited")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._render_state()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget of a pushed screen (a fifth of the time to open an
        # exhibit); this screen is reused, and its styles only change with the theme.
        if self._styled_theme == self.app.theme:
            event.refresh_styles = False
        self._styled_theme = self.app.theme
        # Laid out in the first paint: the new caption may be taller or shorter than the last.
        self.refresh(layout=True)

    def refresh(self, *regions: Region, **kwargs) -> Self:
        # Only a covered screen asks the screen on top to repaint regions of its own (Textual
        # repaints the screen below at each push, which repainted this one whole a frame after
        # its first paint: 5-10 ms). Nothing of it shows through this opaque screen.
        if regions and not kwargs and self.app.screen is self and self.styles.background.a == 1:
            return self
        return super().refresh(*regions, **kwargs)

    def show(
        self, target: Target, breadcrumb: str, detail: ExhibitDetail | None, loaded: bool = True
    ) -> None:
        """Show an exhibit in this (reused) screen: building a new screen costs more than the read.

        The main screen reads the exhibit first, so the screen is laid out once, already filled;
        ``loaded`` False shows it waiting (the read is slow) until :meth:`fill`.
        """
        self.target, self.breadcrumb, self.detail, self.waiting = target, breadcrumb, detail, not loaded
        if self.is_mounted:
            self._render_state()

    def fill(self, detail: ExhibitDetail | None) -> None:
        """The data of the exhibit this screen has been waiting for."""
        self.detail, self.waiting = detail, False
        self._render_state()

    def _render_state(self) -> None:
        if self.target is None:
            return
        self.call_after_refresh(self.app.idle_gc.after_paint)
        self.query_one("#breadcrumb", Static).update(self.breadcrumb, layout=False)  # one line
        self.query_one("#exhibit-body").loading = self.waiting
        switcher = self.query_one(ContentSwitcher)
        switcher.current = "grid"
        grid = self.query_one(DataGrid)
        grid.name_for_export = _file_stem(self.target.ref)
        d = self.detail
        caption = self.query_one("#exhibit-caption", Static)
        if self.waiting or d is None:
            grid.load([], [], [])
            caption.update("" if self.waiting else f"Exhibit {self.target.ref} is not in the database.")
            return
        caption.update(_caption(d))
        self._fill_source(d.source_lines)
        self._fill_cited(d)
        if d.texts:
            marks = {
                (c.row, c.col): _check_note(c) for c in d.checks if c.row is not None and c.col is not None
            }
            grid.load(d.columns, _raw_rows(d), d.numeric, display=_shown(d), marks=marks)
            if self.target.cell:
                grid.move_to(*self.target.cell)
            grid.table.focus()
        else:
            self.action_view("cited")

    def _fill_source(self, lines: list[tuple[int, str]]) -> None:
        width = len(str(lines[-1][0])) if lines else 1
        options = [
            Option(Text.assemble((f"{n:>{width}} │ ", "dim"), text.replace("\t", " ⇥ "))) for n, text in lines
        ]
        self.query_one("#source", OptionList).set_options(options)

    def _fill_cited(self, d: ExhibitDetail) -> None:
        box = self.query_one("#cited", OptionList)
        if not d.citations:
            box.set_options([Option(Text("No paragraph cites this exhibit.", style="dim"), disabled=True)])
            return
        box.set_options(
            [
                Option(Text.assemble((f"line {c.line_start}  ", "dim"), _shorten(c.text)), id=str(i))
                for i, c in enumerate(d.citations)
            ]
        )
        box.highlighted = 0

    # -- views ---------------------------------------------------------------------------------

    def action_view(self, name: str) -> None:
        switcher = self.query_one(ContentSwitcher)
        if name == "grid" and (self.detail is None or not self.detail.texts):
            name = "cited"
        switcher.current = name
        widget = self.query_one(f"#{name}")
        if name == "grid":
            self.query_one(DataGrid).table.focus()
        elif widget.can_focus:
            widget.focus()

    def action_toggle_source(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        if switcher.current == "source":
            self.action_view(self.previous_view)
        else:
            self.previous_view = switcher.current or "grid"
            self.action_view("source")

    def action_chart_kind(self) -> None:
        self.query_one(ChartView).toggle_kind()

    @on(DataGrid.ChartRequested)
    def _chart(self, event: DataGrid.ChartRequested) -> None:
        d, chart = self.detail, self.query_one(ChartView)
        if d is None or not chart.plot_request(event, d.columns, d.numeric, d.texts, d.values):
            return
        self.action_view("chart")
        chart.focus()

    @on(OptionList.OptionSelected, "#cited")
    def _open_citation(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.detail is None or event.option.id is None:
            return
        c = self.detail.citations[int(event.option.id)]
        kind, ref = ("section", c.section_id) if c.section_id else ("document", c.doc_id)
        self.post_message(Navigate(Target(kind, ref, c.doc_id, paragraph_id=c.paragraph_id)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "chart_kind":
            return self.query_one(ContentSwitcher).current == "chart"
        return True


def _shown(d: ExhibitDetail) -> list[list[str]]:
    """Cells as printed, numbers regrouped the es-MX way (``1'109,630`` -> ``1,109,630``)."""
    numeric = [c for c, num in enumerate(d.numeric) if num]
    shown = [list(texts) for texts in d.texts]
    for row in shown:
        for c in numeric:
            if c < len(row) and row[c]:
                row[c] = regroup(row[c])
    return shown


def _raw_rows(d: ExhibitDetail) -> list[list[object]]:
    """Values where a numeric column has one (for sorting and export), the printed text elsewhere."""
    return [
        [v if num and v is not None else t for t, v, num in zip(texts, values, d.numeric, strict=False)]
        for texts, values in zip(d.texts, d.values, strict=True)
    ]


NOTES_SHOWN = 240
"""Characters of an exhibit's notes shown above its grid."""


def _caption(d: ExhibitDetail) -> Text:
    i = d.info
    text = Text.assemble((i.label, "bold reverse"), " ", (i.title, "bold"))
    # The caption is a few lines high on a small terminal: what matters most comes first, the
    # notes (whole in the source view) last and shortened.
    notes = " ".join((d.notes or "").split())
    if len(notes) > NOTES_SHOWN:
        notes = notes[: NOTES_SHOWN - 1].rstrip() + "… (v: source lines)"
    lines = [
        ("", d.subtitle, "italic"),
        (_source_label(d.source), d.source, ""),
        ("Problems: ", d.problems, "dim"),
        ("", d.checks and f"{len(d.checks)} consistency check(s) failed: marked in red", "bold red"),
        ("", not d.texts and NO_DATA + " Cited in:", "bold dark_orange"),
        ("Notes: ", notes, ""),
    ]
    for label, value, style in lines:
        if value:
            text.append(f"\n{label}{' '.join(value.split())}", style=style)
    return text


def _source_label(source: str | None) -> str:
    return "" if (source or "").lower().startswith("fuente") else "Source: "


def _check_note(c) -> str:
    return f"check '{c.check}': expected {format_number(c.expected)}, found {format_number(c.found)}"


def _shorten(text: str, n: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _file_stem(ref: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in ref)
