"""Several text columns before the values (``OOAD Localidad Tipo de Unidad Tipo de obra`` then
numbers), printed with single spaces: each row label is cut into the header's text cells.

Cells start at capitalisation seams (a capitalised word not after a connector or a comma, not
``No.`` before its number). One column is an acronym column (``UMF``, ``HGZ/MF No. 3``): its
first acronym anchors every row. Cells before it are cut where a head shared by several rows
ends (``Nuevo León``), else at the first seam; the cell after it starts at the first seam
past the anchor, or later at a word that opens that cell in other rows (``Ampliación``).
"""

from __future__ import annotations

import re
from collections import Counter

from tui.corpus.space_columns import CONNECTORS, TOTAL
from tui.corpus.space_header import WORD, segment, strong_gaps

_ACRONYM = re.compile(r"^[A-ZÁÉÍÓÚÑ]{2,}(?:/[A-ZÁÉÍÓÚÑ]{1,5})*$")
_NUMBERING = re.compile(r"^(?:No|Núm|N°)\.?$")
MIN_TEXT_COLUMNS = 3
MIN_ANCHORED = 0.6


def header_cells(lines: list[tuple[str, bool]], width: int) -> list[str] | None:
    """Names of ``k >= 3`` text columns and ``width`` value columns. Lines above the first line
    that holds a cut of its own are one wrapped cell (``Órganos de`` / ``operación`` / …)."""
    first = next((k for k, (text, _) in enumerate(lines) if strong_gaps([(text, False)])), None)
    if first is None:
        return None
    rest = lines[first:]
    n = strong_gaps(rest) + 1
    names = segment(rest, n, WORD)
    if names is None:
        return None
    if first:
        names = [" ".join(w for text, _ in lines[:first] for w in text.split())] + names
    return names if len(names) - width >= MIN_TEXT_COLUMNS else None


def seams(toks: list[str]) -> list[int]:
    """Indexes of the tokens that may open a cell (never inside quotes: ``CMN "La Raza"``)."""
    out = []
    quoted = toks[0].count('"') % 2 if toks else 0
    for i in range(1, len(toks)):
        t, prev = toks[i], toks[i - 1]
        inside = quoted
        quoted = (quoted + t.count('"')) % 2
        if inside or not t[:1].isupper() or prev.lower() in CONNECTORS or prev.endswith(","):
            continue
        if _NUMBERING.match(t) and i + 1 < len(toks) and toks[i + 1][:1].isdigit():
            continue
        out.append(i)
    return out


def _anchor(toks: list[str], cuts: list[int]) -> int | None:
    return next((i for i in cuts if _ACRONYM.match(toks[i])), None)


def anchor_of(label: str) -> int | None:
    """Index of the word of ``label`` that opens its acronym cell (``HGZ``), or None."""
    toks = label.split()
    if toks and _ACRONYM.match(toks[0]):
        return 0
    return _anchor(toks, seams(toks))


def split_labels(labels: list[str], k: int) -> list[list[str]] | None:
    """Cut each label into ``k`` text cells; None when the labels have no acronym column."""
    toks = [label.split() for label in labels]
    cuts = [seams(t) for t in toks]
    anchors = [_anchor(t, c) for t, c in zip(toks, cuts, strict=True)]
    anchored = [(c, a) for c, a in zip(cuts, anchors, strict=True) if a is not None]
    if len(anchored) < max(3, MIN_ANCHORED * len(labels)):
        return None
    before = min(sum(1 for i in c if i < a) for c, a in anchored) + 1
    after = k - before - 1
    if before > k - 1 or after > 1:
        return None
    rows = list(zip(toks, cuts, anchors, strict=True))
    heads = Counter(h for t, c, a in rows for h in set(_heads(t, c, a)))
    finals = Counter(h.split()[-1] for h, n in heads.items() if n >= 2 and " " in h)
    opens = Counter(t[i] for t, c, a in rows if a is not None for i in [j for j in c if j > a][:1])
    evidence = (heads, finals)
    return [_split_row(t, c, a, before, after, opens, evidence) for t, c, a in rows]


def _split_row(toks, cuts, anchor, before, after, opens, evidence) -> list[str]:
    """One label's cells: those before the anchor, the anchor's cell, the cell after it (it
    opens at a word that opens it in other rows, else at the first seam past the anchor)."""
    if anchor is None:  # cells read from the seams alone
        tail = next((i for i in reversed(cuts) if opens[toks[i]] >= 2), len(toks)) if after else len(toks)
        cells = _cut_into(toks[:tail], [i for i in cuts if i < tail], before + 1, evidence)
    else:
        rest = [i for i in cuts if i > anchor]
        tail = next((i for i in rest if opens[toks[i]] >= 2), rest[0] if rest else len(toks))
        tail = tail if after else len(toks)
        head = _cut_into(toks[:anchor], [i for i in cuts if i < anchor], before, evidence)
        cells = head + [" ".join(toks[anchor:tail])]
    return cells + ([" ".join(toks[tail:])] if after else [])


def _heads(toks: list[str], cuts: list[int], anchor: int | None) -> list[str]:
    end = len(toks) if anchor is None else anchor
    return [" ".join(toks[:i]) for i in cuts if i < end]


def _cut_into(toks: list[str], cuts: list[int], n: int, evidence: tuple[Counter, Counter]) -> list[str]:
    """``n`` cells: the first ends where the longest head shared with other rows ends (not
    before a word that ends shared heads: ``Nuevo`` | ``León``), else at the first seam."""
    if n <= 1 or not cuts:
        return [" ".join(toks)] + [""] * max(0, n - 1)
    if len(cuts) <= n - 1:  # too few seams: the last cells stay empty
        bounds = [0, *cuts, len(toks)]
        cells = [" ".join(toks[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        return cells + [""] * (n - len(cells))
    heads, finals = evidence
    usable = cuts[: len(cuts) - (n - 2)]
    half = len(toks) // 2
    if half in usable and toks[:half] == toks[half:]:  # ``Durango Durango``: a town named as its state
        return [" ".join(toks[:half])] + _cut_into(
            toks[half:], [i - half for i in cuts if i > half], n - 1, evidence
        )
    shared = [i for i in usable if heads[" ".join(toks[:i])] >= 2]
    at = shared[-1] if shared else usable[0]
    nxt = [i for i in usable if i > at]
    if nxt and finals[toks[at]]:
        at = nxt[0]
    rest = [i - at for i in cuts if i > at]
    return [" ".join(toks[:at])] + _cut_into(toks[at:], rest, n - 1, evidence)


def text_cells(
    names: list[str] | None, rows: list, width: int
) -> tuple[list[str], dict[int, list[str]]] | None:
    """(column names, the text cells after the label by row index) when the rows' labels hold
    the header's three or more text columns (``names``, from :func:`header_cells`); the rows'
    labels become their first cell."""
    if width < 1 or len(rows) < 3 or names is None:
        return None
    k = len(names) - width
    data = [r for r, row in enumerate(rows) if row.values and not TOTAL.match(row.label)]
    cells = split_labels([rows[r].label for r in data], k) if len(data) >= 3 else None
    if cells is None:
        return None
    out = {}
    for r, row_cells in zip(data, cells, strict=True):
        rows[r].label = row_cells[0]
        out[r] = row_cells[1:]
    return names, out
