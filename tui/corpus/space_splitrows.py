"""Rows of a table with several text columns, cut apart by the PDF text (see
:mod:`tui.corpus.space_textcols`).

Two shapes break such rows:

- A section band (``Primer nivel de atención``) printed right above a row with no blank line
  between them is glued to the row's label. A band is known by its tail: short label-only
  lines ending in the same two words (``… nivel de atención``) recur through the body, one
  of them at least standing alone between blank lines.
- A row whose last text cell is long prints its first cells, a blank line, the long cell
  wrapped over blank-separated lines, then its values (``Sonora Hermosillo HGZ No. 3`` / blank
  / ``Ampliación y`` / ``remodelación`` / blank / ``21 0 0``). The value row then has no
  acronym cell (``HGZ``) of its own, while a label-only row just above has one: they are one
  row. When that row opens with the acronym, the cells before it (state, town) are the
  label-only row above it.
- A two-word band (``Primer nivel``: its second word follows several first words, lower-case
  at least once) printed on the first line of its group's first row is cut from that row.
- A row whose first cells (``Ciudad de México Sur`` / ``Tizapán, San Ángel``) or row tag
  (``Demolida``) stand apart above it, between blank lines, gets them back: its own first word
  opens no other row, the part's first word does (or the row opens with its acronym cell).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import combinations

from tui.corpus.numbers import parse_number
from tui.corpus.space_columns import CONNECTORS, TOTAL
from tui.corpus.space_rows import Row, join_label
from tui.corpus.space_textcols import anchor_of

_COUNT = re.compile(r"^\d{1,3}$")
MAX_PARTS = 4
"""Label-only rows above a value row that may be parts of it."""
MAX_BAND_WORDS = 5
MIN_ANCHORED = 0.5
"""Share of value rows with an acronym cell before split rows are joined."""


def _tail(text: str) -> str:
    return " ".join(text.lower().split()[-2:])


def _band_like(line) -> bool:
    """Short label-only text without numbers (``HGZ No. 5`` names a unit, not a section)."""
    return (
        not line.run and 3 <= len(line.tokens) <= MAX_BAND_WORDS and not any(c.isdigit() for c in line.text)
    )


def band_tails(lines: list) -> set[str]:
    """Two-word tails shared by several short label-only lines of the body, one of them at
    least standing alone between blank lines (``Tercer nivel de atención``): a wrapped cell
    (``Ciudad de México`` / ``Norte …``) recurs too, but always glued to its next line."""
    counts = Counter(_tail(ln.text) for ln in lines if _band_like(ln))
    alone = {
        _tail(ln.text)
        for ln, nxt in zip(lines, lines[1:], strict=False)
        if _band_like(ln) and ln.blank_before and nxt.blank_before
    }
    return {t for t, n in counts.items() if n >= 2 and t in alone}


def detach_bands(lines: list) -> list:
    """The body lines with each band line (tail in :func:`band_tails`) set apart from the row
    printed right under it, as if a blank line followed it."""
    tails = band_tails(lines)
    if not tails:
        return lines
    out = []
    after = False
    for ln in lines:
        out.append(replace(ln, blank_before=True) if after and not ln.blank_before else ln)
        after = _band_like(ln) and _tail(ln.text) in tails
    return out


def merge_parts(rows: list[Row], tails: set[str]) -> list[Row]:
    """Rows with the label-only parts above a value row joined to it (see the module doc);
    only when most value rows hold an acronym cell (the table has such a column)."""
    data = [r for r in rows if r.values and not TOTAL.match(r.label)]
    anchored = sum(1 for r in data if anchor_of(r.label) is not None)
    if not data or anchored < MIN_ANCHORED * len(data) or anchored == len(data):
        return rows  # no acronym column, or no row cut apart
    out: list[Row] = []
    for row in rows:
        k = _parts_start(out, row, tails)
        if k is None:
            out.append(row)
            continue
        parts = out[k:]
        del out[k:]
        label = join_label([p.label for p in parts] + [row.label])
        out.append(replace(row, label=label, label_line=parts[0].label_line))
    return out


def _parts_start(done: list[Row], row: Row, tails: set[str]) -> int | None:
    """Index in ``done`` of the first label-only row that belongs to ``row``, or None."""
    if not row.values or TOTAL.match(row.label) or anchor_of(row.label) is not None:
        return None
    k = len(done)
    while k > 0 and len(done) - k < MAX_PARTS and _is_part(done[k - 1], tails):
        k -= 1
        at = anchor_of(done[k].label)
        if at is not None:
            # Cells before the acronym (state, town) may be the part above it.
            if at == 0 and k > 0 and _is_part(done[k - 1], tails) and anchor_of(done[k - 1].label) is None:
                k -= 1
            return k
    return None


def _is_part(row: Row, tails: set[str]) -> bool:
    if row.values or not row.label or TOTAL.match(row.label):
        return False
    return (
        _tail(row.label) not in tails
        or any(c.isdigit() for c in row.label)
        or len(row.label.split()) > MAX_BAND_WORDS
    )


def _is_acronym(word: str) -> bool:
    return anchor_of(word) == 0


def band_words(rows: list[Row]) -> set[str]:
    """Second words that make a two-word band (``Primer nivel``, ``Tercer Nivel``): printed after
    two or more different capitalised words, lower-case at least once (a name such as ``Veracruz
    Sur`` keeps its capital), never a connector."""
    firsts: dict[str, set[str]] = {}
    lower: set[str] = set()
    for row in rows:
        toks = row.label.split()
        if len(toks) < 2 or TOTAL.match(row.label) or not toks[0][:1].isupper() or _is_acronym(toks[0]):
            continue
        word = toks[1].lower()
        if word in CONNECTORS or not toks[1].isalpha():
            continue
        firsts.setdefault(word, set()).add(toks[0].lower())
        if toks[1][:1].islower():
            lower.add(word)
    return {w for w, f in firsts.items() if len(f) >= 2 and w in lower}


def _band_prefix(label: str, words: set[str]) -> bool:
    toks = label.split()
    return len(toks) >= 2 and toks[1].lower() in words and not TOTAL.match(label)


def split_bands(rows: list[Row], words: set[str]) -> list[Row]:
    """Rows with a two-word band glued before their first cell (``Primer nivel Baja California
    Sur …``) cut into the band (a row without values) and the row."""
    out: list[Row] = []
    for row in rows:
        toks = row.label.split()
        glued = _band_prefix(row.label, words) and len(toks) > 2 and toks[2][:1].isupper()
        if glued and toks[2].lower() not in CONNECTORS:
            out.append(Row(" ".join(toks[:2]), row.label_line))
            row = replace(row, label=" ".join(toks[2:]))
        out.append(row)
    return out


def _first(label: str) -> str:
    return label.split()[0] if label.split() else ""


def join_headless(rows: list[Row], words: set[str]) -> list[Row]:
    """Value rows whose first cells were printed above them, apart (``Ciudad de México Sur`` /
    ``Tizapán, San Ángel`` / ``UMAE HGO No. 4 … 53.5``), joined to them. A row lacks its head
    when its first word opens no other value row; its head is the nearest label-only row above
    that opens like other value rows (``Ciudad``, a tag such as ``Sismo``), or, for a row that
    opens with its acronym cell, the label-only row right above it."""
    data = [r for r in rows if r.values and r.label and not TOTAL.match(r.label)]
    opens = Counter(_first(r.label) for r in data)
    ids = {id(r) for r in data if opens[_first(r.label)] < 2}
    out: list[Row] = []
    for row in rows:
        k = _head_start(out, row, opens, words) if id(row) in ids else None
        if k is None:
            out.append(row)
            continue
        label = join_label([p.label for p in out[k:]] + [row.label])
        first = out[k].label_line
        del out[k:]
        out.append(replace(row, label=label, label_line=first))
    return out


def _head_start(done: list[Row], row: Row, opens: Counter, words: set[str]) -> int | None:
    k = len(done)
    while k > 0 and len(done) - k < MAX_PARTS:
        part = done[k - 1]
        if part.values or not part.label or TOTAL.match(part.label) or _band_prefix(part.label, words):
            break
        k -= 1
        if opens[_first(part.label)]:
            return k
    # A row opening with its acronym cell lacks the cells before it: the line above, when it
    # is a name (no numbers: ``1 1.75 pza`` are cells of another row).
    above = done[-1].label if k < len(done) else "0"
    if _is_acronym(_first(row.label)) and not any(c.isdigit() for c in above):
        return len(done) - 1
    return None


def total_counts(rows: list[Row], width: int) -> tuple[str, dict[int, tuple[str, int | None]]] | None:
    """(column name, each total row's count by row index) when most total rows print one
    number more than the value columns (``Subtotal Obras Médicas 13 38 121 …``): the count of
    their items, left in the label by the right-to-left reading. A total row without that
    extra number but with every value column full printed its count first and left one value
    out; its values are placed by the sums of its group. None when the totals have no count."""
    totals = [k for k, r in enumerate(rows) if TOTAL.match(r.label)]
    counted = [k for k in totals if _COUNT.match(rows[k].label.split()[-1]) and len(rows[k].values) == width]
    if width < 2 or len(totals) < 2 or 2 * len(counted) <= len(totals):
        return None
    out: dict[int, tuple[str, int | None]] = {}
    start = 0
    for k in totals:
        row = rows[k]
        if k in counted:
            head, _, count = row.label.rpartition(" ")
            rows[k] = replace(row, label=head)
            out[k] = (count, row.value_line)
        elif len(row.values) == width:
            count, line = row.values[0]
            rows[k] = replace(row, values=row.values[1:])
            _place(rows[k], [r for r in rows[start:k] if r.values and not TOTAL.match(r.label)], width)
            out[k] = (count, line)
        start = k + 1
    words = {r.label.split()[1] for r in rows if TOTAL.match(r.label) and len(r.label.split()) > 1}
    name = f"{words.pop()} (número)" if len(words) == 1 else "Número"
    return name, out


def _place(row: Row, group: list[Row], width: int) -> None:
    """Slots of a total row's values that match the most sums of its group (else right-aligned)."""
    sums = [0.0] * width
    for r in group:
        for j, tok in enumerate(r.cells(width)):
            num = parse_number(tok) if tok else None
            sums[j] += num.value if num else 0.0
    vals = [parse_number(t) for t, _ in row.values]

    def score(slots: tuple[int, ...]) -> int:
        return sum(1 for j, v in zip(slots, vals, strict=True) if v and abs(sums[j] - v.value) < 0.05)

    best = max(combinations(range(width), len(vals)), key=score, default=None)
    right = tuple(range(width - len(vals), width))
    if best is not None and score(best) > score(right):
        row.slots = best
        row.problem = f"{len(vals)} of {width} values after its count, placed by the sums of its rows"
