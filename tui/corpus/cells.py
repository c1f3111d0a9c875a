"""Typed table cells: printed text cleaned of markup and note markers, value parsed es-MX.

Shared by the table-body parsers so every grid types its cells the same way.
"""

from __future__ import annotations

import re

from tui.corpus.model import Cell
from tui.corpus.numbers import parse_number

_HTML = re.compile(r"<[^>]*>")
_CARET_NOTE = re.compile(r"\^\{(\d{1,2}/?)\}")
_SUPERSCRIPT = re.compile(r"([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*$")
_SUP_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_PLAIN_INT = re.compile(r"^\d{1,6}$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_CODE_HEADER = re.compile(
    r"^(?:n[úu]m(?:\.|ero)?(?:\s+(?:consecutivo|de auditor[íi]a|de contrato|de expediente))?|no\.?|"
    r"clave|c[óo]digo|folio|a[ñn]o|a[ñn]os|ejercicio|periodo|a junio)$",
    re.IGNORECASE,
)


def clean_cell(raw: str) -> str:
    """Printed text with HTML tags, escapes and runs of whitespace removed."""
    text = _HTML.sub(" ", raw).replace("\\$", "$").replace("&nbsp;", " ").replace("**", "")
    return " ".join(text.split())


def split_note(text: str) -> tuple[str, str | None]:
    """Remove a note marker (``^{1/}``, ``¹``) from printed text; return (text, marker)."""
    note = None
    m = _CARET_NOTE.search(text)
    if m:
        note = m[1] if m[1].endswith("/") else m[1] + "/"
        text = " ".join(_CARET_NOTE.sub("", text).split())
    m = _SUPERSCRIPT.search(text)
    if m and len(text) > len(m[1]):
        note = note or m[1].translate(_SUP_DIGITS)
        text = text[: m.start()].rstrip()
    return text, note


def is_code_column(name: str, texts: list[str]) -> bool:
    """Years, ranks and codes are labels, not quantities."""
    vals = [t for t in texts if t]
    if not vals:
        return False
    if all(_YEAR.match(t) for t in vals):
        return True
    return bool(_CODE_HEADER.match(name.split(" / ")[-1].strip())) and all(_PLAIN_INT.match(t) for t in vals)


def make_cell(row: int, col: int, raw: str, line: int | None, numeric: bool = True) -> Cell:
    """A cell from its printed text; ``numeric=False`` for label and code columns."""
    text, note = split_note(clean_cell(raw))
    value = None
    if numeric or (col == 0 and not _PLAIN_INT.match(text)):
        number = parse_number(text) if text else None
        if number is not None:
            value = number.value
            if number.note:
                note = note or number.note
                text = text[: len(text) - len(number.note)].rstrip()
    return Cell(row=row, col=col, text=text, value=value, line=line, note=note)
