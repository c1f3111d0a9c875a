"""Exhibit metadata and boundaries: note calls out of titles, wrapped titles, chart notes,
where a chart without a source ends, and single-value rows kept in their table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.captions import clean_heading, join_notes
from tui.corpus.exhibits import find_exhibits
from tui.corpus.tables_space import parse_space_table


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Tasa de letalidad1/, 2000-2020", "Tasa de letalidad, 2000-2020"),
        ("Consultas otorgadas, 2011-20201/ ", "Consultas otorgadas, 2011-2020"),
        ("Altas, 2011-20202/", "Altas, 2011-2020"),
        ("(enero de 2018-mayo de 2020)1/", "(enero de 2018-mayo de 2020)"),
        ("Personas en el PROGRAMA-X2/", "Personas en el PROGRAMA-X"),
        ("Quejas y/o denuncias", "Quejas y/o denuncias"),
        ("Atención 24/7 por teléfono", "Atención 24/7 por teléfono"),
        ("Monto de 3,5001/", "Monto de 3,5001/"),
    ],
)
def test_glued_note_calls_leave_titles(raw, clean):
    assert clean_heading(raw) == clean


@given(st.sampled_from(["Altas", "Consultas (miles)", "Tasa, 2015-2020"]), st.integers(1, 19))
def test_any_glued_call_is_removed(title, n):
    assert clean_heading(f"{title}{n}/") == title


def test_tab_justified_note_reads_as_words_but_a_grid_row_keeps_cells():
    notes = join_notes(
        ["2/\tincluye\tlas\taltas\tpor\tmejoría\ty\tpor\tdefunción.\t\t", "Total\t5\t3,846\t1.3"]
    )
    assert notes == "2/ incluye las altas por mejoría y por defunción.\nTotal | 5 | 3,846 | 1.3"


SPACE_DOC = [
    "Texto anterior del capítulo.",  # 1
    "",
    "GRÁFICA III.4. ",  # 3
    "Ingreso por cuotas del régimen (incluye al propio patrón)  ",
    "",
    "y meta de la Ley de Ingresos, 2012-20181/",  # 6
    "",
    "(miles de millones de pesos)",  # 8
    " 1/\tla\tmeta\tcorresponde\ta\tla\taprobada\tpor\tel\tCongreso\tde\tla",  # 9
    "Unión\tpara\tcada\tejercicio.",
    "Fuente: Dirección de Finanzas, IMSS.",  # 11
    "",
    "GRÁFICA III.5. ",  # 13
    "Consultas por telemedicina, 2016-20201/ ",
    " Hospitales Regionales de Alta Especialidad en la Ciudad ",  # 15
    "de México y en Jalisco, con la finalidad de brindar ",
    "capacitación al personal médico.",
    "",
    "GRÁFICA III.6. ",  # 19
    "Distribución de montos asignados a la ocurrencia de ",
    "",
    "siniestros cubiertos por la póliza institucional, ",
    "registrados en el periodo  ",
    "",
    "del 1 de enero al 31 de diciembre de 2019 ",  # 25
    "(importe en millones de pesos)",
    "",
    "Área Médica",
    "• Mejorar el proceso de atención en consultorios.",  # 29
    "• Ampliar el registro de la agenda de citas médicas.",
    "",
    "Fuente: IMSS.",  # 32
]


@pytest.fixture(scope="module")
def space_exhibits():
    return {e.number: e for e in find_exhibits("d", SPACE_DOC, set())}


def test_title_wrapped_after_a_parenthesis_and_tab_justified_notes(space_exhibits):
    ex = space_exhibits["III.4"]
    assert (
        ex.title
        == "Ingreso por cuotas del régimen (incluye al propio patrón) y meta de la Ley de Ingresos, 2012-2018"
    )
    assert ex.subtitle == "(miles de millones de pesos)"
    assert ex.notes == "1/ la meta corresponde a la aprobada por el Congreso de la Unión para cada ejercicio."
    assert ex.source == "Dirección de Finanzas, IMSS." and {9, 10, 11} <= ex.lines


def test_chart_without_source_ends_where_a_new_text_block_starts(space_exhibits):
    ex = space_exhibits["III.5"]
    assert ex.title == "Consultas por telemedicina, 2016-2020"
    assert ex.line_end == 14 and not ex.lines & {15, 16, 17}


def test_long_title_and_bullets_of_the_picture(space_exhibits):
    ex = space_exhibits["III.6"]
    assert ex.title.endswith("registrados en el periodo del 1 de enero al 31 de diciembre de 2019")
    assert ex.subtitle == "(importe en millones de pesos)"
    assert {28, 29, 30, 32} <= ex.lines  # the picture's own bullets are not prose


def test_rows_with_one_value_and_many_small_words_stay_rows():
    body = [
        (1, "actividad 2019-2020"),
        (2, ""),
        (3, "Consultas de la unidad de atención primaria 7'914,551"),
        (4, ""),
        (5, "Detección de exploración de mama en la unidad 307,485"),
        (6, ""),
        (7, "Revisión de la integridad de la piel de los "),
        (8, "pies en pacientes 1'045,633"),
        (9, ""),
        (10, "Total de atenciones 9'267,669"),
    ]
    grid = parse_space_table(body)
    labels = [c.text for c in grid.cells if c.col == 0]
    assert not grid.prose
    assert "Revisión de la integridad de la piel de los pies en pacientes" in labels
    assert "Detección de exploración de mama en la unidad" in labels


def test_prose_between_rows_still_goes_back_to_the_paragraphs():
    body = [
        (1, "Concepto 2019"),
        (2, "Altas 1,234"),
        (3, "durante el periodo se registraron en total 1,234 "),
        (4, "altas de pacientes que fueron atendidos en las unidades"),
        (5, "médicas de segundo nivel de atención del Instituto."),
        (6, "Bajas 567"),
    ]
    assert parse_space_table(body).prose == {3, 4, 5}


# --- the real reports -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_001(corpus_dir):
    from tui.corpus.pipeline import parse_document

    path = sorted(corpus_dir.glob("001*.txt"))[0]
    return parse_document(path.name, path.read_bytes())


def _ex(doc, slug):
    return next(e for e in doc.exhibits if e.exhibit_id.endswith(":" + slug))


def test_001_titles_carry_no_note_calls(report_001, corpus_lines):
    import re

    glued = re.compile(r"\d/|\^\{")
    assert [e.label for e in report_001.exhibits if glued.search(f"{e.title} {e.subtitle or ''}")] == []
    docs = {e.number: e for e in find_exhibits("004", corpus_lines("004"), set())}
    assert not [n for n, e in docs.items() if glued.search(f"{e.title} {e.subtitle or ''}")]


def test_001_note_calls_still_have_their_notes(report_001):
    ii2 = _ex(report_001, "tabla-ii-2")
    assert ii2.subtitle == "(julio de 2019-junio de 2020)"
    assert ii2.notes == "1/ Las cifras a junio de 2020 son estimadas."
    v5 = _ex(report_001, "grafica-v-5")
    assert v5.title == "Población derechohabiente y adscrita, sin IMSS-BIENESTAR, 2010-2020"
    notes = v5.notes.split("\n")
    assert [n[:3] for n in notes] == ["1/ ", "2/ ", "3/ "]
    assert notes[1].endswith("con prestaciones distintas en cada rol.")
    assert _ex(report_001, "grafica-v-6").notes.endswith(
        "4/ Personas con tres o más tipos de afiliación. el promedio es de 3.1 afiliaciones."
    )


def test_001_wrapped_titles(report_001):
    v1 = _ex(report_001, "grafica-v-1")
    assert v1.title.endswith(
        "(incluye IMSS como patrón) y meta de la Ley de Ingresos de la Federación, 2010-2019"
    )
    assert v1.subtitle == "(miles de millones de pesos de 2019)"
    viii9 = _ex(report_001, "grafica-viii-9")
    assert viii9.title.endswith("ocurridos en el periodo del 1 de julio de 2019 al 30 de junio de 2020")
    assert viii9.subtitle == "(importe en millones de pesos)"
    assert _ex(report_001, "tabla-iii-2").title == "Cédulas de verificación de medidas de seguridad aplicadas"
    assert (
        _ex(report_001, "tabla-iv-2").title
        == "Adquisición de equipo y mobiliario médico, julio 2019-junio 2020"
    )


def test_001_table_rows_are_not_paragraphs(report_001):
    ii29 = _ex(report_001, "tabla-ii-29")
    labels = [c.text for c in ii29.cells if c.col == 0]
    assert labels[-6:-4] == [
        "Detección de exploración de mama",
        "Revisión de la integridad de la piel en los pies",
    ]
    assert len([c for c in _ex(report_001, "tabla-ix-9").cells if c.col == 1]) == 23
    by_start = {p.line_start: p.text for p in report_001.paragraphs}
    assert by_start[16229] == "Atención a la diabetes mellitus e hipertensión arterial sistémica"
    # Tables of figures (a text-only table, e.g. risks and measures, may still read as prose).
    tables = [e for e in report_001.exhibits if sum(c.value is not None for c in e.cells) > e.n_rows]
    inside = [
        p.line_start
        for p in report_001.paragraphs
        for e in tables
        if e.line_start <= p.line_start <= e.line_end and p.text.split()[-1][:1].isdigit() and e.cells
    ]
    assert inside == []


def test_001_charts_end_before_the_prose_that_follows(report_001):
    by_start = {p.line_start: p.text for p in report_001.paragraphs}
    assert _ex(report_001, "grafica-ii-27").line_end == 13995
    assert by_start[13996].startswith("Excelencia Clínica y Quirúrgica (CeSiECQ) en la Ciudad de México;")
    assert (
        by_start[28164]
        == "Código Infarto proporciona las Unidades Médicas más cercanas a tu posición con este servicio."
    )
    assert by_start[4512] == "Aunado a lo anterior, se realizaron las siguientes acciones:"
    assert (
        _ex(report_001, "tabla-i-8").notes
        == "Nota: Despliegue de elementos durante el periodo de marzo a junio de 2020."
    )


CHART_DEBRIS = [
    "En 2019 el superávit creció (gráfica IV.2).",  # 1
    "",
    "6,388",  # 3
    "",
    "9,420",
    "",
    "2017 2018 2019",  # 7
    "",
    "GRÁFICA IV.2. ",  # 9
    "Balance de operación, 2017-2019",
    "",
    "Fuente: Dirección de Finanzas, IMSS.",  # 12
    "",
    "Julio Agosto Septiembre",  # 14
    "2018-2019 2019-2020",
    "- ",
    "",
    "que permiten atender a la población.",  # 18
    "",
    "GRÁFICA IV.3. ",  # 20
    "Ingresos, 2019",
    "",
    "Fuente: IMSS.",
    "",
    "12",  # 25: one stray number is not a picture
    "",
    "Texto que sigue.",
]


def test_chart_values_and_axis_labels_beside_a_chart_are_part_of_it():
    iv2, iv3 = find_exhibits("d", CHART_DEBRIS, set())
    assert {3, 5, 7, 14, 15, 16} <= iv2.lines and iv2.line_start == 9 and iv2.line_end == 16
    assert not iv2.lines & {1, 18}
    assert 25 not in iv3.lines and iv3.line_end == 23


def test_001_chart_pieces_are_not_paragraphs(report_001):
    starts = {p.line_start: p.text for p in report_001.paragraphs}
    assert not {27418, 27430, 27585, 27625, 30248} & set(starts)
    assert starts[27635].startswith("que permitan un acercamiento del IMSS al ciudadano,")
    vi14 = _ex(report_001, "grafica-vi-14")
    assert vi14.line_start == 27580 and vi14.line_end == 27627


HEADINGS = [
    "TABLA VI.2. ",  # 1
    "Compra de bienes de consumo y servicios, ",
    "",
    "enero 2019-junio 2019",  # 4: a title cut after a comma goes on, digits and all
    "(millones de pesos)",
    "",
    "Concepto monto 2019",
    "Papelería 100",
    "",
    "Fuente: IMSS.",  # 10
    "",
    "TABLA VI.3. ",  # 12
    "Unidades que firmaron convenio en sus instalaciones ",
    "",
    "ooaD Unidad Firma de Convenio No. de ",  # 15: small-caps column heads, not title
    "unidad",
    "",
    "Norte Banco del Centro 7/4/2018 120",
    "",
    "Fuente: IMSS.",  # 20
    "",
    "GRÁFICA VI.4. ",  # 22
    "Opinión sobre la atención recibida  ",
    "",
    "por tipo de unidad, 2019",
    "(porcentaje de personas usuarias  ",  # 26: a units line wrapped over a blank line
    "",
    "muy satisfechas o satisfechas)",
    "",
    "Fuente: Encuesta de satisfacción, IMSS.",  # 30
]


def test_titles_cut_after_a_comma_units_wrapped_and_heads_left_out():
    vi2, vi3, vi4 = find_exhibits("d", HEADINGS, set())
    assert vi2.title == "Compra de bienes de consumo y servicios, enero 2019-junio 2019"
    assert vi2.subtitle == "(millones de pesos)"
    assert vi3.title == "Unidades que firmaron convenio en sus instalaciones"
    assert vi4.title == "Opinión sobre la atención recibida por tipo de unidad, 2019"
    assert vi4.subtitle == "(porcentaje de personas usuarias muy satisfechas o satisfechas)"


def test_001_titles_cut_after_a_comma_and_wrapped_units(report_001):
    iv1 = _ex(report_001, "tabla-iv-1")
    assert (iv1.title, iv1.subtitle) == (
        "Adquisición de bienes de inversión y activos, julio 2019-junio 2020",
        "(millones de pesos)",
    )
    assert [c.text for c in iv1.cells if c.col == 0][-1] == "Monto máximo total"
    assert _ex(report_001, "grafica-vi-3").title.endswith("materia laboral, al 30 junio de 2020")
    assert (
        _ex(report_001, "tabla-iii-3").title == "Empresas que han habilitado guarderías en sus instalaciones"
    )
    x6 = _ex(report_001, "grafica-x-6")
    assert x6.title == "Satisfacción con la atención médica por tipo de servicio, 2019"
    assert x6.subtitle == "(porcentaje de personas usuarias muy satisfechas o satisfechas)"


def test_sources_for_two_things_keep_what_each_is_for():
    lines = [
        "GRÁFICA II.9. ",
        "Tasa de mortalidad, 2000-2018",
        "",
        "Fuente Defunciones: Instituto de Estadística.",
        "Fuente Poblaciones: Consejo de Población.",
    ]
    (ex,) = find_exhibits("d", lines, set())
    assert ex.source == "Defunciones: Instituto de Estadística. Poblaciones: Consejo de Población."
    # ``Fuente Narváez`` in prose is not a source.
    assert not find_exhibits("d", [*lines[:3], "Fuente Narváez dijo que los datos son preliminares."], set())[
        0
    ].source


def test_001_two_part_sources(report_001):
    assert _ex(report_001, "grafica-ii-18").source == (
        "Defunciones: Instituto Nacional de Estadística y Geografía. "
        "Poblaciones: IMSS y Estimaciones Consejo Nacional de Población-El Colegio de México."
    )


def test_a_key_right_under_the_source_is_a_note():
    lines = [
        "Se destinarán todos",  # 1
        "TABLA I.9.",
        "Unidades temporales",
        "",
        "Unidad Camas",
        "Norte 100",
        "Total 100",
        "",
        "Fuente: Coordinación de Infraestructura.",  # 9
        "UMT: Unidad Médica Temporal.",  # 10
        " los recursos a la emergencia.",  # 11
    ]
    (ex,) = find_exhibits("d", lines, set())
    assert ex.notes == "UMT: Unidad Médica Temporal." and ex.line_end == 10 and 11 not in ex.lines


def test_001_sentence_cut_by_a_chart_and_a_table_reads_as_one(report_001):
    assert _ex(report_001, "tabla-i-4").notes == "SMI: Servicios Médicos Integrales."
    (para,) = [p for p in report_001.paragraphs if p.line_start <= 3163 <= p.line_end]
    assert para.line_start == 3031
    assert "se destinarán todos los recursos tanto humanos como administrativos" in para.text


def test_italic_pairs_are_dropped_but_lone_asterisks_kept():
    from tui.corpus.captions import clean

    assert clean("Adaptado de Reich, *et al.*, 2024.") == "Adaptado de Reich, et al., 2024."
    assert clean("*Valor de referencia\t2.0-6.0") == "*Valor de referencia 2.0-6.0"
    assert clean("6,760.3 mdp* en 2025") == "6,760.3 mdp* en 2025"
