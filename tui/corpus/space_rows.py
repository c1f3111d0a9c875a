"""Assemble table rows from body lines: wrapped labels, values on their own line, section bands.

Helpers for :mod:`tui.corpus.tables_space`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tui.corpus.numbers import parse_number
from tui.corpus.space_columns import CONNECTORS, is_value, peel

_LOWER_START = re.compile(r"^[a-záéíóúñü(]")
_ACRONYM = re.compile(r"^[A-ZÁÉÍÓÚÑ]{2,}")
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
_PIVOT_SHAPE = re.compile(r"^(?:[A-ZÁÉÍÓÚÑ]{2,}(?:/[A-Z]{1,4})?[./]?|[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{1,3}\.)$")
MAX_PIVOTS = 4


def pivot_tokens(lines: list[list[str]]) -> frozenset[str]:
    """Tokens that open the second column of an all-text table, one per row (``DR.``/``DRA.``
    before a name): the most frequent abbreviations that never share a line, taken while
    they cover at least a quarter of the lines."""
    cover: dict[str, set[int]] = {}
    for k, toks in enumerate(lines):
        for i in range(1, len(toks)):
            t = toks[i]
            numbering = t.endswith(".") and i + 1 < len(toks) and toks[i + 1][:1].isdigit()  # ``No. 38``
            if _PIVOT_SHAPE.match(t) and toks[i - 1].lower() not in CONNECTORS and not numbering:
                cover.setdefault(t, set()).add(k)
    chosen: list[str] = []
    seen: set[int] = set()
    for t in sorted(cover, key=lambda t: (-len(cover[t]), t)):
        if len(cover[t]) < 2 or len(chosen) == MAX_PIVOTS:
            break
        if not cover[t] & seen:
            chosen.append(t)
            seen |= cover[t]
    if len(seen) < 3 or len(seen) < len(lines) / 4:
        return frozenset()
    return frozenset(chosen)


def _pivot_at(toks: list[str], pivots: frozenset[str], new_row: bool) -> int | None:
    """Index of the token opening the second cell. A line that must start a row (a rank
    number, a new block) uses its first abbreviation when no known pivot is in it: one with a
    period (``LIC.``) or, in a line not all in capitals, an acronym (``HGO``)."""
    shapes = [i for i in range(1, len(toks)) if toks[i - 1].lower() not in CONNECTORS]
    at = next((i for i in shapes if toks[i] in pivots), None)
    if new_row:
        caps = all(t.isupper() for t in toks if t[:1].isalpha())
        start = 2 if toks[0].isdigit() else 1
        fits = [i for i in shapes if i >= start and _PIVOT_SHAPE.match(toks[i])]
        first = next((i for i in fits if toks[i].endswith(".") or not caps), len(toks))
        at = first if at is None else min(at, first)
    return at


def first_ranked(lines: list[list[str]]) -> int | None:
    """Index of the line ``1 …`` when at least three lines start with the ranks 1, 2, 3…."""
    rank, first = 0, None
    for k, toks in enumerate(lines):
        if toks[0] == str(rank + 1):
            first = k if rank == 0 else first
            rank += 1
    return first if rank >= 3 else None


def text_rows(
    lines: list[tuple[int, list[str], bool]], pivots: frozenset[str]
) -> list[list[tuple[str, int]]]:
    """Rows of an all-text table split before a pivot token: [(text, line) before, after].

    ``lines`` are (line number, tokens, blank line before) of the body. A line without a pivot
    continues the row above, unless it stands after a blank right above a pivot line (then it
    is the start of that row's first cell) or carries the next rank number.
    """
    rows: list[list[tuple[str, int]]] = []
    lead: list[str] = []
    rank = 0
    for k, (ln, toks, blank) in enumerate(lines):
        ranked = rank >= 0 and toks[0] == str(rank + 1)
        last = next((c for c, _ in reversed(rows[-1]) if c), "") if rows else ""
        if last and not ranked and continues(last, " ".join(toks)):
            _continue_row(rows[-1], toks, pivots)
            continue
        fresh = blank and bool(rows) and not continues(rows[-1][-1][0], " ".join(toks))
        at = _pivot_at(toks, pivots, ranked or (fresh and any(t.endswith(".") for t in toks[1:])))
        if at is None:
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            opens = nxt is not None and not nxt[2] and any(t in pivots for t in nxt[1][1:])
            if (blank or not rows) and opens:
                lead = list(toks)
            elif rows:
                _continue_row(rows[-1], toks, pivots)
            continue
        head = (lead or toks)[0]
        consecutive = head.isdigit() and rank >= 0 and (not rows or head == str(rank + 1))
        rank = int(head) if consecutive else -1
        before = join_label([" ".join(lead), " ".join(toks[:at])]).strip()
        rows.append([(before, ln), (" ".join(toks[at:]), ln)])
        lead = []
    return rows


def _continue_row(row: list[tuple[str, int]], toks: list[str], pivots: frozenset[str]) -> None:
    """Add a wrapped line to a row: to its last cell, or across both cells while the second
    one is still empty (``1 Ciudad … (Zona de`` / ``las Torres) UMF No. 3``)."""
    (a, la), (b, lb) = row
    if b:
        row[1] = (join_label([b, " ".join(toks)]), lb)
        return
    at = _pivot_at(toks, pivots, True)
    at = len(toks) if at is None else at
    row[0] = (join_label([a, " ".join(toks[:at])]), la)
    row[1] = (" ".join(toks[at:]), lb)


def split_by_repeats(rows: list[list[tuple[str, int]]]) -> None:
    """Split rows whose second cell is empty where a tail shared by other rows begins
    (``… Dirección Jurídica`` four times): the longest such tail opens the second cell."""
    ends: dict[str, int] = {}
    cands: list[list[str]] = []
    for (a, _), (b, _) in rows:
        toks = a.split()
        tails = [] if b else [" ".join(toks[i:]) for i in _cuts(toks)]
        cands.append(tails)
        for tail in tails:
            ends[tail] = ends.get(tail, 0) + 1
    found = [next((t for t in tails if ends[t] >= 2), None) for tails in cands]  # longest first
    heads = Counter(t.split()[0] for t in found if t)
    if heads:  # a row of its own names its tail with the same first word (``Dirección …``)
        word = heads.most_common(1)[0][0]
        found = [
            f or next((t for t in reversed(c) if t.split()[0] == word), None)
            for f, c in zip(found, cands, strict=True)
        ]
    for row, tail in zip(rows, found, strict=True):
        if tail:
            (a, la), (_, lb) = row
            row[0] = (a[: len(a) - len(tail)].rstrip(), la)
            row[1] = (tail, lb)


def _cuts(toks: list[str]) -> list[int]:
    start = 2 if toks and toks[0].isdigit() else 1
    return [
        i
        for i in range(start, len(toks))
        if toks[i][:1].isupper() and toks[i - 1].lower() not in CONNECTORS and not toks[i - 1].endswith(",")
    ]


def split_heads(labels: list[str]) -> list[tuple[str, str]] | None:
    """Split row labels into (first cell, second cell): before the first acronym (``Sinaloa``
    / ``HGZ No. 1``), else where a head shared by other rows ends (``Nuevo León`` / ``Hospital
    Santa Cecilia``), else after the first word group. None when too few labels share a head."""
    toks = [label.split() for label in labels]
    cuts = [_cuts(t) for t in toks]
    cands = [[" ".join(t[:i]) for i in c] for t, c in zip(toks, cuts, strict=True)]
    count = Counter(h for heads in cands for h in set(heads))
    if sum(any(count[h] >= 2 for h in heads) for heads in cands) < max(2, 0.4 * len(labels)):
        return None
    out: list[tuple[str, str]] = []
    for label, t, c, heads in zip(labels, toks, cuts, cands, strict=True):
        at = next((i for i in c if _ACRONYM.match(t[i])), None)
        head = " ".join(t[:at]) if at else next((h for h in reversed(heads) if count[h] >= 2), None)
        head = head or (heads[0] if heads else None)
        out.append((head, label[len(head) :].strip()) if head else (label, ""))
    return out
