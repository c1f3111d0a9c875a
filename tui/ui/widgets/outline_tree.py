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
from tui.ui.widgets.data_grid import fold

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
        self.keys: list[tuple[str, TreeNode[Target]]] = []
        self.typed = ""
        self._typed_timer = None
        self._quiet_node: TreeNode[Target] | None = None
        """A node the cursor was moved to by the app, whose highlight must not navigate again."""

    def on_mount(self) -> None:
        self._populate()
        self.cursor_line = 0

    def _populate(self) -> None:
        o = self.outline
        children: dict[str | None, list[SectionInfo]] = defaultdict(list)
        for s in o.sections:
            children[s.parent_id if s.parent_id else s.doc_id].append(s)
        exhibits = defaultdict(list)
        for e in o.exhibits:
            exhibits[e.section_id or e.doc_id].append(e)
        counts = _counts(o, children, exhibits)
        for d in o.documents:
            label = _label(d.title + (f" ({d.period})" if d.period else ""), counts[d.doc_id], bold=True)
            node = self.root.add(label, Target("document", d.doc_id, d.doc_id), expand=True)
            self._register(d.doc_id, node, d.title)
            self._add_children(node, d.doc_id, children, exhibits, counts)

    def _add_children(self, node, key, children, exhibits, counts) -> None:
        for e in exhibits.get(key, []):
            label = Text.assemble((KIND_MARK.get(e.kind, "·") + " ", "dim"), (e.heading, "italic"))
            leaf = node.add_leaf(label, Target("exhibit", e.exhibit_id, e.doc_id))
            self._register(e.exhibit_id, leaf, e.heading)
        for s in children.get(key, []):
            has_kids = bool(children.get(s.section_id) or exhibits.get(s.section_id))
            target = Target("section", s.section_id, s.doc_id)
            label = _label(s.heading, counts[s.section_id])
            child = (
                node.add(label, target, allow_expand=has_kids) if has_kids else node.add_leaf(label, target)
            )
            self._register(s.section_id, child, s.heading)
            self._add_children(child, s.section_id, children, exhibits, counts)

    def _register(self, ref: str, node: TreeNode[Target], text: str) -> None:
        self.by_ref[ref] = node
        self.keys.append((fold(text), node))

    # -- following the reader ------------------------------------------------------------------

    def reveal(self, ref: str) -> None:
        """Expand the ancestors of a node and put the cursor on it, without posting anything."""
        node = self.by_ref.get(ref)
        if node is None:
            return
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.call_after_refresh(self._move_quietly, node)

    def _move_quietly(self, node: TreeNode[Target]) -> None:
        if self.cursor_node is not node:
            self._quiet_node = node
        self.move_cursor(node, animate=False)
        self.scroll_to_node(node, animate=False)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        event.stop()
        data = event.node.data
        quiet, self._quiet_node = event.node is self._quiet_node, None
        if data is None or quiet or data.kind == "exhibit":
            return
        self.post_message(Navigate(Target(data.kind, data.ref, data.doc_id, preview=True)))

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(Navigate(event.node.data))

    def action_expand_or_down(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
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

    # -- type-ahead ----------------------------------------------------------------------------

    def on_key(self, event) -> None:
        ch = event.character
        if not ch or len(ch) != 1 or not (ch.isalnum() or (self.typed and ch in " .")):
            return
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
        """Move to the next node (from the cursor, wrapping) whose heading starts with ``typed``."""
        needle = fold(typed)
        current = self.cursor_node
        start = next((i for i, (_, n) in enumerate(self.keys) if n is current), -1)
        # The same first letter typed again moves on; a longer prefix may match the current node.
        offset = 1 if len(typed) == 1 else 0
        n = len(self.keys)
        for k in range(n):
            text, node = self.keys[(start + offset + k) % n]
            if text.startswith(needle):
                self.reveal_and_preview(node)
                return True
        return False

    def reveal_and_preview(self, node: TreeNode[Target]) -> None:
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.call_after_refresh(self._move_loudly, node)

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
