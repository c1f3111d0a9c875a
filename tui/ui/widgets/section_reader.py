"""The reader: a section's paragraphs, with its exhibits inline, its footnotes and its subsections.

Each block is an option: ↑/↓ move between blocks, ←/→ step through the numbers and references of
a paragraph, Enter opens what is selected (an exhibit, a number, a reference, a subsection).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.store.reader import ExhibitInfo, ParagraphView, SectionInfo, SectionText
from tui.ui.messages import Navigate, Target

FACT_STYLE = "underline bold $accent"
REF_STYLE = "underline bold $success"
FIRST_BLOCKS = 15
"""Blocks measured before the first paint when the reader's height is not known yet (or after a
paragraph to bring under the cursor); the rest follow in chunks."""
SCREEN_STEP = 3
"""Otherwise blocks go in by this many until they fill the reader's height."""
CHUNK_BLOCKS = 20
"""Blocks measured per chunk after the first paint: a key pressed meanwhile waits for one chunk."""


@dataclass(slots=True)
class Link:
    """A number (fact) or an exhibit reference inside a paragraph."""

    kind: str
    ref: str
    start: int
    end: int


@dataclass(slots=True)
class Block:
    kind: str
    """``heading``, ``paragraph``, ``exhibit``, ``glossary``, ``footnote`` or ``subsection``."""
    ref: str
    paragraph: ParagraphView | None = None
    links: list[Link] | None = None


