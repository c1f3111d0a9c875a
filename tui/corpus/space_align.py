"""Place the values of short rows (an empty cell left out of the text) by the total row.

A space-separated row with fewer values than columns does not say which cells are empty;
right-aligning is the default guess. When the table prints a full ``Total`` row, the placement
that makes the most columns add up to it is the evidence: it is used when it beats the default.
"""

from __future__ import annotations

from itertools import combinations

from tui.corpus.numbers import parse_number
from tui.corpus.space_rows import Row

MAX_WIDTH = 10
MAX_SHORT = 4


def _num(tok: str) -> float | None:
    n = parse_number(tok) if tok else None
    return n.value if n else None


def _matches(sums: list[float], total: list[float | None]) -> int:
    # Printed totals are rounded: allow one unit, or 0.2 % of large totals.
    return sum(
        1
        for s, t in zip(sums, total, strict=True)
        if t is not None and abs(s - t) <= max(1.0, 0.002 * abs(t))
    )


def _sums(rows: list[Row], width: int) -> list[float]:
    sums = [0.0] * width
    for row in rows:
        for j, tok in enumerate(row.cells(width)):
            sums[j] += _num(tok) or 0.0
    return sums


def align_by_total(rows: list[Row], width: int) -> None:
    """Set ``slots`` on short rows when the total row shows where their values belong."""
    if not 2 <= width <= MAX_WIDTH or not rows:
        return
    total_row = rows[-1]
    if not total_row.label.lower().startswith("total") or len(total_row.values) != width:
        return
    total = [_num(t) for t, _ in total_row.values]
    body = rows[:-1]
    short = [r for r in body if 0 < len(r.values) < width]
    if not short or len(short) > MAX_SHORT:
        return
    for row in short:
        best, best_score = None, _matches(_sums(body, width), total)
        for slots in combinations(range(width), len(row.values)):
            row.slots = slots
            score = _matches(_sums(body, width), total)
            if score > best_score:
                best, best_score = slots, score
        row.slots = best
        if best is not None:
            row.problem = f"{len(row.values)} of {width} values, placed by the total row"
