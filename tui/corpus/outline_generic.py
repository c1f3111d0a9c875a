"""A best-effort outline for a document of unknown kind, from heading-like lines.

Heading-like: a short whole line that is numbered (``1.``, ``1.1``, ``2.3.1``), a Roman numeral
(``IV.``) or in capitals, does not end like a sentence, and is not followed by a lower-case
continuation (which would make it the first line of a wrapped sentence). Numbered headings nest by
the depth of their number, below Roman and capital headings when the document has those too.
"""

from __future__ import annotations

import re

from tui.corpus.outline_build import Head
from tui.corpus.recognize_text import proper_case

_NUMBERED = re.compile(r"^\s{0,2}(\d{1,2}(?:\.\d{1,2})*)\.?\s+([A-ZÁÉÍÓÚÑ¿¡“\"].*?)\s*$")
_ROMAN = re.compile(r"^\s{0,2}([IVXLC]{1,6})\.\s+([A-ZÁÉÍÓÚÑ¿¡“\"].*?)\s*$")
_TOC_ROW = re.compile(r"^.*\S(?:\s*\.{3,}\s*|\s*…+\s*|\t|\s{3,})\d{1,3}\s*$")
MAX_LEN = 80
MAX_WORDS = 12


def _next_starts_lower(lines: list[str], no: int) -> bool:
    for text in lines[no : no + 3]:
        if text.strip():
            return text.strip()[0].islower()
    return False


def _short(title: str) -> bool:
    return len(title) <= MAX_LEN and len(title.split()) <= MAX_WORDS and title[-1] not in ".,;"


def _classify(line: str) -> tuple[str, str | None, str] | None:
    """(style, number, title) of a heading-like line, or None."""
    text = line.strip()
    m = _ROMAN.match(line)
    if m and _short(m.group(2)):
        return "roman", m.group(1), m.group(2)
    m = _NUMBERED.match(line)
    if m and _short(m.group(2)):
        return "number", m.group(1), m.group(2)
    if len(text) <= MAX_LEN and text.isupper() and sum(c.isalpha() for c in text) >= 4 and _short(text):
        return "caps", None, text
    return None


def generic_heads(lines: list[str], skip: set[int]) -> tuple[list[Head], set[int]]:
    """Heading-like lines as Heads, and the lines consumed (the headings and TOC rows)."""
    found: list[tuple[int, str, str | None, str]] = []
    consumed: set[int] = set()
    for no, line in enumerate(lines, start=1):
        if no in skip or not line.strip():
            continue
        if line.rstrip()[-1:].isdigit() and _TOC_ROW.match(line):
            consumed.add(no)
            continue
        hit = _classify(line)
        if hit and not _next_starts_lower(lines, no):
            found.append((no, *hit))
            consumed.add(no)
    top = any(style != "number" for _no, style, _n, _t in found)
    heads = []
    for no, style, number, title in found:
        level = 1 if style != "number" else number.count(".") + 1 + int(top)
        clean = proper_case(title, set()) if style == "caps" else title
        heads.append(Head(no, level, "Documento", number, clean))
    return heads, consumed
