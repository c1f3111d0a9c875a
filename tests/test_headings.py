"""Heading text repair: small caps, markup, ligatures, homoglyphs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.headings import SECTION_RE, clean_heading, is_caps_like, roman_to_int


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("CaPÍTULo I. aCCIoNES rEaLIZaDaS Por EL ImSS", "Capítulo I. Acciones realizadas por el IMSS"),
        (
            "II.1. LogroS Y rESULTaDoS mÁS RELEVANTES 2019-2020",
            "II.1. Logros y resultados más relevantes 2019-2020",
        ),
        ("DIrECCIÓN DE PrESTaCIoNES mÉDICaS", "Dirección de Prestaciones Médicas"),
        ("aCTIVIDaDES rELEVaNTES DEL H. CoNSEJo TÉCNICo", "Actividades relevantes del H. Consejo Técnico"),
        ("ANTE La CoNTINgENCIa POR COVID-19", "Ante la contingencia por COVID-19"),
        ("II.4. Programa IMSS-BIENESTAR", "II.4. Programa IMSS-BIENESTAR"),
        ("SISTEMA DE CoNTrarrEFErENCIa10", "Sistema de contrarreferencia"),
        ("**Gráfica I.1.", "Gráfica I.1."),
        ("  Programa   *Vive Saludable*  ", "Programa Vive Saludable"),
        ("II.2.2. Enfermedades transmисibles", "II.2.2. Enfermedades transmisibles"),
        ("Acciones de f iscalización para identif icar", "Acciones de fiscalización para identificar"),
        ("I.1. Contexto, desafíos y oportunidades", "I.1. Contexto, desafíos y oportunidades"),
        ("PND", "PND"),
    ],
)
def test_clean_heading(raw: str, clean: str) -> None:
    assert clean_heading(raw) == clean


def test_is_caps_like_tells_small_caps_from_prose() -> None:
    assert is_caps_like("rEgISTro INSTITUCIoNaL")
    assert is_caps_like("SIGLAS Y")
    assert not is_caps_like("Registro institucional de cáncer")
    assert not is_caps_like("Programa")


def test_roman_to_int() -> None:
    assert [roman_to_int(r) for r in ("I", "IV", "IX", "XI", "VIII")] == [1, 4, 9, 11, 8]
    assert roman_to_int("IIII") == 0
    assert roman_to_int("") == 0


def test_section_regex() -> None:
    m = SECTION_RE.match(" IV.2.10. Programa DE ")
    assert m and m.group(1) == "IV" and m.group(2) == "2" and m.group(3) == ".10"
    assert SECTION_RE.match("Capítulo II. Mejora") is None


@given(st.text())
def test_clean_heading_never_raises_and_is_idempotent(text: str) -> None:
    once = clean_heading(text)
    assert clean_heading(once) == once


@given(st.lists(st.sampled_from(["DE", "ImSS", "rESULTaDoS", "H.", "Y", "II.1.", "COVID-19", "LA", "mÁS"])))
def test_clean_heading_idempotent_on_heading_like_text(words: list[str]) -> None:
    once = clean_heading(" ".join(words))
    assert clean_heading(once) == once


def _caps_like_reference(text: str) -> bool:
    """The plain definition is_caps_like must keep: >= 40% capitals, lower case only from small caps."""
    from tui.corpus.headings import _MANGLED_LOWER

    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or sum(c.isupper() for c in letters) < 0.4 * len(letters):
        return False
    return all(c.isupper() or c in _MANGLED_LOWER for c in letters)


@given(st.text(alphabet="ABCÁÑabgjmoóqruúñxyz 1.-", max_size=16))
def test_is_caps_like_matches_its_definition(text) -> None:
    assert is_caps_like(text) == _caps_like_reference(text)
