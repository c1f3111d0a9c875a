"""Rebuild paragraphs from wrapped source lines.

Lines in ``skip`` (headings, page furniture, exhibits, index and glossary rows) and footnote lines
are invisible: a sentence cut by them continues after them. Across such a gap, or a blank line,
two pieces are joined only when the first does not end a sentence and the second continues it
(lower case, a digit, or after a comma or a function word such as ``de``/``la``). Lines that
follow each other directly belong to one paragraph unless the next line starts a bullet or a
numbered item, or the previous line is a lone run-in head. A section boundary always ends a
paragraph.
"""

from __future__ import annotations

import re

from tui.corpus.footnotes import find_footnotes
from tui.corpus.headings import clean_heading, is_caps_like
from tui.corpus.model import Footnote, Paragraph, Section
from tui.corpus.textfix import ends_sentence, is_source_line, join_lines, repair_text

_BULLET = re.compile(r"^\s*(?:(?:[•●◦▪‣►❖✓➢]|[-*](?=\s))\s*)+(?=\S)")
_ITEM = re.compile(
    r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[ivxlcIVXLC]{1,6}[.)]"
    r"|\d{1,2}(?:\.\d{1,2})+\.?(?=\s+[A-ZÁÉÍÓÚÑ]))\s+\S"
)
_BULLET_STARTS = "•●◦▪‣►❖✓➢-*"
"""What _BULLET needs as first non-blank character: lines without one skip the regex."""
_ITEM_STARTS = "ivxlcIVXLC"
_ITEM_MARKS = (".", ")")
"""_ITEM needs a digit, a roman numeral or ``a.``/``b)`` first: other lines skip the regex."""
_HAS_TEXT = re.compile(r"\w")
# The last word, read on the reversed text: searching for ``(\w+)\W*$`` retries at every word.
_FIRST_WORD = re.compile(r"\W*(\w+)")

# Words that cannot end a Spanish sentence: a paragraph cut after one of them goes on.
# fmt: off
_FUNCTION_WORDS = frozenset({
    "a", "al", "ante", "bajo", "cabe", "como", "con", "contra", "cual", "cuales", "cuya", "cuyas",
    "cuyo", "cuyos", "de", "del", "desde", "dicha", "dichas", "dicho", "dichos", "durante", "e", "el",
    "en", "entre", "esta", "estas", "este", "estos", "hacia", "hasta", "la", "las", "lo", "los",
    "mediante", "o", "para", "por", "que", "se", "según", "sin", "sobre", "su", "sus", "tras", "u",
    "un", "una", "unas", "unos", "y",
})
# fmt: on


def build_paragraphs(
    doc_id: str, lines: list[str], sections: list[Section], skip: set[int]
) -> tuple[list[Paragraph], list[Footnote]]:
    """Paragraphs of a document in reading order, and the footnotes taken out of them."""
    footnotes, note_lines = find_footnotes(doc_id, lines, skip)
    owner = section_owners(sections, len(lines))
    hidden = skip | note_lines
    # The draft being built lives in locals (a record per draft costs more than the lines' tests):
    # its section, first and last lines, bullet flag, lines; run_in: it is one run-in-like line.
    drafts: list[tuple[str | None, int, int, bool, list[str]]] = []
    parts: list[str] = []
    section_id, first, last, bulleted, run_in = None, 0, 0, False, False
    gap = False
    for i, raw in enumerate(lines, start=1):
        text = raw.lstrip()
        c = text[:1]
        if (
            i in hidden
            or not (c.isalnum() or c == "_" or (c and _HAS_TEXT.search(text)))
            or is_source_line(raw)
        ):
            gap = True
            continue
        bullet = _BULLET.match(raw) if c in _BULLET_STARTS else None
        section = owner[i]
        if (
            not parts
            or section != section_id
            or bullet
            or (
                (c.isdecimal() or c in _ITEM_STARTS or ("a" <= c <= "z" and text[1:2] in _ITEM_MARKS))
                and _ITEM.match(raw)
            )
            or (
                not continues(parts[-1], raw)
                if gap
                else (run_in and _first_char(raw).isupper())
                or (parts[-1].rstrip()[-1:] in _CLOSERS and _heads_off(parts[-1], raw))
            )
        ):
            if parts:
                drafts.append((section_id, first, last, bulleted, parts))
            section_id, first, bulleted, run_in = section, i, bool(bullet), _looks_run_in(raw)
            parts = [raw[bullet.end() :] if bullet else raw]
        else:
            run_in = False
            parts.append(raw)
        last = i
        gap = False
    if parts:
        drafts.append((section_id, first, last, bulleted, parts))
    return _finish(doc_id, drafts), footnotes


