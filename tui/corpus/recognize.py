"""What a document is, read from its own text: kind, title, period, date and a readable id.

File names say nothing, so the cover (or the opening paragraph, or a page header) decides.
Only the first few hundred lines and the last ones are read, plus one regex pass over the
whole text for a manual whose title survives only in a page header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.corpus.recognize_text import acronyms_in, find_dates, proper_case, slugify

HEAD = 300
TAIL = 120


@dataclass(frozen=True, slots=True)
class Identity:
    doc_id: str
    title: str
    kind: str
    """``informe``, ``convenio``, ``plan``, ``manual`` or ``otro``."""
    period: str | None
    date: str | None
    """ISO ``YYYY-MM-DD`` of the signing (or entry into force) stated in the text."""


_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"\*\*|</?[a-z][^>]*>")
_INFORME = re.compile(
    r"\bInforme\s+de\s+Labores(?:\s+(\d{4}-\d{4}))?\s+y\s+(?:el\s+)?Programa\s+de\s+Actividades"
    r"(?:\s+(\d{4}-\d{4}))?",
    re.IGNORECASE,
)
_OPENING = re.compile(r"(CONVENIO|PLAN|MANUAL)\b", re.IGNORECASE)
_MANUAL_HEADER = re.compile(r"^\s*MANUAL DE [A-ZÁÉÍÓÚÑ ,]+$")
_PARTY = re.compile(
    r"(?:POR UNA PARTE|POR LA OTRA|Y POR LA OTRA),?\s+(EL|LA|LOS|LAS)\s+([^,;]+?),\s+"
    r"EN LO SUCESIVO\s+[“\"](?:EL|LA|LOS|LAS)?\s*([^”\"]+)[”\"]",
    re.IGNORECASE,
)
_SIGNING = re.compile(r"firm|suscri", re.IGNORECASE)
_IN_FORCE = re.compile(r"\bVigencia[,:]?\s*$", re.IGNORECASE)
_HEADINGISH = re.compile(r"^[\"“¿¡(]?[A-ZÁÉÍÓÚÑ0-9]")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _MARKUP.sub("", text)).strip()


def _opening_block(lines: list[str]) -> tuple[str, int]:
    """The first non-blank block (lines up to a blank line) and the index of its first line."""
    start = next((i for i, ln in enumerate(lines[:HEAD]) if ln.strip()), None)
    if start is None:
        return "", 0
    end = start
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    return _clean(" ".join(lines[start : end + 1])), start


def recognize(lines: list[str]) -> Identity:
    """Kind, title, period, date and id of a document from its opening (and closing) lines."""
    block, _ = _opening_block(lines)
    head = _clean(" ".join(lines[:HEAD]))
    opening = _OPENING.match(block)
    kind = opening.group(1).lower() if opening else None
    if kind == "convenio":
        return _convenio(block, lines)
    if kind == "plan":
        return _plan(block, lines)
    informe = _INFORME.search(head)
    if informe:
        return _informe(informe)
    if kind == "manual":
        return _manual(block, lines)
    header = _manual_header(lines)
    if header:
        return _manual(header, lines)
    return _otro(lines)


def _informe(m: re.Match) -> Identity:
    labores, actividades = m.group(1), m.group(2)
    period = labores or actividades
    if labores and actividades and labores != actividades:
        title = f"Informe de Labores {labores} y Programa de Actividades {actividades}"
    else:
        title = "Informe de Labores y Programa de Actividades" + (f" {period}" if period else "")
    initials = "".join(w[0] for w in re.findall(r"[A-Z][a-z]+", re.sub(r"\d{4}-\d{4}", "", title)))
    slug = initials.lower() + (f"-{period}" if period else "")
    return Identity(slug, title, "informe", period, None)


def _signing_date(lines: list[str], tail_first: bool) -> str | None:
    """The date of a sentence about signing, looked for in the closing lines, then the opening."""
    tail = _clean(" ".join(lines[-TAIL:]))
    head = _clean(" ".join(lines[:HEAD]))
    order = ((tail, -1), (head, 0)) if tail_first else ((head, 0), (tail, -1))
    for text, pick in order:
        dates = [d for d, sentence in find_dates(text) if _SIGNING.search(sentence)]
        if dates:
            return dates[pick]
    return None


def _convenio(block: str, lines: list[str]) -> Identity:
    upto = re.split(r",\s*QUE CELEBRAN|,\s*QUE SUSCRIBEN|\s+QUE CELEBRAN", block, maxsplit=1, flags=re.I)[0]
    name = proper_case(upto if len(upto) < 90 else "Convenio", set())
    parties = [(art.lower(), short.strip()) for art, _full, short in _PARTY.findall(block)]
    if parties:
        name += " entre " + " y ".join(f"{art} {short}" for art, short in parties)
    date = _signing_date(lines, tail_first=True)
    year = date[:4] if date else None
    shorts = [slugify(short, 12) for _art, short in parties] or [slugify(upto, 24)]
    doc_id = "-".join(["convenio", *shorts] + ([year] if year else []))
    return Identity(doc_id, name, "convenio", year, date)


def _plan(block: str, lines: list[str]) -> Identity:
    acronyms = acronyms_in(lines[:HEAD])
    title = proper_case(block, acronyms)
    date = _signing_date(lines, tail_first=False)
    year = date[:4] if date else None
    named = [w.lower() for w in re.findall(r"[A-ZÁÉÍÓÚÑ]{2,}", block) if w in acronyms]
    parts = named or [slugify(re.sub(r"^plan\s+(de\s+)?", "", title, flags=re.I), 30)]
    doc_id = "-".join(["plan", *parts] + ([year] if year else []))
    return Identity(doc_id, title, "plan", year, date)


def _manual_header(lines: list[str]) -> str | None:
    """A page header carrying the manual's title, with its wrapped continuation lines."""
    for i, line in enumerate(lines):
        if _MANUAL_HEADER.match(line):
            parts = [line]
            j = i + 1
            while j < len(lines) and lines[j].strip() and lines[j].strip() == lines[j].strip().upper():
                parts.append(lines[j])
                j += 1
            return _clean(" ".join(parts))
    return None


