"""Cross-references from paragraphs to exhibits: ``(cuadro I.4)``, ``cuadros V.2 y V.3``."""

from __future__ import annotations

import re

from tui.corpus.model import Exhibit, Paragraph

_NUM = r"[IVXL]+\.\s?\d{1,3}"
MENTION = re.compile(
    rf"\b(?P<word>cuadros?|tablas?|gr[áa]ficas?)\s+(?P<first>{_NUM})(?P<more>(?:\s*(?:,|\by\b|\be\b|\ba\b)\s*{_NUM})*)",
    re.IGNORECASE,
)
_EACH = re.compile(rf"(,|\by\b|\be\b|\ba\b)?\s*({_NUM})")
_KIND = {"c": "table", "t": "table", "g": "chart"}
_WORDS = ("cuadro", "tabla", "gráfica", "grafica")
"""A paragraph without one of these cannot hold a mention: MENTION is not run on it."""


def _number(text: str) -> str:
    return text.replace(" ", "").upper()


def expand_numbers(first: str, more: str) -> list[str]:
    """All numbers of a mention; ``II.1 a II.4`` is a range within one chapter."""
    numbers = [_number(first)]
    for sep, num in _EACH.findall(more):
        num = _number(num)
        prev = numbers[-1]
        if sep and sep.lower() == "a" and prev.split(".")[0] == num.split(".")[0]:
            roman, lo, hi = num.split(".")[0], int(prev.split(".")[1]), int(num.split(".")[1])
            numbers.extend(f"{roman}.{k}" for k in range(lo + 1, hi + 1))
        else:
            numbers.append(num)
    return numbers


def mentions(text: str) -> list[tuple[str, str]]:
    """(kind, number) for every exhibit mentioned in a text."""
    found = []
    for m in MENTION.finditer(text):
        kind = _KIND[m["word"][0].lower()]
        found.extend((kind, n) for n in expand_numbers(m["first"], m["more"] or ""))
    return found


def find_refs(paragraphs: list[Paragraph], exhibits: list[Exhibit]) -> list[tuple[str, str]]:
    """(paragraph_id, exhibit_id) for each paragraph citing an exhibit of its own document."""
    index: dict[tuple[str, str, str], str] = {}
    for ex in exhibits:
        index.setdefault((ex.doc_id, ex.kind, ex.number), ex.exhibit_id)
    pairs: list[tuple[str, str]] = []
    for para in paragraphs:
        low = para.text.lower()
        if not any(w in low for w in _WORDS):
            continue
        seen = set()
        for kind, number in mentions(para.text):
            target = index.get((para.doc_id, kind, number))
            if target and target not in seen:
                seen.add(target)
                pairs.append((para.paragraph_id, target))
    return pairs
