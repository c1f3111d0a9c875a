"""Heading shapes of the annual reports and the repair of their text.

PDF extraction mangles small caps (``CaPÍTULo I. aCCIoNES``): the small-cap letters come out
lower case, almost always from a handful of letters. :func:`clean_heading` turns such lines,
and plain upper-case ones, into sentence case while keeping acronyms, roman numerals and the
names of institutions (``Dirección de Prestaciones Médicas``, ``H. Consejo Técnico``).
"""

from __future__ import annotations

import re

SECTION_RE = re.compile(r"^\s*([IVX]+)\.(\d+)((?:\.\d+)*)\.\s+(\S.*?)\s*$")
"""A numbered section heading: ``II.3. Title``, ``II.3.1. Title``."""
OPENER_RE = re.compile(r"^\s*cap[íi]tulo(?:\s+([IVX]+))?\s*$", re.IGNORECASE)
"""A chapter opener line: ``Capítulo``, ``CAPÍTULO IX`` (no period, no title)."""
INLINE_CHAPTER_RE = re.compile(r"^\s*\**cap[íi]tulo\s+([IVX]+)\.\s*(\S.*?)\s*$", re.IGNORECASE)
"""A chapter heading with its title on the same line: ``Capítulo II. Mejora…``."""
ROMAN_LINE_RE = re.compile(r"^\s*([IVX]{1,5})\s*$")
_ROMAN_VALID = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")

# Small-cap letters that lose their capital in the extraction (see the corpus notes).
_MANGLED_LOWER = frozenset("aábgjmoóqruúñ")
_ACRONYMS = frozenset(
    [
        "IMSS",
        "ISSSTE",
        "COVID",
        "SARS",
        "VIH",
        "SIDA",
        "OOAD",
        "UMF",
        "UMAA",
        "UMAE",
        "HGZ",
        "HGR",
        "CECI",
        "OMS",
        "OPS",
        "ODS",
        "PND",
        "PIIMSS",
        "DPM",
        "DPES",
        "DA",
        "DIR",
        "DJ",
        "DF",
        "DIDT",
        "DPEI",
        "DOE",
        "DVIED",
        "TIC",
        "TICS",
        "INSABI",
        "SAT",
        "SHCP",
        "LSS",
        "RIIMSS",
        "AVISA",
        "ELSSA",
        "NOM",
        "IVA",
        "ISR",
        "ILPA",
        "CNDH",
        "INAI",
        "UNAM",
        "IPN",
        "DIF",
        "SNTSS",
        "RJP",
        "SIAP",
        "CFDI",
        "PREI",
        "PAC",
        "PAE",
        "APP",
        "TI",
        "ECE",
        "SIMF",
        "CURP",
        "NSS",
        "ONU",
        "OIT",
        "OCDE",
        "AISS",
        "CISS",
        "BID",
        "GRD",
        "IMSS-BIENESTAR",
    ]
)
_KNOWN_MIXED = {"PREVENIMSS": "PrevenIMSS", "ONCOIMSS": "OncoIMSS", "GERIATRIMSS": "GeriatrIMSS"}
# Words that open an institution's name: what follows is a proper noun in title case.
_NAME_TRIGGERS = frozenset(
    [
        "dirección",
        "coordinación",
        "instituto",
        "consejo",
        "comisión",
        "asamblea",
        "secretaría",
        "jefatura",
        "ley",
    ]
)
_NAME_JOINERS = frozenset(["de", "del", "y", "e", "la", "las", "los", "el"])
_FUNCTION_WORDS = _NAME_JOINERS | frozenset(
    ["a", "al", "ante", "con", "en", "entre", "o", "para", "por", "que", "sin", "sobre", "u", "frente"]
)
_VOWELS = frozenset("AEIOUÁÉÍÓÚÜ")
_CYRILLIC = str.maketrans(
    "аАбвВгдеЕёжзийкКлмМнНоОпрРсСтТуфхХцчшыэюя",
    "aAbvVgdeEeziiikKlmMnNoOprRsStTufjJcchyeuy",
)
_MARKUP_RE = re.compile(r"\*+|\^\{[^}]*\}|</?[a-z]+[^>]*>")
_SUPERSCRIPT_RE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_GLUED_NOTE_RE = re.compile(r"(?<=[A-Za-zÁÉÍÓÚáéíóúÑñ]{4})\d{1,2}\b")
_LIGATURE_RE = re.compile(r"(?:\bf i(?=[a-záéíóú])|(?<=[a-záéíóú])f i(?=[a-záéíóú]))")
_SPACES_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\S+")


