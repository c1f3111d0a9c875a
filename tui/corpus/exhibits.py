"""Exhibits (tables and charts) found from their captions, cut out of the prose.

Each caption opens a block: title and units lines, then the body, notes and the ``Fuente:``
line. The block ends at its source; without one (lost image, charts in two-column reports)
it ends where prose resumes. A ``Continuación`` caption is merged into its table.
"""

from __future__ import annotations

import re

from tui.corpus.captions import (
    CONTINUATION,
    FUENTE,
    NOTE,
    Caption,
    join_notes,
    parse_caption,
    read_heading,
    read_source,
    slug,
)
from tui.corpus.exhibit_bounds import debris, prose_resumes, prose_runs
from tui.corpus.model import Exhibit, Grid
from tui.corpus.source import lines_containing
from tui.corpus.tables_tab import parse_tab_table

MAX_SPAN = 450
"""No exhibit runs longer than this many lines; past it the body 'never ends'."""

TAB_DOC_SHARE = 0.015
_BULLET = re.compile(r"^\s*[•◦‣►\-–]\s*\t")
_CAPTION_HINTS = ("uadro", "UADRO", "abla", "ABLA", "ráfica", "rafica", "RÁFICA", "RAFICA")
"""A caption line holds one of these (Cuadro, Tabla, Gráfica): only those lines are parsed."""

View = list[tuple[int, str]]


def _parse_space(body: View) -> Grid:
    """Space-separated bodies are another module's job; degrade gracefully until it exists."""
    try:
        from tui.corpus.tables_space import parse_space_table
    except ImportError:
        return Grid(problems=["space-separated body not parsed (tables_space missing)"])
    return parse_space_table(body)


def _find_source(view: View, start: int, limit: int, claimed: set[int]) -> int | None:
    for j in range(start, limit):
        if FUENTE.match(view[j][1]) and j not in claimed:
            return j
    return None


def _split_notes(view: View, start: int, end: int, tabbed: bool) -> tuple[View, list[str]]:
    """Body lines and note lines of view[start:end]."""
    region = view[start:end]
    first = next((k for k, (_, t) in enumerate(region) if t.strip()), len(region))
    if tabbed:  # the grid is the first block of lines; what follows it is notes
        stop = next((k for k in range(first, len(region)) if not region[k][1].strip()), len(region))
    else:
        stop = next((k for k in range(first, len(region)) if NOTE.match(region[k][1])), len(region))
    return region[first:stop], [t for _, t in region[stop:] if t.strip()]


def _is_tabbed(body: View) -> bool:
    texts = [t for _, t in body if t.strip()]
    return bool(texts) and sum("\t" in t for t in texts) * 2 >= len(texts)


def _read_body(kind: str, view: View, start: int, end: int, tab_doc: bool) -> tuple[Grid, list[str]]:
    """Parse the body between the heading and the source; return the grid and note lines."""
    first_block, _ = _split_notes(view, start, end, True)
    tabbed = _is_tabbed(first_block) or (tab_doc and kind == "table")
    # A chart's body is what is left of its picture: notes start at the first note line, even
    # when they are justified with tabs.
    body, notes = _split_notes(view, start, end, tabbed and kind == "table")
    if not body:
        return Grid(), notes
    if not tabbed and any(len(t) > 200 and "\t" not in t for _, t in view[start:end]):
        texts = [(n, t) for n, t in view[start:end] if t.strip() and not NOTE.match(t)]
        grid = Grid(
            prose={n for n, _ in texts}, problems=["a text box, not a grid"] if kind == "table" else []
        )
        return grid, [t for _, t in view[start:end] if NOTE.match(t)]
    if kind == "chart":
        return _chart_grid(body, tabbed), notes
    return (parse_tab_table(body) if tabbed else _parse_space(body)), notes


def _chart_grid(body: View, tabbed: bool) -> Grid:
    """Values of a chart when the text holds them as a readable grid; else only prose lines."""
    numeric = [t for _, t in body if len(re.findall(r"\d[\d,.'’]*", t)) >= 2]
    prose = prose_runs(body)
    if len(numeric) >= 2:
        grid = parse_tab_table(body) if tabbed else _parse_space(body)
        rows = {c.row for c in grid.cells if c.value is not None}
        if len(rows) >= 2 and len(grid.columns) >= 2:
            grid.prose |= prose
            return grid
    return Grid(prose=prose)


