"""Shared pieces of the non-informe outlines: found headings to Sections, excerpts, signatures."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tui.corpus.model import Section

EXCERPT = 70
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LABEL = re.compile(r"^\s?(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]+\.|[a-z][.)])\s+\S")
_SENTENCE_END = re.compile(r"[.;:](?=\s|$)")
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-ZÁÉÍÓÚ][a-záéíóú]{0,3}|[a-z]|\d+)$")
_SIGNATORY = re.compile(r"^Por\s+[“\"]")


@dataclass(frozen=True, slots=True)
class Head:
    """A heading found in the text, before it becomes a Section."""

    line: int
    level: int
    part: str
    number: str | None
    title: str


def fold(text: str) -> str:
    """Without accents (``Cláusulas`` -> ``Clausulas``)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def roman_value(numeral: str) -> int:
    """``XIV`` -> 14 (no validation beyond the subtractive rule)."""
    total = 0
    for a, b in zip(numeral, numeral[1:] + " ", strict=True):
        va, vb = _ROMAN.get(a, 0), _ROMAN.get(b, 0)
        total += -va if va < vb else va
    return total


def is_label(line: str) -> bool:
    """Whether the line opens a numbered or lettered item (``3.``, ``1.2.``, ``IV.``, ``a)``)."""
    return bool(_LABEL.match(line))


def excerpt(lines: list[str], no: int, col: int, limit: int = EXCERPT) -> str:
    """A short title for an uncaptioned item: its first clause, cut at a word within ``limit``.

    Reads on from column ``col`` of line ``no`` across wrapped lines (blank lines inside a
    sentence are common in these PDFs) until the item's first sentence end.
    """
    parts = [lines[no - 1][col:].strip()]
    i = no
    while i < len(lines) and len(" ".join(parts)) < limit + 40 and not re.search(r"[.;:]$", parts[-1]):
        text = lines[i].strip()
        i += 1
        if text and is_label(lines[i - 1]):
            break
        if text:
            parts.append(text)
    text = " ".join(" ".join(parts).split())
    sentence = _first_sentence(text)
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(" ,;")
    return cut + "…"


def _first_sentence(text: str) -> str:
    """Text up to the first ``.``, ``;`` or ``:`` that is not after an abbreviation (``Mtro.``)."""
    for m in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text, 0, m.start()):
            return text[: m.start()].rstrip(" ,")
    return text.rstrip(" ,")


def _signature_like(text: str) -> bool:
    """Names, roles, mottos and legends of a signature page: capitals, or ``Por “X”`` columns."""
    return not any(c.islower() for c in text) or bool(_SIGNATORY.match(text))


def signature_start(lines: list[str], skip: set[int]) -> int | None:
    """First line of the closing (a sentence about signing, if any) and signature block, or None.

    The block is the trailing run of lines in capitals; the paragraph just before it belongs to
    it when it speaks of signing (``lo firman…``).
    """
    i = len(lines)
    first = None
    while i > 0:
        text = lines[i - 1].strip()
        if text and (i in skip or _signature_like(text)):
            first = i
        elif text:
            break
        i -= 1
    if first is None or i == 0 or sum(1 for ln in lines[first - 1 :] if ln.strip()) < 2:
        return None
    start = i
    while start > 1 and lines[start - 2].strip():
        start -= 1
    closing = " ".join(lines[start - 1 : i])
    return start if re.search(r"\bfirm", closing, re.IGNORECASE) else first


def assemble(doc_id: str, heads: list[Head], lines: list[str]) -> list[Section]:
    """Sections in reading order with parents, ids and inclusive line ranges.

    A section runs until the next heading of the same or a higher level; trailing blank lines
    are left out.
    """
    heads = sorted(heads, key=lambda h: h.line)
    sections: list[Section] = []
    stack: list[Section] = []
    for ordinal, h in enumerate(heads):
        while stack and stack[-1].level >= h.level:
            _close(stack.pop(), h.line, lines)
        parent = stack[-1].section_id if stack else None
        sec = Section(
            section_id=f"{doc_id}:s{ordinal}", doc_id=doc_id, parent_id=parent, level=h.level,
            part=h.part, number=h.number, title=h.title, ordinal=ordinal,
            line_start=h.line, line_end=h.line,
        )  # fmt: skip
        sections.append(sec)
        stack.append(sec)
    for sec in stack:
        _close(sec, len(lines) + 1, lines)
    return sections


def _close(sec: Section, next_start: int, lines: list[str]) -> None:
    end = next_start - 1
    while end > sec.line_start and not lines[end - 1].strip():
        end -= 1
    sec.line_end = end
