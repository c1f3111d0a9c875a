"""Split the header of a space-separated table into column names.

The PDF text breaks header cells one or two words per line and runs neighbouring cells
together on one line (``Tipo de equipo Cantidad`` / ``Importe`` / ``(millones`` / ``de pesos)``).
Each gap between two header words gets a strength: a connector word, an open parenthesis, a
hyphenated break or a month before its year glue words into one cell; a blank line, a line
break or a capitalised word start a new one. The ``k - 1`` strongest gaps (rightmost first on
ties, since the label cell is usually the longest) cut the words into ``k`` names.
"""

from __future__ import annotations

import re

from tui.corpus.space_columns import CONNECTORS

_YEAR = re.compile(r"^(19|20)\d\d\)?$")
_PERIOD = re.compile(r"^(19|20)\d\d(-(19|20)?\d\d)?\)?$")
_NOTE_END = re.compile(r"[^\d\s/]\d/$")
_MONTH_WORDS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
_MONTHS = frozenset(_MONTH_WORDS.split(" ")) | {m[:3] for m in _MONTH_WORDS.split(" ")}
GLUE, WEAK, SYMBOL, CLOSED, WORD, LINE, BLANK = 0, 1, 2, 2.5, 3, 4, 5
"""Gap strengths: never cut, before a lower-case word, a symbol (``% de cobertura``), after a
closed parenthesis, a capitalised word, a line break, a blank line."""
MAX_TEXT_CELLS = 8
"""At most this many header cells name text columns; more is a body read as a header."""


def _lower(word: str) -> bool:
    # Small caps come out as ``arV``, ``ooaD``: a capital inside still marks a heading word.
    # Only the first of slashed words counts (``normativa/Área`` continues a cell).
    head = word.split("/", 1)[0]
    return head[:1].islower() and head.islower()


def _strength(a: str, b: str, newline: bool, blank: bool, depth: int) -> float:
    low_a, low_b = a.lower(), b.lower().rstrip(",")
    # A slash glues (``y/`` / ``o``) unless it closes a note marker (``total2/``).
    slash = a.endswith("/") and not _NOTE_END.search(a)
    if depth > 0 or low_a in CONNECTORS or a.endswith("-") or slash or low_b in CONNECTORS:
        return GLUE
    if b[:1] in "()" or (low_a.rstrip(".") in _MONTHS and _YEAR.match(b)):
        return GLUE
    if _YEAR.match(a) and _YEAR.match(b):
        return LINE
    if _lower(b):
        # ``(sin IVa) monto``: a closed unit ends its cell; ``Descripción monto`` more likely
        # starts one than ``monto adjudicado`` does.
        return CLOSED if a.endswith(")") else WEAK + 0.5 * (not _lower(a))
    if newline:
        return BLANK if blank else LINE
    return WORD if b[:1].isalnum() else SYMBOL


def _words(lines: list[tuple[str, bool]]) -> tuple[list[str], list[float]]:
    """Header words and the strength of the gap after each one (the last gets none)."""
    words: list[str] = []
    gaps: list[float] = []
    alone: list[bool] = []
    depth = 0
    for i, (text, blank) in enumerate(lines):
        split = text.split()
        for j, word in enumerate(split):
            if words:
                gaps.append(_strength(words[-1], word, j == 0, blank and j == 0 and i > 0, depth))
            words.append(word)
            alone.append(len(split) == 1 and not blank)
            depth = max(0, depth + word.count("(") - word.count(")"))
    for i in range(1, len(words)):
        if gaps[i - 1] < BLANK and _qualifies(words, i, alone[i]):
            gaps[i - 1] = WEAK
    return words, gaps


def _qualifies(words: list[str], i: int, alone: bool) -> bool:
    """A lone year after a lower-case word dates that word's cell (``porcentual 2019``), and so
    does a period alone on its line under a word (``Periodo`` / ``2018-2019``); years in a run
    (``medio 2019 2020``) are column names."""
    year = _YEAR.match(words[i]) or (alone and _PERIOD.match(words[i]))
    if not year or words[i - 1].lower() in CONNECTORS or _PERIOD.match(words[i - 1]):
        return False
    if not (_lower(words[i - 1]) or alone):
        return False
    return i + 1 == len(words) or not _PERIOD.match(words[i + 1])