def roman_to_int(roman: str) -> int:
    """Value of a roman numeral made of I, V, X (0 when it is not one)."""
    if not roman or not _ROMAN_VALID.match(roman):
        return 0
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(roman, roman[1:] + " ", strict=False):
        v = values[a]
        total += -v if b != " " and values[b] > v else v
    return total


def is_caps_like(text: str) -> bool:
    """True for upper-case or small-caps-mangled text (≥40% capitals, lowercase only from small caps)."""
    # One lower-case letter that small caps do not explain decides; checking the distinct
    # characters first spares counting the letters of ordinary text.
    if any(c.isalpha() and not c.isupper() and c not in _MANGLED_LOWER for c in set(text)):
        return False
    letters = "".join(filter(str.isalpha, text))
    if len(letters) < 2:
        return False
    return sum(map(str.isupper, letters)) >= 0.4 * len(letters)


def clean_heading(text: str) -> str:
    """Proper text for a heading: markup stripped, artefacts repaired, small caps recased."""
    out = text.translate(_CYRILLIC)
    out = _MARKUP_RE.sub("", out)
    out = _SUPERSCRIPT_RE.sub("", out)
    out = _SPACES_RE.sub(" ", out).strip()
    for _ in range(3):  # a repaired ligature can expose another one
        fixed = _LIGATURE_RE.sub("fi", out)
        if fixed == out:
            break
        out = fixed
    if is_caps_like(out):
        out = _GLUED_NOTE_RE.sub("", out)
        if not (len(out) <= 5 and " " not in out):  # a lone short word is an acronym
            out = _recase(out)
    return out


def _recase(text: str) -> str:
    """Sentence case for an upper-case heading, keeping acronyms, numerals and institution names."""
    words = _WORD_RE.findall(text)
    out: list[str] = []
    in_name = False
    for i, word in enumerate(words):
        core = word.strip("().,;:¿?¡!\"“”'")
        low = core.lower()
        if _keeps_case(core):
            out.append(_keep(word, core))
            in_name = in_name or (word.endswith(".") and len(core) == 1 and not roman_to_int(core))
            continue
        starts = i == 0 or out[-1].endswith((".", ":"))
        if in_name and low in _NAME_JOINERS and _next_is_content(words, i):
            out.append(word.lower())
            continue
        in_name = in_name and low not in _FUNCTION_WORDS and not any(ch.isdigit() for ch in core)
        in_name = in_name or low in _NAME_TRIGGERS
        out.append(_capitalize(word) if (starts or in_name) else word.lower())
        if word.endswith((",", ";")):
            in_name = False
    return " ".join(out)


def _next_is_content(words: list[str], i: int) -> bool:
    nxt = words[i + 1].strip("().,;:").lower() if i + 1 < len(words) else ""
    return bool(nxt) and (nxt not in _FUNCTION_WORDS or nxt in _NAME_JOINERS)


def _keeps_case(core: str) -> bool:
    up = core.upper()
    if not core or any(ch.isdigit() for ch in core):
        return bool(core)
    if up in _ACRONYMS or up in _KNOWN_MIXED or roman_to_int(up) > 0:
        return True
    if "-" in core:
        return any(p.upper() in _ACRONYMS for p in core.split("-"))
    if len(core) == 1:
        return up not in {"Y", "E", "O", "U", "A"}
    return len(core) >= 2 and not any(ch in _VOWELS for ch in up)


def _keep(word: str, core: str) -> str:
    """An acronym, numeral or compound word in its printed (upper) case."""
    up = core.upper()
    if up in _KNOWN_MIXED:
        return word.replace(core, _KNOWN_MIXED[up])
    if "-" in core and up not in _ACRONYMS:
        parts = [p.upper() if p.upper() in _ACRONYMS else p.capitalize() for p in core.split("-")]
        return word.replace(core, "-".join(parts))
    return word.upper()


def _capitalize(word: str) -> str:
    for j, ch in enumerate(word):
        if ch.isalpha():
            return word[:j] + ch.upper() + word[j + 1 :].lower()
    return word
