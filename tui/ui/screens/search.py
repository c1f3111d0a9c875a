"""Full-text search over every document; Enter opens a hit in the reader or the exhibit view."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.store import reader
from tui.ui.messages import Navigate, Target
from tui.ui.widgets.key_footer import KeyFooter

DEBOUNCE_SECONDS = 0.25
KIND_LABEL = {"paragraph": "¶", "section": "§", "exhibit": "▤", "glossary": "A"}


class SearchScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("down", "focus_results", "Results", show=False),
    ]

    class Results(Message):
        def __init__(self, terms: str, hits: list, notice: str | None) -> None:
            super().__init__()
            self.terms, self.hits, self.notice = terms, hits, notice

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")
        self.hits: list = []
        self._timer = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Input(
                placeholder='search words or "a phrase"; Enter to go to the results', id="search-input"
            )
            yield Static("", id="search-notice")
            yield OptionList(id="search-results")
        yield KeyFooter()

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.cursor_blink = self.app.cursor_blink
        box.focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self._search(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._search(event.value, focus=True)

    def _search(self, terms: str, focus: bool = False) -> None:
        self._focus_after = focus
        self.query_one("#search-notice", Static).update("searching…")
        self._run(terms)

    @work(thread=True, exclusive=True, group="search")
    def _run(self, terms: str) -> None:
        con = self.app.cursor()
        try:
            hits, notice = reader.search_hits(con, terms)
        finally:
            con.close()
        self.post_message(self.Results(terms, hits, notice))

    def on_search_screen_results(self, message: Results) -> None:
        self.hits = message.hits
        n = len(self.hits)
        notice = f"{n} result{'s' if n != 1 else ''}" if message.terms.strip() else ""
        if message.notice:
            notice += f" — {message.notice}"
        self.query_one("#search-notice", Static).update(notice)
        box = self.query_one(OptionList)
        box.set_options([Option(_hit_line(h), id=str(i)) for i, h in enumerate(self.hits)])
        if self._focus_after and self.hits:
            box.highlighted = 0
            box.focus()

    def action_focus_results(self) -> None:
        box = self.query_one(OptionList)
        if box.option_count:
            box.focus()
            if box.highlighted is None:
                box.highlighted = 0

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        h = self.hits[int(event.option.id)]
        if h.kind == "exhibit":
            target = Target("exhibit", h.ref_id, h.doc_id)
        elif h.section_id:
            para = h.ref_id if h.kind == "paragraph" else None
            target = Target("section", h.section_id, h.doc_id, paragraph_id=para)
        else:
            para = h.ref_id if h.kind == "paragraph" else None
            target = Target("document", h.doc_id, h.doc_id, paragraph_id=para)
        self.post_message(Navigate(target))


def _hit_line(h) -> Text:
    text = Text.assemble(
        (KIND_LABEL.get(h.kind, "·") + " ", "bold"), (h.title or h.ref_id, "bold"), (f"  {h.doc_id}\n", "dim")
    )
    body = Text(h.text or h.snippet)
    for start, end in h.spans or []:
        body.stylize("bold reverse", start, end)
    text.append_text(body)
    return text