def segment(lines: list[tuple[str, bool]], k: int, floor: float = WEAK) -> list[str] | None:
    """Cut header ``lines`` ((text, blank line before)) into ``k`` names, or None if too few gaps."""
    words, gaps = _words(lines)
    if k < 1 or len(words) < k:
        return None
    ranked = sorted((g, i) for i, g in enumerate(gaps) if g >= floor)
    if len(ranked) < k - 1:
        return None
    cuts = sorted(i for _, i in ranked[len(ranked) - (k - 1) :]) if k > 1 else []
    names, start = [], 0
    for i in cuts + [len(words) - 1]:
        names.append(" ".join(words[start : i + 1]))
        start = i + 1
    return names


def strong_gaps(lines: list[tuple[str, bool]]) -> int:
    """How many gaps start a new cell for sure (capitalised word, line break, blank line)."""
    return sum(1 for g in _words(lines)[1] if g >= WORD)


def header_names(lines: list[tuple[str, bool]], width: int) -> list[str] | None:
    """The label name and ``width`` value names, or None when the header cannot be split."""
    if width < 1 or not lines:
        return None
    if strong_gaps(lines) >= width:
        return segment(lines, width + 1, WORD)
    names = segment(lines, width + 1)
    if names is not None:
        return names
    names = segment(lines, width)
    return [""] + names if names is not None else None


def starts_cell(prev: str, text: str) -> bool:
    """True when header line ``text`` cannot continue the cell ending ``prev``."""
    a, b = prev.split()[-1], text.split()[0]
    depth = prev.count("(") - prev.count(")")
    return _strength(a, b, True, False, depth) >= LINE


def two_level(lines: list[tuple[str, bool]], width: int) -> list[str] | None:
    """A last line of ``width`` leaf names under lines that split into the label name and one
    upper name per column (``Seguro trabajas mejor`` … / ``Impactos Impactos Impactos``)."""
    if width < 2 or len(lines) < 2:
        return None
    leaf = lines[-1][0].split()
    if len(leaf) != width or any(_lower(w) or w.lower() in CONNECTORS or "(" in w for w in leaf):
        return None
    if strong_gaps(lines[:-1]) < width:
        return None
    upper = segment(lines[:-1], width + 1, WORD)
    if upper is None:
        return None
    return [upper[0]] + [f"{u} / {w}" for u, w in zip(upper[1:], leaf, strict=True)]


def right_names(lines: list[tuple[str, bool]], width: int) -> list[str] | None:
    """The label name and ``width`` value names when the header has more sure cells than
    columns (several text columns before the values): the cells nearest the numbers name the
    value columns, from the right; the cells left over name the text columns, joined by `` / ``
    when there are three or more of them (two may be one name: ``Cursos CLImSS``). None when
    years sit among the words (``Cierre 2018 (a) PEF 2019``: a year is cut from its word)."""
    n = strong_gaps(lines)
    if width < 1 or not width < n <= width + MAX_TEXT_CELLS:
        return None
    words, _ = _words(lines)
    if any(_YEAR.match(w.split("/")[0]) for w in words):
        return None
    cells = segment(lines, n + 1, WORD)
    if cells is None:
        return None
    left = cells[:-width]
    return [(" / " if len(left) >= 3 else " ").join(left)] + cells[-width:]


def block_names(lines: list[tuple[str, bool]], width: int) -> list[str] | None:
    """The label name and ``width`` value names of a header whose cells are blocks set apart by
    blank lines (line breaks inside a block wrap one cell). One block short: the first block
    also holds the label name, cut at its sure gap (``Concepto Periodo`` / ``2017-2018``)."""
    words, gaps = _words(lines)
    blanks = [i for i, g in enumerate(gaps) if g == BLANK]
    if width < 2 or len(blanks) not in (width - 1, width):
        return None
    # Two words side by side after the first block are two cells (``Frecuencia Porcentaje``
    # under ``Total``), not one; a word before its period (``Periodo 2018-2019``) is one.
    for i in range(blanks[0] + 1, len(gaps)):
        if gaps[i] == WORD and not _PERIOD.match(words[i + 1].split("/")[0]):
            return None
    cuts = blanks
    if len(blanks) == width - 1:
        # The label name comes first on the first line (``Concepto Cierre 2018``).
        first = [(-g, i) for i, g in enumerate(gaps[: blanks[0]]) if g >= WORD]
        if not first:
            return None
        cuts = [min(first)[1]] + blanks
    names, start = [], 0
    for i in cuts + [len(words) - 1]:
        names.append(" ".join(words[start : i + 1]))
        start = i + 1
    return names
