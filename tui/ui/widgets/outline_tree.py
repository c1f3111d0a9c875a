"""The outline: documents → chapters → sections → exhibits, with counts and type-ahead."""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.store.reader import Outline, SectionInfo
from tui.ui.messages import Navigate, Target
from tui.ui.text import fold

TYPEAHEAD_SECONDS = 1.0
KIND_MARK = {"table": "▤", "chart": "◔"}


class OutlineTree(Tree[Target]):
    """Posts :class:`Navigate` (a preview) as the cursor moves and a real one on Enter."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open", show=True),
        Binding("space", "toggle_node", "Expand", show=False),
        Binding("right", "expand_or_down", "Expand", show=False),
        Binding("left", "collapse_or_up", "Collapse", show=False),
    ]

    def __init__(self, outline: Outline, id: str | None = None) -> None:
        super().__init__("Documents", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.outline = outline
        self.by_ref: dict[str, TreeNode[Target]] = {}
        self._keys: list[tuple[str, str]] | None = None
        self.typed = ""
        self._typed_timer = None
        self._quiet_node: TreeNode[Target] | None = None
        """A node the cursor was moved to by the app, whose highlight must not navigate again."""

    def on_mount(self) -> None:
        self._index()
        for d in self.outline.documents:
            label = _label(d.title + (f" ({d.period})" if d.period else ""), self.counts[d.doc_id], bold=True)
            node = self.root.add(label, Target("document", d.doc_id, d.doc_id))
            self.by_ref[d.doc_id] = node
            node.expand()
        self.cursor_line = 0

    def _index(self) -> None:
        """Parents, children and type-ahead keys of everything; tree nodes are made on expansion."""
        o = self.outline
        self.kids: dict[str, list[SectionInfo]] = defaultdict(list)
        self.exhibits = defaultdict(list)
        self.up: dict[str, str] = {}
        for s in o.sections:
            self.kids[s.parent_id or s.doc_id].append(s)
            self.up[s.section_id] = s.parent_id or s.doc_id
        for e in o.exhibits:
            self.exhibits[e.section_id or e.doc_id].append(e)
            self.up[e.exhibit_id] = e.section_id or e.doc_id
        self.counts = _counts(o, self.kids, self.exhibits)

    @property
    def keys(self) -> list[tuple[str, str]]:
        """(folded heading, ref) in reading order, for type-ahead; made on the first key typed."""
        if self._keys is None:
            o = self.outline
            headings = {d.doc_id: d.title for d in o.documents}
            headings.update((s.section_id, s.heading) for s in o.sections)
            headings.update((e.exhibit_id, e.heading) for e in o.exhibits)
            self._keys = [(fold(headings[ref]), ref) for ref in self._reading_order()]
        return self._keys

    def _reading_order(self) -> list[str]:
        out: list[str] = []

        def visit(key: str) -> None:
            out.append(key)
            for e in self.exhibits.get(key, []):
                out.append(e.exhibit_id)
            for s in self.kids.get(key, []):
                visit(s.section_id)

        for d in self.outline.documents:
            visit(d.doc_id)
        return out

    def get_label_width(self, node: TreeNode[Target]) -> int:
        # Tree measures every visible line on each rebuild by rendering its label; the plain
        # length is the same number at a fraction of the cost (labels are single-line Text).
        return node._label.cell_len + (2 if node._allow_expand else 0)

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded) -> None:
        event.stop()
        self._fill(event.node)

    def _fill(self, node: TreeNode[Target]) -> None:
        """Add a node's children the first time it is expanded."""
        if node.children or node.data is None:
            return
        key = node.data.ref
        for e in self.exhibits.get(key, []):
            label = Text.assemble((KIND_MARK.get(e.kind, "·") + " ", "dim"), (e.heading, "italic"))
            self.by_ref[e.exhibit_id] = node.add_leaf(label, Target("exhibit", e.exhibit_id, e.doc_id))
        for s in self.kids.get(key, []):
            has_kids = bool(self.kids.get(s.section_id) or self.exhibits.get(s.section_id))
            target = Target("section", s.section_id, s.doc_id)
            label = _label(s.heading, self.counts[s.section_id])
            add = node.add if has_kids else node.add_leaf
            self.by_ref[s.section_id] = add(label, target)

    def node_for(self, ref: str) -> TreeNode[Target] | None:
        """The node of a document, section or exhibit, expanding (and filling) its ancestors."""
        chain = [ref]
        while chain[-1] in self.up:
            chain.append(self.up[chain[-1]])
        for key in reversed(chain[1:]):
            node = self.by_ref.get(key)
            if node is None:
                return None
            self._fill(node)
            if not node.is_expanded:  # expanding again would rebuild and repaint the whole tree
                node.expand()
        return self.by_ref.get(ref)

    def action_expand_or_down(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        self._fill(node)
        if node.is_expanded and node.children:
            self.move_cursor(node.children[0])
        else:
            node.expand()

    def action_collapse_or_up(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.allow_expand:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    # -- following the reader ------------------------------------------------------------------

    def reveal(self, ref: str) -> None:
        """Put the cursor on a node (expanding its ancestors) without navigating again."""
        node = self.node_for(ref)
        if node is not None:
            self._tree_lines  # noqa: B018 -- rebuilds the lines now, so the node's line is known
            self._move_quietly(node)

    def _move_quietly(self, node: TreeNode[Target]) -> None:
        if self.cursor_node is not node:
            self._quiet_node = node
        self.move_cursor(node, animate=False)
        self.scroll_to_node(node, animate=False)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        event.stop()
        data = event.node.data
        quiet = event.node is self._quiet_node
        if quiet:  # only then: expanding ancestors may first highlight other nodes on the way
            self._quiet_node = None
        stale = event.node is not self.cursor_node  # the cursor moved on (expanding shifts lines)
        if data is None or quiet or stale or data.kind == "exhibit":
            return
        self.post_message(Navigate(Target(data.kind, data.ref, data.doc_id, preview=True)))

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(Navigate(event.node.data))

    # -- type-ahead ----------------------------------------------------------------------------

    def on_key(self, event) -> None:
        ch = event.character
        if not ch or len(ch) != 1 or not (ch.isalnum() or (self.typed and ch in " .")):
            return
        if ch == "q" and not self.typed:
            return  # quits (the screen's binding): type-ahead takes q only after another letter
        event.stop()
        event.prevent_default()
        self.typed += ch
        if self._typed_timer is not None:
            self._typed_timer.stop()
        self._typed_timer = self.set_timer(TYPEAHEAD_SECONDS, self._forget_typed)
        self.jump_to(self.typed)

    def _forget_typed(self) -> None:
        self.typed = ""

    def jump_to(self, typed: str) -> bool:
        """Move to the next heading (from the cursor, wrapping) that starts with ``typed``."""
        needle = fold(typed)
        current = self.cursor_node.data.ref if self.cursor_node and self.cursor_node.data else None
        start = next((i for i, (_, ref) in enumerate(self.keys) if ref == current), -1)
        # The same first letter typed again moves on; a longer prefix may match the current node.
        offset = 1 if len(typed) == 1 else 0
        n = len(self.keys)
        for k in range(n):
            text, ref = self.keys[(start + offset + k) % n]
            if text.startswith(needle):
                node = self.node_for(ref)
                if node is not None:
                    self.call_after_refresh(self._move_loudly, node)
                    return True
        return False

    def _move_loudly(self, node: TreeNode[Target]) -> None:
        self.move_cursor(node, animate=False)
        self.scroll_to_node(node, animate=False)


def _counts(o: Outline, children, exhibits) -> dict[str, tuple[int, int, int]]:
    """(subsections, tables, charts) under each document and section, descendants included."""
    out: dict[str, tuple[int, int, int]] = {}

    def visit(key: str) -> tuple[int, int, int]:
        secs = children.get(key, [])
        t = sum(e.kind == "table" for e in exhibits.get(key, []))
        c = sum(e.kind == "chart" for e in exhibits.get(key, []))
        n = len(secs)
        for s in secs:
            a, b, d = visit(s.section_id)
            n, t, c = n + a, t + b, c + d
        out[key] = (n, t, c)
        return out[key]

    for d in o.documents:
        visit(d.doc_id)
    return out


def _label(text: str, counts: tuple[int, int, int], bold: bool = False) -> Text:
    n, t, c = counts
    bits = [f"{n}§" if n else "", f"{t}▤" if t else "", f"{c}◔" if c else ""]
    suffix = " ".join(b for b in bits if b)
    label = Text(text, style="bold" if bold else "")
    if suffix:
        label.append(f"  {suffix}", style="dim")
    return label
