"""A one-line footer of the keys that work where the focus is.

Textual's ``Footer`` rebuilds a widget per key whenever the bindings change (every focus move);
on a table that is most of the time spent opening it. This one redraws a single line of text.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class KeyFooter(Static):
    """Follows ``screen.bindings_updated_signal``; at most one redraw per refresh."""

    def __init__(self) -> None:
        super().__init__("", id="key-footer", markup=False)
        self._queued = False
        self._signal = None
        self._shown: Text | None = None

    def on_mount(self) -> None:
        # Kept because ``self.screen`` is gone by the time the widget unmounts.
        self._signal = self.screen.bindings_updated_signal
        self._signal.subscribe(self, self._changed)
        self._redraw()

    def on_unmount(self) -> None:
        if self._signal is not None:
            self._signal.unsubscribe(self)

    def _changed(self, screen) -> None:
        if not self._queued:
            self._queued = True
            self.call_after_refresh(self._redraw)

    def _redraw(self) -> None:
        self._queued = False
        if not self.is_attached:
            return
        key_style = self.app.theme_variables.get("footer-key-foreground", "orange") + " bold"
        text, seen = Text(no_wrap=True, overflow="ellipsis"), set()
        for active in self.screen.active_bindings.values():
            b = active.binding
            if not b.show or not b.description or b.action in seen:
                continue
            seen.add(b.action)
            style = key_style if active.enabled else "dim"
            text.append(f" {self.app.get_key_display(b)} ", style=style)
            text.append(f"{b.description} ", style="" if active.enabled else "dim")
        # Textual's own keys, not in any BINDINGS shown: always at the end, where users look.
        for key, what in (("^p", "palette "), ("^q", "quit")):
            text.append(f" {key} ", style=key_style)
            text.append(what)
        if text != self._shown:  # a focus move often leaves the same keys
            self._shown = text
            self.update(text, layout=False)  # docked, one line: its size never changes
