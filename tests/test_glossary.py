"""Acronym lists: tab and space layouts, wrapped expansions, where a list ends."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.glossary import find_glossary, parse_entry

# --- the real corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def g004(corpus_lines):
    return find_glossary("ilpa-2024-2025", corpus_lines("004"))


@pytest.fixture(scope="module")
def g001(corpus_lines):
    return find_glossary("ilpa-2019-2020", corpus_lines("001"))


def _pairs(entries):
    return {(e.acronym, e.line_start): e.expansion for e in entries}


def test_2024_tab_list(g004):
    entries, consumed = g004
    assert len(entries) == 125
    pairs = _pairs(entries)
    assert pairs[("Afore", 12423)] == "Administradora de Fondos para el Retiro"
    assert pairs[("HGZ/MF", 12472)] == "Hospital General de Zona con Medicina Familiar"
    assert pairs[("IMSS", 12475)] == "Instituto Mexicano del Seguro Social"
    assert pairs[("VIH", 12550)] == "Virus de la inmunodeficiencia humana"
    assert entries[0].doc_id == "ilpa-2024-2025"
    # Heading + rows; the index row pointing at the list (a page number first) is not consumed.
    assert min(consumed) == 12421 and max(consumed) == 12550 and len(consumed) == 126


def test_2019_space_list_with_wrapped_expansions(g001):
    entries, consumed = g001
    assert len(entries) == 334
    pairs = _pairs(entries)
    assert pairs[("AISS", 39588)] == "Asociación Internacional de la Seguridad Social"  # blank line inside
    assert pairs[("TAES", 40224)] == "Tratamiento Acortado Estrictamente Supervisado"  # no connector
    assert pairs[("Enconsa CE y U", 39791)] == (
        "Encuesta de Confianza y Satisfacción en los Servicios de Consulta Externa y Urgencias"
    )
    assert pairs[("MAAGTICSI", 39939)].endswith("Comunicaciones y de Seguridad de la Información")
    assert pairs[("PAI", 40011)] != pairs[("PAI", 40012)]  # a duplicate key, both kept
    assert pairs[("Telecomm", 40230)] == "Telecomunicaciones de México"  # leading space
    assert pairs[("CRIT", 39751)] == "Centros de Rehabilitación e Inclusión Infantil Teletón"
    assert pairs[("CEPCI", 39643)] == "Comité de Ética y de Prevención de Conflictos de Interés"  # stray tab
    assert entries[-1].acronym == "WWGS"
    assert {39579, 39580, 39590} <= consumed  # split heading and a continuation line


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_documents_without_a_list(corpus_lines, prefix):
    assert find_glossary("d", corpus_lines(prefix)) == ([], set())


# --- small snippets --------------------------------------------------------------------------


def test_space_layout_snippet():
    lines = [
        "Texto previo.",
        "SIGLAS Y",
        "ACRÓNIMOS",
        "",
        "ABC Asociación Bastante ",
        "",
        "Complicada",
        "Cofa Comisión de ",
        "Fomento Agrícola",
        "XYZ Xilófono",
        "",
        "",
        "Gobierno de",
        "México",
    ]
    entries, consumed = find_glossary("d", lines)
    assert [(e.acronym, e.expansion, e.line_start) for e in entries] == [
        ("ABC", "Asociación Bastante Complicada", 5),
        ("Cofa", "Comisión de Fomento Agrícola", 8),
        ("XYZ", "Xilófono", 10),
    ]
    assert consumed == {2, 3, 5, 7, 8, 9, 10}


def test_tab_layout_and_markup():
    lines = [
        "## Glosario",
        "",
        "ONU\tOrganización de las Naciones Unidas",
        "**OEA**\tOrganización de los Estados Americanos",
        "PIB\tProducto interno bruto",
    ]
    entries, _ = find_glossary("d", lines)
    assert [(e.acronym, e.expansion) for e in entries] == [
        ("ONU", "Organización de las Naciones Unidas"),
        ("OEA", "Organización de los Estados Americanos"),
        ("PIB", "Producto interno bruto"),
    ]


def test_prose_after_a_heading_is_not_a_list():
    lines = [
        "Siglas",
        "",
        "En este documento las siglas se explican en el texto cuando aparecen por primera vez.",
        "Otra línea.",
    ]
    assert find_glossary("d", lines) == ([], set())


def test_heading_word_inside_prose_is_not_a_heading():
    lines = ["Las siglas y acrónimos", "ONU Organización", "OEA Organización", "PIB Producto"]
    assert find_glossary("d", lines) == ([], set())


def test_parse_entry():
    assert parse_entry("ISSSTE Instituto de Seguridad") == ("ISSSTE", "Instituto de Seguridad")
    assert parse_entry("Gobierno de") is None  # an expansion starts with a capital
    assert parse_entry("solo texto") is None


@given(
    st.from_regex(r"[A-Z]{2,6}", fullmatch=True),
    st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,8}){0,4}", fullmatch=True),
)
def test_tab_rows_round_trip(acronym, expansion):
    entries, consumed = find_glossary("d", ["Siglas", "", *[f"{acronym}{k}\t{expansion}" for k in range(3)]])
    assert [(e.acronym, e.expansion) for e in entries] == [(f"{acronym}{k}", expansion) for k in range(3)]
    assert consumed == {1, 3, 4, 5}
