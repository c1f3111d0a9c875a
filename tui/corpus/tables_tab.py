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


def _column_names(header: list[list[str]], width: int) -> list[str]:
    """Join header levels with `` / ``; a spanning label covers the empty cells to its right."""
    levels: list[list[str]] = []
    for depth, row in enumerate(header):
        row = row + [""] * (width - len(row))
        filled, span = [], ""
        for j, cell in enumerate(row):
            below = any(r[j] for r in header[depth + 1 :] if j < len(r))
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


def _single_column(body: list[tuple[int, str]]) -> Grid:
    """A list with no tabs: the first line names the column, the others are rows."""
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
    head_width = max(len(r) for r in header)
    grid.columns = _column_names(header, width)
    data = [(line, r) for line, r in rows[n_head:] if r not in header]
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
