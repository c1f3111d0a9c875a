"""Tokens and columns of space-separated table bodies: value tokens, header names, column types.

Helpers for :mod:`tui.corpus.tables_space`. A *value token* is one printed cell of a numeric
column: an es-MX number (``1'109,630``, ``(2,389)``, ``-0.1%``, ``4513/``), a missing mark
(``-``, ``S/D``, ``n.d.``), a cell mark (``●``) or a year range (``2020-2022``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from tui.corpus.numbers import is_missing, parse_number

CELL_MARKS = frozenset({"●", "•", "x", "X", "✓"})
_YEAR = re.compile(r"^(19|20)\d\d$")
_YEAR_RANGE = re.compile(r"^(19|20)\d\d-(19|20)?\d\d$")
_CODE_HEADER = re.compile(r"(clave|c[óo]digo|\bcve\b|\bno\.|\bn[úu]m\.|partida|zona|folio|\baño\b)", re.I)
_WS = re.compile(r"\s+")
_NUMBERING = re.compile(r"^(?:No|Núm|N°)\.$")
_SHORT_INT = re.compile(r"^\d{1,3}$")
_DATE_LINKS = frozenset({"de", "del", "a", "al"})
# Words a wrapped label line ends with when its text continues on the next line.
_CONNECTOR_WORDS = "de del y e o u la las los el en con por para a al sin y/o entre sobre ante que"
CONNECTORS = frozenset(_CONNECTOR_WORDS.split(" "))
TOTAL = re.compile(r"^(sub)?total\b", re.I)
"""A row label that starts a total or subtotal row."""


def norm(text: str) -> str:
    """Collapse tabs, NBSP and runs of spaces; strip."""
    return _WS.sub(" ", text.replace("\u00a0", " ")).strip()


@lru_cache(maxsize=1 << 16)
def is_value(tok: str) -> bool:
    """True when ``tok`` can be one cell of a numeric column."""
    if tok in CELL_MARKS or is_missing(tok) or _YEAR_RANGE.match(tok):
        return True
    return parse_number(tok) is not None


def is_year(tok: str) -> bool:
    return bool(_YEAR.match(tok))


def split_runs(tokens: list[str]) -> list[tuple[bool, list[str]]]:
    """Group tokens into alternating runs: (is_value_run, tokens)."""
    runs: list[tuple[bool, list[str]]] = []
    for tok in tokens:
        v = is_value(tok)
        if runs and runs[-1][0] == v:
            runs[-1][1].append(tok)
        else:
            runs.append((v, [tok]))
    return runs


def peel(tokens: list[str], limit: int) -> tuple[list[str], list[str]]:
    """Split off up to ``limit`` trailing value tokens: (label tokens, value tokens)."""
    k = 0
    while k < min(limit, len(tokens)) and is_value(tokens[-1 - k]):
        k += 1
    # ``HGZ No. 5`` ends a label: the number after ``No.`` belongs to it.
    if 0 < k < len(tokens) and _NUMBERING.match(tokens[-1 - k]) and _SHORT_INT.match(tokens[-k]):
        k -= 1
    # ``noviembre de 2019`` ends a label (a date), not a year cell.
    if 0 < k < len(tokens) and tokens[-1 - k].lower() in _DATE_LINKS and _YEAR.match(tokens[-k]):
        k -= 1
    return tokens[: len(tokens) - k], tokens[len(tokens) - k :]


def infer_width(run_lengths: list[int]) -> int:
    """The number of value columns: the most common trailing-run length.

    Ties go to the narrower width, since a label may end in a number.
    """
    counts = Counter(n for n in run_lengths if n > 0)
    if not counts:
        return 0
    return max(counts, key=lambda n: (counts[n], -n))


def is_year_header(tokens: list[str], least: int = 2, words: int = 2) -> bool:
    """A header line of column years: every value token a year or year range, at least ``least``,
    after at most ``words`` words (the label column's name)."""
    vals = [t for t in tokens if is_value(t)]
    years = [t for t in vals if is_year(t) or _YEAR_RANGE.match(t)]
    return len(years) >= least and len(years) == len(vals) and len(vals) >= len(tokens) - words


def column_names(header: list[str], width: int, sides: int = 1) -> tuple[list[str], str | None]:
    """Name the label column and ``width`` value columns from the header lines.

    Returns (names, problem). The leaf names come from the last header line that has exactly
    ``width`` (or ``width + 1`` with the label name first) tokens; earlier lines whose token
    count divides ``width`` become upper levels joined with `` / ``.
    """
    lines = [norm(h).split() for h in header if norm(h)]
    if sides == 2:
        lines = [_half(t) for t in lines]
    leaf_at = None
    for i in range(len(lines) - 1, -1, -1):
        toks = lines[i]
        if (
            len(toks) in (width, width + 1)
            and width > 0
            and not CONNECTORS.intersection(t.lower() for t in toks)  # ``DE``, ``A`` in upper case too
            and not _units(toks)
        ):
            leaf_at = i
            break
    if leaf_at is None:
        return _fallback(lines, width)
    leaf = lines[leaf_at]
    label_parts = [" ".join(t) for t in lines[:leaf_at]]
    if len(leaf) == width + 1:
        label_parts.append(leaf[0])
        leaf = leaf[1:]
    uppers: list[list[str]] = []
    if width > 1 and len(label_parts) > 1 and len(label_parts[-1].split()) == 1:
        uppers.append([label_parts.pop()])  # one name over all value columns (``Total``)
    while label_parts and 1 < len(label_parts[-1].split()) < width:
        toks = label_parts[-1].split()
        if width % len(toks):
            break
        uppers.insert(0, toks)
        label_parts.pop()
    uppers.sort(key=len)
    names = []
    for j, name in enumerate(leaf):
        levels = [toks[j * len(toks) // width] for toks in uppers] + [name]
        names.append(" / ".join(levels))
    return [" ".join(label_parts)] + names, None


def _units(tokens: list[str]) -> bool:
    """A units line or the tail of one (``(sin IVa)``, ``pesos)``): never leaf names."""
    return any("(" in t or ")" in t for t in tokens)


def _half(tokens: list[str]) -> list[str]:
    """The left half of a side-by-side header line when its two halves are equal."""
    n = len(tokens)
    if n % 2 == 0 and tokens[: n // 2] == tokens[n // 2 :]:
        return tokens[: n // 2]
    return tokens


def _fallback(lines: list[list[str]], width: int) -> tuple[list[str], str | None]:
    words = [w for toks in lines for w in toks]
    if len(words) == width + 1:
        return words, None
    text = " ".join(words)
    names = [text] + [f"col{j}" for j in range(1, width + 1)]
    problem = f"header not split into {width} value columns: {text!r}" if words else None
    return names, problem


def non_quantity_columns(names: list[str], columns: dict[int, list[str]]) -> set[int]:
    """Value columns holding years or codes: their numbers are kept as text only.

    ``columns`` maps a column index to the printed tokens of its cells.
    """
    out = set()
    for j, texts in columns.items():
        filled = [t for t in texts if t and not is_missing(t) and t not in CELL_MARKS]
        if not filled:
            continue
        # Text beside years (``Segundo trimestre 2020``) does not make a quantity column.
        vals = [t for t in filled if is_value(t)]
        years = bool(vals) and all(is_year(t) or _YEAR_RANGE.match(t) for t in vals)
        ints = all(t.isdigit() for t in filled)
        name = names[j] if j < len(names) else ""
        if years or (ints and _CODE_HEADER.search(name)):
            out.add(j)
    return out


_SHARE = re.compile(r"^\((\d{1,3}(?:\.\d+)?)%?\)$")


def share_columns(value_rows: list[list[str]], header: str) -> set[int]:
    """Value columns (0-based) printing a percentage in parentheses after a count
    (``61,970 (92.8)``): the header names the pair once, so they share one header cell.

    Needs a ``%`` in the header, every filled cell of the column parenthesised and at most
    100, and the column before it plain numbers (accounting negatives come in whole columns
    of amounts, not after counts).
    """
    if "%" not in header or not value_rows:
        return set()
    width = len(value_rows[0])
    out = set()
    for j in range(1, width):
        col = [r[j] for r in value_rows if not is_missing(r[j])]
        prev = [r[j - 1] for r in value_rows if not is_missing(r[j - 1])]
        shares = [_SHARE.match(t) for t in col]
        if not col or not all(shares) or any(float(m[1]) > 100 for m in shares if m):
            continue
        if j - 1 not in out and prev and not any(_SHARE.match(t) for t in prev):
            out.add(j)
    return out


# Cells set apart by two or more spaces or a no-break space (tabs also justify words).
_GAPS = re.compile(r"(?: {2,}|\u00a0)[ \u00a0]*")


def gap_rows(raws: list[str]) -> tuple[int, list[list[str]]] | None:
    """Layout columns of an all-text table: (index of the first line with the usual number of
    gap-cells, each line's cells) when most lines split into the same 2..8 cells."""
    cells = [[norm(c) for c in _GAPS.split(raw.strip(" \u00a0")) if norm(c)] for raw in raws]
    counts = Counter(len(c) for c in cells if len(c) > 1)
    if not counts:
        return None
    k, n = counts.most_common(1)[0]
    if not 2 <= k <= 8 or n < 3 or n < 0.5 * len(raws):
        return None
    first = next(i for i, c in enumerate(cells) if len(c) == k)
    return first, cells
