"""What a prose figure counts: the noun after it (``consultas`` -> ``consulta``), or a currency.

Spanish puts the counted noun right after the figure and its scale word (``8 mil pacientes``,
``2.9 millones de niñas``), so the unit is the next word when it can be a noun: not a function
word, a verb, an adverb in ``-mente`` or a participle (``las 988,975 establecidas``).
"""

from __future__ import annotations

import re
from functools import lru_cache

_CURRENCY = re.compile(
    r"\s*(?:de\s+)?(?P<cur>pesos|peso|dólares|dolares|dólar|mdp|mdd|mmdp|MXN|USD)(?![^\W\d_])", re.IGNORECASE
)
CURRENCIES = {"peso": "MXN", "pesos": "MXN", "mdp": "MXN", "mmdp": "MXN", "mxn": "MXN"}
"""Everything else the regex takes is dollars."""
IMPLIED_SCALE = {"mdp": 1e6, "mdd": 1e6, "mmdp": 1e9}
"""``mdp`` = millones de pesos, ``mdd`` = millones de dólares, ``mmdp`` = miles de millones de pesos."""

_PERCENT_WORDS = re.compile(
    r"\s+(?:(?P<pc>por\s+ciento)|(?P<pp>puntos?\s+porcentual(?:es)?))\b", re.IGNORECASE
)

_WORD = re.compile(
    r"\s+(?:(?P<de>de)\s+)?(?:(?:nuev[oa]s?|distint[oa]s|diferentes|diversas|diversos)\s+)?"
    r"(?P<w>[^\W\d_]{2,}(?:-[^\W\d_]+)?)"
)
# fmt: off
_NOT_NOUNS = frozenset(
    """
a al ante bajo cada como con contra cual cuales de del desde donde durante e el ella ellas ellos en entre
es esa esas ese eso esos esta estas este esto estos fue fueron ha han hasta hay la las le les lo los mas más
menos mientras mil millones millón miles billones ni no o para pero por porque que quien se ser si sin sobre
son su sus también tan tanto tras u un una unas uno unos y ya vs respecto frente cifra cifras mismo misma
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
aproximadamente alrededor casi solo sólo hubo había será serán están está estuvo lograron logró
""".split()  # noqa: SIM905
)
# fmt: on
_PARTICIPLE_ENDS = ("ados", "adas", "idos", "idas", "ado", "ada", "ido", "ida", "mente", "aron", "ieron")
_ROMAN = re.compile(r"^[IVXLC]+$")
_SHORT_OK = frozenset({"vida", "nido", "partida", "unidad"})


def currency_after(text: str, pos: int) -> tuple[str, float, int] | None:
    """(ISO code, implied scale, end) of a currency word right at ``pos`` (``de pesos``, ``mdp``)."""
    m = _CURRENCY.match(text, pos)
    if not m:
        return None
    word = m["cur"].lower()
    return CURRENCIES.get(word, "USD"), IMPLIED_SCALE.get(word, 1.0), m.end()


def percent_after(text: str, pos: int) -> tuple[str, int] | None:
    """(unit, end) when ``por ciento`` or ``puntos porcentuales`` follows the figure."""
    m = _PERCENT_WORDS.match(text, pos)
    if not m:
        return None
    return ("%" if m["pc"] else "punto porcentual"), m.end()


def noun_after(text: str, pos: int, *, scaled: bool) -> str | None:
    """The counted noun right after ``pos``, singular and lower-case (acronyms kept), or None.

    ``de`` may sit between a scale word and the noun (``2.9 millones de niñas``) but not after a
    bare figure, where it opens a partitive (``739,853 de las 988,975``).
    """
    m = _WORD.match(text, pos)
    if not m or (m["de"] and not scaled):
        return None
    return _noun(m["w"])


@lru_cache(maxsize=4096)
def _noun(word: str) -> str | None:
    """The counted noun ``word`` stands for, or None (reports repeat their nouns: cached)."""
    if word.isupper() and len(word) >= 2:
        return None if _ROMAN.match(word) else word
    low = word.lower()
    if low in _NOT_NOUNS or (low.endswith(_PARTICIPLE_ENDS) and low not in _SHORT_OK):
        return None
    return singular(low)


_ACCENT_OFF = str.maketrans("áéíóú", "aeiou")
_VOWELS = frozenset("aeiouáéíóú")
_KEEP_E = frozenset({"sedes", "tarifes"})


def singular(word: str) -> str:
    """Spanish plural to singular for the nouns reports count: ``consultas`` -> ``consulta``.

    ``-ces`` -> ``-z`` (``veces``), ``-iones``/``-ones`` -> ``-ión``/``-ón``, ``-es`` after a
    consonant that cannot end a Spanish plural stem with ``-s`` (``hospitales``, ``mujeres``,
    ``unidades``), otherwise drop the ``-s``. Words ending in ``-is``/``-us`` are invariable.
    """
    w = word.lower()
    if len(w) < 4 or not w.endswith("s") or w.endswith(("is", "us", "ás", "és", "ís", "ós", "ús")):
        return w
    if w.endswith("ces"):
        return w[:-3] + "z"
    if w.endswith("iones"):
        return w[:-5] + "ión"
    if w.endswith("ones") and len(w) > 5:
        return w[:-4] + "ón"
    if w.endswith("enes") and any(c in w[:-4] for c in "áéíóú"):  # jóvenes, exámenes, órdenes
        return w[:-2].translate(_ACCENT_OFF)
    if w.endswith("ses"):  # meses, países; but clases, bases
        return w[:-2] if w[-4] in "eí" else w[:-1]
    if w.endswith("es") and w[-3] in "lrndjy" and w[-4] in _VOWELS and w not in _KEEP_E:
        return w[:-2]
    return w[:-1]
