"""All-text tables of the space-aligned layout: columns cut at wide gaps, before repeated
abbreviations (``DR.``, ``CSS``), after rank numbers, or at endings repeated across rows."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from tui.corpus.model import Cell, Grid
from tui.corpus.space_columns import CONNECTORS, gap_rows
from tui.corpus.space_header import header_names, strong_gaps
from tui.corpus.space_rows import continues, join_label

if TYPE_CHECKING:
    from tui.corpus.tables_space import Line

_ACRONYM = re.compile(r"^[A-ZÁÉÍÓÚÑ]{2,}")
_RANK_HEADER = re.compile(r"^(?:No|N[úu]m|N[°º]|#)\.?$", re.I)


_PIVOT_SHAPE = re.compile(r"^(?:[A-ZÁÉÍÓÚÑ]{2,}(?:/[A-Z]{1,4})?[./]?|[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{1,3}\.)$")
MAX_PIVOTS = 4
_NUMBERED = re.compile(r"^\S+\. \d")


def pivot_tokens(lines: list[list[str]], blocks: int | None = None) -> frozenset[str]:
    """Tokens that open the second column of an all-text table, one per row (``DR.``/``DRA.``
    before a name): the most frequent abbreviations that never share a line, taken while
    they cover at least a quarter of the lines, or of the ``blocks`` (lines after a blank) when
    fewer: rows wrapped over many short lines still have one pivot each."""
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
    if len(seen) < 3 or len(seen) < min(len(lines), blocks or len(lines)) / 4:
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
        # While rows carry ranks 1, 2, 3 … a line without the next rank is a wrapped part.
        if last and not ranked and (rank > 0 or continues(last, " ".join(toks))):
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
    # A line opening with an acronym (``HGZ No. 1 …``) starts the second cell.
    at = 0 if toks[0] in pivots or _ACRONYM.match(toks[0]) else _pivot_at(toks, pivots, True)
    at = len(toks) if at is None else at
    row[0] = (join_label([a, " ".join(toks[:at])]) if at else a, la)
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


def split_tails(rows: list[list[tuple[str, int]]]) -> None:
    """Add a last column when nearly every row's last cell ends in a tail shared with another
    row (``Juvenil``, ``Adulto mayor``): the longest such tail is cut off into it."""
    toks = [r[-1][0].split() for r in rows]
    # ``No. 1 …`` is a unit's number, not the start of a cell.
    cands = [[" ".join(t[i:]) for i in _cuts(t) if not _NUMBERED.match(" ".join(t[i : i + 2]))] for t in toks]
    count = Counter(c for tails in cands for c in set(tails))
    found = [next((c for c in tails if count[c] >= 2), None) for tails in cands]
    if len(rows) < 3 or sum(f is not None for f in found) < 0.8 * len(rows):
        return
    for row, tail in zip(rows, found, strict=True):
        text, ln = row[-1]
        row[-1] = (text[: len(text) - len(tail)].rstrip() if tail else text, ln)
        row.append((tail or "", ln))


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


def text_table(table: list[Line]) -> Grid | None:
    """An all-text table cut into columns before its pivot tokens (``DR.``, ``CSS``); a third
    column when the header's last line names three and the pivot stands alone as a title."""
    gapped = gap_rows([ln.raw for ln in table])
    if gapped is not None:
        return _gap_table(table, *gapped)
    pivots = pivot_tokens([ln.tokens for ln in table], sum(ln.blank_before for ln in table) + 1)
    first = first_ranked([ln.tokens for ln in table])
    if first is None and not pivots:
        return None
    if first is None:
        first = next(k for k, ln in enumerate(table) if any(t in pivots for t in ln.tokens[1:]))
        if first > 0 and not table[first].blank_before and table[first - 1].blank_before:
            first -= 1  # the first row's leading cell wrapped onto the line above
    header, body = table[:first], table[first:]
    rows = text_rows([(ln.ln, ln.tokens, ln.blank_before) for ln in body], pivots)
    split_by_repeats(rows)
    lines = [(h.text, h.blank_before) for h in header]
    heads = [b.split(" ", 1)[0] for _, (b, _) in rows]
    titles = bool(pivots) and all(h in pivots or h.endswith(".") for h in heads)
    three = titles and bool(header) and len(header[-1].tokens) == 3
    if three:
        rows = [[a, (b.split(" ", 1)[0], ln), (b.partition(" ")[2], ln)] for a, (b, ln) in rows]
    if (
        header
        and _RANK_HEADER.match(header[0].tokens[0])
        and all(r[0][0].split(" ", 1)[0].isdigit() for r in rows)
    ):
        rows = [[(a.split(" ", 1)[0], la), (a.partition(" ")[2], la), *rest] for (a, la), *rest in rows]
    if rows and strong_gaps(lines) >= len(rows[0]):  # the header names more columns
        split_tails(rows)
    empty = [j for j in range(1, len(rows[0])) if not any(r[j][0] for r in rows)] if rows else []
    rows = [[c for j, c in enumerate(r) if j not in empty] for r in rows]
    k = len(rows[0]) if rows else 2
    if header and len(header[-1].tokens) == k:
        names = [" ".join([h.text for h in header[:-1]] + header[-1].tokens[:1])] + header[-1].tokens[1:]
    else:
        names = header_names(lines, k - 1) or [" ".join(h.text for h in header)] + [""] * (k - 1)
    grid = Grid(columns=names)
    for r, row in enumerate(rows):
        grid.cells.extend(Cell(r, j, text, None, ln) for j, (text, ln) in enumerate(row))
    return grid


def _gap_table(table: list[Line], first: int, cells: list[list[str]]) -> Grid:
    """An all-text table whose columns are set apart by wide gaps: one column per gap-cell;
    a line with fewer cells continues the last cell of the row above."""
    k = len(cells[first])
    header = table[:first]
    if not header and not any(c[:1].isdigit() for c in cells[first]):
        names, first = cells[first], first + 1  # the first gapped line names the columns
    else:
        lines = [(h.text, h.blank_before) for h in header]
        names = header_names(lines, k - 1) or [" ".join(h.text for h in header)] + [""] * (k - 1)
    grid = Grid(columns=names)
    rows: list[list[tuple[str, int]]] = []
    for line, parts in zip(table[first:], cells[first:], strict=True):
        if len(parts) == k or not rows:
            rows.append([(p, line.ln) for p in parts] + [("", line.ln)] * (k - len(parts)))
        else:
            text, ln = rows[-1][-1]
            rows[-1][-1] = (f"{text} {line.text}".strip(), ln)
    for r, row in enumerate(rows):
        grid.cells.extend(Cell(r, j, text, None, ln) for j, (text, ln) in enumerate(row))
    return grid
