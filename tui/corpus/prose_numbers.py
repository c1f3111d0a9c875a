"""Numbers as written in running prose: ``13'367,618``, ``2.9 millones``, ``3.5%¹¹``, ``(2,389)``.

Table cells hold one number each (:mod:`tui.corpus.numbers`); prose glues things to them: scale
words (``mil``, ``millones``, ``mil millones``, ``billones`` = 10^12 in Spanish), a currency
(``de pesos``, ``mdp``, ``dólares``) and footnote markers, either superscript (``2024³``) or plain
digits glued to the figure (``2,14515`` = 2,145 + note 15, ``202042`` = 2020 + note 42). A glued
marker is certain when the digits cannot belong to the number (a 4- or 5-digit last group after a
separator, digits after ``%``); when the digits could (``202042``), the split is made only if the
document has a footnote with that number near the paragraph (the caller says which ones).
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from tui.corpus.numbers import NUMBER_BODY

_FULL_BODY = re.compile(rf"^(?:{NUMBER_BODY})$")
_SEP = re.compile(r"[,'’‘]")
_NO_SEP = str.maketrans("", "", ",'’‘")
_SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹"

# A run of digits and separators, never glued to a letter before it (``aspirantes14``, ``COVID-19``
# and ``H1N1`` hold names or note markers, not figures).
TOKEN = re.compile(
    rf"""
    (?=[\d$(\-−–])  # cheap first test: the lookbehinds below run only where a figure may start
    (?<![^\W\d_])(?<![^\W\d_]-)(?<![\d.,'’‘/:])
    (?P<cur>\$\s?)?
    (?P<open>\((?=[-−–+]?\$?\d))?
    (?P<sign>(?:(?<=[\s(\[])|^)[-−–](?=\d))?
    (?P<body>\d+(?:[,'’‘]\d+)*(?:\.\d+)?)
    (?P<pct>\s?%)?
    (?P<sup>[{_SUPER}]+)?
    (?P<close>\))?
    (?P<tail>(?<=[%)])\d{{1,2}}(?!\d))?
    (?![^\W\d_]|\d|[/:]\d|[.,'’‘]\d)
    """,
    re.VERBOSE,
)
SCALE = re.compile(
    r"\s+(?P<scale>mil\s+millones|miles\s+de\s+millones|millones|mill[oó]n|billones|bill[oó]n|mil)\b",
    re.IGNORECASE,
)
_YEAR_MARKER = re.compile(r"^((?:19|20)\d\d)(\d{1,2})$")
_DECIMAL_MARKER = re.compile(r"^(\d+\.\d{1,2})(\d{1,2})$")


@dataclass(frozen=True, slots=True)
class ProseNumber:
    """A figure read from prose: value before scaling, the scale factor, and what was cut off."""

    number: float
    scale: float = 1.0
    percent: bool = False
    decimals: int = 0
    grouped: bool = False
    """Printed with thousands separators (``1,107``): then it is a count, never a year."""
    marker: str | None = None
    """A footnote marker glued to the figure, removed from it."""

    @property
    def value(self) -> float:
        return self.number * self.scale


def scale_of(word: str) -> float:
    """10^n for a scale word: ``mil`` 10^3, ``millones`` 10^6, ``mil millones`` 10^9, ``billones`` 10^12."""
    w = word.lower().split()
    if len(w) > 1:  # "mil millones", "miles de millones"
        return 1e9
    return 1e12 if w[0].startswith("bill") else 1e6 if w[0].startswith("mill") else 1e3


def read_body(body: str, notes: Container[str] = ()) -> tuple[str, str | None] | None:
    """Split a digit run into the printed figure and a glued footnote marker, or None if unreadable.

    ``notes`` holds the footnote numbers that exist near the text; they decide ambiguous runs.
    """
    if body.isdecimal() or _FULL_BODY.match(body):
        # Only a decimal run can end in a decimal marker, only a year-like one in a year marker.
        pattern = _DECIMAL_MARKER if "." in body else _YEAR_MARKER if body.startswith(("19", "20")) else None
        m = pattern.match(body) if notes and pattern else None
        if m and m.group(2) in notes and not m.group(2).startswith("0"):
            return m.group(1), m.group(2)
        return body, None
    groups = _SEP.split(body.split(".", 1)[0])
    last = groups[-1]
    if "." not in body and len(groups) > 1 and 4 <= len(last) <= 5 and last[3] != "0":
        return body[: len(body) - len(last) + 3], last[3:]
    return None


def to_number(figure: str, *, negative: bool = False, percent: bool = False) -> ProseNumber:
    """The parsed value of a figure already validated by :func:`read_body`."""
    value, decimals, grouped = figure_value(figure)
    return ProseNumber(-value if negative else value, percent=percent, decimals=decimals, grouped=grouped)


def figure_value(figure: str) -> tuple[float, int, bool]:
    """(value, decimals, grouped) of a figure validated by :func:`read_body`; no record built."""
    digits = figure.translate(_NO_SEP)
    decimals = len(figure) - figure.index(".") - 1 if "." in figure else 0
    return float(digits), decimals, len(digits) != len(figure)


def parse_prose_number(text: str, notes: Container[str] = ()) -> ProseNumber | None:
    """Parse one prose figure with its optional scale word (``2.9 millones``); None if it is not one.

    Never raises.
    """
    if not isinstance(text, str) or len(text) > 80:
        return None
    s = " ".join(text.replace("\u00a0", " ").split())
    m = TOKEN.match(s)
    if not m or bool(m["open"]) != bool(m["close"]):
        return None
    rest = s[m.end() :]
    scale = 1.0
    sm = SCALE.match(" " + rest) if rest else None
    if sm:
        scale, rest = scale_of(sm["scale"]), rest[sm.end() - 1 :]
    if rest.strip():
        return None
    read = read_body(m["body"], notes)
    if read is None:
        return None
    figure, marker = read
    n = to_number(figure, negative=bool(m["sign"] or m["open"]), percent=bool(m["pct"]))
    return ProseNumber(n.number, scale, n.percent, n.decimals, n.grouped, marker or m["tail"] or _sup(m))


def _sup(m: re.Match[str]) -> str | None:
    sup = m["sup"]
    return sup.translate(str.maketrans(_SUPER, "0123456789")) if sup else None


def format_prose_number(value: float, decimals: int = 0, *, apostrophe: bool = False) -> str:
    """es-MX as printed in the reports: ``1,107``, ``2,925.6``; ``13'367,618`` with ``apostrophe``."""
    text = f"{abs(value):,.{decimals}f}"
    if apostrophe:
        head, _, tail = text.partition(".")
        groups = head.split(",")
        if len(groups) > 2:
            head = ",".join(groups[:-2]) + "'" + ",".join(groups[-2:])
        text = head + ("." + tail if tail else "")
    return ("-" if value < 0 and float(text.replace(",", "").replace("'", "")) else "") + text
