"""Reading a source file's bytes into text and lines, and refusing what is not a text document."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

MAX_LINE = 200_000
"""A 'line' longer than this is not prose from a PDF: the file is refused rather than parsed slowly."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
"""Control characters other than tab, newline, form feed and carriage return."""


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
    controls = len(_CONTROL.findall(text, 0, 65536))
    if controls > 0.01 * min(len(text), 65536):
        raise SourceError("the file looks binary (control characters)")
    return Source(text, lines, hashlib.sha256(raw).hexdigest(), warning)


def lines_containing(lines: list[str], words: tuple[str, ...]) -> list[int]:
    """Indices (0-based, sorted) of the lines holding one of ``words`` (none holding a newline).

    ``str.find`` over the joined text skips ahead in C; a regex or an ``in`` test per line costs
    a call for every line of the document.
    """
    text = "\n".join(lines)
    hits: set[int] = set()
    for word in words:
        k, counted = 0, 0
        pos = text.find(word)
        while pos >= 0:
            k += text.count("\n", counted, pos)  # the line number, counted from the last hit on
            counted = pos
            hits.add(k)
            end = text.find("\n", pos)
            pos = text.find(word, end + 1) if end >= 0 else -1
    return sorted(hits)
