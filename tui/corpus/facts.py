"""Figures quoted in the prose, as :class:`Fact` records (their table cells: :mod:`tui.corpus.fact_links`).

Every figure of a paragraph becomes one fact, read in text order: dates first (``30 de junio de
2025``, ``1° de julio``, ``21/09/2019``; value ``YYYYMMDD``, or ``MMDD`` when the year is not
given), then each number with its scale word, currency, percent sign and counted noun (see
:mod:`tui.corpus.prose_numbers` and :mod:`tui.corpus.units`). Kinds: ``money``, ``percent``,
``year``, ``date``, ``identifier`` (``HGR No. 72``, ``artículos 110, 209 y 251``, deed and folio
numbers) and ``quantity``. Figures inside names and codes (``COVID-19``, ``7.2.7``,
``ACDO…230724/261``, clock times) are not facts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from tui.corpus.fact_places import Locator, Source, context, sentence_starts
from tui.corpus.model import Fact, Footnote, Paragraph
from tui.corpus.prose_numbers import SCALE, TOKEN, figure_value, read_body, scale_of
from tui.corpus.units import currency_after, noun_after, percent_after

_MONTH_NAMES = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), 1)}
_MONTHS["setiembre"] = 9
_DATE = re.compile(
    r"(?=\d)(?:(?<![\d.,])(?P<d>[0-3]?\d)\s*(?:°|º|o(?=\s))?\s+de\s+(?P<m>" + "|".join(_MONTHS) + r")\b"
    r"(?:\s+(?:del?\s+)?(?:año\s+)?(?P<y>(?:19|20)\d\d)(?!\d))?"
    r"|(?<![\d/.])(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/\s?(?P<y2>\d{4}|\d{2})(?![\d/])"
    r"|(?<![\d-])(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?!\d))",
    re.IGNORECASE,
)
_ID_WORDS = re.compile(
    r"(?:\b(?:no|n[uú]m|art)\.|\bn[uú]meros?|\bart[ií]culos?|\bfracci[oó]n|\bfolios?|\bescritura(?:\s+p[uú]blica)?"
    r"|\binstrumento(?:\s+notarial)?|\bnotar[ií]a(?:\s+p[uú]blica)?|\bnumeral|\bclave|\bacuerdo|\bc\.\s?p\."
    r"|\bc[oó]digo\s+postal|\boficio|\bexpediente|\bcl[aá]usula|\bl[ií]neas?|\binciso|\bregistro)"
    r"(?:\s+(?:n[uú]mero|no\.|n[uú]m\.))?\s*$",
    re.IGNORECASE,
)
# Medical units are named by acronym and number: ``HGR 72``, ``UMF No. 21``, ``HGZ/MF 8``.
_ID_UNIT = re.compile(r"\b(?:H[A-Z]{1,4}|UM[A-Z]{0,3}|CMN)(?:/[A-Z]{1,3})?\s*(?:No\.|Núm\.)?\s*$")
# The regexes above and below end the head, so its last word must end as one of their words: a
# cheap test that spares the search (a regex step per character of the head) for most figures.
_ID_TAILS = (
    "no.", "num.", "núm.", "art.", "numero", "número", "numeros", "números", "articulo", "artículo",
    "articulos", "artículos", "fraccion", "fracción", "folio", "folios", "escritura", "publica",
    "pública", "instrumento", "notarial", "notaria", "notaría", "numeral", "clave", "acuerdo", "p.",
    "postal", "oficio", "expediente", "clausula", "cláusula", "linea", "línea", "lineas", "líneas",
    "inciso", "registro",
)  # fmt: skip
_YEAR_TAILS = (
    "de", "del", "en", "año", "años", "desde", "hasta", "a", "al", "para", "y", "e", "entre",
    "periodo", "ejercicio", "el",
)  # fmt: skip
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:[yeo]\s+)?|\s+(?:[yeou]|al?)\s+)$")
_YEAR_BEFORE = re.compile(
    r"\b(?:de|del|en|año|años|desde|hasta|a|al|para|y|e|entre|periodo|ejercicio|el)\s*$", re.IGNORECASE
)
# Folio and file codes (``97-7-30042021-141848``, ``1000-001-019``) are names, not figures.
_CODE = re.compile(r"(?<![\w-])\d+(?:[-/]\d+){2,}(?![\w-])")
_NOTE_BEFORE, _NOTE_AFTER = 50, 300
"""How far (lines) from a paragraph its footnotes are printed: wherever the PDF column ended."""


def extract_facts(
    doc_id: str, paragraphs: list[Paragraph], footnotes: list[Footnote], lines: list[str] | None = None
) -> list[Fact]:
    """Every figure of every paragraph, in reading order; ``lines`` (the source) locates each one."""
    notes = _Notes(sorted((f.line_start, f.number) for f in footnotes if f.number.isdigit()))
    source = Source(lines) if lines else None
    out: list[Fact] = []
    for p in paragraphs:
        out.extend(_paragraph_facts(doc_id, p, notes, source))
    return out


class _Notes:
    """The numbered footnotes of a document by the line they are printed on."""

    def __init__(self, notes: list[tuple[int, str]]) -> None:
        self.lines = [line for line, _ in notes]
        self.numbers = [number for _, number in notes]

    def near(self, p: Paragraph) -> set[str]:
        """Numbers of the footnotes printed close enough to ``p`` to be marked in it."""
        if not self.lines:
            return set()
        lo = bisect.bisect_left(self.lines, p.line_start - _NOTE_BEFORE)
        return set(self.numbers[lo : bisect.bisect_right(self.lines, p.line_end + _NOTE_AFTER, lo)])


def _paragraph_facts(doc_id: str, p: Paragraph, notes: _Notes, source: Source | None) -> list[Fact]:
    text = p.text
    # (start, end, raw, value, unit, kind, figure as printed)
    found: list[tuple[int, int, str, float, str | None, str, str]] = []
    taken: list[tuple[int, int]] = []  # dates and codes: no figure starts inside them
    near, last = None, None
    for what, m in _scan(text):
        if what is _FIGURE:
            if taken and any(a <= m.start() < b for a, b in taken):
                continue
            if near is None:
                near = notes.near(p)
            if (fact := _number_fact(text, m, near, last)) is not None:
                found.append(fact)
                last = fact
        elif what is _CODE:
            taken.append(m.span())
        elif (value := _date_value(m)) is not None:
            raw = m.group(0)
            found.append((m.start(), m.end(), raw, value, None, "date", raw.split()[0]))
            taken.append(m.span())
    if not found:
        return []
    found.sort()
    sentences, made = sentence_starts(text), {}
    where = Locator(source, p) if source else None
    facts = []
    for n, (start, _end, raw, value, unit, kind, figure) in enumerate(found):
        line = where.find(figure) if where else p.line_start
        facts.append(
            Fact(
                f"{p.paragraph_id}:f{n}",
                doc_id,
                p.section_id,
                p.paragraph_id,
                line,
                raw,
                value,
                unit,
                kind,
                context(text, sentences, start, made),
            )  # fmt: skip
        )
    return facts


# Scanning a paragraph with each pattern costs a regex step per character; every date, code and
# figure starts at the first digit of a run (a figure at most _PREFIX characters before it: "$ (-"),
# so the patterns are only tried there. The results are those of ``finditer``.
# Written ``\d\d*``, not ``\d+``: a pattern that opens with a character class lets ``finditer``
# skip to the next digit in C instead of trying a match at every character (a third faster).
_RUN = re.compile(r"\d\d*")
_PREFIX = 4
_PREFIX_CHARS = "$(-−–"
"""Where TOKEN can start before the digits (any other character fails its first lookahead)."""
_PREFIX_SET = frozenset(_PREFIX_CHARS)
_FIGURE = TOKEN


def _scan(text: str) -> Iterator[tuple[re.Pattern[str], re.Match[str]]]:
    """``finditer`` of _DATE, _CODE and TOKEN (_FIGURE) at once: (pattern, match) in order of digit runs.

    A day (1-2 digits) opens ``30 de junio`` and ``21/09/2019``, a year (4 digits and ``-``)
    ``2019-05-01``; a code's first group is followed by ``-`` or ``/``.
    """
    date_end = code_end = figure_end = 0
    for run in _RUN.finditer(text):
        r, e = run.span()
        if (
            r >= date_end
            and (_may_open_date(text, r, e) if e - r <= 2 else e - r == 4 and text.startswith("-", e))
            and (m := _DATE.match(text, r))
        ):
            date_end = m.end()
            yield _DATE, m
        if r >= code_end and text.startswith(("-", "/"), e) and (m := _CODE.match(text, r)):
            code_end = m.end()
            yield _CODE, m
        lo = r - _PREFIX if r - _PREFIX > figure_end else figure_end
        if lo == r or (lo < r and _PREFIX_SET.isdisjoint(text[lo:r])):  # nothing to try but the run
            m = TOKEN.match(text, r)
        else:
            m = _figure_at(text, r, figure_end)
        if m:
            figure_end = m.end()
            yield _FIGURE, m


def _may_open_date(text: str, r: int, e: int) -> bool:
    """Can the run of 1-2 digits ``text[r:e]`` open a _DATE (``30 de junio``, ``1° de``, ``21/09/19``)?

    Spares the regex for the many small counts that are not days.
    """
    nxt = text[e : e + 1]
    if nxt == "/" or nxt in _ORDINALS:
        return True
    if not nxt.isspace() or (e - r == 2 and not "0" <= text[r] <= "3"):  # a two-digit day is [0-3]\d
        return False
    k = e + 1
    while text[k : k + 1].isspace():
        k += 1
    return text[k : k + 1] in _ORDINALS or text[k : k + 2].lower() == "de"


_ORDINALS = ("°", "º", "o", "O")


def _figure_at(text: str, r: int, end: int) -> re.Match[str] | None:
    """The match of ``TOKEN.finditer`` for the digit run at ``r``; its previous match ended at ``end``."""
    lo = max(end, r - _PREFIX)
    if lo > r:
        return None
    if lo < r and not _PREFIX_SET.isdisjoint(text[lo:r]):
        for q in range(lo, r):
            if text[q] in _PREFIX_CHARS and (m := TOKEN.match(text, q)):
                return m
    return TOKEN.match(text, r)


def _number_fact(text: str, m: re.Match[str], near: set[str], last: tuple | None) -> tuple | None:
    """(start, end, raw, value, unit, kind, figure) of the figure ``m``; ``last``: the one before."""
    figure = m["body"]
    if figure.isdecimal() and not (near and figure.startswith(("19", "20"))):
        value, decimals, grouped = float(figure), 0, False  # what read_body and figure_value say
    elif (read := read_body(figure, near)) is not None:
        figure = read[0]
        value, decimals, grouped = figure_value(figure)
    else:
        return None
    money, opened, sign, pct, close = m.group("cur", "open", "sign", "pct", "close")
    balanced = bool(opened) == bool(close)
    if sign or (opened and balanced):
        value = -value
    start = m.start("open") if opened and balanced else m.start("sign") if sign else m.start("body")
    if money:
        start = m.start("cur")
    end = m.start("body") + len(figure)
    if pct or (close and balanced):
        end = m.end("close") if close and balanced else m.end("pct")
    pos = m.end()
    # No letter follows a figure or a scale word, so a word after them needs white space first:
    # without it, the scale, currency, percent and noun patterns are not tried; nor are those
    # whose words cannot start with the next letter.
    spaced = text[pos : pos + 1].isspace()
    scale, unit, kind = 1.0, None, "quantity"
    nxt = _next_letter(text, pos) if spaced else ""
    sm = SCALE.match(text, pos) if nxt in _SCALE_INITIALS and not pct else None
    if sm:
        scale, pos = scale_of(sm["scale"]), sm.end()
        end = pos
        spaced = text[pos : pos + 1].isspace()
        nxt = _next_letter(text, pos) if spaced else ""
    cur = currency_after(text, pos) if nxt in _CURRENCY_INITIALS else None
    if cur or money:
        unit, kind = (cur[0], "money") if cur else ("MXN", "money")
        if cur:
            scale, pos, end = (cur[1] if scale == 1.0 else scale), cur[2], cur[2]
    elif pct:
        unit, kind = "%", "percent"
    elif nxt == "p" and (pc := percent_after(text, pos)):
        unit, kind, pos, end = pc[0], "percent", pc[1], pc[1]
    else:
        unit = noun_after(text, pos, scaled=scale != 1.0) if spaced else None
        whole = decimals == 0 and scale == 1.0 and value >= 0
        kind = _plain_kind(text, m.start(), value, grouped, unit, last) if whole else "quantity"
        if kind in ("year", "identifier"):
            unit = None
    return (start, end, text[start:end], value * scale, unit, kind, figure)


# First letters (folded) of the scale words (mil, millones, billones), of the currencies with
# their ``de`` (de, pesos, dólares, mdp, MXN, USD) and of the percent words (por ciento, puntos).
_SCALE_INITIALS = frozenset("mb")
_CURRENCY_INITIALS = frozenset("dpmu")


def _next_letter(text: str, pos: int) -> str:
    """The first character after the white space at ``pos``, lower-cased."""
    c = text[pos + 1 : pos + 2]
    if c.isspace():
        c = text[pos:].lstrip()[:1]
    return c.lower()


def _plain_kind(
    text: str, start: int, value: float, grouped: bool, unit: str | None, prev: tuple | None
) -> str:
    """``identifier``, ``year`` or ``quantity`` for a whole figure with no currency and no percent."""
    head = text[max(0, start - 40) : start]
    words = head.rsplit(None, 1)
    id_tail, unit_like, year_tail = _last_word_tests(words[-1] if words else "")
    if id_tail and _ID_WORDS.search(head):
        return "identifier"
    if unit_like and _ID_UNIT.search(head):
        return "identifier"
    if prev and prev[5] == "identifier" and _LIST_GAP.match(text[prev[1] : start]):
        return "identifier"
    year_like = not grouped and 1900 <= value <= 2100
    if year_like and (unit is None or (year_tail and _YEAR_BEFORE.search(head))):
        return "year"
    return "quantity"


@lru_cache(maxsize=4096)
def _last_word_tests(last: str) -> tuple[bool, bool, bool]:
    """Can the head's ``last`` word end _ID_WORDS, _ID_UNIT, _YEAR_BEFORE? (Words repeat: cached.)"""
    folded = last.casefold()
    return folded.endswith(_ID_TAILS), _unit_like(last), folded.endswith(_YEAR_TAILS)


def _unit_like(word: str) -> bool:
    """Can ``word`` end an _ID_UNIT match (``HGR``, ``UMF/MF``, ``No.``)? Skips a regex search."""
    return word[-1:].isupper() or word.endswith(("No.", "Núm."))


def _date_value(m: re.Match[str]) -> float | None:
    """``YYYYMMDD`` (or ``MMDD`` without a year); None for an impossible day or month."""
    if m["m"]:
        day, month, year = int(m["d"]), _MONTHS[m["m"].lower()], int(m["y"]) if m["y"] else 0
    elif m["m2"]:
        day, month, year = int(m["d2"]), int(m["m2"]), int(m["y2"])
        if month > 12 >= day:  # m/d/yyyy, as some IMSS tables print it
            day, month = month, day
        year += 2000 if year < 100 else 0
    else:
        day, month, year = int(m["d3"]), int(m["m3"]), int(m["y3"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return float(year * 10000 + month * 100 + day)
