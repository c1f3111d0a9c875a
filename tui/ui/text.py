"""Text helpers shared by widgets; no Textual import, so importing them costs nothing at startup."""

from __future__ import annotations

import re
import unicodedata

TOTAL_LABEL = re.compile(
    r"^\s*(?:sub)?total(?:es)?\b(?!\s+del?\s+(?-i:[a-záéíóúñ]))|^\s*suma\b", re.IGNORECASE
)
"""Row labels of a table's totals and subtotals (``Total``, ``Subtotal obras médicas``,
``TOTAL DE EGRESOS``, ``Suma de las 10 principales``), not of a measure named ``Total de niños…``."""
_DIGITS = re.compile(r"(\d+)")


def fold(text: str) -> str:
    """Lower case without accents, for filtering and type-ahead."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def natural(text: str) -> tuple:
    """A sort key that puts ``2 Diabetes`` before ``10 Tumores``, folded like :func:`fold`."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split(fold(text)))


def fit_trail(parts: list[str], width: int) -> str:
    """``a › b › c`` in ``width`` cells, dropping the first parts rather than the last (where you
    are matters more than where it starts): ``… › b › c``."""
    text = " › ".join(parts)
    while len(text) > width and len(parts) > 1:
        parts = parts[1:]
        text = "… › " + " › ".join(parts)
    return text
