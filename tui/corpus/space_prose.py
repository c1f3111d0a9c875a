"""Prose interleaved in a space table's body (a paragraph the PDF text put between the
caption and the source): runs of lower-case sentence lines, the rest of their paragraph, and
whatever follows them when no value row comes after."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.corpus.tables_space import Line

_END = (".", ":", ";")
_LOWER_WORD = re.compile(r"^[a-záéíóúñü]")


def _is_prose_like(line: Line, nxt: Line | None) -> bool:
    # A sentence may end in one number (``el 13 de abril de 2020``) and go on in lower case;
    # a row's single value is followed by the next row's capitalised label.
    if line.run > 1 or len(line.text) < 38 or len(line.tokens) < 6:
        return False
    if line.run and (nxt is None or not _LOWER_WORD.match(nxt.text)):
        return False
    words = [t for t in line.tokens if t[0].isalpha()]
    low = sum(1 for t in words if _LOWER_WORD.match(t))
    return low >= 0.6 * len(line.tokens)


def _opens_paragraph(line: Line, nxt: Line) -> bool:
    """The first line of a paragraph whose later lines are prose-like."""
    return not line.run and len(line.text) >= 30 and len(line.tokens) >= 4 and not line.text.endswith(_END)


def prose_lines(lines: list[Line], width: int) -> set[int]:
    """Indexes of prose lines: runs of >= 2 prose-like lines, the rest of an unfinished
    paragraph, and everything after a prose run that no value row follows."""
    flags = [_is_prose_like(ln, lines[k + 1] if k + 1 < len(lines) else None) for k, ln in enumerate(lines)]
    out: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and flags[j]:
            j += 1
        if j - i >= 2:
            while i > 0 and _opens_paragraph(lines[i - 1], lines[i]):
                i -= 1
            out.update(range(i, j))
            while j < len(lines) and not lines[j].run and not lines[j - 1].text.endswith(_END):
                out.add(j)
                j += 1
        i = max(j, i + 1)
    if out:
        strong = max(1, min(2, width))
        last_data = max((k for k, ln in enumerate(lines) if ln.run >= strong and k not in out), default=-1)
        first_tail = min((k for k in out if k > last_data), default=None)
        if first_tail is not None:
            out.update(range(first_tail, len(lines)))
    return out
