"""Small text helpers for recognising documents: Spanish dates, title casing, slugs."""

from __future__ import annotations

import re
import unicodedata

MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
_UNITS = [
    "cero", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
    "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte",
    "veintiun", "veintidos", "veintitres", "veinticuatro", "veinticinco", "veintiseis", "veintisiete",
    "veintiocho", "veintinueve",
]  # fmt: skip
_TENS = ("_", "_", "_", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")
_WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | {"uno": 1, "una": 1, "primero": 1, "veintiuno": 21}
_WORD_VALUES |= {w: 10 * i for i, w in enumerate(_TENS) if i >= 3}
_WORD_VALUES |= {"cien": 100, "ciento": 100, "novecientos": 900, "ochocientos": 800}
_MONTH = "|".join(MONTHS)
_DIGIT_DATE = re.compile(rf"\b(\d{{1,2}})[°º]?\s+de\s+({_MONTH})\s+(?:de|del)\s+(?:año\s+)?(\d{{4}})\b", re.I)
_WORD_DATE = re.compile(
    rf"\ba\s+los\s+([\wáéíóú]+(?:\s+y\s+[\wáéíóú]+)?)\s+d[ií]as\s+del\s+mes\s+de\s+({_MONTH})\s+"
    r"(?:de\s+|del\s+)?(?:año\s+)?(\d{4}|(?:(?:dos|mil|novecientos|[\wáéíóú]+)\s*){1,6})",
    re.I,
)
_SMALL = {
    "de",
    "del",
    "la",
    "las",
    "el",
    "los",
    "y",
    "e",
    "o",
    "u",
    "en",
    "a",
    "al",
    "con",
    "por",
    "para",
    "entre",
}
_VOWELS = set("AEIOUÁÉÍÓÚ")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words_to_int(text: str) -> int | None:
    """``dos mil veintitrés`` -> 2023; None when a word is not a number word."""
    total = current = 0
    seen = False
    for word in _fold(text).lower().split():
        if word == "y":
            continue
        if word == "mil":
            total += max(current, 1) * 1000
            current = 0
        elif word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        else:
            break
        seen = True
    return total + current if seen else None


def _iso(year: int, month: int, day: int) -> str | None:
    if 1 <= day <= 31 and 1800 <= year <= 2200:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _sentence(text: str, start: int, end: int) -> str:
    """The text around a match up to the nearest sentence ends (``. `` followed by a capital)."""
    left = max(text.rfind(". ", 0, start), text.rfind(": ", 0, start))
    right = text.find(". ", end)
    return text[left + 1 : right if right >= 0 else len(text)]


def find_dates(text: str, before: bool = False) -> list[tuple[str, str]]:
    """ISO dates written in Spanish (digits or words), each with its sentence (or the text before it)."""
    found: list[tuple[int, str, str]] = []
    for m in _DIGIT_DATE.finditer(text):
        iso = _iso(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if iso:
            ctx = text[max(0, m.start() - 40) : m.start()] if before else _sentence(text, *m.span())
            found.append((m.start(), iso, ctx))
    for m in _WORD_DATE.finditer(text):
        day = int(m.group(1)) if m.group(1).isdigit() else words_to_int(m.group(1))
        year = int(m.group(3)) if m.group(3).isdigit() else words_to_int(m.group(3))
        iso = _iso(year or 0, MONTHS[m.group(2).lower()], day or 0)
        if iso:
            ctx = text[max(0, m.start() - 40) : m.start()] if before else _sentence(text, *m.span())
            found.append((m.start(), iso, ctx))
    return [(iso, ctx) for _pos, iso, ctx in sorted(found)]


def acronyms_in(lines: list[str]) -> set[str]:
    """Acronyms the text defines: ``(CNOP)`` after a name, or a quoted term like ``“EL IMSS”``."""
    text = " ".join(lines)
    found = set(re.findall(r"\(([A-ZÁÉÍÓÚÑ]{2,})\)", text))
    found |= set(re.findall(r"[“\"](?:EL|LA|LOS|LAS)\s+([A-ZÁÉÍÓÚÑ]{2,6})[”\"]", text))
    return found


def _case_word(word: str, first: bool, acronyms: set[str]) -> str:
    core = word.strip("“”\"'(),.;:¿?¡!")
    if not core:
        return word
    if core in acronyms or (len(core) > 1 and not _VOWELS & set(core.upper())):
        return word
    lower = word.lower()
    if not first and core.lower() in _SMALL:
        return lower
    i = next((k for k, c in enumerate(lower) if c.isalpha() or c.isdigit()), None)
    if i is None:
        return word
    return lower[:i] + lower[i].upper() + lower[i + 1 :]


def proper_case(text: str, acronyms: set[str]) -> str:
    """Title case for a heading printed in capitals (Spanish small words stay lower, acronyms stay)."""
    text = " ".join(text.split())
    if any(c.islower() for c in text):
        return text
    words = text.split(" ")
    return " ".join(_case_word(w, i == 0, acronyms) for i, w in enumerate(words))


def slugify(text: str, max_len: int = 40, drop_small: bool = False) -> str:
    """ASCII, lower-case, hyphenated; cut at a word boundary within ``max_len``."""
    words = re.findall(r"[a-z0-9]+", _fold(text).lower())
    if drop_small:
        words = [w for w in words if w not in _SMALL]
    out = ""
    for w in words:
        candidate = f"{out}-{w}" if out else w
        if len(candidate) > max_len:
            break
        out = candidate
    return out or (words[0][:max_len] if words else "")
