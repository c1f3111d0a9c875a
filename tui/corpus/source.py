"""Reading a source file's bytes into text and lines, and refusing what is not a text document."""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass
from itertools import accumulate

MAX_LINE = 200_000
"""A 'line' longer than this is not prose from a PDF: the file is refused rather than parsed slowly."""


class SourceError(ValueError):
    """A file that cannot be read as a document; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Source:
    text: str
    lines: list[str]
    sha256: str
    warning: str | None


def decode_source(raw: bytes) -> Source:
    """Decode UTF-8 (CP1252 with a warning as a fallback) and split into lines.

    Raises:
        SourceError: empty, binary, or made of absurdly long lines.
    """
    if not raw.strip():
        raise SourceError("the file is empty")
    if b"\x00" in raw[:65536]:
        raise SourceError("the file is binary, not text")
    warning = None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        warning = "not UTF-8; read as CP1252"
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    longest = max(map(len, lines))
    if longest > MAX_LINE:
        raise SourceError(f"a line of {longest:,} characters: not a text document from a PDF")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\t\r\f")
    if controls > 0.01 * min(len(text), 65536):
        raise SourceError("the file looks binary (control characters)")
    return Source(text, lines, hashlib.sha256(raw).hexdigest(), warning)


def lines_containing(lines: list[str], words: tuple[str, ...]) -> list[int]:
    """Indices (0-based, sorted) of the lines holding one of ``words`` (none holding a newline).

    ``str.find`` over the joined text skips ahead in C; a regex or an ``in`` test per line costs
    a call for every line of the document.
    """
    text = "\n".join(lines)
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    hits: set[int] = set()
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            k = bisect.bisect_right(starts, pos) - 1
            hits.add(k)
            pos = text.find(word, starts[k + 1])  # the line is found: go on from the next one
    return sorted(hits)
