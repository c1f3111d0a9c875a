"""Exhibit captions and the metadata lines around them: title, units line, notes, source.

A caption stands alone on its line (``Cuadro I.1.``, ``**Gráfica II.10.``, `` TABLA  IX.11. ``,
``Cuadro IV.8. Continuación``); prose mentions are lower case and inline, so the whole-line
anchor and the capitalised kind word keep them out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

CAPTION = re.compile(
    r"^\s*(?:\*\*)?\s*(?P<word>Cuadro|CUADRO|Tabla|TABLA|Gr[áa]fica|GR[ÁA]FICA)\s+"
    r"(?P<roman>[IVXL]+)\.\s*(?P<num>\d{1,3})\.?(?P<cont>\s*Continuaci[óo]n)?\s*(?:\*\*)?\s*$"
)
CONTINUATION = re.compile(r"^\s*\(?Continuaci[óo]n\)?\.?\s*$")
FUENTE = re.compile(r"^\s*(?:\*\*)?Fuentes?(?:\s+(?P<what>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+))?\s*:")
"""A source line; ``Fuente Defunciones:`` names what the source is for (kept as ``Defunciones:``)."""
# Note lines under an exhibit: ``^{1/} …``, ``1/ …``, ``Nota: …``, abbreviation keys ``DNG: …``.
NOTE = re.compile(
    r"^\s*(?:\^\{\d{1,2}/\}|\d{1,2}/\s|[¹²³⁴⁵⁶⁷⁸⁹]+\s|\*\s*[A-ZÁÉÍÓÚa-z]|Notas?\s*:"
    r"|[A-Za-zÁÉÍÓÚÑ][\w\-]{0,11}:\s)"
)
SECTION = re.compile(r"^\s*[IVX]+\.\d+(?:\.\d+)*\.\s+\S")
OPEN_PAREN = re.compile(r"^\s*(?:\*\*)?\s*\([^)]*$")
"""A units line wrapped over two lines: ``(porcentaje de personas usuarias`` / ``muy satisfechas)``."""
PAREN = re.compile(r"^\s*(?:\*\*)?\s*\(.*\)\s*(?:\^\{\d{1,2}/\}|\d{1,2}/)?\s*(?:\*\*)?\s*$")
_KIND_WORD = {"cuadro": ("table", "Cuadro"), "tabla": ("table", "Tabla"), "grafica": ("chart", "Gráfica")}
_TERMINAL = (".", ":", ";", ")")
_DIGIT = re.compile(r"\d")
_MANGLED = re.compile(r"\b[a-záéíóúñ]+[A-ZÁÉÍÓÚÑ]")
"""A small-caps word the PDF mangled (``ooaD``): column heads, never a title's second half."""
_YEAR_END = re.compile(r"(?<!\d)(?:19|20)\d\d$")


@dataclass(slots=True)
class Caption:
    """One caption line, parsed."""

    index: int
    """Position in the line view (not the source line number)."""
    kind: str
    label: str
    number: str
    continuation: bool
    bold_open: bool


@dataclass(slots=True)
class Heading:
    """Title and units lines read after a caption."""

    title: str = ""
    subtitle: str | None = None
    used: list[int] = field(default_factory=list)
    end: int = 0
    """View index of the first line after the heading block."""


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def parse_caption(index: int, text: str) -> Caption | None:
    """The caption on this line, or None."""
    m = CAPTION.match(text)
    if not m:
        return None
    kind, word = _KIND_WORD[_fold(m["word"])]
    number = f"{m['roman']}.{m['num']}"
    bold = text.lstrip().startswith("**") and not text.rstrip().endswith("**")
    return Caption(index, kind, f"{word} {number}", number, bool(m["cont"]), bold)


def slug(label: str) -> str:
    """``Gráfica II.10`` -> ``grafica-ii-10``."""
    return re.sub(r"[^a-z0-9]+", "-", _fold(label)).strip("-")


_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
"""A pair of single asterisks around words (``*et al.*``); not a lone ``*`` key or ``mdp*``."""


def clean(text: str) -> str:
    """Drop bold and italic markers and collapse whitespace (tabs included)."""
    text = text.replace("**", " ")
    if "*" in text:
        text = _ITALIC.sub(r"\1", text)
    return " ".join(text.split())


_MARKER = re.compile(r"\^\{\d{1,2}/?\}")
# A note call glued to a word, a closing parenthesis or a year: ``mortalidad1/``, ``2020)1/``,
# ``2012-20201/`` (2020 and note 1/). Not ``y/o``, ``24/7`` nor a fraction.
_GLUED_MARKER = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)\]])|(?<=(?<!\d)(?:19|20)\d\d))\d{1,2}/(?![\w/])")


def clean_heading(text: str) -> str:
    """A title or units line as read: also without note markers (``2024-2025^{1/}``,
    ``2020)1/``), since the notes they call are kept with the exhibit."""
    return clean(_GLUED_MARKER.sub("", _MARKER.sub("", text)))


def is_blank(text: str) -> bool:
    return not text.strip()


def _stops_title(text: str) -> bool:
    return bool(
        PAREN.match(text)
        or OPEN_PAREN.match(text)
        or "\t" in text
        or FUENTE.match(text)
        or NOTE.match(text)
        or CAPTION.match(text)
    )


_LINKS = frozenset(["a", "al", "con", "de", "del", "el", "en", "la", "las", "los", "para", "por", "y"])
"""Function words: a title's wrapped half has some (or a comma, or a year); a run of column
heads (``año mes Directa Indirecta``) has none."""


