"""Page furniture: lines that belong to the printed page, never to the prose.

Running headers with their page number, ``Página N de M`` footers, watermarks, and the second
copy of page blocks that the PDF conversion emitted twice (an overlap between pages).
"""

from __future__ import annotations

import re

from tui.corpus.headings import is_caps_like

_PAGE_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*$")
_PAGE_OF_RE = re.compile(r"^\s*P[áa]gina\s+\d+\s+de\s+\d+\b", re.IGNORECASE)
_WATERMARK_RE = re.compile(r"^\s*(DRAFT|BORRADOR)\s*$")

_MAX_DISTANCE = 200
"""A re-emitted block follows its original closely (in non-blank lines)."""
_MIN_BLOCK_LINES = 8
_MIN_BLOCK_CHARS = 350


def find_furniture(lines: list[str]) -> set[int]:
    """1-based numbers of the lines that are page furniture (see the module docstring)."""
    found = _page_headers(lines)
    found |= {i + 1 for i, line in enumerate(lines) if _WATERMARK_RE.match(line)}
    found |= _duplicate_blocks(lines)
    return found


def _page_headers(lines: list[str]) -> set[int]:
    """Header lines above a bare page number or a ``Página N de M`` footer."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        tail = line.rstrip()[-1:]
        if not tail or not (tail.isdigit() or "gina" in line):
            continue  # cheap pre-filter: both shapes end in a digit or carry "Página"
        page_of = bool(_PAGE_OF_RE.match(line))
        if not page_of and not _is_page_number(lines, i):
            continue
        header = _header_above(lines, i)
        if header or page_of:
            found.add(i + 1)
            found.update(j + 1 for j in header)
    return found


def _is_page_number(lines: list[str], i: int) -> bool:
    """A bare 1–3 digit line standing alone between blank lines."""
    if not _PAGE_NUMBER_RE.match(lines[i]):
        return False
    before = i > 0 and not lines[i - 1].strip()
    after = i + 1 >= len(lines) or not lines[i + 1].strip()
    return before and after


def _header_above(lines: list[str], i: int) -> list[int]:
    """Indices of the 1–2 upper-case header lines just above line ``i``, after a blank gap."""
    j = i - 1
    while j >= 0 and i - j <= 6 and not lines[j].strip():
        j -= 1
    header: list[int] = []
    while j >= 0 and lines[j].strip() and len(header) < 3:
        header.append(j)
        j -= 1
    if not header or len(header) > 2 or not (j < 0 or not lines[j].strip()):
        return []
    text = " ".join(lines[k] for k in header)
    letters = sum(c.isalpha() for c in text)
    if letters < 10 or not is_caps_like(text) or any(c.islower() for c in text):
        return []
    return header


def _duplicate_blocks(lines: list[str]) -> set[int]:
    """Lines of every block that repeats, nearly verbatim, a block a little above it.

    Runs of three non-blank lines are hashed; a run seen shortly before is extended line by
    line, so the cost stays linear.
    """
    stripped = list(map(str.strip, lines))
    seq = [i for i, s in enumerate(stripped) if s]
    keys = [stripped[i] for i in seq]
    grams = list(map(hash, zip(keys, keys[1:], keys[2:], strict=False)))
    seen: dict[int, int] = {}
    found: set[int] = set()
    j = 0
    while j < len(grams):
        p = seen.get(grams[j])
        seen[grams[j]] = j
        if p is not None and j - p <= _MAX_DISTANCE:
            n = _run_length(keys, p, j)
            if n >= _MIN_BLOCK_LINES and sum(len(k) for k in keys[j : j + n]) >= _MIN_BLOCK_CHARS:
                found.update(range(seq[j] + 1, seq[j + n - 1] + 2))
                j += n
                continue
        j += 1
    return found


def _run_length(keys: list[str], p: int, j: int) -> int:
    """How many lines from ``j`` repeat those from ``p`` (one stray line tolerated)."""
    n, misses = 0, 0
    while j + n < len(keys) and p + n < j:
        if _near(keys[p + n], keys[j + n]):
            n += 1
            continue
        nxt = j + n + 1
        if misses or nxt >= len(keys) or not _near(keys[p + n + 1], keys[nxt]):
            break
        misses += 1
        n += 1
    return n


def _near(a: str, b: str) -> bool:
    """Equal, or one character apart (a substitution, insertion or deletion)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or len(a) < 8:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        # a changed digit is a different item (``Gráfica II.22`` / ``II.23``), not an artefact
        return a[i + 1 :] == b[i + 1 :] and not (a[i].isdigit() and b[i].isdigit())
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]