def _read_exhibit(
    doc_id: str, view: View, cap: Caption, limit: int, claimed: set[int], tab_doc: bool
) -> Exhibit:
    used = {cap.index}
    start = cap.index + 1
    if start < limit and CONTINUATION.match(view[start][1]):
        cap.continuation = True
        used.add(start)
        start += 1
    head = read_heading(view, start, limit, cap.bold_open)
    used.update(head.used)
    ex = Exhibit(
        exhibit_id="", doc_id=doc_id, kind=cap.kind, label=cap.label, number=cap.number,
        title=head.title, subtitle=head.subtitle, line_start=view[cap.index][0], line_end=0,
    )  # fmt: skip
    src = _find_source(view, head.end, limit, claimed)
    keys: list[int] = []
    if src is not None:
        ex.source, src_used = read_source(view, src, limit)
        end, last = src, src_used[-1]
        # A key printed right under the source (``SMI: Servicios…``) is one of its notes.
        while last + 1 < limit and NOTE.match(view[last + 1][1]) and not FUENTE.match(view[last + 1][1]):
            last += 1
            keys.append(last)
        used.update(src_used)
    else:
        end = prose_resumes(view, head.end, limit, 1 if cap.kind == "chart" else 2)
        while end > head.end and not view[end - 1][1].strip():
            end -= 1
        last = max(end - 1, max(used))
        if end >= cap.index + MAX_SPAN:
            ex.problems.append("no source line and no end found: body cut")
        if cap.kind == "chart":
            _source_before(view, cap.index, claimed, ex, used)
    grid, notes = _read_body(cap.kind, view, head.end, end, tab_doc)
    ex.columns, ex.cells = grid.columns, grid.cells
    ex.notes = join_notes(notes + [view[k][1] for k in keys])
    ex.problems.extend(grid.problems)
    if not head.title and not cap.continuation:
        ex.problems.append("caption with no title")
    if cap.kind == "table" and not ex.cells and "a text box, not a grid" not in ex.problems:
        ex.problems.append("no table body in the text")
    ex.lines = {view[k][0] for k in range(cap.index, last + 1)} - grid.prose
    ex.lines |= {view[k][0] for k in used}
    if cap.kind == "chart":
        pieces = debris(view, cap.index - 1, -1, claimed) + debris(view, last + 1, limit, claimed)
        ex.lines.update(view[k][0] for k in pieces)
        claimed.update(pieces)
    ex.line_end = max(ex.lines)  # the range still opens at the caption (or a source above it)
    claimed.update(range(cap.index, last + 1))
    return ex


def _source_before(view: View, index: int, claimed: set[int], ex: Exhibit, used: set[int]) -> None:
    """A chart whose ``Fuente:`` line was printed just above its caption."""
    for j in range(index - 1, max(index - 4, -1), -1):
        if j in claimed:
            return
        if FUENTE.match(view[j][1]):
            ex.source, src_used = read_source(view, j, index)
            used.update(src_used)
            ex.line_start = view[j][0]
            return


def _merge(into: Exhibit, part: Exhibit) -> None:
    """Append a continuation's rows (its repeated header is already dropped) and metadata."""
    offset = into.n_rows
    for cell in part.cells:
        cell.row += offset
    into.cells.extend(part.cells)
    into.columns = into.columns or part.columns
    into.source = into.source or part.source
    into.notes = "\n".join(n for n in (into.notes, part.notes) if n) or None
    into.problems = [p for p in into.problems if p != "no table body in the text"] + [
        p for p in part.problems if p not in ("no table body in the text", "caption with no title")
    ]
    if not into.cells and into.kind == "table":
        into.problems.append("no table body in the text")
    into.lines |= part.lines
    into.line_start = min(into.line_start, part.line_start)
    into.line_end = max(into.line_end, part.line_end)


def find_exhibits(doc_id: str, lines: list[str], skip: set[int]) -> list[Exhibit]:
    """All captioned exhibits of a document, in order of first appearance."""
    view: View = [(n, t) for n, t in enumerate(lines, 1) if n not in skip]
    hinted = lines_containing([t for _, t in view], _CAPTION_HINTS)
    caps = [c for k in hinted if (c := parse_caption(k, view[k][1])) is not None]
    exhibits: list[Exhibit] = []
    seen: dict[tuple[str, str], Exhibit] = {}
    counts: dict[str, int] = {}
    claimed: set[int] = set()
    # Reports whose tables are tab-separated print even one-column lists without tabs.
    tab_doc = sum(1 for _, t in view if "\t" in t and not _BULLET.match(t)) > TAB_DOC_SHARE * len(view)
    for pos, cap in enumerate(caps):
        limit = min(caps[pos + 1].index if pos + 1 < len(caps) else len(view), cap.index + MAX_SPAN)
        ex = _read_exhibit(doc_id, view, cap, limit, claimed, tab_doc)
        key = (cap.kind, cap.number)
        earlier = seen.get(key)
        if earlier is not None and (cap.continuation or not ex.title or ex.title == earlier.title):
            _merge(earlier, ex)
            continue
        base = f"{doc_id}:{slug(cap.label)}"
        counts[base] = counts.get(base, 0) + 1
        ex.exhibit_id = base if counts[base] == 1 else f"{base}-{counts[base]}"
        seen[key] = ex
        exhibits.append(ex)
    if tab_doc:
        from tui.corpus.orphans import find_uncaptioned

        exhibits += find_uncaptioned(doc_id, view, claimed, exhibits)
        exhibits.sort(key=lambda ex: ex.line_start)
    return exhibits
