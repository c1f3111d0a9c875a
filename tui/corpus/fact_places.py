"""Where a figure of the prose stands: its sentence (the fact's context) and its source line."""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, repeat
from operator import add

from tui.corpus.model import Paragraph

_ABBREVIATIONS = ["No", "Núm", "Art", "Lic", "Dr", "Dra", "Sr", "Sra", "Ing", "Mtro", "Mtra", "[A-Z]"]
# A period after ``No``, ``Art``, ``Dr``… or an initial ends no sentence: told by lookbehinds after
# the punctuation, so that ``finditer`` still skips to the next ``.!?…`` in C.
_SENTENCE_END = re.compile(
    r"[.!?…]"
    + "".join(rf"(?<!(?<!\w)(?i:{word})[.!?…])" for word in _ABBREVIATIONS)
    + r"['\"”’»)]*\s+(?=[¿¡\"“(•-]*[A-ZÁÉÍÓÚÑ])"
)
_CONTEXT_MAX = 400


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start; a period after ``No``, ``Art``, ``Dr``… or an initial is no end."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def context(text: str, starts: list[int], pos: int, made: dict[int, str]) -> str:
    """The sentence around ``pos``, cut to a window of words when it is very long.

    ``made`` keeps the whole sentences already cut, by number: figures of one sentence share one.
    """
    i = bisect.bisect_right(starts, pos) - 1
    a, b = starts[i], starts[i + 1] if i + 1 < len(starts) else len(text)
    if b - a <= _CONTEXT_MAX:
        if (sentence := made.get(i)) is None:
            sentence = made[i] = text[a:b].strip()
        return sentence
    a = max(a, pos - _CONTEXT_MAX // 2)
    b = min(b, a + _CONTEXT_MAX)
    a = text.find(" ", a) + 1 if a > starts[i] else a
    b = text.rfind(" ", a, b) if b < len(text) and text.rfind(" ", a, b) > pos else b
    return text[a:b].strip()


class Source:
    """The source lines as one text, with the offset where each line starts (built once)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.text = "\n".join(lines)
        self.starts = list(accumulate(map(add, map(len, lines), repeat(1)), initial=0))  # +1: the "\n"


class Locator:
    """Finds each figure, in order, in the source lines of its paragraph."""

    def __init__(self, source: Source, p: Paragraph) -> None:
        n = len(source.lines)
        a = min(max(p.line_start - 1, 0), n)  # the slice lines[line_start - 1 : line_end]
        b = min(max(p.line_end, a), n)
        self.source, self.a, self.b = source, a, b
        self.lo = self.cursor = source.starts[a]
        self.hi = source.starts[b] - 1 if b > a else self.lo
        self.first = p.line_start

    def find(self, figure: str) -> int:
        """The line of the next occurrence of ``figure`` not inside a longer number; else the first line."""
        text, hi = self.source.text, self.hi
        pos = text.find(figure, self.cursor, hi)
        # Nearly always the first occurrence will do: _search's first step, without the call.
        before, e = text[pos - 1] if pos > self.lo else " ", pos + len(figure)
        if pos < 0 or before.isdigit() or before in ".,'’‘" or text[e : min(e + 1, hi)].isdigit():
            pos = self._search(figure, strict=True)
            if pos < 0:
                pos = self._search(figure, strict=False)
        if pos < 0:
            return self.first
        self.cursor = pos + len(figure)
        return self.first + bisect.bisect_right(self.source.starts, pos, self.a, self.b) - 1 - self.a

    def _search(self, figure: str, strict: bool) -> int:
        text, lo, hi = self.source.text, self.lo, self.hi
        pos = text.find(figure, self.cursor, hi)
        while pos >= 0:
            before = text[pos - 1] if pos > lo else " "
            e = pos + len(figure)
            after = text[e : min(e + 2, hi)]
            ok_after = not (after[:1].isdigit() if strict else (after[:1] in ".,'’‘" and after[1:].isdigit()))
            if not (before.isdigit() or before in ".,'’‘") and ok_after:
                return pos
            pos = text.find(figure, pos + 1, hi)
        return -1
