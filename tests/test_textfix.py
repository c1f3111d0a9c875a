"""Prose repairs: ligature splits, markup, homoglyphs, whitespace, line joins."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.textfix import ends_sentence, is_source_line, join_fragments, join_lines, repair_text


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("un aumento signif icativo de", "un aumento significativo de"),
        ("en la of icina central", "en la oficina central"),
        ("la f iscalización y el f in", "la fiscalización y el fin"),
        ("para identif icar casos", "para identificar casos"),
        ("Clasif icación de unidades", "Clasificación de unidades"),
        ("a f in de que", "a fin de que"),
    ],
)
def test_ligature_split_is_joined(raw: str, fixed: str) -> None:
    assert repair_text(raw) == fixed


@pytest.mark.parametrize(
    "text",
    ["el cuestionario Bref inicial y final", "the quality of information", "un chef italiano"],
)
def test_real_words_ending_in_f_stay_apart(text: str) -> None:
    assert repair_text(text) == text


def test_markup_is_removed() -> None:
    assert repair_text("- **Enconsa** con *Aedes aegypti*") == "- Enconsa con Aedes aegypti"
    assert repair_text('<ul style="list-style-type: none"> <p>Logros:</p></ul>') == "Logros:"
    assert repair_text("vía <i>host to host</i>") == "vía host to host"
    assert repair_text("ver <https://www.inegi.org.mx/app>.") == "ver https://www.inegi.org.mx/app ."


def test_cyrillic_homoglyphs_become_latin() -> None:
    # A letter with no Latin look-alike (и) means the word was transliterated: с reads as s.
    assert repair_text("Enfermedades transm\u0438\u0441ibles") == "Enfermedades transmisibles"
    # Only look-alikes: a homoglyph slip, с reads as c.
    assert repair_text("La \u0421omisi\u043en con \u0421omit\u00e9") == "La Comision con Comité"


def test_whitespace_and_soft_hyphens() -> None:
    assert repair_text("  uno\t dos\u00a0 tres \n cua\u00adtro ") == "uno dos tres cuatro"


def test_join_keeps_real_hyphen_and_drops_soft_one() -> None:
    assert join_fragments("Médico-", "Laboral") == "Médico-Laboral"
    assert join_fragments("signi\u00ad", "ficativo") == "significativo"
    assert join_fragments("de la ", " población") == "de la población"
    assert join_fragments("pérdida de -", "2.4%") == "pérdida de - 2.4%"


def test_join_lines_glues_a_url_cut_at_the_line_end() -> None:
    parts = ["Disponible en: https://www.youtube.com/", "watch?v=abc", "y otros."]
    assert join_lines(parts) == "Disponible en: https://www.youtube.com/watch?v=abc y otros."


def test_ends_sentence() -> None:
    assert ends_sentence("por COVID-19.")
    assert ends_sentence("las siguientes acciones: ")
    assert ends_sentence("(primer semestre de 2019).**")
    assert not ends_sentence("la diabetes mellitus que, de")
    assert not ends_sentence("(tabla II.1)")


def test_source_lines() -> None:
    assert is_source_line(" Fuente: IMSS.")
    assert is_source_line("• Fuente: Dirección de Prestaciones Médicas, IMSS.")
    assert is_source_line("Fuente Defunciones: INEGI")
    assert not is_source_line("Fuente Narváez, al norte de la ciudad")


_pieces = list("abcfi ÁéñF*<>/p-.\t\u00ad\u0438\u0441") + ["<p>", "**", "f i", "of ", "<i>", "<http://x>"]
_prose = st.lists(st.sampled_from(_pieces), max_size=30).map("".join)


@given(st.text(max_size=200))
def test_repair_never_raises_and_is_idempotent(text: str) -> None:
    once = repair_text(text)
    assert repair_text(once) == once


@given(_prose)
def test_repair_is_idempotent_on_markup_heavy_text(text: str) -> None:
    once = repair_text(text)
    assert repair_text(once) == once
    assert "**" not in once and "<p>" not in once


_PIECES = ["uno", "dos-", "Médico-", "tres\u00ad", "www.x.org/", " ", "", "a=", "Laboral"]


@given(st.lists(st.sampled_from(_PIECES), max_size=6))
def test_join_lines_plain_case_is_spaces(parts) -> None:
    pieces = [p.strip() for p in parts if p.strip()]
    joined = join_lines(parts)
    if not any(p[-1] in "\u00ad/&=?_%-" for p in pieces[:-1]):
        assert joined == " ".join(pieces)
    assert len(joined) <= len(" ".join(pieces))


@given(st.text(alphabet=" \t\n\u00a0\u2009\u00adab.·", max_size=20))
def test_squeeze_spaces_is_split_and_join(text) -> None:
    from tui.corpus.textfix import _squeeze_spaces

    assert _squeeze_spaces(text) == " ".join(text.split())


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("Сomisión del\u00ad Seguro", "Comisión del Seguro"),  # a homoglyph and a soft hyphen
        ("la\u200b Сomisión", "la Comisión"),
        ("transmисibles", "transmisibles"),
        ("sin\u2060 marcas", "sin marcas"),
        ("texto limpio, sin nada", "texto limpio, sin nada"),
    ],
)
def test_cyrillic_and_invisible_characters_found_in_one_pass(raw: str, fixed: str) -> None:
    assert repair_text(raw) == fixed
