"""Row-label repairs of space-separated tables, applied to assembled rows.

Helpers for :mod:`tui.corpus.tables_space`.
"""

from __future__ import annotations

import re

from tui.corpus.space_columns import is_year
from tui.corpus.space_rows import Row

MIN_YEAR_ROWS = 3
MIN_DATED_ROWS = 2
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


def year_labels(rows: list[Row], width: int) -> bool:
    """Make a first value column of years the row labels when no row with a year has a label
    of its own (``año Casos`` / ``2009 90`` / ``2010 274`` … / ``Julio de 2019 a junio de 2020
    937`` / ``Total 5,453``): the years name the rows. Returns True when the rows changed
    (they then have ``width - 1`` value columns)."""
    if width < 2:
        return False
    firsts = [r.cells(width)[0] for r in rows]
    dated = [k for k, c in enumerate(firsts) if c]
    if len(dated) < MIN_YEAR_ROWS or any(rows[k].label or not is_year(firsts[k]) for k in dated):
        return False
    for k in dated:
        row = rows[k]
        (year, line), row.values = row.values[-width], row.values[len(row.values) - width + 1 :]
        row.label, row.label_line, row.slots = year, line, None
        row.problem = None
    for row in rows:
        n = len(row.values)
        if row.problem and n == width - 1:
            row.problem = None
    return True


def merged_names(names: list[str]) -> list[str]:
    """Column names once the first value column became the labels: its name names them."""
    head = " ".join(n for n in names[:2] if n and not n.startswith("col"))
    return [head] + names[2:]


def year_heads(labels: list[str]) -> list[tuple[str, str]] | None:
    """``(year, word)`` of labels that all print a year then one word (``2019 Julio``): two
    text columns, year and month, left in the label. None unless every label is so."""
    pairs = [tuple(label.split()) for label in labels]
    ok = len(pairs) >= MIN_DATED_ROWS and all(
        len(p) == 2 and is_year(p[0]) and _WORD.fullmatch(p[1]) for p in pairs
    )
    return pairs if ok else None
