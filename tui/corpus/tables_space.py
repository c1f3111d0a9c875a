"""Read the body of a space-separated table (no column delimiters) into a typed :class:`Grid`.

The PDF text gives each row as ``label words  value value value`` with only spaces between
cells, so rows are tokenised from the right: trailing value tokens (see
:mod:`tui.corpus.space_columns`) are the numeric cells, whatever precedes them is the row label.

Layout decisions (kept consistent for every table):

- Column 0 is the row label (all leading text, rank numbers included: ``1 Diabetes mellitus``);
  columns 1..N are the value columns, N being the most common count of trailing values.
  One text column printed between the label and the numbers gets its own column when the
  header has a sure cell for it and the labels share heads (``Nuevo León`` twice); more text
  columns stay in the label.
- Percentages in parentheses after a count (``61,970 (92.8)``) are columns of their own, named
  after the count's header cell with `` / %``, their value positive.
- All-text tables (no value column) are cut by wide layout gaps when most lines have the same
  number of them; else before shared abbreviations (``DR.``/``DRA.``, ``CSS``), a rank number
  (``1``, ``2`` … under ``No.``) and tails repeated across rows (``Dirección Jurídica``).
- Labels wrapped over several lines are joined; values alone on a line take the label lines
  above them. Rows with fewer than N values are right-aligned (the problem is recorded).
- Section bands (label lines with no values that do not continue into a row) are kept as rows
  whose value cells are empty (text ``""``, value None).
- Side-by-side tables (two label+values halves per line) are stacked: all left-half rows, then
  all right-half rows, under the same columns.
- Lines repeating the header (continuation pages) are dropped; interleaved prose is returned in
  ``Grid.prose`` and produces no cells.
- Year and code columns keep their printed text with value None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.corpus.model import Cell, Grid
from tui.corpus.numbers import is_missing, parse_number
from tui.corpus.space_align import align_by_total
from tui.corpus.space_bands import band_column, detach, fill_down, trim_bands
from tui.corpus.space_blocks import block_rows, keyed_table
from tui.corpus.space_columns import (
    CELL_MARKS,
    CONNECTORS,
    TOTAL,
    column_names,
    infer_width,
    is_value,
    is_year,
    is_year_header,
    non_quantity_columns,
    norm,
    peel,
    share_columns,
)
from tui.corpus.space_groups import grouped_names
from tui.corpus.space_header import (
    block_names,
    header_names,
    right_names,
    segment,
    strong_gaps,
    two_level,
)
from tui.corpus.space_labels import merged_names, year_heads, year_labels
from tui.corpus.space_prose import prose_lines
from tui.corpus.space_rows import Assembler, Row, continues, merge_wrapped_dates
from tui.corpus.space_sides import feed_sides, left_header, place_lone, repeated_header, side_by_side
from tui.corpus.space_splitrows import (
    band_tails,
    band_words,
    detach_bands,
    join_headless,
    merge_parts,
    split_bands,
    total_counts,
)
from tui.corpus.space_text import split_heads, text_table
from tui.corpus.space_textcols import header_cells, text_cells

_LABEL_NOTE = re.compile(r"^(?P<head>.*?[^\d\s/])(?P<note>\d{1,2}/)$")


@dataclass(slots=True)
class Line:
    ln: int
    text: str
    tokens: list[str]
    blank_before: bool
    run: int
    """Number of trailing value tokens."""
    raw: str = ""


def parse_space_table(body: list[tuple[int, str]]) -> Grid:
    """Parse table body lines ``(line number, raw text)`` into a Grid; never raises."""
    try:
        return _parse(body)
    except Exception as exc:  # a malformed body must not stop the document build
        return Grid(problems=[f"table body not read: {exc!r}"])


def _lines(body: list[tuple[int, str]]) -> list[Line]:
    out: list[Line] = []
    blank = False
    for ln, raw in body:
        text = norm(str(raw))
        if not text:
            blank = True
            continue
        tokens = text.split()
        run = len(peel(tokens, 10**6)[1])
        after_connector = bool(out) and out[-1].tokens[-1].lower() in CONNECTORS
        if run == len(tokens) and after_connector and all(map(is_year, tokens)):
            run = 0  # a year ending a wrapped phrase (``Julio de`` / ``2020``), not a value
        out.append(Line(int(ln), text, tokens, blank, run, str(raw)))
        blank = False
    return out


def _period(line: Line) -> bool:
    """A line whose only values are years or year ranges (``Periodo 2018-2019``, ``2017-2018``)."""
    return line.run > 0 and is_year_header(line.tokens, 1)


def _width(lines: list[Line]) -> int:
    """The number of value columns, counted on the lines with other values than years: a
    header printing one period per line (``Periodo`` / ``2017-2018``) must not set it."""
    runs = [ln.run for ln in lines if not _period(ln)]
    return infer_width(runs) or infer_width([ln.run for ln in lines if not is_year_header(ln.tokens)])


def _dated_title(line: Line, width: int) -> bool:
    """A header line ending in one year (``…PRIMER TRIMESTRE 2020``) in a wider table."""
    return width > 1 and line.run == 1 and is_year(line.tokens[-1]) and len(line.tokens) > 1


def _year_head(line: Line, valued: list[Line], width: int) -> bool:
    """A header line of years. The first line with values may also name a single column by its
    year after the names of both columns (``actividad 2019-2020``, ``Participación porcentual
    2019``) when the rows under it hold other numbers than years. A year alone is no header:
    it may end a wrapped label (``Cuarto trimestre`` / ``2019``)."""
    if is_year_header(line.tokens):
        return True
    if _period(line) and line.run < width and line is not valued[-1] and not is_year(line.text):
        return True  # one period of a header broken over lines (a bare year may end a label)
    first = valued[0] is line and len(valued) > 1 and len(line.tokens) > line.run
    return first and is_year_header(line.tokens, 1, 5) and not is_year_header(valued[1].tokens, 1, 5)


def _split_header(lines: list[Line], width: int) -> int:
    """Index of the first body line (after the header lines)."""
    valued = [ln for ln in lines if ln.run]
    for k, line in enumerate(lines):
        if line.run and not _year_head(line, valued, width) and not _dated_title(line, width):
            first = k
            break
    else:
        return len(lines)
    # The first row's label may sit above its values: steal the block right above.
    k = first
    # A single line of values under the header is one unlabelled row: nothing to steal.
    alone = not any(ln.run for ln in lines[first + 1 :])
    if lines[first].run == len(lines[first].tokens) and not alone:
        while k > 0 and (k == first or not lines[k].blank_before) and not is_year_header(lines[k - 1].tokens):
            k -= 1
            if lines[k].blank_before:
                break
        return k if k > 0 else first
    prev = lines[first - 1] if first else None
    if prev and not lines[first].blank_before and continues(prev.text, lines[first].text):
        return first - 1
    return first


def _names_with_shares(
    header: list[Line], width: int, shares: set[int], unlabelled: bool
) -> list[str] | None:
    """Names when some value columns are the percentages of the column before them: the
    header then has one cell per pair, and that cell says ``%``. None when it does not."""
    names, problem = _names(header, width - len(shares), 1, unlabelled)
    if problem or len(names) != width - len(shares) + 1:
        return None
    out = names[:1]
    it = iter(names[1:])
    for j in range(width):
        if j in shares:
            if "%" not in out[-1]:
                return None
            out.append(f"{out[-1]} / %")
        else:
            out.append(next(it))
    return out


def _names(
    header: list[Line], width: int, sides: int, unlabelled: bool = False
) -> tuple[list[str], str | None]:
    """Column names: a two-level header, then one whole line of names, then a split of the words."""
    lines = [(h.text, h.blank_before) for h in header]
    grouped = grouped_names(lines, width) if sides == 1 else None
    if grouped:
        return grouped, None
    if unlabelled:  # only value lines: the header names the value columns alone
        names = segment(lines, width)
        if names:
            return [""] + names, None
    names = two_level(lines, width) if sides == 1 else None
    if names is None and width - 1 <= strong_gaps(lines) <= width:  # one weak cut at most
        names = header_names(lines, width)
    if names is None and sides == 1 and strong_gaps(lines) > width:
        names = block_names(lines, width)
    if names:
        return names, None
    names, problem = column_names([h.text for h in header], width, sides)
    if problem and (sides == 1 or repeated_header(header) is None):
        split = right_names(lines, width) or header_names(lines, width)
        return (split, None) if split else (names, problem)
    return names, problem


def _parse(body: list[tuple[int, str]]) -> Grid:
    grid = Grid()
    lines = _lines(body)
    width = _width(lines)
    prose = prose_lines(lines, width)
    grid.prose = {lines[k].ln for k in prose}
    table = [ln for k, ln in enumerate(lines) if k not in prose]
    width = _width(table)
    text = text_table(table) if width == 0 else _text_and_counts(table)
    if text is None and width == 0 == _width(lines):  # read block by block, prose and all
        text = keyed_table(lines) or block_rows(lines)
        grid.prose = set()
    if text is not None:
        text.prose = grid.prose
        return text
    start = trim_bands(table, _split_header(table, width), width)
    header, rows_part = table[:start], table[start:]
    sides = 2 if side_by_side(rows_part, width, header) else 1
    banded = band_column(header, rows_part, width) if sides == 1 else None
    if banded is not None:
        return _banded(grid, header, rows_part, width, banded)
    full = [ln.tokens[-width:] for ln in rows_part if width and ln.run == len(ln.tokens) == width]
    full += [ln.tokens[-width:] for ln in rows_part if width and ln.run == width < len(ln.tokens)]
    shares = share_columns(full, " ".join(h.text for h in header)) if sides == 1 else set()
    unlabelled = bool(rows_part) and all(ln.run == len(ln.tokens) for ln in rows_part)
    problem = None
    names = _names_with_shares(header, width, shares, unlabelled) if shares else None
    if names is None:
        shares = set()
        names, problem = _names(left_header(header) if sides == 2 else header, width, sides, unlabelled)
    grid.columns = names
    if problem:
        grid.problems.append(problem)
    seen = {h.text for h in header if len(h.tokens) > 0}
    rows_part = [ln for ln in rows_part if ln.text not in seen]
    blanks = sum(1 for ln in rows_part if ln.blank_before)
    loose = blanks >= 0.4 * max(1, len(rows_part))
    one = sides == 1 and not shares
    multi = header_cells([(h.text, h.blank_before) for h in header], width) if one and width else None
    tails = band_tails(rows_part) if multi else set()
    rows = _assemble(detach_bands(rows_part) if tails else rows_part, width, sides, loose)
    if multi:
        rows = merge_parts(rows, tails)
        words = band_words(rows)
        rows = join_headless(split_bands(rows, words), words)
    if loose and sides == 1:
        rows = merge_wrapped_dates(rows, width)
    align_by_total(rows, width)
    counts = total_counts(rows, width) if multi else None
    if one and year_labels(rows, width):
        width -= 1
        grid.columns = merged_names(grid.columns)
        _fill(grid, rows, width, set(), None)
        return grid
    texts = text_cells(multi, rows, width) if one else None
    if texts is not None:
        grid.columns, second = texts
    else:
        second = _text_column(grid, header, rows, width) if sides == 1 and not shares else None
    if counts and second is None:
        second = _count_column(grid, counts)
    elif counts:  # the label is cut into text cells: the count stays printed in it
        for r, (count, _) in counts[1].items():
            rows[r].label = f"{rows[r].label} {count}"
    _fill(grid, rows, width, {j + 1 for j in shares}, second)
    if counts and second is not None and not texts:
        _count_values(grid, counts[1])
    return grid


def _count_column(grid: Grid, counts: tuple[str, dict]) -> dict[int, str]:
    """The total rows' counts as a column of their own after the label (see
    :func:`total_counts`); the header names no such column, so the problem is recorded."""
    name, found = counts
    grid.columns = grid.columns[:1] + [name] + grid.columns[1:]
    grid.problems.append(f"the total rows print a count no header cell names: column {name!r}")
    return {r: count for r, (count, _) in found.items()}


def _count_values(grid: Grid, found: dict) -> None:
    for cell in grid.cells:
        if cell.col == 1 and cell.row in found:
            cell.value = float(found[cell.row][0])
            cell.line = found[cell.row][1]


MAX_COUNT_ROWS = 2


def _text_and_counts(table: list[Line]) -> Grid | None:
    """An all-text table closed by a line or two of counts (``Hospitales visitados 37``):
    the text rows read as an all-text table, each count row added with its numbers in the
    last columns. None when values stand elsewhere or the text does not read as a table."""
    tail = len(table)
    while tail > 0 and table[tail - 1].run:
        tail -= 1
    counts = table[tail:]
    if not 0 < len(counts) <= MAX_COUNT_ROWS or any(ln.run for ln in table[:tail]) or tail < 3 * len(counts):
        return None
    grid = text_table(table[:tail])
    if grid is None or len(grid.columns) < 2:
        return None
    k = len(grid.columns)
    r = 1 + max((c.row for c in grid.cells), default=-1)
    for ln in counts:
        label, vals = peel(ln.tokens, k - 1)
        grid.cells.append(Cell(r, 0, " ".join(label), None, ln.ln))
        cells = [""] * (k - 1 - len(vals)) + vals
        grid.cells.extend(_value_cell(r, j, tok, ln.ln, False) for j, tok in enumerate(cells, start=1))
        r += 1
    return grid


def _banded(grid: Grid, header: list[Line], body: list[Line], width: int, banded) -> Grid:
    """A label column printed as bands over a second text column (see :mod:`space_bands`)."""
    back, names, bands = banded
    seen = {h.text for h in header[: len(header) - back]}
    lines = [ln for ln in header[len(header) - back :] + body if ln.text not in seen]
    loose = sum(1 for ln in lines if ln.blank_before) >= 0.4 * max(1, len(lines))
    rows, second = fill_down(_assemble(detach(lines, bands), width, 1, loose), bands)
    align_by_total(rows, width)
    grid.columns = names
    _fill(grid, rows, width, set(), second)
    return grid


def _assemble(lines: list[Line], width: int, sides: int, loose: bool) -> list[Row]:
    left = Assembler(width, loose)
    if sides == 1:
        for k, line in enumerate(lines):
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            left.feed(line.ln, line.tokens, line.blank_before, nxt.tokens if nxt else None)
        return left.finish()
    right = Assembler(width, loose)
    lone = []
    for line in lines:
        if feed_sides(left, right, line):
            lone.append(left.rows[-1])
    return place_lone(left.finish(), right.finish(), lone, width)


def _text_column(grid: Grid, header: list[Line], rows: list[Row], width: int) -> dict[int, str] | None:
    """A text column printed between the labels and the numbers (``Chiapas HGZ No. 1 … 100``):
    the header has a sure cell for it and the labels share heads. Sets the names and labels;
    returns each row's second cell by row index. Labels that are all a year and a word
    (``2019 Julio``) under a header naming both are cut at the year however weak its cuts."""
    lines = [(h.text, h.blank_before) for h in header]
    if width < 1:
        return None
    data = [k for k, r in enumerate(rows) if r.values and not TOTAL.match(r.label)]
    labels = [rows[k].label for k in data]
    dated = year_heads(labels)
    sure = width + 1 <= strong_gaps(lines) <= width + 2  # one more cell, not several
    names = header_names(lines, width + 1) if sure or dated else None
    if not names:
        return None
    pairs = dated if dated and all(names[:2]) else None  # a name for the years and for the words
    if pairs is None and sure and len(data) >= 3:
        pairs = split_heads(labels)
    if pairs is None:
        return None
    grid.columns = names
    out = {}
    for k, (head, rest) in zip(data, pairs, strict=True):
        rows[k].label = head
        out[k] = rest
    return out


def _fill(grid: Grid, rows: list[Row], width: int, shares: set[int], second: dict | None) -> None:
    """Cells of every row; ``second`` holds the text cells (one string, or a list) between a
    row's label and its values."""
    texts: dict[int, list[str]] = {j: [] for j in range(1, width + 1)}
    for row in rows:
        for j, tok in enumerate(row.cells(width), start=1):
            texts[j].append(tok)
    text_only = non_quantity_columns(grid.columns, texts)
    more = [[t] if isinstance(t, str) else t for t in (second or {}).values()]
    shift = max((len(t) for t in more), default=1 if second is not None else 0)
    for r, row in enumerate(rows):
        label, note = _label_note(row.label)
        grid.cells.append(Cell(r, 0, label, None, row.label_line, note))
        if second is not None:
            extra = second.get(r, [])
            extra = [extra] if isinstance(extra, str) else extra
            for j in range(shift):
                text = extra[j] if j < len(extra) else ""
                grid.cells.append(Cell(r, 1 + j, text, None, row.label_line))
        for j, tok in enumerate(row.cells(width), start=1):
            cell = _value_cell(r, j, tok, row.value_line, j in text_only)
            cell.col += shift
            if j in shares and cell.value is not None:
                cell.value = abs(cell.value)  # a share in parentheses, not a negative
            grid.cells.append(cell)
        if row.problem:
            grid.problems.append(f"row {r} ({label[:40]!r}): {row.problem}")


def _label_note(label: str) -> tuple[str, str | None]:
    """Split a note marker glued to the end of a label: ``DPT1/``, ``por 100,0002/``."""
    head, _, last = label.rpartition(" ")
    num = parse_number(last) if last.endswith("/") else None
    if num and num.note:
        return (head + " " + last[: -len(num.note)]).strip(), num.note
    m = _LABEL_NOTE.match(label)
    if m and not m["head"].endswith(" "):
        return m["head"], m["note"]
    return label, None


def _value_cell(r: int, j: int, tok: str, line: int | None, text_only: bool) -> Cell:
    if not tok or is_missing(tok) or tok in CELL_MARKS or text_only or not is_value(tok):
        return Cell(r, j, tok, None, line if tok else None)
    num = parse_number(tok)
    if num is None:
        return Cell(r, j, tok, None, line)
    text = tok[: -len(num.note)] if num.note else tok
    return Cell(r, j, text, num.value, line, num.note)
