"""Links from quoted figures to the table cells that hold them (see :func:`link_facts`)."""

from __future__ import annotations

from functools import lru_cache

from tui.corpus.model import Exhibit, Fact
from tui.corpus.prose_numbers import TOKEN, read_body, to_number

_LINKED_KINDS = ("quantity", "money", "percent")
_MIN_SIGNIFICANT = 3
_MAX_LOOSE_MATCHES = 3
_NOT_DIGITS = str.maketrans("", "", ",'’‘.")


def link_facts(facts: list[Fact], exhibits: list[Exhibit]) -> list[tuple[str, str, int, int]]:
    """(fact_id, exhibit_id, row, col) for each quoted figure equal to a table cell of its document.

    A figure matches a cell holding its value or its printed number before the scale word
    (``62,187 millones de pesos`` is ``62,187`` in a table in millions). Figures with fewer than
    three significant digits (``1``, ``2``, ``50``, ``100``, ``2.5``, ``3,000``) are skipped: such
    values fill every table, so a match says nothing. A figure found in more than three cells is
    kept only for the exhibits of its own section, and dropped when none is there.
    """
    by_value: dict[tuple[str, float], list[tuple[str, int, int, str | None]]] = {}
    for ex in exhibits:
        for c in ex.cells:
            if c.value is not None and c.col > 0:
                by_value.setdefault((ex.doc_id, round(c.value, 6)), []).append(
                    (ex.exhibit_id, c.row, c.col, ex.section_id)
                )
    links: list[tuple[str, str, int, int]] = []
    for f in facts:
        if f.kind not in _LINKED_KINDS:
            continue
        printed = _printed(f.raw)
        if printed is None:
            continue
        values = {round(f.value, 6), printed}
        cells = {c: None for v in values for c in by_value.get((f.doc_id, v), ())}
        if len(cells) > _MAX_LOOSE_MATCHES:
            cells = {c: None for c in cells if c[3] is not None and c[3] == f.section_id}
        links.extend((f.fact_id, ex_id, row, col) for ex_id, row, col, _ in cells)
    return links


@lru_cache(maxsize=4096)  # a report quotes the same figures again and again
def _printed(raw: str) -> float | None:
    """The number as printed at the start of ``raw`` (before any scale word), rounded to 6
    decimals; None when unreadable or with too few significant digits to be worth linking."""
    m = TOKEN.search(raw)
    read = read_body(m["body"]) if m else None
    if read is None or _significant(read[0]) < _MIN_SIGNIFICANT:
        return None
    return round(to_number(read[0], negative=bool(m["sign"] or m["open"])).number, 6)


def _significant(figure: str) -> int:
    """Significant digits of a figure made of digits, separators and a decimal point."""
    return len(figure.translate(_NOT_DIGITS).strip("0"))
