"""Acronym lists (``Siglas y acrónimos``, ``Siglas``, ``Glosario``…) as acronym/expansion rows.

Two layouts are read: ``ACRONYM<TAB>Expansion`` one per line, and ``ACRONYM Expansion`` with a
space, where a long expansion wraps onto the next line, sometimes after a blank line. A wrapped
line that starts with a capitalised word (``Seguridad Social``) looks like a new entry; it is taken
as a continuation when the entry so far is visibly unfinished: it ends in a connector (``de``,
``y``…), or its capitalised words spell only the beginning of the acronym (``TAES Tratamiento
Acortado`` + ``Estrictamente Supervisado``). A token with two or more capitals (``IMSS``,
``CeSiECQ``) always opens an entry. The list ends at two blank lines in a row, or at a line that is
neither an entry nor a continuation.
"""

from __future__ import annotations

import re
import unicodedata

from tui.corpus.model import GlossaryEntry

_HEADING = re.compile(
    r"^(?:siglas|acr[oó]nimos|abreviaturas|glosario)(?:\s*(?:,|y|e)\s*(?:siglas|acr[oó]nimos|abreviaturas|glosario))*"
    r"(?:\s+y)?$",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"\*\*|^#+\s*|</?[a-z][^>]*>")
_TOKEN = re.compile(r"^[A-Za-zÁÉÍÓÚÑáéíóúñ0-9][\w/&.\-]*$")
_SMALL_TOKENS = re.compile(r"^(?:[A-ZÁÉÍÓÚÑ]{1,4}|y|e)$")
_CONNECTORS = {
    "de", "del", "la", "las", "el", "los", "y", "e", "o", "u", "en", "a", "al", "con", "por",
    "para", "sobre", "contra", "entre", "sin", "ante",
}  # fmt: skip
MIN_ENTRIES = 3
MAX_SPACED = 100
"""A longer line is prose, not a space-separated glossary row."""
_QUICK = re.compile(r"^[\s*#]*(?:siglas|acr[oó]nimos|abreviaturas|glosario)", re.IGNORECASE)
_HEADING_WORDS = ("siglas", "acrónimos", "acronimos", "abreviaturas", "glosario")


def _plain(line: str) -> str:
    return " ".join(_MARKUP.sub("", line).split())


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _capitals(token: str) -> int:
    return sum(1 for c in token if c.isupper())


def parse_entry(line: str) -> tuple[str, str] | None:
    """``(acronym, expansion)`` of one glossary line, or None when it does not look like one."""
    raw = _MARKUP.sub("", line).strip()
    if "\t" in raw:
        head, _, tail = raw.partition("\t")
        tokens = head.split()
        if len(tokens) == 1 or (tokens and all(_SMALL_TOKENS.match(t) for t in tokens[1:])):
            return _checked(" ".join(tokens), " ".join(tail.split()))
    words = raw.replace("\t", " ").split()
    if len(words) < 2 or len(raw) > MAX_SPACED or not _TOKEN.match(words[0]):
        return None
    k = 1
    # Multi-token acronyms: ``Enconsa CE y U`` (capital-only tokens, joined by ``y``).
    while k + 1 < len(words) and _SMALL_TOKENS.match(words[k]) and words[k] not in {"y", "e"}:
        k += 1
    if k > 1 and k + 2 < len(words) and words[k] in {"y", "e"} and _SMALL_TOKENS.match(words[k + 1]):
        k += 2
    return _checked(" ".join(words[:k]), " ".join(words[k:]))


def _checked(acronym: str, expansion: str) -> tuple[str, str] | None:
    if not acronym or not expansion or not (expansion[0].isupper() or expansion[0].isdigit()):
        return None
    if not _capitals(acronym) or len(acronym) > 30:
        return None
    return acronym, expansion


def _unfinished(acronym: str, expansion: str) -> bool:
    """The expansion visibly goes on: a trailing connector, or initials covering part of the acronym."""
    last = expansion.rsplit(" ", 1)[-1].lower()
    if last in _CONNECTORS or expansion.endswith((",", "-")):
        return True
    letters = _fold("".join(c for c in acronym.split(" ")[0] if c.isupper()))
    initials = _fold("".join(w[0] for w in expansion.split() if w[0].isupper()))
    return len(letters) > len(initials) > 0 and letters.startswith(initials)


