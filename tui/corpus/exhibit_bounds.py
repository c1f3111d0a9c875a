"""Where an exhibit's lines stop and the prose starts again.

A two-column PDF interleaves exhibits with running text: a chart whose image was lost has no
body and often no ``Fuente:`` line, so its end is where prose resumes; a chart's axis labels and
values may be printed beside it, as loose lines of numbers, years and months.
"""

from __future__ import annotations

import re

from tui.corpus.captions import FUENTE, NOTE

View = list[tuple[int, str]]

_FRAGMENT = re.compile(
    r"(?:[(\-–]?\d[\d,.'’]*%?\)?\*?|[-–]|(?:19|20)\d\d-(?:19|20)\d\d|vs\.?|de|al?"
    r"|(?i:ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?|ago(?:sto)?"
    r"|sep(?:tiembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?))$"
)
_BULLET_TEXT = re.compile(r"^\s*[•◦‣►]")
_SECTION = re.compile(r"^\s*[IVX]+\.\d+(?:\.\d+)*\.\s+\S")
_NUMBER_TOKEN = re.compile(r"\d")


def is_prose(text: str) -> bool:
    """A line of running text: long, no tabs, mostly lower-case words, few numbers."""
    if "\t" in text or len(text) < 40 or NOTE.match(text) or FUENTE.match(text):
        return False
    words = text.split()
    numbers = sum(1 for w in words if _NUMBER_TOKEN.search(w))
    lower = sum(1 for w in words if w[:1].islower())
    return numbers <= max(2, len(words) // 6) and lower >= 0.5 * len(words)


_BLOCK_START = re.compile(r"^ (?:[a-záéíóúñ]|[A-ZÁÉÍÓÚÑ¿][^\t]{28}|[•◦‣►]\s)")
"""One leading space marks the first line of a new text block (column or page break): prose
resuming in lower case, a long capitalised line or a bullet; not ``  Total`` nor `` 1/ …``."""


def prose_resumes(view: View, start: int, limit: int, runs: int) -> int:
    """First index where prose (or a section heading) takes over; ``runs`` prose lines in a row,
    or one that the next line continues in lower case."""
    streak, first = 0, start
    for j in range(start, limit):
        text = view[j][1]
        if _SECTION.match(text) or (_BLOCK_START.match(text) and not NOTE.match(text)):
            return first if streak else j
        if is_prose(text):
            first = j if not streak else first
            streak += 1
            if (
                streak >= runs
                or len(text) > 200
                or (len(text) >= 60 and text.rstrip().endswith("."))
                or _continued(view, j + 1, limit)
            ):
                return first
        elif text.strip():
            streak = 0
    return limit


def _continued(view: View, j: int, limit: int) -> bool:
    """The line at ``j`` goes on with a sentence: lower case, no tabs."""
    text = view[j][1] if j < limit else ""
    return text[:1].islower() and "\t" not in text


def prose_runs(body: View) -> set[int]:
    """Lines of interleaved prose in a chart: two or more prose lines in a row (blank lines
    aside). A lone sentence-like label or a bullet of the picture's own text stays with it."""
    out: set[int] = set()
    run: list[int] = []
    for n, text in [*body, (0, "x")]:
        if not text.strip():
            continue
        if is_prose(text) and not _BULLET_TEXT.match(text):
            run.append(n)
            continue
        if len(run) >= 2:
            out.update(run)
        run = []
    return out


def _is_fragment(text: str) -> bool:
    """A piece of a chart's picture: only values, years, months and dashes (``1,537``,
    ``Julio de 2012``, ``-``, ``2018-2019 2019-2020``)."""
    tokens = text.split()
    return bool(tokens) and all(_FRAGMENT.match(t) for t in tokens)


def debris(view: View, start: int, stop: int, claimed: set[int]) -> list[int]:
    """Indexes of a chart's axis labels and values printed beside it, from ``start`` towards
    ``stop`` (either way) over blank lines; kept only when there are three or more of them."""
    step = 1 if stop > start else -1
    found: list[int] = []
    for j in range(start, stop, step):
        text = view[j][1]
        if j in claimed or (text.strip() and not _is_fragment(text)):
            break
        if text.strip():
            found.append(j)
    return found if len(found) >= 3 else []
