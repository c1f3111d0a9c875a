"""Tab-separated table bodies (one physical line per row, header rows first).

Handles two-level headers (a spanning label followed by empty cells, then a sub-header row
that starts empty), repeated header rows, label-only band rows, unlabeled totals, ``-``
cells, HTML-ish cells and bodies with no tabs at all (a single column).
"""

from __future__ import annotations

from tui.corpus.cells import clean_cell, is_code_column, make_cell
from tui.corpus.model import Grid
from tui.corpus.numbers import parse_number

MAX_HEADER_ROWS = 3


def _split(text: str) -> list[str]:
    return [clean_cell(c) for c in text.split("\t")]


def _is_numeric(cell: str) -> bool:
    return bool(cell) and parse_number(cell) is not None


def _has_span(row: list[str]) -> bool:
    """An empty cell right of a filled one: a label spanning several columns."""
    return any(not row[j] and any(row[:j]) for j in range(1, len(row)))


def _count_header_rows(rows: list[list[str]]) -> int:
    n = 1
    later_numeric = [any(map(_is_numeric, r)) for r in rows]
    while n < min(len(rows), MAX_HEADER_ROWS):
        row = rows[n]
        if any(map(_is_numeric, row)) or not any(later_numeric[n + 1 :]):
            break
        if not (row[0] == "" or _has_span(rows[n - 1])):
            break
        n += 1
    return n


def _label_column(data: list[list[str]]) -> bool:
    """Most rows start with a text label, not a value."""
    firsts = [r[0] for r in data if r and r[0]]
    return bool(firsts) and 2 * sum(not _is_numeric(c) for c in firsts) > len(firsts)


def _span_off_label_column(header: list[list[str]], data: list[list[str]]) -> list[list[str]]:
    """A top-left label spanning empty cells, over a sub-header that names the label column
    itself (``Clase\t\t\tTotal`` over ``Periodo\tI\tII\t``), heads the columns right of it."""
    top, sub = header[0], header[1] if len(header) > 1 else []
    if len(top) < 3 or not top[0] or top[1] or len(sub) < 2 or not (sub[0] and sub[1]):
        return header
    if not _label_column(data):
        return header
    return [["", top[0], *top[2:]], *header[1:]]


def _column_names(header: list[list[str]], width: int) -> list[str]:
    """Join header levels with `` / ``; a spanning label covers the empty cells to its right
    (in a one-row header, the empty cells printed after its last label)."""
    levels: list[list[str]] = []
    single = len(header) == 1
    for depth, row in enumerate(header):
        printed = len(row)
        row = row + [""] * (width - len(row))
        last = max((j for j, c in enumerate(row) if c), default=width)
        filled, span = [], ""
        for j, cell in enumerate(row):
            below = any(r[j] for r in header[depth + 1 :] if j < len(r)) or (single and last < j < printed)
            if cell:
                span = cell
                filled.append(cell)
            else:
                filled.append(span if below and span and j > 0 else "")
        levels.append(filled)
    names = []
    for j in range(width):
        parts = [lv[j] for lv in levels if lv[j]]
        names.append(" / ".join(dict.fromkeys(parts)))
    return names


def _left_label_missing(header: list[list[str]], data: list[list[str]], width: int) -> bool:
    """The body has a label column the header does not name: most rows fill the full width,
    their first cell is text, and the header names exactly the value columns."""
    head_width = max(len(r) for r in header)
    if head_width >= width or not header[0][:1] or not header[0][0]:
        return False
    full = [r for r in data if len(r) >= width and r[width - 1]]
    if 2 * len(full) <= len(data):
        return False
    if any(_is_numeric(r[0]) for r in full):
        return False
    numeric = sum(1 for j in range(1, width) if sum(_is_numeric(r[j]) for r in full) * 2 > len(full))
    return numeric >= head_width


def _span_overrun(header: list[list[str]]) -> int | None:
    """Where a two-level top row may be one cell short: its last label sits above a sub-head
    of its own that continues the span to its left without a break, while single columns
    elsewhere have no sub-head (``Plantilla\t\t\tTotal`` over ``A\tB\tC\tD``). Returns the
    label's position."""
    top, sub = header[0], header[-1]
    p = len(top) - 1
    if len(header) < 2 or p < 2 or not top[p] or top[p - 1] or len(sub) != p + 1 or sub[p] in sub[:p]:
        return None
    s = next(j for j in range(p - 1, -1, -1) if top[j] or j == 0)
    singles = [j for j, c in enumerate(top[:s]) if c and top[j + 1] and not sub[j]]
    if not top[s] or not singles or not all(sub[s : p + 1]):
        return None
    return p


