"""Recompute the totals of a table and report what does not add up beyond rounding.

Three checks: a total row against the column sums (``col_total``), a total column against
the row sums (``row_total``) and a percentage column against the counts it follows from
(``percent``: a share of a column total, or the ratio of two columns). Tolerances come from
the printed decimals; a total that does not behave as a sum in most places is not checked.
"""

from __future__ import annotations

import re

from tui.corpus.model import Cell, Check, Exhibit

_TOTAL = re.compile(r"^\s*(?:(?:sub)?total(?:es)?|suma)\b", re.IGNORECASE)
# "Total de niños en control", "Total de biológico aplicado": the name of a measure, which may or
# may not sum the rows above it; only "Total", "Total general", "Totales"... surely do.
_NAMED_TOTAL = re.compile(r"^\s*total(?:es)?\s+(?:de|del|en|por)\b", re.IGNORECASE)
_PERCENT = re.compile(r"%|porcentaje|participaci[óo]n|eficiencia|cobertura", re.IGNORECASE)
_NOT_ADDITIVE = re.compile(r"%|porcentaje|participaci[óo]n|tasa|promedio|eficiencia|var\.|media|índice", re.I)
_SCALE = re.compile(r"\bmil(?:es|lones)?\b|\bmdp\b|\bpesos\b|%", re.IGNORECASE)
_DECIMALS = re.compile(r"\.(\d+)")
_EPS = 1e-9

Table = dict[int, dict[int, Cell]]


def _decimals(cell: Cell) -> int:
    m = _DECIMALS.search(cell.text)
    return len(m[1]) if m else 0


def _ulp(cells: list[Cell], scaled: bool = True) -> float:
    """Rounding room: half a unit of the last printed digit; whole counts are exact unless scaled."""
    return sum(0.5 * 10**-d if (d := _decimals(c)) or scaled else 0.0 for c in cells)


def _scaled(ex: Exhibit, c: int) -> bool:
    """Figures in thousands or millions were rounded even when printed without decimals."""
    return bool(_SCALE.search(" ".join((ex.title, ex.subtitle or "", _name(ex, c)))))


def _table(ex: Exhibit) -> Table:
    rows: Table = {}
    for cell in ex.cells:
        rows.setdefault(cell.row, {})[cell.col] = cell
    return rows


def _val(rows: Table, r: int, c: int) -> Cell | None:
    cell = rows.get(r, {}).get(c)
    return cell if cell is not None and cell.value is not None else None


def _name(ex: Exhibit, c: int) -> str:
    return ex.columns[c] if c < len(ex.columns) else ""


def _additive(ex: Exhibit, rows: Table) -> list[int]:
    cols = sorted({c for row in rows.values() for c, cell in row.items() if c > 0 and cell.value is not None})
    return [c for c in cols if not _NOT_ADDITIVE.search(_name(ex, c)) and not _printed_percent(rows, c)]


def _printed_percent(rows: Table, c: int) -> bool:
    """Every number of the column printed as a percentage: shares, whatever its heading says."""
    cells = [cell for row in rows.values() if (cell := row.get(c)) is not None and cell.value is not None]
    return bool(cells) and all(cell.text.rstrip().endswith("%") for cell in cells)


def _total_rows(ex: Exhibit, rows: Table, cols: list[int]) -> list[int]:
    labelled = [r for r in sorted(rows) if 0 in rows[r] and _TOTAL.match(rows[r][0].text)]
    last = max(rows, default=None)
    if last is not None and last not in labelled and 0 not in rows[last] and len(rows) > 2:
        labelled.append(last)  # an unlabeled last row; kept only if it behaves as a sum
    return labelled


