"""Raw heading candidates of an annual report: numbered sections, chapter openers, inline
chapter heads and part labels, each with the lines it spans.

Indices here are 0-based; :mod:`tui.corpus.outline_informe` turns them into 1-based lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.corpus.headings import (
    INLINE_CHAPTER_RE,
    OPENER_RE,
    ROMAN_LINE_RE,
    SECTION_RE,
    clean_heading,
    is_caps_like,
    roman_to_int,
)

_PART_RE = re.compile(
    r"^(presentaci[óo]n|introducci[óo]n|mensaje\b.*|palabras\b.*|resumen ejecutivo|principales logros"
    r"|numeralia\b.*|siglas\b.*|acr[óo]nimos|glosario|[íi]ndice( general)?|contenido|directorio"
    r"|anexos?\b.*|bibliograf[íi]a|referencias)$",
    re.IGNORECASE,
)
_CAPTION_RE = re.compile(r"^\s*(TABLA|GR[ÁA]FICA|CUADRO)\s+[IVX]+\.", re.IGNORECASE)
_YEAR_END_RE = re.compile(r"\b(?:19|20)\d\d\s*$")
_JOINING_WORDS = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "y",
        "e",
        "o",
        "u",
        "a",
        "al",
        "en",
        "con",
        "por",
        "para",
        "ante",
        "entre",
        "sobre",
        "sin",
        "que",
        "más",
    ]
)


@dataclass(slots=True)
class Head:
    """A heading candidate: where it is, what it says, which lines it used."""

    kind: str
    """``section``, ``opener``, ``inline`` or ``part``."""
    start: int
    end: int
    number: str | None
    title: str
    lines: set[int] = field(default_factory=set)

    @property
    def value(self) -> int:
        """The chapter numeral as an integer (0 when there is none)."""
        return roman_to_int((self.number or "").split(".")[0])

    @property
    def depth(self) -> int:
        """1 for ``II.3``, 2 for ``II.3.1``; 0 for unnumbered or chapter heads."""
        return (self.number or "").count(".") if self.kind == "section" else 0


class Scanner:
    """Finds heading candidates in ``lines``, ignoring the ``skip`` lines (0-based)."""

    def __init__(self, lines: list[str], skip: set[int]) -> None:
        self.lines = lines
        self.skip = skip
        self.known_titles: list[str] = []
        """Lower-case chapter titles, used to decide if a wrapped heading goes on."""

    def text(self, i: int) -> str:
        """The line, or '' when it is blank, skipped or out of range."""
        if i < 0 or i >= len(self.lines) or i in self.skip:
            return ""
        return self.lines[i].strip()

    def sections(self) -> list[Head]:
        heads = []
        for i, line in enumerate(self.lines):
            if not line or line[0] not in "IVX " or i in self.skip:
                continue
            m = SECTION_RE.match(line)
            if m:
                number = m.group(1) + "." + m.group(2) + m.group(3)
                end, title = self._wrapped(i, m.group(4))
                heads.append(Head("section", i, end, number, title, set(range(i, end + 1))))
        return heads

    def inline_chapters(self) -> list[Head]:
        heads = []
        for i, line in enumerate(self.lines):
            if i in self.skip or "ap" not in line[:8].lower():
                continue
            m = INLINE_CHAPTER_RE.match(line)
            if m:
                raw = m.group(2)
                glued = raw.find(" *")  # an italic sub-heading glued after the title
                end, title = self._wrapped(i, raw[:glued] if glued > 0 else raw)
                heads.append(Head("inline", i, end, m.group(1), title, set(range(i, end + 1))))
        return heads

    def _wrapped(self, i: int, title: str) -> tuple[int, str]:
        """Last line of a heading that may wrap over up to 3 more lines, and its clean title."""
        j = i
        if is_caps_like(title) or is_caps_like(title + " " + self.text(i + 1)):
            while j - i < 3 and self._goes_on(i, j, title):
                j += 1
                title += " " + self.lines[j].strip()
        return j, clean_heading(title)

    def _goes_on(self, i: int, j: int, title: str) -> bool:
        """Whether the heading that starts at ``i`` and reached ``j`` wraps onto ``j + 1``."""
        nxt = self.text(j + 1)
        if not nxt or SECTION_RE.match(nxt) or INLINE_CHAPTER_RE.match(nxt) or not is_caps_like(nxt):
            return False
        cur = self.lines[j].strip()
        if _YEAR_END_RE.search(cur):
            return False
        last = cur.rsplit(" ", 1)[-1].lower()
        first = nxt.split(" ", 1)[0].lower()
        if last in _JOINING_WORDS or cur.endswith(",") or first in _JOINING_WORDS:
            return True
        m = j + 1
        while m - i <= 4 and self.text(m) and is_caps_like(self.text(m)):
            m += 1
        if m - i <= 4 and (not self.text(m) or SECTION_RE.match(self.text(m))):
            return True  # the upper-case block ends within a heading's length
        joined = clean_heading(title + " " + nxt).lower()
        return any(k.startswith(joined) or joined.endswith(k) for k in self.known_titles)

    def openers(self) -> list[Head]:
        heads = []
        for i, line in enumerate(self.lines):
            if i in self.skip or not line[:1].isalpha() and not line[:1].isspace():
                continue
            m = OPENER_RE.match(line)
            if m:
                heads.append(self._opener(i, m.group(1)))
        return heads

    def _opener(self, i: int, numeral: str | None) -> Head:
        """A chapter opener: optional roman line before or after, then the title block."""
        used = {i}
        start = i
        prev = self._prev_text(i)
        if prev is not None and ROMAN_LINE_RE.match(self.lines[prev]):
            used.add(prev)
            start = prev
            numeral = numeral or self.lines[prev].strip()
        k = self._next_text(i)
        if k is not None and ROMAN_LINE_RE.match(self.lines[k]):
            used.add(k)
            numeral = numeral or self.lines[k].strip()
            k = self._next_text(k)
        title_lines = self._title_block(k) if k is not None else []
        used.update(title_lines)
        title = clean_heading(" ".join(self.lines[t].strip() for t in title_lines))
        return Head("opener", start, max(used), numeral, title, used)

    def _title_block(self, k: int) -> list[int]:
        """Upper-case title lines (blank lines between allowed), or one short line before a blank."""
        first = self.lines[k]
        if _is_upper(first) and not _CAPTION_RE.match(first):
            block = [k]
            while len(block) < 8:
                n = self._next_text(block[-1])
                line = self.lines[n] if n is not None else ""
                if n is None or n - block[-1] > 2 or _CAPTION_RE.match(line) or not _is_upper(line):
                    break
                block.append(n)
            return block
        starts_prose = first[:1].isspace() and first.strip()[:1].islower()
        if len(first) < 120 and not starts_prose and not self.text(k + 1):
            return [k]
        return []

    def part_labels(self, lo: int, hi: int) -> list[Head]:
        """Part headings (``Introducción``, ``SIGLAS Y`` / ``ACRÓNIMOS``) within lines lo..hi-1."""
        heads = []
        i = lo
        while i < hi:
            block = self._label_block(i, hi)
            if block:
                text = clean_heading(" ".join(self.lines[b].strip() for b in block))
                if _PART_RE.match(text):
                    heads.append(Head("part", block[0], block[-1], None, text, set(block)))
                    i = block[-1] + 1
                    continue
            i += 1
        return heads

    def _label_block(self, i: int, hi: int) -> list[int]:
        """A standalone short line, or up to 4 upper-case lines with single blanks between."""
        line = self.text(i)
        if not line or self.text(i - 1) or len(line) > 60 or line.endswith("."):
            return []
        if not _is_upper(line):
            return [] if self.text(i + 1) else [i]
        block = [i]
        while len(block) < 4:
            n = self._next_text(block[-1])
            if n is None or n >= hi or n - block[-1] > 2:
                break
            nxt = self.lines[n]
            if not _is_upper(nxt) or len(nxt.strip()) > 60:
                break
            block.append(n)
        return block

    def after_gap(self, i: int, blanks: int = 2) -> bool:
        """Whether at least ``blanks`` blank lines sit right above line ``i``."""
        return all(i - d >= 0 and not self.lines[i - d].strip() for d in range(1, blanks + 1))

    def _prev_text(self, i: int) -> int | None:
        j = i - 1
        while j >= 0 and i - j <= 3 and not self.text(j):
            j -= 1
        return j if j >= 0 and i - j <= 3 and self.text(j) else None

    def _next_text(self, i: int) -> int | None:
        j = i + 1
        while j < len(self.lines) and j - i <= 3 and not self.text(j):
            j += 1
        return j if j < len(self.lines) and j - i <= 3 and self.text(j) else None


def _is_upper(line: str) -> bool:
    """Proper upper case (not small caps): a title block or a part label."""
    return is_caps_like(line) and not any(c.islower() for c in line)
