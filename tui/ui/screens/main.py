"""The main screen: outline on the left, reader on the right, breadcrumb on top; keeps the history."""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from tui.store import reader
from tui.store.reader import ExhibitDetail, Library, Outline, SectionInfo, SectionText
from tui.ui.messages import Navigate, Target
from tui.ui.text import fit_trail
from tui.ui.widgets.key_footer import KeyFooter
from tui.ui.widgets.outline_tree import OutlineTree
from tui.ui.widgets.section_reader import SectionReader

SLOW_SECONDS = 0.2
"""After this long without an answer, the reader says it is loading."""
CACHED_SECTIONS = 32
LIBRARY_MAX_PARAGRAPHS = 40_000
"""Beyond this (four times the corpus), section texts are not all held in memory (~1 KB each)."""
WARM_UP_SECONDS = 0.5
"""Once the first screen is up and the user pauses, the exhibit screen is built: not on the first Enter."""


class MainScreen(Screen):
    BINDINGS = [
        Binding("right_square_bracket", "next_section", "Next §"),
        Binding("left_square_bracket", "previous_section", "Prev §"),
        Binding("f3", "focus_outline", "Outline", show=False),
        Binding("f4", "focus_reader", "Reader", show=False),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    class ExhibitLoaded(Message):
        def __init__(self, target: Target, content: ExhibitDetail | None) -> None:
            super().__init__()
            self.target, self.content = target, content

    class LibraryLoaded(Message):
        def __init__(self, library: Library) -> None:
            super().__init__()
            self.library = library

    class SectionLoaded(Message):
        def __init__(self, target: Target, content: SectionText) -> None:
            super().__init__()
            self.target, self.content = target, content

    def __init__(self, outline: Outline, first: SectionText | None = None) -> None:
        """``first``: the text of the first document, when it was read with the outline."""
        super().__init__()
        self.outline = outline
        self.sections = {s.section_id: s for s in outline.sections}
        self.docs = {d.doc_id: d for d in outline.documents}
        self.subsections: dict[str, list[SectionInfo]] = defaultdict(list)
        for s in outline.sections:
            self.subsections[s.parent_id or s.doc_id].append(s)
        self.history: list[Target] = []
        self.position = -1
        self.shown: Target | None = None
        self.pending: Target | None = None
        """A section asked for (not a preview) and not shown yet."""
        self._slow_timer = None
        self._in_flight: Target | None = None
        self._cache: OrderedDict[str, SectionText] = OrderedDict()
        self.library: Library | None = None
        """Every section's text, once read in the background: sections then open without a query."""
        if first is not None and first.section_id is None:
            self._cache[first.doc_id] = first
        self.exhibit_wanted: Target | None = None
        """The exhibit asked for, until its screen is shown."""
        self._exhibit_timer = None
        self._reveal_later: str | None = None
        """An exhibit to show in the outline once this screen is back on top (hidden, it would
        only cost a refresh)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="breadcrumb")
        with Horizontal(id="panes"):
            yield OutlineTree(self.outline, id="outline")
            yield SectionReader(id="reader")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(OutlineTree).focus()
        if self.outline.documents:
            d = self.outline.documents[0]
            self.navigate(Target("document", d.doc_id, d.doc_id, preview=True))
        else:
            self.query_one("#breadcrumb", Static).update("This database holds no document.")
        self.set_timer(WARM_UP_SECONDS, self._warm_up)
        self.call_after_refresh(self._read_library)

    @work(thread=True, exclusive=True, group="library")
    def _read_library(self) -> None:
        """Read the text of every section (~0.15 s, ~11 MB for the corpus) after the first paint."""
        con = self.app.cursor()
        try:
            if reader.count_paragraphs(con) > LIBRARY_MAX_PARAGRAPHS:
                return  # sections are read one by one: memory stays bounded
            library = reader.load_library(con)
        finally:
            con.close()
        self.post_message(self.LibraryLoaded(library))

    def on_main_screen_library_loaded(self, message: LibraryLoaded) -> None:
        self.library = message.library
        self._cache.clear()

    async def _warm_up(self) -> None:
        """Build the exhibit screen ahead of time, so that the first exhibit opens as fast as the
        others (composing and styling it the first time costs 100-150 ms).

        It is pushed and popped inside one batched update, so it never reaches the terminal; not
        while the user is typing, nor once they opened something on top.
        """
        from tui.ui.screens.exhibit import ExhibitScreen

        app = self.app
        if app.is_screen_installed("exhibit") or app.screen is not self:
            return
        if app.idle_gc.busy(WARM_UP_SECONDS):
            self.set_timer(WARM_UP_SECONDS, self._warm_up)
            return
        screen = ExhibitScreen()
        app.install_screen(screen, "exhibit")
        with app.batch_update():
            await app.push_screen(screen)
            await app.pop_screen()

    def on_screen_resume(self) -> None:
        self.query_one(SectionReader).resume_filling()
        if self._reveal_later is not None:
            self.query_one(OutlineTree).reveal(self._reveal_later)
            self._reveal_later = None

    # -- history -------------------------------------------------------------------------------

    def navigate(self, target: Target, record: bool = True) -> None:
        """Show a target; sections and exhibits go into the back/forward history."""
        if target.kind == "fact":
            from tui.ui.screens.fact import FactScreen

            self.app.push_screen(FactScreen(target.ref))
            return
        if target.preview and self.pending is not None:
            return  # the outline cursor moving while the app reveals a chosen target
        if target.preview and self.shown is not None and self.shown.ref == target.ref:
            return  # already on screen
        if record:
            self._record(target)
        if target.kind == "exhibit":
            self._open_exhibit(target)
        else:
            self.exhibit_wanted = None  # an exhibit still being read is not shown any more
            self._load(target)

    def _record(self, target: Target) -> None:
        top = self.history[self.position] if self.position >= 0 else None
        if top is not None and top == self.shown and top.kind != "exhibit":
            # Leaving a text: back brings the reader to the paragraph it was on, not to the top.
            block = self.query_one(SectionReader).current_block()
            if block is not None and block.kind == "paragraph":
                top = self.history[self.position] = replace(top, paragraph_id=block.ref)
        del self.history[self.position + 1 :]
        if top is not None and top.preview and target.preview:
            self.history[self.position] = target
        elif top is None or top.ref != target.ref or top.paragraph_id != target.paragraph_id:
            self.history.append(target)
        self.position = len(self.history) - 1

    def go_history(self, delta: int) -> None:
        new = self.position + delta
        if not 0 <= new < len(self.history):
            self.app.bell()
            self.notify(f"Nothing {'earlier' if delta < 0 else 'later'} in the history.", timeout=2)
            return
        self.position = new
        self.app.back_to_main()
        self.navigate(self.history[new], record=False)

    # -- exhibits ------------------------------------------------------------------------------

    def _open_exhibit(self, target: Target) -> None:
        """Read the exhibit first and push its screen filled: one layout instead of two.

        Should the read be slow, the screen is pushed anyway and says it is loading.
        """
        self.exhibit_wanted = target
        self._reveal_later = target.ref
        if self._exhibit_timer is not None:
            self._exhibit_timer.stop()
        self._exhibit_timer = self.set_timer(SLOW_SECONDS, lambda: self._exhibit_slow(target))
        self._fetch_exhibit(target)

    def _exhibit_slow(self, target: Target) -> None:
        if target == self.exhibit_wanted:  # not given up for another place meanwhile
            self._show_exhibit(target, None, loaded=False)

    @work(thread=True, exclusive=True, group="exhibit")
    def _fetch_exhibit(self, target: Target) -> None:
        con = self.app.cursor()
        try:
            content = reader.load_exhibit(con, target.ref, with_source=True)
        finally:
            con.close()
        self.post_message(self.ExhibitLoaded(target, content))

    def on_main_screen_exhibit_loaded(self, message: ExhibitLoaded) -> None:
        target = message.target
        if target == self.exhibit_wanted:
            self._exhibit_timer.stop()
            self._show_exhibit(target, message.content)
            return
        screen = self.app.screen
        if getattr(screen, "target", None) == target and getattr(screen, "waiting", False):
            screen.fill(message.content)  # pushed while the read was slow, still on top

    def _show_exhibit(self, target: Target, content: ExhibitDetail | None, loaded: bool = True) -> None:
        """Show the exhibit screen for ``target``: filled, or waiting for the read (not ``loaded``)."""
        from tui.ui.screens.exhibit import ExhibitScreen

        self.exhibit_wanted = None
        if not self.app.is_screen_installed("exhibit"):
            self.app.install_screen(ExhibitScreen(), "exhibit")
        screen = self.app.get_screen("exhibit")
        screen.show(target, self.breadcrumb_for(target), content, loaded)
        if self.app.screen is not screen:
            self.app.push_screen(screen)

    # -- sections ------------------------------------------------------------------------------

    def _load(self, target: Target) -> None:
        if target == self._in_flight:
            return  # e.g. the outline's first highlight repeating the first document's preview
        self._in_flight = target
        self.query_one(SectionReader).stop_filling()
        if self._slow_timer is not None:
            self._slow_timer.stop()
        self._slow_timer = self.set_timer(SLOW_SECONDS, self._show_loading)
        if not target.preview:
            self.pending = target
        cached = self._from_memory(target)
        if cached is not None:
            self.post_message(self.SectionLoaded(target, cached))
        else:
            self._fetch(target)

    def _from_memory(self, target: Target) -> SectionText | None:
        if self.library is None:
            return self._cache.get(_cache_key(target))
        return self.library.section_text(target.doc_id, *self._bounds(target))

    def _bounds(self, target: Target) -> tuple[SectionInfo | None, list[int]]:
        """The section shown for ``target`` (None: a document's front matter) and where its
        subsections start."""
        section = self.sections.get(target.ref) if target.kind == "section" else None
        key = section.section_id if section else target.doc_id
        return section, [s.line_start for s in self.subsections.get(key, [])]

    def _show_loading(self) -> None:
        self.query_one(SectionReader).loading = True

    @work(thread=True, exclusive=True, group="section")
    def _fetch(self, target: Target) -> None:
        con = self.app.cursor()
        try:
            content = reader.load_section(con, target.doc_id, *self._bounds(target))
        finally:
            con.close()
        self.post_message(self.SectionLoaded(target, content))

    def on_main_screen_section_loaded(self, message: SectionLoaded) -> None:
        if self._slow_timer is not None:
            self._slow_timer.stop()
        view = self.query_one(SectionReader)
        view.loading = False
        target = message.target
        if target == self._in_flight:
            self._in_flight = None
        if self.pending is not None and target != self.pending:
            return  # an older answer
        self.pending = None
        key = _cache_key(target)
        if self.library is None:
            self._remember(key, message.content)
        # The breadcrumb changes with the text: one refresh, not one more while the read runs.
        # One line whatever it says: no layout of the screen for it.
        self.query_one("#breadcrumb", Static).update(self.breadcrumb_for(target), layout=False)
        heading = self._heading(target)
        if not target.preview:
            # Here rather than on the request: tree and text change in the same refresh.
            self.query_one(OutlineTree).reveal(target.ref)
        view.show(message.content, heading, self.subsections.get(key, []), target.paragraph_id)
        self.shown = target
        if not target.preview:
            view.focus()
        self.call_after_refresh(self.app.idle_gc.after_paint)

    def _remember(self, key: str, content: SectionText) -> None:
        """Keep the last sections read: back, forward and the outline revisit them often."""
        self._cache[key] = content
        self._cache.move_to_end(key)
        while len(self._cache) > CACHED_SECTIONS:
            self._cache.popitem(last=False)

    def _heading(self, target: Target) -> str:
        if target.kind == "section" and target.ref in self.sections:
            return self.sections[target.ref].heading
        doc = self.docs.get(target.doc_id)
        return doc.title if doc else target.doc_id

    def breadcrumb_for(self, target: Target) -> str:
        """document › chapter › section (› exhibit)."""
        doc = self.docs.get(target.doc_id)
        parts = [doc.title if doc else target.doc_id]
        ref = target.ref
        if target.kind == "exhibit":
            ex = next((e for e in self.outline.exhibits if e.exhibit_id == ref), None)
            ref = ex.section_id if ex else None
        chain = []
        while ref in self.sections:
            chain.append(self.sections[ref].heading)
            ref = self.sections[ref].parent_id
        parts += reversed(chain)
        if target.kind == "exhibit" and ex is not None:
            parts.append(ex.label)
        return fit_trail(parts, max(self.app.size.width - 2, 20))

    # -- actions -------------------------------------------------------------------------------

    @on(Navigate)
    def _navigate(self, message: Navigate) -> None:
        message.stop()
        self.navigate(message.target)

    def _step_section(self, delta: int) -> None:
        order = self.outline.sections
        if not order:
            return
        current = self.shown.ref if self.shown and self.shown.kind == "section" else None
        index = next((i for i, s in enumerate(order) if s.section_id == current), None)
        if index is None:
            doc = self.shown.doc_id if self.shown else None
            index = next((i for i, s in enumerate(order) if s.doc_id == doc), 0) - (1 if delta > 0 else 0)
        new = index + delta
        if not 0 <= new < len(order):
            self.app.bell()
            self.notify(f"This is the {'last' if delta > 0 else 'first'} section.", timeout=2)
            return
        s = order[new]
        self.navigate(Target("section", s.section_id, s.doc_id))

    def action_next_section(self) -> None:
        self._step_section(1)

    def action_previous_section(self) -> None:
        self._step_section(-1)

    def action_focus_outline(self) -> None:
        self.query_one(OutlineTree).focus()

    def action_focus_reader(self) -> None:
        self.query_one(SectionReader).focus()


def _cache_key(target: Target) -> str:
    return target.ref if target.kind == "section" else target.doc_id
