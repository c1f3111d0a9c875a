"""A label column printed as bands: a merged cell (``Primer nivel``) on a line of its own right
above the first row of its group, the row labels being a second text column (``Programa``).

The header then names two text columns before the values, and every group opens with a short
label-only line glued (no blank line) to a value row, the groups' bands sharing a word
(``Primer nivel`` / ``Segundo nivel``). The band fills its column down its group's rows.

Bands printed between the header and the first row (:func:`trim_bands`) are given back to the
body, so the header does not swallow them.
"""

from __future__ import annotations

from dataclasses import replace

from tui.corpus.space_columns import CONNECTORS, TOTAL
from tui.corpus.space_header import segment, starts_cell, strong_gaps
from tui.corpus.space_rows import Row, continues

MAX_BAND_WORDS = 4
MAX_WRAPPED_BAND = 3
"""Words of a band wrapped on two lines between header and rows (``Segundo`` / ``nivel``)."""


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


def trim_bands(lines: list, start: int, width: int) -> int:
    """Give back to the body the band lines (``Primer nivel``, or ``Segundo`` / ``nivel``
    wrapped, right above the rows) printed between header and rows: capitalised text the
    header does not need to name every column."""
    below = _band_texts(lines[start:], {ln.text for ln in lines[:start]})
    while start > 1:
        b = _band_start(lines, start, below)
        first = lines[b]
        rest = [(ln.text, ln.blank_before) for ln in lines[:b]]
        if b < 1 or any(ln.run for ln in lines[b:start]) or not first.text[:1].isupper():
            break
        if strong_gaps(rest) < width:
            break
        text = " ".join(ln.text for ln in lines[b:start])
        if any(ln.text == text for ln in lines[:b]):
            break  # a side-by-side header repeating its names
        n = len(text.split())
        if b == start - 1 and n in (width, width + 1) and not CONNECTORS.intersection(first.tokens):
            break  # the line names the columns by itself
        if not starts_cell(lines[b - 1].text, first.text):
            break
        start = b
    return start


def _band_texts(body: list, header: set[str]) -> set[str]:
    """Lower-cased texts of the body's label-only lines, alone or wrapped on two lines, but
    not the header printed again (continuation page)."""
    out = {ln.text.lower() for ln in body if not ln.run and ln.text not in header}
    for a, b in zip(body, body[1:], strict=False):
        again = a.text in header and b.text in header
        if not a.run and not b.run and not b.blank_before and not again:
            out.add(f"{a.text} {b.text}".lower())
    return out


def _band_start(lines: list, start: int, below: set[str]) -> int:
    """First line of the text cell ending right above ``start``: the line itself, or a band of
    two or three words wrapped on two lines after a blank (``Segundo`` / ``nivel``) that the
    body prints again as a band line (``below``, lower-cased)."""
    b = start - 1
    if b < 2 or lines[b].blank_before or not lines[b - 1].blank_before:
        return b
    words = lines[b - 1].tokens + lines[b].tokens
    if len(words) <= MAX_WRAPPED_BAND and " ".join(words).lower() in below:
        return b - 1
    return b
