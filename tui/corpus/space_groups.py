"""Header blocks under an upper line: group names (``Conciliado``, ``No conciliado``) or a period
(``Julio de 2019-junio de 2020``) printed above the cells that name the value columns.

The lower block names every column by its sure gaps; the upper block has fewer cells, each
spanning several columns. Sub-headers repeated side by side (``% casos`` / ``% importe`` twice)
take one group cell per repetition, left to right; a cell left over on either side must be a
period (it holds a year) and spans the columns on its side. With no repetition, a single
period cell spans every value column. Each value name is prefixed by its upper cell, joined
with `` / ``.
"""

from __future__ import annotations

import re

from tui.corpus.space_header import WORD, segment, starts_cell, strong_gaps

_YEAR_IN = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
_YEAR_ONLY = re.compile(r"^(19|20)\d\d(-(19|20)?\d\d)?$")


def _is_period(cell: str) -> bool:
    return bool(_YEAR_IN.search(cell))


def _is_year_name(name: str) -> bool:
    return bool(_YEAR_ONLY.match(name))


def _lower_names(lines: list[tuple[str, bool]], width: int) -> list[str] | None:
    """The label name (``""`` when the block has none) and ``width`` value names, cut at the
    block's sure gaps only."""
    n = strong_gaps(lines)
    if n == width:
        return segment(lines, width + 1, WORD)
    if n == width - 1:
        names = segment(lines, width, WORD)
        return [""] + names if names else None
    return None


def _repeat(names: list[str]) -> tuple[int, int, int] | None:
    """(start, length, count) of the longest run of names repeated side by side, at least twice."""
    best = None
    for p in range(1, len(names) // 2 + 1):
        for i in range(len(names) - 2 * p + 1):
            g = 1
            while names[i + g * p : i + (g + 1) * p] == names[i : i + p]:
                g += 1
            if g >= 2 and (best is None or g * p > best[1] * best[2]):
                best = (i, p, g)
    return best


def _spans(cells: list[str], names: list[str]) -> list[str] | None:
    """The upper cell over each value column, or None when the cells do not fit the names."""
    rep = _repeat(names)
    if rep is None:
        # One cell over years (``Contratos`` / ``2019 2020``) is what every year counts.
        spans = len(cells) == 1 and (_is_period(cells[0]) or all(map(_is_year_name, names)))
        return [cells[0]] * len(names) if spans else None
    i, p, g = rep
    end = i + g * p
    lead, trail = i > 0, end < len(names)
    if len(cells) != g + lead + trail:
        return None
    groups = cells[lead : lead + g]
    sides = cells[:lead] + cells[lead + g :]
    if not all(_is_period(c) for c in sides):
        return None
    out = [cells[0]] * i if lead else []
    for group in groups:
        out += [group] * p
    return out + [cells[-1]] * (len(names) - end)


def grouped_names(lines: list[tuple[str, bool]], width: int) -> list[str] | None:
    """Label name and ``width`` value names of a header whose upper block (lines before a blank)
    spans groups of the columns named by the block under it; None when there is none."""
    if width < 2 or len(lines) < 2:
        return None
    for k in range(1, len(lines)):
        upper, lower = lines[:k], lines[k:]
        if not lower[0][1] or not starts_cell(upper[-1][0], lower[0][0]):
            continue
        names = _lower_names(lower, width)
        cells = segment(upper, strong_gaps(upper) + 1, WORD)
        if names is None or cells is None or len(cells) >= width:
            continue
        spans = _spans(cells, names[1:])
        if spans is not None:
            return [names[0]] + [f"{u} / {n}" for u, n in zip(spans, names[1:], strict=True)]
    return None
