"""Outlines of agreements (convenio), action plans (plan) and other short documents.

Agreements have three parts (Antecedentes, Declaraciones, Cláusulas) whose headings are whole
lines, often letter-spaced (``C L Á U S U L A S``); items are numbered per part, and the same
labels (``1.``, ``3.1``, ``I.``) come back inside clauses, so a label is read only within its part
and only as the next number of its sequence. The closing sentence and the signature block after
the last clause become a ``Firmas`` section so they are not taken as part of the last clause.
"""

from __future__ import annotations

import re

from tui.corpus.model import Outline
from tui.corpus.outline_build import Head, assemble, excerpt, fold, roman_value, signature_start

_PART_NAMES = {"ANTECEDENTES", "DECLARACIONES", "CLAUSULAS"}
_ROMAN_ITEM = re.compile(r"^\s?([IVXLC]+)\.\s+\S")
_GROUP = re.compile(r"^\s?(\d{1,2})\.\s+(\S.*)$")
_DECL = re.compile(r"^\s?(\d{1,2})\.(\d{1,2})\.?\s+\S")
_PLAN_ITEM = re.compile(r"^\s?(\d{1,2})\.\s+\S")
_UNITS = ["PRIMERA", "SEGUNDA", "TERCERA", "CUARTA", "QUINTA", "SEXTA", "SEPTIMA", "OCTAVA", "NOVENA"]
_UNIT_WORDS = r"PRIMERA|SEGUNDA|TERCERA|CUARTA|QUINTA|SEXTA|S[EÉ]PTIMA|OCTAVA|NOVENA"
_ORDINAL = rf"(?:D[EÉ]CIMA|VIG[EÉ]SIMA)(?:\s+(?:{_UNIT_WORDS}))?|{_UNIT_WORDS}"
_CLAUSE = re.compile(rf"^\s?({_ORDINAL})\s*\.?\s*[-–]\s*(.*)$")
_CAPTION = re.compile(r"^([^.:]*[.:])\s*(.*)$")


def outline_legal(doc_id: str, kind: str, lines: list[str], skip: set[int]) -> Outline:
    """Sections of a convenio, plan, manual or unknown document, with the heading lines consumed."""
    if kind == "manual":
        from tui.corpus.outline_manual import outline_manual

        return outline_manual(doc_id, lines, skip)
    if kind == "convenio":
        heads, consumed = _convenio(lines, skip)
    elif kind == "plan":
        heads, consumed = _plan(lines, skip)
    else:
        from tui.corpus.outline_generic import generic_heads

        heads, consumed = generic_heads(lines, skip)
    return Outline(assemble(doc_id, heads, lines), consumed)


def clause_value(number: str) -> int:
    """``DÉCIMA SEGUNDA`` -> 12; 0 when the words are not a clause ordinal."""
    words = fold(number).upper().split()
    tens = {"DECIMA": 10, "VIGESIMA": 20}.get(words[0], 0) if words else 0
    unit = words[-1] if words and (not tens or len(words) > 1) else ""
    return tens + (_UNITS.index(unit) + 1 if unit in _UNITS else 0)


def _part_name(line: str) -> str | None:
    """``C L Á U S U L A S`` -> ``Cláusulas`` when the whole line is a part heading."""
    text = line.strip()
    if not text or len(text) > 40:
        return None
    word = text.replace(" ", "")
    if fold(word).upper() in _PART_NAMES and word.isupper():
        return word[0] + word[1:].lower()
    return None


def _convenio(lines: list[str], skip: set[int]) -> tuple[list[Head], set[int]]:
    heads: list[Head] = []
    consumed: set[int] = set()
    part: str | None = None
    last = {"roman": 0, "group": 0, "decl": 0, "clause": 0}
    end = signature_start(lines, skip)
    for no, line in enumerate(lines[: (end or len(lines) + 1) - 1], start=1):
        if no in skip or not line.strip():
            continue
        name = _part_name(line)
        if name:
            part = name
            heads.append(Head(no, 1, part, None, part))
            consumed.add(no)
            continue
        folded = fold(part or "").upper()
        if folded == "ANTECEDENTES":
            _antecedent(no, line, lines, heads, last)
        elif folded == "DECLARACIONES":
            _declaration(no, line, lines, heads, consumed, last)
        elif folded == "CLAUSULAS":
            _clause(no, line, lines, heads, consumed, last)
    if end and heads:
        heads.append(Head(end, 1, "Firmas", None, "Firmas"))
    return heads, consumed


def _antecedent(no: int, line: str, lines: list[str], heads: list[Head], last: dict) -> None:
    m = _ROMAN_ITEM.match(line)
    if m and roman_value(m.group(1)) == last["roman"] + 1:
        last["roman"] += 1
        heads.append(Head(no, 2, "Antecedentes", m.group(1), excerpt(lines, no, m.end() - 1)))


def _declaration(
    no: int, line: str, lines: list[str], heads: list[Head], consumed: set[int], last: dict
) -> None:
    sub = _DECL.match(line)
    if sub and int(sub.group(1)) == last["group"] and int(sub.group(2)) == last["decl"] + 1:
        last["decl"] += 1
        heads.append(
            Head(no, 3, "Declaraciones", f"{sub.group(1)}.{sub.group(2)}", excerpt(lines, no, sub.end() - 1))
        )
        return
    group = _GROUP.match(line)
    if group and int(group.group(1)) == last["group"] + 1:
        last["group"] += 1
        last["decl"] = 0
        text = group.group(2).strip()
        if text.endswith(":"):
            consumed.add(no)
            title = text.split(",")[0].rstrip(":").strip()
        else:
            title = excerpt(lines, no, group.start(2))
        heads.append(Head(no, 2, "Declaraciones", group.group(1), title))


def _clause(no: int, line: str, lines: list[str], heads: list[Head], consumed: set[int], last: dict) -> None:
    m = _CLAUSE.match(line.rstrip())
    if not m:
        return
    number = " ".join(m.group(1).split())
    if clause_value(number) != last["clause"] + 1:
        return
    last["clause"] += 1
    caption = _CAPTION.match(m.group(2))
    if caption and not any(c.islower() for c in caption.group(1)):
        title = caption.group(1).rstrip(".:").strip()
        if not caption.group(2).strip():
            consumed.add(no)
    else:
        title = excerpt(lines, no, m.start(2))
    heads.append(Head(no, 2, "Cláusulas", number, title))


def _plan(lines: list[str], skip: set[int]) -> tuple[list[Head], set[int]]:
    heads: list[Head] = []
    consumed: set[int] = set()
    title_lines = _title_block(lines)
    consumed |= title_lines
    end = signature_start(lines, skip)
    last = 0
    for no, line in enumerate(lines[: (end or len(lines) + 1) - 1], start=1):
        m = _PLAN_ITEM.match(line) if no not in skip else None
        if m and int(m.group(1)) == last + 1:
            last += 1
            heads.append(Head(no, 1, "Compromisos", m.group(1), excerpt(lines, no, m.end() - 1)))
    if end and heads:
        heads.append(Head(end, 1, "Firmas", None, "Firmas"))
    return heads, consumed


def _title_block(lines: list[str]) -> set[int]:
    """The opening lines when they are a short heading in capitals (the document's title)."""
    start = next((i for i, ln in enumerate(lines[:50]) if ln.strip()), None)
    if start is None:
        return set()
    block = []
    for i in range(start, min(start + 4, len(lines))):
        if not lines[i].strip():
            break
        block.append(i + 1)
    text = " ".join(lines[i - 1] for i in block)
    if len(text) < 200 and not any(c.islower() for c in text):
        return set(block)
    return set()