class SectionReader(OptionList):
    """Shows one :class:`SectionText`; posts :class:`Navigate` for whatever the user opens."""

    BINDINGS = [
        Binding("right", "next_link", "Next number/ref", show=True),
        Binding("left", "previous_link", "Prev number/ref", show=False),
        Binding("escape", "clear_link", "Clear", show=False),
    ]

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.blocks: list[Block] = []
        self.link_index: int | None = None
        self.content: SectionText | None = None
        self._last_highlight: int | None = None
        self._generation = 0
        """Counts the sections shown, so chunks of an older one are not added."""
        self._held: tuple[list[Option | None], int] | None = None
        """Chunks not added while another screen is on top (:meth:`resume_filling`)."""

    def show(
        self,
        content: SectionText,
        heading: str,
        subsections: list[SectionInfo],
        paragraph_id: str | None = None,
    ) -> None:
        """Replace the text; bring ``paragraph_id`` (if given) under the cursor."""
        self.content = content
        self.blocks, options = [], []
        self._add(Block("heading", ""), Option(Text(heading, style="bold"), disabled=True), options)
        items: list[tuple[int, int, object]] = [(p.line_start, 0, p) for p in content.paragraphs]
        items += [(e.line_start, 1, e) for e in content.exhibits]
        for _, _, item in sorted(items, key=lambda t: (t[0], t[1])):
            if isinstance(item, ParagraphView):
                block = Block("paragraph", item.paragraph_id, item, _links(item))
                self._add(block, None, options)  # rendered when added to the list
            else:
                self._add(Block("exhibit", item.exhibit_id), Option(_exhibit_entry(item)), options)
        for g in content.glossary:
            text = Text.assemble((g.acronym, "bold"), "  ", g.expansion)
            self._add(Block("glossary", g.acronym), Option(text), options)
        for n in content.footnotes:
            text = Text.assemble((f"[{n.number}] ", "bold"), (n.text, "italic"))
            self._add(Block("footnote", n.number), Option(text), options)
        for s in subsections:
            text = Text.assemble(("§ ", "dim"), (s.heading, "underline"))
            self._add(Block("subsection", s.section_id), Option(text), options)
        if len(options) == 1:
            options.append(Option(Text("(no text in this section)", style="dim italic"), disabled=True))
            self.blocks.append(Block("heading", ""))
        self.link_index = None
        target = next((i for i, b in enumerate(self.blocks) if b.ref == paragraph_id), None)
        # Options are measured (wrapped) as they are added: a long section goes in by chunks,
        # the first one painted before the others are measured.
        height = self.size.height
        head = (target or 0) + FIRST_BLOCKS if target is not None or not height else SCREEN_STEP
        self.stop_filling()
        self.set_options(self._make_options(options[:head], 0))
        while head < len(options) and self.virtual_size.height <= height and target is None:
            self.add_options(self._make_options(options[head : head + SCREEN_STEP], head))
            head += SCREEN_STEP
        if len(options) > head:
            self.call_after_refresh(self._add_rest, options[head:], self._generation)
        first = next((i for i, b in enumerate(self.blocks) if b.kind != "heading"), None)
        self.highlighted = target if target is not None else first
        if target is None:
            self.scroll_home(animate=False)
        else:
            self.scroll_to_highlight(top=True)

    def stop_filling(self) -> None:
        """Another place was asked for: the chunks still to add would only delay it."""
        self._generation += 1
        self._held = None

    def resume_filling(self) -> None:
        """This screen is on top again: add the chunks held meanwhile."""
        if self._held is not None:
            held, self._held = self._held, None
            self.call_after_refresh(self._add_rest, *held)

    def _add_rest(self, options: list[Option | None], generation: int) -> None:
        if generation != self._generation:
            return  # another section is shown now
        if self.app.screen is not self.screen:
            self._held = (options, generation)  # measured for nobody, and in the way of the exhibit
            return
        self.add_options(self._make_options(options[:CHUNK_BLOCKS], self.option_count))
        if len(options) > CHUNK_BLOCKS:
            self.call_after_refresh(self._add_rest, options[CHUNK_BLOCKS:], generation)

    def _add(self, block: Block, option: Option | None, options: list[Option | None]) -> None:
        # A blank line after each block; option padding is not counted in heights by OptionList 8.2.
        if option is not None and isinstance(option.prompt, Text):
            option.prompt.append("\n")
        self.blocks.append(block)
        options.append(option)

    def _make_options(self, entries: list[Option | None], start: int) -> list[Option]:
        """The options of the blocks from ``start`` on, paragraphs (None) rendered now."""
        return [
            Option(self._render(self.blocks[i], None)) if entry is None else entry
            for i, entry in enumerate(entries, start)
        ]

    def _render(self, block: Block, selected: int | None) -> Text:
        p = block.paragraph
        text = Text(p.text + "\n")
        for i, link in enumerate(block.links or []):
            style = FACT_STYLE if link.kind == "fact" else REF_STYLE
            if i == selected:
                style += " reverse"
            text.stylize(_resolve(self, style), link.start, link.end)
        return text

    # -- links ---------------------------------------------------------------------------------

    def current_block(self) -> Block | None:
        i = self.highlighted
        return self.blocks[i] if i is not None and 0 <= i < len(self.blocks) else None

    def current_link(self) -> Link | None:
        block = self.current_block()
        if block is None or not block.links or self.link_index is None:
            return None
        return block.links[self.link_index]

    def _step(self, delta: int) -> None:
        block = self.current_block()
        if block is None or not block.links:
            self.notify("Nothing to step through here: no number or reference in this block.", timeout=2)
            return
        n = len(block.links)
        i = (-1 if delta > 0 else n) if self.link_index is None else self.link_index
        self.link_index = (i + delta) % n
        self.replace_option_prompt_at_index(self.highlighted, self._render(block, self.link_index))

    def action_next_link(self) -> None:
        self._step(1)

    def action_previous_link(self) -> None:
        self._step(-1)

    def action_clear_link(self) -> None:
        self._unselect_link(self.highlighted)

    def _unselect_link(self, index: int | None) -> None:
        if self.link_index is not None and index is not None and 0 <= index < len(self.blocks):
            self.replace_option_prompt_at_index(index, self._render(self.blocks[index], None))
        self.link_index = None

    @on(OptionList.OptionHighlighted)
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        if self.link_index is not None:
            self._unselect_link(self._last_highlight)
        self._last_highlight = event.option_index

    @on(OptionList.OptionSelected)
    def _opened(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        block = self.blocks[event.option_index]
        doc = self.content.doc_id if self.content else ""
        if block.kind == "exhibit":
            self.post_message(Navigate(Target("exhibit", block.ref, doc)))
        elif block.kind == "subsection":
            self.post_message(Navigate(Target("section", block.ref, doc)))
        elif block.kind == "paragraph" and block.links:
            link = self.current_link()
            if link is None:
                self._step(1)
                return
            self.post_message(Navigate(Target(link.kind, link.ref, doc)))


def _links(p: ParagraphView) -> list[Link]:
    """Numbers and references of a paragraph in reading order; a reference not found in the text
    is still reachable (appended after the last character)."""
    links = [Link("fact", f.fact_id, f.start, f.end) for f in p.facts]
    for exhibit_id, label in p.refs:
        at = p.text.lower().find(label.lower())
        if at < 0:
            p.text += f" [→ {label}]"
            at = p.text.rfind(label)
        links.append(Link("exhibit", exhibit_id, at, at + len(label)))
    links.sort(key=lambda link: link.start)
    return links


def _exhibit_entry(e: ExhibitInfo) -> Text:
    word = "table" if e.kind == "table" else "chart"
    if not e.has_data:
        word += ", no data in the source"
    return Text.assemble(
        ("▤ " if e.kind == "table" else "◔ ", "bold"),
        (e.label, "bold reverse"),
        " ",
        (e.title, "bold"),
        (f"  ({word}; Enter opens)", "dim"),
    )


def _resolve(widget, style: str) -> str:
    """Theme variables (``$accent``) are not understood by Rich: swap them for the theme's colours."""
    variables = widget.app.theme_variables
    return " ".join(variables.get(w[1:], "magenta") if w.startswith("$") else w for w in style.split())
