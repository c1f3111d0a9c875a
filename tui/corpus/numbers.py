"""es-MX numbers as printed in IMSS reports: ``1,053``, ``1'109,630``, ``(2,389)``, ``-0.1%``.

Grouping uses ``,`` for thousands and an apostrophe (``'``, ``’`` or ``‘``) before the millions
group; the decimal separator is always ``.``. Accounting parentheses mean a negative value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

APOSTROPHES = "'’‘"
MISSING = frozenset({"-", "–", "—", "s/d", "n.d.", "n.d", "nd", "n/d", "n.a.", "n/a", "na", "…", "..."})

_SEP = r"[,'’‘]"
_NO_SEP = str.maketrans("", "", ",'’‘")
# A leading group of 1-3 digits followed by groups of exactly 3 behind a separator, or plain digits.
NUMBER_BODY = rf"(?:\d{{1,3}}(?:{_SEP}\d{{3}})+|\d+)(?:\.\d+)?|\.\d+"
_NUMBER = re.compile(
    rf"^(?P<open>\()?\s*(?P<sign>[-+−–])?\s*(?P<body>{NUMBER_BODY})\s*(?P<pct>%)?\s*(?P<close>\))?$"
)
# A note marker glued after a number: ``4513/`` (451 + note 3/) or ``2020)1/``.
_NOTE = re.compile(r"^(?P<num>.*?)(?P<note>\d{1,2}/)$")


@dataclass(frozen=True, slots=True)
class Number:
    """A parsed number: its value, whether it was a percentage, and any note marker removed."""

    value: float
    percent: bool = False
    note: str | None = None
    decimals: int = 0


def _parse_plain(text: str) -> Number | None:
    m = _NUMBER.match(text)
    if not m or bool(m["open"]) != bool(m["close"]):
        return None
    body = m["body"]
    digits = body.translate(_NO_SEP)
    try:
        value = float(digits)
    except ValueError:
        return None
    if m["sign"] in ("-", "−", "–"):
        value = -value
    if m["open"]:
        value = -abs(value)
    decimals = len(body.split(".", 1)[1]) if "." in body else 0
    return Number(value, percent=bool(m["pct"]), decimals=decimals)


def parse_number(text: str) -> Number | None:
    """Parse one printed number; None for anything that is not exactly a number.

    A trailing note marker such as ``3/`` glued to the digits is split off into ``note``
    (``4513/`` -> 451, note ``3/``), but only when what remains is still a valid number.
    """
    s = text.strip().replace("\u00a0", " ").replace("$", "").strip()
    s = s.rstrip("*").strip()
    if not s or len(s) > 40:
        return None
    plain = _parse_plain(s)
    if plain is not None and not s.endswith("/"):
        return plain
    if not _NOTE.match(s):
        return None
    # Prefer the one-digit marker: notes rarely pass 9 within one exhibit.
    for width in (1, 2):
        head, note = s[: -(width + 1)].rstrip(), s[-(width + 1) :]
        if not note[0].isdigit():
            continue
        if head.endswith(")") and not head.startswith("("):
            head = head[:-1]
        base = _parse_plain(head)
        if base is not None:
            return Number(base.value, base.percent, note, base.decimals)
    return None


def regroup(text: str) -> str:
    """The printed number ``text`` with es-MX ``,`` grouping (``1'109,630`` -> ``1,109,630``).

    Only the apostrophe before the millions changes: sign, parentheses, decimals and ``%`` stay
    as printed, and so do digits printed without grouping (years, codes). Text that is not
    exactly a number is returned unchanged.
    """
    m = _NUMBER.match(text.strip())
    if not m or bool(m["open"]) != bool(m["close"]) or not any(a in m["body"] for a in APOSTROPHES):
        return text
    whole, dot, frac = m["body"].translate(_NO_SEP).partition(".")
    start, end = m.span("body")
    stripped = text.strip()
    return f"{stripped[:start]}{int(whole):,}{dot}{frac}{stripped[end:]}"


def is_missing(text: str) -> bool:
    """True for the printed placeholders of a missing value (``-``, ``S/D``, ``n.d.``)."""
    return text.strip().lower() in MISSING


def format_number(value: float, decimals: int | None = None) -> str:
    """Format as es-MX with ``,`` thousands and ``.`` decimals (the form ``parse_number`` reads)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else min(6, len(repr(abs(value)).split(".")[1]))
    return f"{value:,.{decimals}f}"