def _in_force_date(lines: list[str]) -> str | None:
    """The date after a ``Vigencia`` label (an organisation manual's entry into force)."""
    text = _clean(" ".join(lines))
    for date, before in find_dates(text, before=True):
        if _IN_FORCE.search(before):
            return date
    return None


def _manual(title_text: str, lines: list[str]) -> Identity:
    title = proper_case(title_text, acronyms_in(lines[:HEAD]))
    date = _in_force_date(lines) or _signing_date(lines, tail_first=False)
    year = date[:4] if date else None
    unit = re.sub(r"^Manual\s+de\s+\w+\s+(?:de\s+)?(?:(?:la|el|los|las)\s+)?", "", title, flags=re.I)
    key = slugify(unit, 32, drop_small=True) if unit and unit != title else (year or slugify(title, 32))
    kind_word = re.match(r"Manual\s+de\s+(\w+)", title, re.I)
    prefix = "manual-" + slugify(kind_word.group(1), 20) if kind_word else "manual"
    return Identity(f"{prefix}-{key}", title, "manual", year, date)


def _otro(lines: list[str]) -> Identity:
    title = ""
    for line in lines[:HEAD]:
        text = _clean(line)
        if 3 <= len(text) <= 120 and _HEADINGISH.match(text) and text[-1] not in ".,;":
            title = text
            break
    if not title:
        title = next((_clean(ln)[:80] for ln in lines if ln.strip()), "") or "Documento sin título"
    title = proper_case(title, acronyms_in(lines[:HEAD]))
    period_m = re.search(r"\b((?:19|20)\d{2}-(?:19|20)\d{2})\b", title)
    date = _signing_date(lines, tail_first=True)
    period = period_m.group(1) if period_m else (date[:4] if date else None)
    return Identity(slugify(title, 40) or "documento", title, "otro", period, date)
