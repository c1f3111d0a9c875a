"""Document identity: kind, title, period, date and id, from the text alone."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.recognize import Identity, recognize
from tui.corpus.recognize_text import find_dates, proper_case, slugify, words_to_int

# --- the real corpus -------------------------------------------------------------------------

EXPECTED = {
    "000": ("convenio-imss-croc-2023", "convenio", "2023", "2023-09-26"),
    "001": ("ilpa-2019-2020", "informe", "2019-2020", None),
    "002": ("plan-cnop-sntss-2014", "plan", "2014", "2014-01-15"),
    "003": ("manual-organizacion-jefatura-servicios-salud-trabajo", "manual", "2022", "2022-09-01"),
    "004": ("ilpa-2024-2025", "informe", "2024-2025", None),
}
TITLES = {
    "000": "Convenio de Colaboración entre el IMSS y la CROC",
    "001": "Informe de Labores 2019-2020 y Programa de Actividades 2020-2021",
    "002": "Plan de Acción Conjunto de la CNOP y el SNTSS",
    "003": (
        "Manual de Organización de la Jefatura de Servicios de Salud en el Trabajo, "
        "Prestaciones Económicas y Sociales"
    ),
    "004": "Informe de Labores y Programa de Actividades 2024-2025",
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_corpus_documents_are_recognised(corpus_lines, prefix):
    ident = recognize(corpus_lines(prefix))
    assert (ident.doc_id, ident.kind, ident.period, ident.date) == EXPECTED[prefix]
    assert ident.title == TITLES[prefix]


def test_corpus_ids_are_distinct(corpus_lines):
    ids = {recognize(corpus_lines(p)).doc_id for p in EXPECTED}
    assert len(ids) == len(EXPECTED)


def test_identity_is_frozen():
    ident = Identity("x", "X", "otro", None, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ident.title = "y"  # type: ignore[misc]


# --- small snippets --------------------------------------------------------------------------


def test_unknown_document_is_otro_titled_by_its_first_heading():
    lines = ["", "  ", "Lineamientos para el uso de salas de juntas 2021-2022", "", "Texto del documento."]
    ident = recognize(lines)
    assert ident.kind == "otro"
    assert ident.title == "Lineamientos para el uso de salas de juntas 2021-2022"
    assert ident.doc_id == "lineamientos-para-el-uso-de-salas-de"
    assert len(ident.doc_id) <= 40
    assert ident.period == "2021-2022"
    assert ident.date is None


def test_otro_title_in_capitals_is_recased():
    ident = recognize(["REGLAS DE OPERACIÓN DEL COMITÉ DE ÉTICA (CE)", "", "El Comité de Ética (CE) es…"])
    assert ident.kind == "otro"
    assert ident.title == "Reglas de Operación del Comité de Ética (CE)"


def test_convenio_snippet_takes_parties_and_the_signing_date_from_the_closing():
    lines = [
        " CONVENIO DE COORDINACIÓN, QUE CELEBRAN, POR UNA PARTE, EL INSTITUTO NACIONAL DE PRUEBAS,",
        "EN LO SUCESIVO “EL INP”, Y POR LA OTRA, LA UNIÓN DE EJEMPLOS, EN LO SUCESIVO “LA UDE”,",
        "AL TENOR DE LAS SIGUIENTES:",
        "",
        "I. El 3 de mayo de 2001, las partes suscribieron un convenio anterior.",
        *["texto"] * 5,
        "Leído que fue, lo firman por duplicado el 4 de febrero de 2019.",
    ]
    ident = recognize(lines)
    assert ident.kind == "convenio"
    assert ident.doc_id == "convenio-inp-ude-2019"
    assert ident.title == "Convenio de Coordinación entre el INP y la UDE"
    assert ident.date == "2019-02-04"


def test_informe_with_one_period():
    lines = ["ILPA", "", "**Informe de", "Labores y", "Programa de", "Actividades**", "", "2030-2031"]
    ident = recognize(lines)
    assert (ident.kind, ident.doc_id, ident.period) == ("informe", "ilpa-2030-2031", "2030-2031")


def test_manual_found_from_a_page_header():
    lines = [
        " 1. Introducción ",
        "Texto.",
        "",
        "MANUAL DE ORGANIZACIÓN DE LA COORDINACIÓN DE PRUEBAS ",
        "",
        "Vigencia, 01 de marzo de 2020",
    ]
    ident = recognize(lines)
    assert ident.kind == "manual"
    assert ident.title == "Manual de Organización de la Coordinación de Pruebas"
    assert ident.doc_id == "manual-organizacion-coordinacion-pruebas"
    assert ident.date == "2020-03-01"


# --- helpers ---------------------------------------------------------------------------------


def test_dates_in_words_and_digits():
    found = find_dates("a los 26 días del mes de septiembre dos mil veintitrés. EL 1° DE JULIO DEL 2020")
    assert [d for d, _ in found] == ["2023-09-26", "2020-07-01"]


def test_proper_case_keeps_acronyms_and_small_words():
    assert proper_case("PLAN DE ACCIÓN DE LA CNOP", {"CNOP"}) == "Plan de Acción de la CNOP"
    assert proper_case("Ya en minúsculas", set()) == "Ya en minúsculas"


@given(st.text(alphabet=st.characters(codec="latin-1"), max_size=60))
def test_proper_case_never_fails_and_keeps_letters(text):
    out = proper_case(text, set())
    assert out.lower() == " ".join(text.split()).lower()


_UNITS = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
_TENS = {2: "veinti", 3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta"}


@given(st.integers(min_value=2000, max_value=2089))
def test_years_in_words(year):
    rest = year - 2000
    tens, unit = divmod(rest, 10)
    if rest < 10:
        words = _UNITS[rest]
    elif rest < 20:
        words = ["diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
                 "dieciocho", "diecinueve"][unit]  # fmt: skip
    elif tens == 2:
        words = (
            "veinte"
            if unit == 0
            else "veinti" + {"dos": "dós", "tres": "trés", "seis": "séis"}.get(_UNITS[unit], _UNITS[unit])
        )
    else:
        words = _TENS[tens] + (f" y {_UNITS[unit]}" if unit else "")
    assert words_to_int(f"dos mil {words}".strip()) == year


@given(st.text(max_size=80))
def test_slug_is_short_ascii_lowercase(text):
    slug = slugify(text, 40)
    assert len(slug) <= 40
    assert all(c.isascii() and (c.islower() or c.isdigit() or c == "-") for c in slug)
    assert not slug.startswith("-") and not slug.endswith("-")
