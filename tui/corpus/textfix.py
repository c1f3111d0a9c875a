"""Text repairs for prose extracted from PDFs: ligatures, markup, homoglyphs, whitespace.

Everything here works on one string and is cheap (precompiled regexes); ``repair_text`` is
idempotent and never raises, so it can be applied to any text any number of times.
"""

from __future__ import annotations

import re
from operator import itemgetter

# Cyrillic letters that stand in for Latin ones. A word whose Cyrillic letters all look like Latin
# ones ("Сomisión") is a homoglyph slip; a word with a letter that has no look-alike
# ("transmисibles") was transliterated, so it is read phonetically (с = s).
_LOOKALIKE = str.maketrans(
    {
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i",
        "ј": "j", "ѕ": "s",
    }
)  # fmt: skip
_PHONETIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "з": "z", "и": "i",
        "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "j", "ы": "i", "э": "e",
        "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "З": "Z", "И": "I",
        "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R",
        "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "J", "Ы": "I", "Э": "E",
    }
)  # fmt: skip
_CYRILLIC_WORD = re.compile(r"\w*[\u0400-\u04ff]\w*")
_CYRILLIC = re.compile("[\u0400-\u04ff]")

_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]*)>")
_TAG = re.compile(r"</?(?:p|i|b|u|em|strong|ul|ol|li|br|span|div|sup|sub|font|a)\b[^<>]*>", re.IGNORECASE)
_STARS = re.compile(r"\*+")
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_ODD = re.compile(f"[\u0400-\u04ff{_INVISIBLE_CHARS}]")
"""Cyrillic or invisible characters: what needs repair before the markup and spaces."""

_LOWER = "a-záéíóúüñ"
# "f i" is the fi ligature split in two; a lone "f" is never a Spanish word.
_LIG_ALONE = re.compile(rf"(?<![\w])f i(?=[{_LOWER}])")
# Inside a word ("signif icativo", "of icina"); the left part is checked against real words.
_LIG_INSIDE = re.compile(rf"\b(\w*[{_LOWER}])f i(?=([{_LOWER}]+))")
# Words that really end in "f": keep "Bref inicial", "of interest" apart.
_WORDS_ENDING_F = {"bre", "o", "i", "gol", "che", "sur", "re", "ne", "chie", "gu"}

# A URL cut at the line end ("https://www.youtube.com/" + "watch?v=…") continues without a space.
_URL_CUT = re.compile(r"(?:https?://|www\.)\S*[/&=?_%-]$")
_BREAK_ENDS = "\u00ad/&=?_%-"
"""Line ends after which a break may not be a space: soft hyphen, hyphen, URL characters."""
_BREAK_SET = frozenset(_BREAK_ENDS)
_LAST_CHAR = itemgetter(-1)
_SOURCE = re.compile(r"^[\s*•‣►-]*(?:Fuente(?:\s+\w+)?|Nota)\s*:", re.IGNORECASE)
_TERMINAL = re.compile(r"[.:;!?…]['\"”’»)\]]*$")


def repair_text(text: str) -> str:
    """Clean one piece of prose: homoglyphs, markup, ligature splits, soft hyphens, spaces."""
    if not text:
        return ""
    # One pass finds whether either repair is needed: clean text (nearly all) is scanned once.
    odd = _ODD.search(text)
    if odd and _CYRILLIC.search(text, odd.start()):
        text = _CYRILLIC_WORD.sub(_latin_word, text)
    if "<" in text or "*" in text:
        text = _strip_markup(text)
    if odd and _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    text = _squeeze_spaces(text)
    while "f i" in text:  # one pass can miss overlapping splits ("af i f ia")
        joined = _join_ligatures(text)
        if joined == text:
            break
        text = joined
    return text


def _squeeze_spaces(text: str) -> str:
    """Each run of white space as one space, none at the ends."""
    # Printable text has no white space but " ": most paragraphs need no split and join.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _latin_word(m: re.Match[str]) -> str:
    word = m.group(0)
    visual = word.translate(_LOOKALIKE)
    return visual if not _CYRILLIC.search(visual) else word.translate(_PHONETIC)


def _strip_markup(text: str) -> str:
    # Loop because removing one tag can bring two halves of another together ("<<p>p>").
    for _ in range(10):
        new = _AUTOLINK.sub(r" \1 ", text)
        new = _TAG.sub(" ", new)
        new = _STARS.sub("", new)
        if new == text:
            break
        text = new
    return text


def _join_ligatures(text: str) -> str:
    text = _LIG_ALONE.sub("fi", text)
    return _LIG_INSIDE.sub(_ligature_inside, text)


def _ligature_inside(m: re.Match[str]) -> str:
    left, right = m.group(1), m.group(2)
    stem = left.lower()
    # "of icina" is Spanish; "of interest" is English: trust only "f ic" after a real word.
    if stem in _WORDS_ENDING_F and not right.startswith("c"):
        return m.group(0)
    return left + "fi"


def join_fragments(left: str, right: str) -> str:
    """Join two pieces of one paragraph that were broken at a line end.

    A soft hyphen at the break is dropped and the halves glued; a real hyphen (``Médico-`` /
    ``Laboral``, compounds in this corpus) is kept and glued without a space.
    """
    return join_lines([left, right])


def join_lines(parts: list[str]) -> str:
    """Join the wrapped lines of one paragraph (see :func:`join_fragments`), in linear time."""
    parts = list(filter(None, map(str.strip, parts)))
    if _BREAK_SET.isdisjoint(map(_LAST_CHAR, parts[:-1])):  # the common case: plain spaces
        return " ".join(parts)
    out: list[str] = []
    for part in parts:
        if out:
            prev = out[-1]
            if prev.endswith("\u00ad"):
                out[-1] = prev[:-1]
            elif not (_glued_hyphen(prev, part) or (prev[-1] in "/&=?_%-" and _URL_CUT.search(prev))):
                out.append(" ")
        out.append(part)
    return "".join(out)


def _glued_hyphen(prev: str, part: str) -> bool:
    return prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and part[0].isalpha()


def is_source_line(line: str) -> bool:
    """``Fuente: …`` / ``Nota: …`` lines (also as a bulleted photo credit): not prose."""
    return ":" in line and bool(_SOURCE.match(line))


def ends_sentence(text: str) -> bool:
    """True when the text ends with terminal punctuation (closing quotes/brackets allowed)."""
    return bool(_TERMINAL.search(text.rstrip().rstrip("*").rstrip()[-8:]))
