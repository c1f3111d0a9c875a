"""Assemble table rows from body lines: wrapped labels, values on their own line, section bands.

Helpers for :mod:`tui.corpus.tables_space`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.corpus.numbers import parse_number
from tui.corpus.space_columns import CONNECTORS, is_value, peel

_LOWER_START = re.compile(r"^[a-záéíóúñü(]")
_YEARISH = re.compile(r"^(19|20)\d\d(-(19|20)?\d\d)?$")


def continues(prev: str, nxt: str) -> bool:
    """True when ``nxt`` reads as the continuation of the wrapped label line ``prev``."""
    words = prev.split()
    last = words[-1].lower() if words else ""
    if last in CONNECTORS or prev.endswith((",", "-", "/")):
        return True
    return bool(_LOWER_START.match(nxt)) or nxt[:1].isdigit()


def join_label(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if not out:
            out = part
        elif out.endswith("-") and not out.endswith(" -"):
            out += part
        else:
            out += " " + part
    return out


@dataclass(slots=True)
class Row:
    label: str
    label_line: int | None
    values: list[tuple[str, int]] = field(default_factory=list)
    """(printed token, source line) of each value cell, left to right."""
    problem: str | None = None
    slots: tuple[int, ...] | None = None
    """Columns of a short row's values when known (else they are right-aligned)."""

    @property
    def value_line(self) -> int | None:
        return self.values[-1][1] if self.values else self.label_line

    def cells(self, width: int) -> list[str]:
        """The value cells in ``width`` columns (missing ones are ``""``)."""
        toks = [t for t, _ in self.values][-width:] if width else []
        if self.slots is not None and len(self.slots) == len(toks):
            out = [""] * width
            for j, tok in zip(self.slots, toks, strict=True):
                out[j] = tok
            return out
        return [""] * (width - len(toks)) + toks


class Assembler:
    """Turns a stream of body lines (or half lines) into rows."""

    def __init__(self, width: int, loose: bool) -> None:
        self.width = width
        self.loose = loose
        """True when rows are separated by blank lines (so a wrap has no blank in it)."""
        self.rows: list[Row] = []
        self.pending: list[tuple[int, str]] = []

    def open_for(self, text: str) -> bool:
        return bool(self.pending) and continues(self.pending[-1][1], text)

    def feed(self, ln: int, tokens: list[str], blank_before: bool, nxt: list[str] | None) -> None:
        label, vals = peel(tokens, self.width)
        short = vals and len(vals) < self.width and nxt and all(is_value(t) for t in nxt)
        # ``por 100,0002/`` above a line of values: a label ending in a number.
        if short and (label or any(_has_note(t) for t in vals)):
            label, vals = tokens, []
        text = " ".join(label)
        if not vals:
            self._label(ln, text, blank_before)
        else:
            self._values(ln, text, vals, blank_before)

    def _is_band(self, text: str, blank_before: bool) -> bool:
        if continues(self.pending[-1][1], text):
            return False
        return blank_before or not self.loose

    def _label(self, ln: int, text: str, blank_before: bool) -> None:
        if self.pending and self._is_band(text, blank_before):
            self._flush_band()
        self.pending.append((ln, text))

    def _values(self, ln: int, text: str, vals: list[str], blank_before: bool) -> None:
        if text and self.pending and self._is_band(text, blank_before):
            self._flush_band()
        parts = [t for _, t in self.pending] + ([text] if text else [])
        if not parts and self.rows and self._extends(len(vals)):
            self.rows[-1].values.extend((v, ln) for v in vals)
            return
        first = self.pending[0][0] if self.pending else ln
        self.rows.append(Row(join_label(parts), first, [(v, ln) for v in vals]))
        self.pending = []

    def _extends(self, n: int) -> bool:
        last = self.rows[-1]
        return bool(last.values) and len(last.values) + n <= self.width

    def _flush_band(self) -> None:
        ln = self.pending[0][0]
        self.rows.append(Row(join_label([t for _, t in self.pending]), ln))
        self.pending = []

    def finish(self) -> list[Row]:
        if self.pending:
            self._flush_band()
        for row in self.rows:
            n = len(row.values)
            if 0 < n < self.width:
                row.problem = f"{n} of {self.width} values, right-aligned"
            if not row.label and n:
                row.problem = "values without a label"
        return self.rows


def _has_note(tok: str) -> bool:
    num = parse_number(tok)
    return bool(num and num.note)


def merge_wrapped_dates(rows: list[Row], width: int) -> list[Row]:
    """Join a text cell wrapped apart from its row (``Red de …`` / ``Segundo trimestre`` /
    ``2020`` / ``20 51``): a band, then a row whose first value is a year alone on its line
    while its other values share a later line. Other rows print that year with their values,
    so the text above the year belongs to the year's cell and the band is the row's label."""
    if width < 2:
        return rows
    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        vals = row.values
        if (
            prev is not None
            and not prev.values
            and row.label
            and len(vals) == width
            and _YEARISH.match(vals[0][0])
            and vals[0][1] != vals[1][1]
        ):
            vals[0] = (f"{row.label} {vals[0][0]}", vals[0][1])
            row.label, row.label_line = prev.label, prev.label_line
            out[-1] = row
            continue
        out.append(row)
    return out


# An abbreviation or code that can open a text column: ``DR.``, ``CSS``, ``HGZ``, ``Lic.``.