def section_owners(sections: list[Section], n_lines: int) -> list[str | None]:
    """For each 1-based line, the id of the deepest section whose range contains it."""
    owner: list[str | None] = [None] * (n_lines + 2)
    for s in sorted(sections, key=lambda s: (s.level, s.line_start, s.ordinal)):
        lo, hi = max(1, s.line_start), min(n_lines, s.line_end)
        if hi >= lo:
            owner[lo : hi + 1] = [s.section_id] * (hi - lo + 1)
    return owner


def continues(before: str, after: str) -> bool:
    """Does ``after``, seen after a gap, go on with the sentence that ``before`` left open?"""
    before = before.rstrip()
    if not before or ends_sentence(before):
        return False
    if before.endswith((",", "-")):
        return True
    if _last_word(before) in _FUNCTION_WORDS and before[-1].isalpha():
        return True
    c = _first_char(after)
    return c.islower() or c.isdigit() or c in "(%"


_CLOSERS = frozenset(".:;!?…'\"”’»)]*")
"""What a finished sentence can end with: most lines end in a letter or a comma, decided here
before any regex."""


def _heads_off(before: str, raw: str) -> bool:
    """A heading printed right under a finished sentence, no blank line between: a line in
    capitals or mangled small caps (`` Pago DE NoTaS DE mÉrITo``) opens its own paragraph."""
    if not ends_sentence(before) or not is_caps_like(raw) or is_caps_like(before):
        return False  # (a heading's own ``SALUD:`` line goes on with the heading)
    return bool(_MANGLED_CAPS.search(raw)) or len(raw.split()) >= 3


def _looks_run_in(raw: str) -> bool:
    """A short line that ends without punctuation or trailing space: maybe a run-in head."""
    if raw != raw.rstrip() or ends_sentence(raw) or raw.rstrip().endswith(","):
        return False
    return _last_word(raw) not in _FUNCTION_WORDS


def _last_word(text: str) -> str | None:
    """The last run of word characters, lower-cased; None when there is none."""
    m = _FIRST_WORD.match(text[::-1])
    return m.group(1)[::-1].lower() if m else None


def _first_char(raw: str) -> str:
    return raw.lstrip(" \t*\"“‘'¿¡")[:1]


_MANGLED_CAPS = re.compile(r"[a-záéíóúüñ][A-ZÁÉÍÓÚÜÑ]")
"""A capital after a small letter inside a word: ``VIgILaNCIa`` (not ``Por “EL IMSS”``)."""


def _finish(doc_id: str, drafts: list[tuple[str | None, int, int, bool, list[str]]]) -> list[Paragraph]:
    out: list[Paragraph] = []
    for section_id, first, last, bullet, parts in drafts:
        text = repair_text(join_lines(parts))
        if not text:
            continue
        if _MANGLED_CAPS.search(text) and is_caps_like(text):
            text = clean_heading(text)  # a run-in sub-heading in small caps the PDF mangled
        if bullet:
            text = "• " + text
        n = len(out)
        out.append(Paragraph(f"{doc_id}:p{n}", doc_id, section_id, n, first, last, text))
    return out
