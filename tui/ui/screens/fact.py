"""One number quoted in the prose: its value and context, and the table cells holding the same value."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.corpus.numbers import format_number
from tui.store import reader
from tui.store.reader import FactDetail
from tui.ui.messages import Navigate, Target
from tui.ui.screens.main import SLOW_SECONDS
from tui.ui.widgets.key_footer import KeyFooter


class FactScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("p", "paragraph", "Paragraph"),
    ]

    class Loaded(Message):
        def __init__(self, detail: FactDetail | None) -> None:
            super().__init__()
            self.detail = detail

    def __init__(self, fact_id: str) -> None:
        super().__init__(classes="dialog-screen")
        self.fact_id = fact_id
        self.detail: FactDetail | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("", id="fact-summary")
            yield OptionList(id="fact-cells")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._slow = self.set_timer(SLOW_SECONDS, lambda: setattr(self.query_one(".dialog"), "loading", True))
        self._fetch()

    @work(thread=True, exclusive=True, group="fact")
    def _fetch(self) -> None:
        con = self.app.cursor()
        try:
            detail = reader.load_fact(con, self.fact_id)
        finally:
            con.close()
        self.post_message(self.Loaded(detail))

    def on_fact_screen_loaded(self, message: Loaded) -> None:
        self._slow.stop()
        self.query_one(".dialog").loading = False
        f = self.detail = message.detail
        summary = self.query_one("#fact-summary", Static)
        if f is None:
            summary.update(f"Number {self.fact_id} is not in the database.")
            return
        summary.update(_summary(f))
        box = self.query_one("#fact-cells", OptionList)
        if not f.cells:
            box.set_options([Option(Text("This value appears in no table.", style="dim"), disabled=True)])
        else:
            box.set_options([Option(_cell_line(c), id=str(i)) for i, c in enumerate(f.cells)])
            box.highlighted = 0
        box.focus()

    @on(OptionList.OptionSelected, "#fact-cells")
    def _open_cell(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.detail is None or event.option.id is None:
            return
        c = self.detail.cells[int(event.option.id)]
        self.post_message(Navigate(Target("exhibit", c.exhibit_id, c.doc_id, cell=(c.row, c.col))))

    def action_paragraph(self) -> None:
        f = self.detail
        if f is not None:
            kind, ref = ("section", f.section_id) if f.section_id else ("document", f.doc_id)
            self.post_message(Navigate(Target(kind, ref, f.doc_id, paragraph_id=f.paragraph_id)))


def _summary(f: FactDetail) -> Text:
    text = Text.assemble(("Number ", "bold"), (f.raw, "bold reverse"))
    text.append(
        f"\nvalue {format_number(f.value)}" + (f"  unit {f.unit}" if f.unit else "") + f"  kind {f.kind}"
    )
    text.append(f"\n{f.doc_id}, line {f.line}")
    text.append("\n" + " ".join(f.context.split()), style="italic")
    linked = sum(c.linked for c in f.cells)
    text.append(
        f"\n\nIn tables: {linked} linked cell(s), {len(f.cells) - linked} other cell(s) with the same value"
    )
    return text


def _cell_line(c) -> Text:
    mark = ("✓ ", "bold green") if c.linked else ("= ", "dim")
    return Text.assemble(
        mark,
        (c.label, "bold"),
        f" {c.title[:40]}",
        (f"  [{c.doc_id}] row {c.row + 1}, col {c.col + 1}: ", "dim"),
        c.text,
    )
