"""A label column printed as bands: a merged cell (``Primer nivel``) on a line of its own right
above the first row of its group, the row labels being a second text column (``Programa``).

The header then names two text columns before the values, and every group opens with a short
label-only line glued (no blank line) to a value row, the groups' bands sharing a word
(``Primer nivel`` / ``Segundo nivel``). The band fills its column down its group's rows.
"""

from __future__ import annotations

from dataclasses import replace

from tui.corpus.space_columns import CONNECTORS, TOTAL
from tui.corpus.space_header import segment, strong_gaps
from tui.corpus.space_rows import Row, continues

MAX_BAND_WORDS = 4


def _opens_group(line, nxt) -> bool:
    return (
        not line.run
        and len(line.tokens) <= MAX_BAND_WORDS
        and line.text[:1].isupper()
        and nxt is not None
        and nxt.run
        and len(nxt.tokens) > nxt.run
        and not nxt.blank_before
        and not continues(line.text, nxt.text)
    )


def band_column(header: list, rows: list, width: int) -> tuple[int, list[str], set[int]] | None:
    """(header lines that are really the first band, names, source lines of the bands) when
    the label column is printed as bands over a second text column; else None."""
    if width < 1 or len(header) < 2:
        return None
    back = 1 if _opens_group(header[-1], rows[0] if rows else None) else 0
    lines = header[len(header) - back :] + rows
    bands = [ln for k, ln in enumerate(lines[:-1]) if _opens_group(ln, lines[k + 1])]
    if len(bands) < 2 or (back and bands[0] is not header[-1]):
        return None
    shared = set.intersection(*({t.lower() for t in b.tokens} for b in bands)) - CONNECTORS
    if not shared:
        return None
    lines = [(h.text, h.blank_before) for h in header[: len(header) - back]]
    if strong_gaps(lines) > width + 1:  # more than two text columns: not a band over one
        return None
    names = segment(lines, width + 2)
    if names is None:
        return None
    return back, names, {b.ln for b in bands}


def detach(lines: list, bands: set[int]) -> list:
    """The lines with the line after each band marked as following a blank."""
    out = []
    after = False
    for ln in lines:
        out.append(replace(ln, blank_before=True) if after else ln)
        after = ln.ln in bands
    return out


def fill_down(rows: list[Row], bands: set[int]) -> tuple[list[Row], dict[int, str]]:
    """Rows without the band rows, labelled by their band; returns each row's second cell."""
    out: list[Row] = []
    second: dict[int, str] = {}
    band = ""
    for row in rows:
        if not row.values and row.label_line in bands:
            band = row.label
            continue
        if TOTAL.match(row.label) or not band:
            band = "" if TOTAL.match(row.label) else band
            out.append(row)
            continue
        second[len(out)] = row.label
        out.append(replace(row, label=band))
    return out, second