def _col_checks(ex: Exhibit, rows: Table, cols: list[int]) -> list[Check]:
    found: list[Check] = []
    totals = _total_rows(ex, rows, cols)
    prev = -1
    for t in totals:
        segment = [r for r in sorted(rows) if prev < r < t and r not in totals]
        above = [r for r in sorted(rows) if r < t and r not in totals]
        # A grand total may sum the subtotals above it; a subtotal sums only rows.
        subtotal = 0 in rows[t] and rows[t][0].text.lstrip().lower().startswith("sub")
        earlier = [] if subtotal else [r for r in totals if r < t]
        misses, hits = [], 0
        for c in cols:
            total = _val(rows, t, c)
            if total is None:
                continue
            expected, ok = _adds_up(ex, rows, total, c, (segment, above, earlier))
            if expected is None:
                continue
            hits += ok
            # Rows nested without indents (subtotals above their parts) add up too, but do not
            # make the other columns' misses count.
            if not ok and not _adds_up(ex, rows, total, c, (_top_level(ex, rows, segment, c),))[1]:
                misses.append(Check(ex.exhibit_id, "col_total", t, c, expected, total.value))
        # A lone miss counts on a row labelled plainly as a total; a named measure that adds up
        # nowhere is taken for what it says, not for a sum.
        plain = len(misses) == 1 and 0 in rows[t] and not _NAMED_TOTAL.match(rows[t][0].text)
        if (hits or plain) and not _part_of_whole(ex, rows, t, above):
            found.extend(misses)
        prev = t
    return found


def _part_of_whole(ex: Exhibit, rows: Table, t: int, above: list[int]) -> bool:
    """The rows are only part of what the total counts (``the 10 main causes``): the table's own
    percentage column gives the total 100 and the rows clearly less."""
    for c in sorted({c for row in rows.values() for c in row}):
        if not (_PERCENT.search(_name(ex, c)) or _printed_percent(rows, c)):
            continue
        total = _val(rows, t, c)
        shares = [cell.value for r in above if (cell := _val(rows, r, c)) is not None]
        if total is not None and abs(total.value - 100) <= 0.5 and shares and sum(shares) < 99:
            return True
    return False


def _adds_up(ex: Exhibit, rows: Table, total: Cell, c: int, groups) -> tuple[float | None, bool]:
    """(the first group's sum, whether a group of rows sums to ``total`` within rounding)."""
    expected = None
    for group in groups:
        addends = [cell for r in group if (cell := _val(rows, r, c)) is not None]
        if not addends:
            continue
        s = sum(a.value for a in addends)
        expected = s if expected is None else expected
        room = _ulp([total], _scaled(ex, c)) + _ulp(addends, _scaled(ex, c))
        if abs(s - total.value) <= room + _EPS:
            return expected, True
    return expected, False


def _top_level(ex: Exhibit, rows: Table, group: list[int], c: int) -> list[int]:
    """The rows of ``group`` that are not parts of another, when the rows nest without indents:
    a row followed by rows (themselves maybe nested) that sum to it is their subtotal. Empty
    when no row has parts, or when a cell is missing."""
    cells = [_val(rows, r, c) for r in group]
    if len(cells) < 3 or any(cell is None for cell in cells):
        return []
    scaled = _scaled(ex, c)
    ulps = [_ulp([cell], scaled) for cell in cells]
    ends: dict[int, int] = {}

    def block(i: int) -> int:
        """The index after the row ``i`` and its parts (``i + 1`` when it has none)."""
        if i in ends:
            return ends[i]
        target, sign = cells[i].value, 1 if cells[i].value >= 0 else -1
        j, n_parts, total, room = i + 1, 0, 0.0, ulps[i]
        # Parts are taken until they reach the row's value (from below, or from above when it
        # is negative), each part with its own parts.
        while j < len(cells) and sign * total < sign * target - room - _EPS:
            n_parts, total, room = n_parts + 1, total + cells[j].value, room + ulps[j]
            j = block(j)
        ends[i] = j if n_parts >= 2 and abs(total - target) <= room + _EPS else i + 1
        return ends[i]

    tops, i = [], 0
    while i < len(cells):
        tops.append(group[i])
        i = block(i)
    return tops if len(tops) < len(group) else []


