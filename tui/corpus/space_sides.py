"""Side-by-side space tables (``label v v label v v`` on one line): routing each line's runs
to the left and right halves, and placing the rows printed on one side only.

A balance sheet prints its two halves side by side, but where one half has more rows a line
carries a single ``label v v``; the text does not say on which side. The totals do: such a row
goes left when the left half's ``Total …`` rows add up with it, else right. A label-only line
can also carry both halves' bands (``Activo circulante Pasivo circulante``): it is cut where a
lowercase word is followed by a capitalised one.
"""

from __future__ import annotations

import math
import re

from tui.corpus.numbers import is_missing, parse_number
from tui.corpus.space_columns import CONNECTORS, TOTAL, split_runs
from tui.corpus.space_rows import Assembler, Row

_LOWER_WORD = re.compile(r"^[a-záéíóúñü]+[,;]?$")
_TITLE_WORD = re.compile(r"^[A-ZÁÉÍÓÚÑ][a-záéíóúñü]")
MAX_LONE = 10
"""At most 2**MAX_LONE side assignments are tried."""


def two_labels(tokens: list[str]) -> tuple[list[str], list[str]] | None:
    """Cut a label run holding two halves' labels at its one ``lowercase Capitalised`` seam."""
    cuts = [
        i
        for i in range(1, len(tokens))
        if _TITLE_WORD.match(tokens[i])
        and _LOWER_WORD.match(tokens[i - 1])
        and tokens[i - 1] not in CONNECTORS
    ]
    if len(cuts) != 1:
        return None
    return tokens[: cuts[0]], tokens[cuts[0] :]


def feed_sides(left: Assembler, right: Assembler, line) -> bool:
    """Route the runs of one side-by-side line: the first label+values to the left half.
    Returns True when the line is one whole row on one side only (the left, for now)."""
    runs = split_runs(line.tokens)
    idle = not left.pending and not right.pending
    if idle and not runs[0][0] and len(runs) <= 2 and (len(runs) == 1 or runs[1][0]):
        halves = two_labels(runs[0][1])
        if halves is not None:
            left.feed(line.ln, halves[0], line.blank_before, None)
            right.feed(line.ln, halves[1] + (runs[1][1] if len(runs) == 2 else []), line.blank_before, None)
            return False
    if len(runs) == 1 and not runs[0][0]:
        target = right if right.open_for(line.text) and not left.open_for(line.text) else left
        target.feed(line.ln, line.tokens, line.blank_before, None)
        return False
    side = left
    if not left.pending and right.pending and (runs[0][0] or right.open_for(" ".join(runs[0][1]))):
        side = right  # the rest of the right half's wrapped label, or its values
    for is_val, toks in runs:
        side.feed(line.ln, toks, line.blank_before, None)
        if is_val:
            side = right
    return idle and side is right and len(runs) == 2 and not runs[0][0] and not left.pending


def _number(tok: str) -> float | None:
    """A cell's value: None when empty, 0 for a dash, NaN when not a number."""
    if not tok:
        return None
    if is_missing(tok):
        return 0.0
    num = parse_number(tok)
    return num.value if num is not None else math.nan


def _totals_met(rows: list[Row], nums: dict[int, list[float | None]]) -> int:
    """How many value cells of ``Total`` rows equal the sum of the rows since the last band
    or total (within rounding)."""
    met, group = 0, []
    for row in rows:
        if not row.values:
            group = []
        elif TOTAL.match(row.label):
            for j, total in enumerate(nums[id(row)]):
                parts = [nums[id(r)][j] or 0.0 for r in group]
                if group and total is not None:  # NaN compares False: not met
                    met += abs(sum(parts) - total) <= max(1.0, 1e-4 * abs(total))
            group = []
        else:
            group.append(row)
    return met


def place_lone(left: list[Row], right: list[Row], lone: list[Row], width: int) -> list[Row]:
    """Stack the halves, moving to the right half the one-sided rows its totals, and the
    left half's, say belong there; with no such evidence every row stays left."""
    if not lone or len(lone) > MAX_LONE or not any(TOTAL.match(r.label) for r in left + right):
        return left + right
    nums = {id(r): [_number(t) for t in r.cells(width)] for r in left + right}
    best, best_score = 0, _totals_met(left, nums) + _totals_met(right, nums)
    for mask in sorted(range(1, 1 << len(lone)), key=int.bit_count):
        moved = {id(r) for k, r in enumerate(lone) if mask >> k & 1}
        score = _totals_met([r for r in left if id(r) not in moved], nums)
        score += _totals_met(_merge(right, [r for r in lone if id(r) in moved]), nums)
        if score > best_score:
            best, best_score = mask, score
    moved = {id(r) for k, r in enumerate(lone) if best >> k & 1}
    kept = [r for r in left if id(r) not in moved]
    return kept + _merge(right, [r for r in lone if id(r) in moved])


def _merge(rows: list[Row], extra: list[Row]) -> list[Row]:
    """``rows`` with ``extra`` inserted in source-line order."""
    if not extra:
        return rows
    return sorted(rows + extra, key=lambda r: r.label_line if r.label_line is not None else 0)


def repeated_header(header: list) -> int | None:
    """Index of the header line that starts the right half's copy of the left half's names."""
    first: dict[str, int] = {}
    for k, line in enumerate(header):
        if len(line.tokens) >= 2 and line.text in first:
            return k
        first.setdefault(line.text, k)
    return None


def side_by_side(lines: list, width: int, header: list) -> bool:
    """Two label+values halves on many lines: ``text v v text v v``. With one value column the
    pattern is common in single labels (``HGZ No. 1 Tapachula 100``): the header must repeat."""
    if width < 1 or (width == 1 and repeated_header(header) is None):
        return False
    hits = 0
    for line in lines:
        runs = split_runs(line.tokens)
        vals = [len(t) for v, t in runs if v]
        if len(runs) >= 3 and len(vals) >= 2 and vals[-1] == vals[-2] == width:
            hits += 1
    data = sum(1 for line in lines if line.run)
    return hits >= 3 and hits >= 0.25 * data


def left_header(header: list) -> list:
    """The left half's header when the right half's names follow it on their own lines."""
    second = repeated_header(header)
    if second is None:
        return header
    first = next(k for k, ln in enumerate(header) if ln.text == header[second].text)
    return header[first:second]
