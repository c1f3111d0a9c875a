"""Outline of an organisation manual: numbered chapters, their numbered sections and units.

A chapter heading is a short whole line ``N. Title`` (or ``N Title``: the dot is optional)
carrying the next chapter number; function items that open a page look the same (`` 6. Coordinar
…``) but are long sentences and out of sequence. Sub-labels ``5.1``, ``7.1.``, ``7.1.1.`` are
sections when they carry the current chapter's number and come next in their sequence; those whose
text is a heading (no final period, at most a few wrapped lines) are consumed, those that are
sentences (policies) stay as the text of their section. Numbered function lists stay as text.
"""

from __future__ import annotations

import re

from tui.corpus.model import Outline
from tui.corpus.outline_build import Head, assemble, excerpt, is_label

_CHAPTER = re.compile(r"^\s{0,2}(\d{1,2})\.?\s+([A-ZÁÉÍÓÚÑ][^.;:]*?)\s*$")
_SUB = re.compile(r"^\s{0,2}(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*?)\s*$")
_TOC_ROW = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+\S.*?(?:\.{3,}|…+|\t|\s{3,})\s*\d{1,3}\s*$")
_CONNECTORS = {"de", "del", "la", "las", "el", "los", "y", "e", "o", "en", "a", "al", "con", "por", "para"}
MAX_CHAPTER = 60
MAX_HEADING_LINES = 4


def outline_manual(doc_id: str, lines: list[str], skip: set[int]) -> Outline:
    """Chapters (level 1), numbered sections below them (level = depth of the number)."""
    heads: list[Head] = []
    consumed: set[int] = set()
    chapter = 0
    seen: dict[str, int] = {}
    for no, line in enumerate(lines, start=1):
        if no in skip or no in consumed or not line.strip():
            continue
        if line.rstrip()[-1:].isdigit() and _TOC_ROW.match(line):
            consumed.add(no)
            continue
        m = _CHAPTER.match(line)
        if (
            m
            and int(m.group(1)) == chapter + 1
            and len(m.group(2)) <= MAX_CHAPTER
            and not m.group(2)[-1].isdigit()
        ):
            chapter += 1
            heads.append(Head(no, 1, "Capítulos", m.group(1), m.group(2)))
            consumed.add(no)
            continue
        sub = _SUB.match(line)
        if sub and chapter and _next_in_sequence(sub.group(1), chapter, seen):
            heads.append(_section(no, sub, lines, skip, consumed))
    return Outline(assemble(doc_id, heads, lines), consumed)


def _next_in_sequence(number: str, chapter: int, seen: dict[str, int]) -> bool:
    """``7.1.2`` is accepted after ``7.1.1`` (or first under a seen ``7.1``) within chapter 7."""
    parts = number.split(".")
    if int(parts[0]) != chapter:
        return False
    parent = ".".join(parts[:-1])
    if len(parts) > 2 and parent not in seen:
        return False
    if int(parts[-1]) != seen.get(parent, 0) + 1:
        return False
    seen[parent] = int(parts[-1])
    seen[number] = 0
    return True


def _section(no: int, m: re.Match, lines: list[str], skip: set[int], consumed: set[int]) -> Head:
    number = m.group(1)
    level = number.count(".") + 1
    block = _heading_block(lines, no, skip)
    text = " ".join(" ".join(lines[i - 1].strip() for i in block).split())
    text = text[text.find(m.group(2)[:10]) :] if m.group(2)[:10] in text else m.group(2)
    last_word = text.rsplit(" ", 1)[-1].lower()
    if block and not re.search(r"[.;:,]$", text) and len(text) <= 200 and last_word not in _CONNECTORS:
        consumed.update(block)
        return Head(no, level, "Capítulos", number, text)
    return Head(no, level, "Capítulos", number, excerpt(lines, no, m.start(2)))


def _heading_block(lines: list[str], no: int, skip: set[int]) -> list[int]:
    """The label line and the lines wrapped from it (adjacent, or after a blank when lower case)."""
    block = [no]
    i = no + 1
    while i <= len(lines):
        if re.search(r"[.;:]\s*$", lines[block[-1] - 1]):
            break
        if len(block) == MAX_HEADING_LINES:
            return []
        text = lines[i - 1].strip()
        if i in skip:
            i += 1
            continue
        if not text:
            j = i
            while j <= len(lines) and not lines[j - 1].strip():
                j += 1
            if j > len(lines) or not lines[j - 1].strip()[0].islower():
                break
            i = j
            continue
        if is_label(lines[i - 1]):
            break
        block.append(i)
        i += 1
    return block