def _sums_to_last(row: list[str], start: int) -> bool:
    """The row's last cell is the sum of its values from ``start`` on."""
    values = [parse_number(c) for c in row[start:-1] if c]
    last = parse_number(row[-1]) if row[-1] else None
    if last is None or not values or any(v is None for v in values):
        return False
    return abs(sum(v.value for v in values) - last.value) < 1e-6


def _insert_gap(row: list[str], s: int, p: int) -> tuple[list[str], bool]:
    """Widen a row one cell short of the header by an empty cell: where its values from the
    span start then add up to its last cell (True), else just before that last cell."""
    for q in range(p, 0, -1):
        if not _is_numeric(row[q]):
            break  # only values move right, into the span
        trial = row[:q] + [""] + row[q:]
        if _sums_to_last(trial, s):
            return trial, True
    return row[:p] + [""] + row[p:], False


def _align_to_header(header, rows, width):
    """Reconcile a header shorter than the body (a label column with no head, or a top row
    missing one cell, confirmed by a row that adds up once widened): returns the header, the
    rows and the width to use."""
    data = [r for _, r in rows]
    if _left_label_missing(header, data, width):
        shift = width - max(len(r) for r in header)
        return [[""] * shift + h for h in header], rows, width
    p = _span_overrun(header)
    if p is None:
        return header, rows, width
    s = next(j for j in range(p - 1, -1, -1) if header[0][j])
    fixed, confirmed = [], False
    for n, r in rows:
        if len(r) == p + 1 and r[p]:
            r, ok = _insert_gap(r, s, p)
            confirmed |= ok
        fixed.append((n, r))
    if not confirmed:
        return header, rows, width
    return [header[0][:p] + ["", header[0][p]], *header[1:]], fixed, p + 2


def _single_column(body: list[tuple[int, str]]) -> Grid:
    """A list with no tabs: the first line names the column, the others are rows. A lone
    line is no table (a text box's first heading)."""
    if len(body) < 2:
        return Grid()
    grid = Grid(columns=[clean_cell(body[0][1])])
    for r, (line, text) in enumerate(body[1:]):
        grid.cells.append(make_cell(r, 0, text, line, numeric=False))
    return grid


def parse_tab_table(body: list[tuple[int, str]]) -> Grid:
    """Parse (line number, text) rows of a tab-separated body into a Grid; never raises."""
    body = [(n, t) for n, t in body if t.strip()]
    if not body:
        return Grid(problems=["empty table body"])
    if not any("\t" in t for _, t in body):
        return _single_column(body)
    grid = Grid()
    rows: list[tuple[int, list[str]]] = []
    for line, text in body:
        if "\t" not in text and len(text) > 120:
            grid.prose.add(line)  # a sentence that strayed into the grid
            continue
        rows.append((line, _split(text)))
    cells_only = [r for _, r in rows]
    n_head = _count_header_rows(cells_only)
    header = cells_only[:n_head]
    width = max(len(r) for r in cells_only)
    while width > 1 and not any(len(r) >= width and r[width - 1] for r in cells_only):
        width -= 1
    data = [(line, r) for line, r in rows[n_head:] if r not in header]
    header, data, width = _align_to_header(header, data, width)
    header = _span_off_label_column(header, [r for _, r in data])
    head_width = max(len(r) for r in header)
    grid.columns = _column_names(header, width)
    codes = {
        j for j in range(1, width) if is_code_column(grid.columns[j], [r[j] for _, r in data if j < len(r)])
    }
    for i, (line, row) in enumerate(data):
        filled = [j for j, c in enumerate(row) if c]
        if filled and filled[-1] >= head_width:
            grid.problems.append(f"line {line}: {len(row)} cells, header has {head_width}")
        for j in filled:
            if j < width:
                grid.cells.append(make_cell(i, j, row[j], line, numeric=j > 0 and j not in codes))
    return grid