def _continues(acronym: str, expansion: str, text: str, entry: tuple[str, str] | None) -> bool:
    if text[0].islower():
        return True
    if entry is None:
        return len(text) <= MAX_SPACED and not expansion.endswith(".")
    if expansion.rsplit(" ", 1)[-1].lower() in _CONNECTORS:
        return True
    if _capitals(entry[0].split(" ")[0]) >= 2:
        return False
    # A mixed-case acronym (``Cenatra Centro…``) shares its first letter with its expansion;
    # a wrapped ``Infantil Teletón`` does not.
    if _fold(entry[0][0]).upper() != _fold(entry[1][0]).upper():
        return True
    letters = _fold("".join(c for c in acronym.split(" ")[0] if c.isupper()))
    initials = _fold("".join(w[0] for w in expansion.split() if w[0].isupper()))
    needed = (
        letters[len(initials)] if _unfinished(acronym, expansion) and len(letters) > len(initials) else ""
    )
    return bool(needed) and _fold(text[0]).upper() == needed


def _read_list(doc_id: str, lines: list[str], start: int) -> tuple[list[GlossaryEntry], set[int]]:
    """Entries from line index ``start`` on (0-based) until the list ends."""
    entries: list[GlossaryEntry] = []
    used: set[int] = set()
    blanks = 0
    for i in range(start, len(lines)):
        text = _plain(lines[i])
        if not text:
            blanks += 1
            if blanks >= 2 and entries:
                break
            continue
        blanks = 0
        entry = parse_entry(lines[i])
        cur = entries[-1] if entries else None
        # A tab-separated ``ACRONYM\texpansion`` row always opens its own entry.
        tab_row = entry is not None and "\t" in lines[i].strip()
        if cur and not tab_row and _continues(cur.acronym, cur.expansion, text, entry):
            cur.expansion = _join(cur.expansion, text.replace("\t", " "))
        elif entry:
            entries.append(GlossaryEntry(doc_id, entry[0], entry[1], i + 1))
        else:
            break
        used.add(i + 1)
    return entries, used


def _join(left: str, right: str) -> str:
    right = " ".join(right.split())
    return left[:-1] + right if left.endswith("-") and right[0].islower() else f"{left} {right}"


def find_glossary(doc_id: str, lines: list[str]) -> tuple[list[GlossaryEntry], set[int]]:
    """Every acronym list of a document, and the lines it consumed (headings included)."""
    entries: list[GlossaryEntry] = []
    consumed: set[int] = set()
    done = -1
    for i in _candidates(lines):
        heading = _heading_at(lines, i) if i > done else None
        if heading:
            found, used = _read_list(doc_id, lines, heading[-1] + 1)
            if len(found) >= MIN_ENTRIES:
                entries += found
                consumed |= used | {k + 1 for k in heading}
                done = max(used) - 1
    return entries, consumed


def _candidates(lines: list[str]) -> list[int]:
    """0-based indexes of lines that may open a list (``str.find`` over the text: no per-line loop)."""
    text = "\n".join(lines)  # not .lower(): that copy costs more than a few extra searches
    starts: set[int] = set()
    for word in (form for w in _HEADING_WORDS for form in (w, w.capitalize(), w.upper())):
        pos = text.find(word)
        while pos >= 0:
            line_start = text.rfind("\n", 0, pos) + 1
            if not text[line_start:pos].strip(" \t*#"):
                starts.add(line_start)
            pos = text.find(word, pos + 1)
    return sorted(text.count("\n", 0, p) for p in starts)


def _heading_at(lines: list[str], i: int) -> list[int] | None:
    """0-based indexes of a glossary heading starting at ``i`` (``SIGLAS Y`` / ``ACRÓNIMOS`` too)."""
    if not _QUICK.match(lines[i]):
        return None
    text = lines[i].strip()
    if len(text) > 40 or not text.lstrip("*#").strip()[:1].isalpha():
        return None
    plain = _plain(text)
    if not _HEADING.match(plain):
        return None
    if not plain.lower().endswith(" y"):
        return [i]
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j < len(lines) and _HEADING.match(f"{plain} {_plain(lines[j])}"):
        return [i, j]
    return None