def _goes_on(text: str) -> bool:
    """A lower-case line that continues a phrase (``y meta de la Ley…``), not a header row."""
    if not text[:1].islower() or len(text.strip()) < 25:
        return False
    return "," in text or bool(_DIGIT.search(text)) or any(w in _LINKS for w in text.split())


def _continues_after_blank(prev: str, nxt: str, after: str) -> bool:
    """A title split by a blank line: no final punctuation (a closing parenthesis may be followed
    by a lower-case half), then an unindented line that goes on with the phrase, or is directly
    followed by the units line ``(…)`` that closes titles."""
    p = clean(prev)
    if not p or "\t" in nxt or _stops_title(nxt) or nxt[:1].isspace() or _MANGLED.search(nxt):
        return False
    if p.endswith(","):
        return True  # ``Adquisición de bienes,`` / ``julio 2019-junio 2020``
    if p.endswith(_TERMINAL):
        return p.endswith(")") and _goes_on(nxt)
    if _YEAR_END.search(p):
        return False  # ``…, 2012-2019``: a title ends on its period; next come heads or units
    if p.rsplit(None, 1)[-1].lower() in _LINKS:
        return True  # a title does not end on ``de``/``el``: whatever follows completes it
    if _goes_on(nxt):
        return True
    if not (PAREN.match(after) or OPEN_PAREN.match(after)):
        return False
    return nxt[:1].islower() or (not _DIGIT.search(nxt) and len(nxt.split()) >= 2)


def read_heading(view: list[tuple[int, str]], start: int, limit: int, bold: bool) -> Heading:
    """Read title (1-3 lines) and parenthesised units lines from view[start:limit]."""
    head = Heading(end=start)
    j = start
    if j + 1 < limit and is_blank(view[j][1]) and not is_blank(view[j + 1][1]):
        j += 1  # one blank line between caption and title
    title: list[int] = []
    while j < limit and len(title) < 5:
        text = view[j][1]
        if len(title) >= 3 and text.strip() and not text[:1].islower():
            break  # past three lines, only a lower-case continuation is still title
        if is_blank(text):
            if (
                not bold
                and title
                and j + 1 < limit
                and _continues_after_blank(
                    view[title[-1]][1], view[j + 1][1], view[j + 2][1] if j + 2 < limit else ""
                )
            ):
                j += 1
                continue
            break
        if _stops_title(text) or (title and text[:1].isspace()) or SECTION.match(text):
            break
        title.append(j)
        j += 1
        if bold and text.rstrip().endswith("**"):
            break
    head.title = clean_heading(" ".join(view[i][1] for i in title))
    head.used.extend(title)
    head.end = j
    subtitle = _read_units(view, j, limit)
    if subtitle:
        head.subtitle = clean_heading(" ".join(view[i][1] for i in subtitle))
        head.used.extend(subtitle)
        head.end = subtitle[-1] + 1
    return head


def _read_units(view: list[tuple[int, str]], j: int, limit: int) -> list[int]:
    """Indexes of the parenthesised lines after a title (a blank line may precede each); one
    that opens without closing goes on to the line that closes it."""
    units: list[int] = []
    k, is_open = j, False
    while k < limit and len(units) < 3:
        text = view[k][1]
        if is_blank(text) and k - (units[-1] if units else j) < 2:
            k += 1
        elif is_open or PAREN.match(text) or OPEN_PAREN.match(text):
            is_open = (is_open or bool(OPEN_PAREN.match(text))) and ")" not in text
            units.append(k)
            k += 1
        else:
            break
    return units


def read_source(view: list[tuple[int, str]], i: int, limit: int) -> tuple[str, list[int]]:
    """The ``Fuente:`` text starting at view[i], with wrapped and doubled lines; and lines used."""
    used = [i]
    parts = [_source_text(view[i][1])]
    j = i + 1
    while j < limit and len(used) < 4:
        text = view[j][1]
        if is_blank(text) or CAPTION.match(text):
            break
        if FUENTE.match(text):  # a second source line or a doubled one
            more = _source_text(text)
            if more != parts[-1]:
                parts.append(more)
        elif parts[-1].endswith(".") or text[:1] == " " or NOTE.match(text):
            break
        else:
            parts.append(text.strip())
        used.append(j)
        j += 1
    return clean(" ".join(parts)), used


def _source_text(line: str) -> str:
    """A ``Fuente:`` line without the word, its qualifier kept: ``Poblaciones: IMSS``."""
    m = FUENTE.match(line)
    rest = line[m.end() :].strip() if m else line.strip()
    return f"{m['what']}: {rest}" if m and m["what"] else rest


_LEAD_MARK = re.compile(r"^\^\{(\d{1,2}/)\}\s*")


def join_notes(texts: list[str]) -> str | None:
    """Join note lines: a new note starts at a note marker; other lines continue the previous one.

    A leading superscript marker reads as printed (``^{1/} Cifras`` -> ``1/ Cifras``).
    """
    notes: list[str] = []
    for text in texts:
        t = _LEAD_MARK.sub(r"\1 ", _note_text(text))
        if not t:
            continue
        if notes and not NOTE.match(text) and not notes[-1].endswith((".", ":")) and not t.startswith("- "):
            notes[-1] += " " + t
        else:
            notes.append(t)
    return "\n".join(notes) or None


def _note_text(text: str) -> str:
    """A note line as text: a grid row printed under the table keeps its cells apart (`` | ``);
    a line justified with a tab between every word reads as words."""
    if "\t" not in text or "|" in text:
        return clean(text)
    pieces = [p for p in (p.strip() for p in text.split("\t")) if p]
    words = sum(" " not in p and p[:1].isalpha() for p in pieces)
    if len(pieces) <= 2 or words >= 0.7 * len(pieces):
        return clean(text)
    return clean(" | ".join(pieces))