def _addends(ex: Exhibit, t: int, cols: list[int]) -> list[int]:
    """The columns a total column sums: same group, same sub-column, or those since the last total."""
    name = _name(ex, t)
    group, _, leaf = name.rpartition(" / ")
    if group and _TOTAL.match(leaf):
        return [c for c in cols if c != t and _name(ex, c).startswith(group + " / ")]
    head, _, sub = name.partition(" / ")
    if sub and _TOTAL.match(head):
        return [c for c in cols if c != t and _name(ex, c).endswith(" / " + sub)]
    start = max((c for c in cols if c < t and _TOTAL.match(_name(ex, c).rpartition(" / ")[2])), default=0)
    return [c for c in cols if start < c < t]


def _row_checks(ex: Exhibit, rows: Table, cols: list[int]) -> list[Check]:
    found: list[Check] = []
    for t in cols:
        if not _TOTAL.match(_name(ex, t).rpartition(" / ")[2]) and not _TOTAL.match(_name(ex, t)):
            continue
        parts = _addends(ex, t, cols)
        if len(parts) < 2:
            continue
        misses, hits = [], 0
        scaled = _scaled(ex, t)
        for r in sorted(rows):
            total = _val(rows, r, t)
            addends = [cell for c in parts if (cell := _val(rows, r, c)) is not None]
            if total is None or not addends:
                continue
            s = sum(a.value for a in addends)
            if abs(s - total.value) <= _ulp([total], scaled) + _ulp(addends, scaled) + _EPS:
                hits += 1
            else:
                misses.append(Check(ex.exhibit_id, "row_total", r, t, s, total.value))
        if hits >= len(misses):
            found.extend(misses)
    return found


def _percent_checks(ex: Exhibit, rows: Table, cols: list[int]) -> list[Check]:
    found: list[Check] = []
    totals = set(_total_rows(ex, rows, cols))
    all_cols = sorted({c for row in rows.values() for c in row if c > 0})
    for p in all_cols:
        if not _PERCENT.search(_name(ex, p)):
            continue
        best: list[Check] | None = None
        best_hits = 0
        for formula in _formulas(rows, cols, totals, p):
            hits, misses = _apply(ex, rows, p, formula)
            if hits > best_hits:
                best, best_hits = misses, hits
        if best is not None and best_hits >= 2 and best_hits >= 2 * len(best):
            found.extend(best)
    return found


def _formulas(rows: Table, cols: list[int], totals: set[int], p: int):
    """Candidate (numerator column, denominator column or None, total row or None)."""
    for a in cols:
        if a == p:
            continue
        for t in totals:
            if _val(rows, t, a) is not None:
                yield (a, None, t)
        for b in cols:
            if b not in (a, p):
                yield (a, b, None)


def _apply(ex: Exhibit, rows: Table, p: int, formula) -> tuple[int, list[Check]]:
    a, b, t = formula
    hits, misses = 0, []
    for r in sorted(rows):
        pct, num = _val(rows, r, p), _val(rows, r, a)
        den = _val(rows, t, a) if t is not None else _val(rows, r, b)
        if pct is None or num is None or den is None or den.value == 0:
            continue
        expected = 100 * num.value / den.value
        # rounding of the printed counts propagates into the ratio
        spread = 100 * (_ulp([num]) + abs(num.value) * _ulp([den]) / abs(den.value)) / abs(den.value)
        if abs(expected - pct.value) <= _ulp([pct]) + spread + 1e-6:
            hits += 1
        else:
            misses.append(Check(ex.exhibit_id, "percent", r, p, round(expected, 6), pct.value))
    return hits, misses


def check_exhibit(ex: Exhibit) -> list[Check]:
    """Every total or percentage of a table that does not follow from its parts."""
    if ex.kind != "table" or not ex.cells:
        return []
    rows = _table(ex)
    cols = _additive(ex, rows)
    return _col_checks(ex, rows, cols) + _row_checks(ex, rows, cols) + _percent_checks(ex, rows, cols)
