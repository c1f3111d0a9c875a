"""All-text tables read block by block (blocks are runs of lines between blank lines), for
bodies with no value column that no column cut reads.

A matrix keyed by Roman numerals (``I.``, ``II.``, ``III.`` … opening blocks in sequence) has
one row per key: the key's block (and blocks numbered under it, ``I.1.``) is the first cell;
the row's other blocks go to a column of amounts when they hold a quantity (``90,955 millones
de pesos``; years and periods are no quantities) and to a column of text otherwise. A block
ending in ``:`` introduces the next one and joins it.

Any other all-text body is kept as honest rows, one per block: a block whose line splits at
no-break spaces into as many cells as the widest such line fills the columns it names (the
header and its repeats); any other block is one text cell.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.corpus.model import Cell, Grid
from tui.corpus.space_columns import is_value, norm
from tui.corpus.space_header import header_names

if TYPE_CHECKING:
    from tui.corpus.tables_space import Line

_ROMAN = re.compile(r"^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})\.$")
_SUB = re.compile(r"^(?P<key>[IVXL]+)\.\d+\.?$")
_PERIOD = re.compile(r"^(?:19|20)\d\d(?:[-–](?:19|20)?\d\d)?$")
_NBSP_CELLS = re.compile(r"\s*\u00a0[\s\u00a0]*")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50}
_BULLETS = frozenset("•◦●-–")
MIN_KEYS = 3
MAX_NAME_WORDS = 6
MIN_NBSP_CELLS = 3


def roman(tok: str) -> int | None:
    """The value of a Roman numeral followed by a period (``IV.`` -> 4), else None."""
    if not _ROMAN.match(tok):
        return None
    vals = [_ROMAN_DIGITS[c] for c in tok[:-1]]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


def blocks(lines: list[Line], bullets: bool = False) -> list[list[Line]]:
    """The lines cut at blank lines (and before bullets when ``bullets``)."""
    out: list[list[Line]] = []
    for line in lines:
        if line.blank_before or not out or (bullets and line.tokens[0] in _BULLETS):
            out.append([])
        out[-1].append(line)
    return out


def _text(block: list[Line]) -> str:
    text = " ".join(line.text for line in block)
    return text[1:].lstrip() if text[:1] in _BULLETS else text


def holds_amount(text: str) -> bool:
    """Whether ``text`` holds a quantity: a number that is no year or period."""
    for tok in text.split():
        tok = tok.rstrip(".,:;)").lstrip("(")
        if tok[:1].isdigit() and is_value(tok) and not _PERIOD.match(tok):
            return True
    return False


def _keys(bks: list[list[Line]]) -> list[int]:
    """Indexes of the blocks opening with the numerals I., II., III. … in sequence."""
    keys: list[int] = []
    for k, block in enumerate(bks):
        if roman(block[0].tokens[0]) == len(keys) + 1:
            keys.append(k)
    return keys if len(keys) >= MIN_KEYS else []


def _row_cells(key: list[Line], rest: list[list[Line]]) -> tuple[str, str, str, int]:
    """(key cell, amounts, other text, line) of one row of a keyed matrix."""
    head = [_text(key)]
    amounts: list[str] = []
    other: list[str] = []
    pending = ""
    for block in rest:
        text = f"{pending} {_text(block)}".strip()
        sub = _SUB.match(block[0].tokens[0])
        if sub and sub["key"] + "." == key[0].tokens[0]:
            head.append(text)
        elif text.endswith(":"):
            pending = text
            continue
        else:
            (amounts if holds_amount(text) else other).append(text)
        pending = ""
    if pending:
        (amounts if holds_amount(pending) else other).append(pending)
    return " ".join(head), " ".join(amounts), " ".join(other), key[0].ln


def keyed_table(lines: list[Line]) -> Grid | None:
    """A matrix whose rows open with Roman numerals (see the module docstring), or None."""
    bks = blocks(lines)
    keys = _keys(bks)
    if not keys:
        return None
    bounds = [*keys, len(bks)]
    rows = [
        _row_cells(bks[a][:], [b for b in bks[a + 1 : z]]) for a, z in zip(bounds, bounds[1:], strict=False)
    ]
    used = [0] + [j for j in (1, 2) if any(r[j] for r in rows)]
    header = [(line.text, line.blank_before) for block in bks[: keys[0]] for line in block]
    k = len(used)
    names = header_names(header, k - 1) if header else None
    names = names or [" ".join(t for t, _ in header)] + [""] * (k - 1)
    grid = Grid(columns=names)
    for r, row in enumerate(rows):
        grid.cells.extend(Cell(r, c, row[j], None, row[3]) for c, j in enumerate(used))
    return grid


def _nbsp_cells(line: Line) -> list[str]:
    return [c for c in (norm(p) for p in _NBSP_CELLS.split(line.raw)) if c]


def block_rows(lines: list[Line]) -> Grid | None:
    """Honest rows of an all-text body no rule reads: one row per block or bullet (see the
    module docstring). The first line split into the most no-break-space cells names the
    columns; without one, a short first line that ends no sentence names the single column."""
    bks = blocks(lines, bullets=True)
    if len(bks) < 2:
        return None
    split = [_nbsp_cells(block[0]) if len(block) == 1 else [] for block in bks]
    k = max(len(s) for s in split)
    header = next((s for s in split if len(s) == k), None) if k >= MIN_NBSP_CELLS else None
    first = bks[0]
    short = len(first) == 1 and len(first[0].tokens) <= MAX_NAME_WORDS
    if header is None and short and not first[0].text.endswith("."):
        header = split[0] = [first[0].text]
    k = len(header or [""])
    grid = Grid(columns=header or [""])
    r = 0
    for block, cells in zip(bks, split, strict=True):
        if cells is header:
            continue
        texts = cells if k > 1 and len(cells) == k else _repeat(block, header) or [_text(block)]
        grid.cells.extend(Cell(r, j, t, None, block[0].ln) for j, t in enumerate(texts))
        grid.cells.extend(Cell(r, j, "", None, None) for j in range(len(texts), k))
        r += 1
    return grid


def _repeat(block: list[Line], header: list[str] | None) -> list[str] | None:
    """A one-line block that ends in the header's names after the first (``Objetivo 2
    Indicadores Meta``, whatever the spaces between them): cut into the header's cells."""
    if not header or len(header) < 2 or len(block) != 1:
        return None
    toks = block[0].tokens
    sizes = [len(name.split()) for name in header[1:]]
    start = len(toks) - sum(sizes)
    tail = " ".join(header[1:]).lower().split()
    if start < 1 or [t.lower() for t in toks[start:]] != tail:
        return None
    cells = [" ".join(toks[:start])]
    for n in sizes:
        cells.append(" ".join(toks[start : start + n]))
        start += n
    return cells
