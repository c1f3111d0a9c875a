"""Tables whose caption the text lost: a tab-separated grid ending in its ``Fuente:`` line.

A report whose tables are tab-separated sometimes keeps a table's grid, notes and source but not
its caption line. Such a grid is still a table when the paragraph just above it cites a table
(``(cuadro IX.1)``) that no caption names: it is stored under that number, with a problem saying
where the number came from. Without such a citation the grid is left to the prose.
"""

from __future__ import annotations

import re

from tui.corpus.captions import FUENTE, NOTE, join_notes, read_source, slug
from tui.corpus.model import Exhibit
from tui.corpus.refs import MENTION, expand_numbers
from tui.corpus.tables_tab import parse_tab_table

View = list[tuple[int, str]]

MIN_ROWS = 3
"""A grid has at least this many tabbed lines, two of them with a number after a tab."""
LOOK_BACK = 6
"""Lines above a grid searched for the paragraph that cites it."""
_VALUE = re.compile(r"\t\s*[-(]?\d")


def find_uncaptioned(doc_id: str, view: View, claimed: set[int], exhibits: list[Exhibit]) -> list[Exhibit]:
    """Tables of ``view`` with no caption, numbered by the paragraph that cites them (see module)."""
    named = {ex.number for ex in exhibits if ex.kind == "table"}
    found: list[Exhibit] = []
    i = 0
    while i < len(view):
        end = _grid_end(view, i, claimed)
        if end - i < MIN_ROWS or sum(bool(_VALUE.search(t)) for _, t in view[i:end]) < 2:
            i = max(end, i + 1)
            continue
        src = _source_after(view, end, claimed)
        cited = _cited_above(view, i, claimed, named) if src is not None else None
        if cited is None:
            i = end
            continue
        word, number = cited
        ex, last = _orphan(doc_id, view, i, end, src, f"{word} {number}", number)
        named.add(number)
        claimed.update(range(i, last + 1))
        found.append(ex)
        i = end
    return found


def _grid_end(view: View, i: int, claimed: set[int]) -> int:
    """The end of the run of unclaimed tabbed lines starting at ``i`` (``i`` if there is none)."""
    j = i
    while j < len(view) and j not in claimed and "\t" in view[j][1] and view[j][1].strip():
        j += 1
    return j


def _source_after(view: View, end: int, claimed: set[int]) -> int | None:
    """The ``Fuente:`` line after a grid, with only blank and note lines between them."""
    for j in range(end, min(end + 12, len(view))):
        text = view[j][1]
        if j in claimed:
            return None
        if FUENTE.match(text):
            return j
        if text.strip() and not NOTE.match(text):
            return None
    return None


def _cited_above(view: View, start: int, claimed: set[int], named: set[str]) -> tuple[str, str] | None:
    """(``Cuadro``, number) of an uncaptioned table cited by the first paragraph above the grid."""
    for j in range(start - 1, max(start - LOOK_BACK, -1) - 1, -1):
        text = view[j][1]
        if j in claimed:
            return None
        if not text.strip():
            continue
        for m in MENTION.finditer(text):
            word = m["word"].lower().rstrip("s")
            if word in ("cuadro", "tabla"):
                missing = [n for n in expand_numbers(m["first"], m["more"] or "") if n not in named]
                if missing:
                    return word.capitalize(), missing[0]
        return None
    return None


def _orphan(
    doc_id: str, view: View, start: int, end: int, src: int, label: str, number: str
) -> tuple[Exhibit, int]:
    """The table of grid ``view[start:end]`` and its notes and source; and its last line's index."""
    grid = parse_tab_table(view[start:end])
    source, used = read_source(view, src, len(view))
    notes = [t for _, t in view[end:src] if t.strip()]
    ex = Exhibit(
        exhibit_id=f"{doc_id}:{slug(label)}", doc_id=doc_id, kind="table", label=label, number=number,
        title="", line_start=view[start][0], line_end=view[used[-1]][0], source=source,
        notes=join_notes(notes), columns=grid.columns, cells=grid.cells,
    )  # fmt: skip
    ex.problems = [
        "caption not in the text: numbered from the paragraph that cites it, no title",
        *grid.problems,
    ]
    ex.lines = {view[k][0] for k in range(start, used[-1] + 1)}
    return ex, used[-1]
