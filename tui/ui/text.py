"""Text helpers shared by widgets; no Textual import, so importing them costs nothing at startup."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, for filtering and type-ahead."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
