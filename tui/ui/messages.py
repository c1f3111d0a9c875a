"""Messages that cross screens: where the user wants to go next.

Widgets post :class:`Navigate`; the main screen handles it when it is on top, otherwise it bubbles to
the app, which returns to the main screen and hands it over.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass(frozen=True, slots=True)
class Target:
    """A place in the corpus: a section (or a document's front matter), an exhibit, or a number."""

    kind: str
    """``section``, ``document``, ``exhibit`` or ``fact``."""
    ref: str
    """section_id, doc_id, exhibit_id or fact_id."""
    doc_id: str = ""
    paragraph_id: str | None = None
    """For sections: the paragraph to bring into view."""
    cell: tuple[int, int] | None = None
    """For exhibits: the (row, col) cell to put the cursor on."""
    preview: bool = False
    """Shown while browsing the outline: replaces the previous preview in the history."""


class Navigate(Message):
    """Go to a target (recorded in the back/forward history unless it is a fact)."""

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target
