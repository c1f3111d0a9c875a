"""Footnotes: note lines taken out of the prose flow and kept as records.

Three shapes are recognised:

* running numbered notes of a two-column PDF (``7 Último año…``), placed wherever a column ended,
  often in the middle of a paragraph; told apart from prose lines that merely start with a
  number by the running sequence (1, 2, 3…), a blank line (or another note) before them, a
  capital or tab-justified text, and the marker glued to a word or figure in the text just
  before (``Saludable7``, ``(UMA)22``, ``2,14515``); a wrapped note may go on after a blank
  line when it stopped mid-sentence and the next line is wider than a prose column;
* Unicode superscript notes (``¹ Áltica. Encuesta…``);
* exhibit-style notes (``^{1/} …``, ``2/ …``) that no exhibit claimed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.corpus.model import Footnote
from tui.corpus.textfix import ends_sentence, is_source_line, join_lines, repair_text

_NUMBERED = re.compile(r"^ ?(\d{1,2})( {1,3}|\t[ \t]*)(\S.*)$")
_SUPERSCRIPT = re.compile(r"^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(\S.*)$")
_EXHIBIT_NOTE = re.compile(r"^\s*(?:\^\{(\d{1,2})/\}\s*|(\d{1,2})/\s+)([^\W\d_].*)$")
_SUPER_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

# Prose columns wrap near 56 characters; running notes span the page (up to ~90).
_COLUMN_WIDTH = 60
_MARKER_WINDOW = 300
_SEQUENCE_SLACK = 2


@dataclass(slots=True)
class _Note:
    number: str
    line_start: int
    parts: list[str] = field(default_factory=list)
    numbered: bool = False


def find_footnotes(doc_id: str, lines: list[str], skip: set[int]) -> tuple[list[Footnote], set[int]]:
    """Footnotes of a document and the 1-based lines they occupy (to hide from the prose)."""
    notes: list[_Note] = []
    used: set[int] = set()
    expected = 1
    current: _Note | None = None
    gap = True  # a blank or invisible line since the last text line
    for i, raw in enumerate(lines, start=1):
        text = raw.lstrip()
        if i in skip or not text:
            gap = True
            continue
        opens = text[0].isdigit() or text[0] == "^"  # superscripts count as digits too
        new = _start(raw, i, lines, expected, gap or current is not None) if opens else None
        if new is not None:
            current = new
            notes.append(new)
            if new.number.isdigit():  # superscript and numbered notes share one running sequence
                expected = max(expected, int(new.number) + 1)
        elif current is not None and _continues(current, raw, gap):
            current.parts.append(raw)
        else:
            current = None
            gap = False
            continue
        used.add(i)
        gap = False
    return [_record(doc_id, n) for n in notes], used


def _start(raw: str, i: int, lines: list[str], expected: int, after_gap: bool) -> _Note | None:
    """The note that ``raw`` opens, if any (the caller checked that it starts with a digit or ``^``)."""
    m = _SUPERSCRIPT.match(raw)
    if m and not m.group(2)[0].isdigit():
        return _Note(m.group(1).translate(_SUPER_DIGITS), i, [m.group(2)])
    m = _EXHIBIT_NOTE.match(raw)
    if m:
        return _Note((m.group(1) or m.group(2)) + "/", i, [m.group(3)])
    m = _NUMBERED.match(raw)
    if m and after_gap and _is_running_note(m, raw, i, lines, expected):
        return _Note(m.group(1), i, [m.group(3)], numbered=True)
    return None


def _is_running_note(m: re.Match[str], raw: str, i: int, lines: list[str], expected: int) -> bool:
    n = int(m.group(1))
    if not expected <= n <= expected + _SEQUENCE_SLACK:
        return False
    text = m.group(3)
    if not (text[0].isupper() or "\t" in raw) or text.isupper():  # all capitals: a label
        return False
    return _has_marker(m.group(1), i, lines)


_GLUED_BEFORE = re.compile(r"(?:[^\W\d_]|[)\]%]|[,.]\d{3}|\.\d\d|\b[12]\d{3})$")


def _has_marker(number: str, i: int, lines: list[str]) -> bool:
    """Is the note's number glued to a word, bracket or figure in the text just before it?

    ``Saludable7``, ``(UMA)22``, ``3.5%16``, ``2,14515`` (2,145 + 15), ``96.0829``, ``199947``.
    """
    window = "\n".join(lines[max(0, i - 1 - _MARKER_WINDOW) : i - 1])
    size = len(number)
    pos = window.find(number)
    while pos != -1:
        after = window[pos + size : pos + size + 1]
        if (
            pos
            and not (after.isdigit() or after == "/")
            and _GLUED_BEFORE.search(window, max(0, pos - 6), pos)
        ):
            return True
        pos = window.find(number, pos + 1)
    return False


def _continues(note: _Note, raw: str, gap: bool) -> bool:
    if is_source_line(raw):
        return False
    if not gap:
        # One leading space marks the first line of a new text block (prose resumes).
        return not (raw.startswith(" ") and not raw.startswith("  "))
    # Across a blank line only a running note that stops mid-sentence, on a full-width line.
    stripped = raw.strip()
    return (
        note.numbered
        and not ends_sentence(note.parts[-1])
        and stripped[0].islower()
        and len(raw.rstrip()) > _COLUMN_WIDTH
    )


def _record(doc_id: str, note: _Note) -> Footnote:
    text = join_lines(note.parts)
    return Footnote(doc_id=doc_id, number=note.number, text=repair_text(text), line_start=note.line_start)
