"""Exhibits from captions: caption forms, metadata, cut-out lines, continuations, references."""

from __future__ import annotations

import re

import pytest

from tui.corpus.captions import CAPTION, parse_caption
from tui.corpus.exhibits import find_exhibits
from tui.corpus.model import Paragraph
from tui.corpus.refs import find_refs, mentions


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Cuadro I.1.", "Cuadro I.1"),
        ("**Cuadro II.2.", "Cuadro II.2"),
        ("Cuadro IV.8. Continuación", "Cuadro IV.8"),
        (" TABLA  II.3.  ", "Tabla II.3"),
        ("             TABLA IV.4.", "Tabla IV.4"),
        ("GRÁFICA I.1. ", "Gráfica I.1"),
        ("Gráfica II.10.", "Gráfica II.10"),
    ],
)
def test_caption_forms(line, label):
    cap = parse_caption(0, line)
    assert cap is not None and cap.label == label


@pytest.mark.parametrize(
    "line",
    [
        "(tabla I.1)",
        "el cuadro I.2 muestra",
        "gráfica X.6.",
        "se muestra en el cuadro IV.1.",
        "Cuadro I.1 muestra",
    ],
)
def test_prose_mentions_are_not_captions(line):
    assert parse_caption(0, line) is None


TAB_DOC = [
    "Texto previo que sigue",  # 1
    "",
    "**Cuadro II.4.",  # 3
    "Tasa de infecciones por mil días-paciente,",
    "Programa X, 2024-2025^{1/}**",
    "(millones de pesos)",
    "",
    "OOAD\tTasa\t\t",  # 8
    "\tInfecciones\tDías\tTasa*",
    "Norte\t5\t3,846\t1.3",
    "Total\t5\t3,846\t1.3",
    "",
    "IAAS: infecciones asociadas.",  # 13
    "^{1/} Corte a junio de",
    "2025.",
    "",
    "Fuente: base de datos de la plataforma,",  # 17
    "Programa X, IMSS.",
    "",
    "El texto sigue aquí.",  # 20
    "Gráfica II.1.",  # 21
    "",
    "Cobertura de acciones preventivas",
    "",
    " ",
    "",
    "Fuente: Sistema de Información.",  # 27
    "Fuente Narváez es un apellido en la prosa.",
]


def test_metadata_and_consumed_lines():
    table, chart = find_exhibits("d", TAB_DOC * 1, set())
    assert table.exhibit_id == "d:cuadro-ii-4" and table.kind == "table" and table.number == "II.4"
    # the marker calls the note kept in `notes`; the title reads without it
    assert table.title == "Tasa de infecciones por mil días-paciente, Programa X, 2024-2025"
    assert table.subtitle == "(millones de pesos)"
    assert table.notes == "IAAS: infecciones asociadas.\n1/ Corte a junio de 2025."
    assert table.source == "base de datos de la plataforma, Programa X, IMSS."
    assert table.columns == ["OOAD", "Tasa / Infecciones", "Tasa / Días", "Tasa / Tasa*"]
    assert (table.line_start, table.line_end) == (3, 18)
    assert table.lines == set(range(3, 19))
    assert {c.line for c in table.cells} == {10, 11}
    assert chart.kind == "chart" and not chart.cells and chart.source == "Sistema de Información."
    assert chart.lines == set(range(21, 28))


def test_skipped_lines_are_ignored():
    table, _ = find_exhibits("d", TAB_DOC, {10})
    assert {c.line for c in table.cells} == {11} and 10 not in table.lines


def test_blank_between_caption_and_title_and_split_title():
    lines = [
        "Cuadro I.2.",
        "",
        "Acciones más frecuentes",
        "",
        "Acción\tUnidades",
        "Uso\t109",
        "",
        "Fuente: IMSS.",
    ]
    (ex,) = find_exhibits("d", lines, set())
    assert ex.title == "Acciones más frecuentes" and ex.cells[-1].value == 109
    lines = ["TABLA I.1. ", "Supuestos para el cálculo de insumos de acuerdo con las ", "",
             "recomendaciones de la OMS y acuerdos sectoriales", "Fuente: IMSS."]  # fmt: skip
    (ex,) = find_exhibits("d", lines, set())
    assert ex.title.endswith("con las recomendaciones de la OMS y acuerdos sectoriales")


def test_continuation_is_merged_in_order():
    first = ["Cuadro IV.8.", "Inmuebles donados", "", "Ubicación\tProyecto", "Terreno A\tHospital", ""]
    second = [
        "Cuadro IV.8. Continuación",
        "",
        "Ubicación\tProyecto",
        "Terreno B\tClínica",
        "",
        "Fuente: IMSS.",
    ]
    lines = first + second
    (ex,) = find_exhibits("d", lines, set())
    assert [c.text for c in ex.cells if c.col == 0] == ["Terreno A", "Terreno B"]
    assert ex.source == "IMSS." and 7 in ex.lines and ex.line_end == 12


def test_truly_repeated_label_gets_a_suffix():
    lines = ["Cuadro I.1.", "Uno", "", "A\tB", "x\t1", "", "Fuente: IMSS.", "",
             "Cuadro I.1.", "Otro título", "", "A\tB", "y\t2", "", "Fuente: IMSS."]  # fmt: skip
    ids = [e.exhibit_id for e in find_exhibits("d", lines, set())]
    assert ids == ["d:cuadro-i-1", "d:cuadro-i-1-2"]


def test_malformed_exhibits_never_raise():
    assert find_exhibits("d", ["Cuadro I.1."], set())[0].problems
    lost = ["**Cuadro VI.1.", "Integración de procesos**", "", " ",
            "La Mesa de Servicios fue establecida como primer punto de contacto del personal."]  # fmt: skip
    (ex,) = find_exhibits("d", lost, set())
    assert not ex.cells and 5 not in ex.lines and "no table body in the text" in ex.problems


def test_references():
    assert mentions("(cuadros V.2 y V.3) y la gráfica VIII. 7") == [
        ("table", "V.2"), ("table", "V.3"), ("chart", "VIII.7")]  # fmt: skip
    exhibits = find_exhibits("d", TAB_DOC, set())
    paras = [Paragraph("d:p1", "d", None, 1, 1, 1, "Como muestra el cuadro II.4 y la gráfica II.1."),
             Paragraph("d:p2", "d", None, 2, 2, 2, "Véase la gráfica II.4."),
             Paragraph("e:p1", "e", None, 1, 1, 1, "(cuadro II.4)")]  # fmt: skip
    assert find_refs(paras, exhibits) == [("d:p1", "d:cuadro-ii-4"), ("d:p1", "d:grafica-ii-1")]


# Counted with grep on the caption lines: 90 in 2024-2025 (52 Cuadro incl. 1 continuation, 38 Gráfica),
# 196 in 2019-2020 (107 TABLA incl. 2 continuations, 89 GRÁFICA/Gráfica).
REAL = {"004": (90, 90, 52, 38, 1), "001": (196, 194, 105, 89, 0)}
"""Captions, exhibits, tables, charts, and tables whose caption the text lost (Cuadro IX.1)."""


@pytest.mark.parametrize("doc", sorted(REAL))
def test_every_caption_of_the_real_reports(corpus_lines, doc):
    lines = corpus_lines(doc)
    n_captions, n_exhibits, n_tables, n_charts, n_lost = REAL[doc]
    assert sum(1 for line in lines if CAPTION.match(line)) == n_captions
    exhibits = find_exhibits(doc, lines, set())
    assert len(exhibits) == n_exhibits
    assert sum(e.kind == "table" for e in exhibits) == n_tables
    assert sum(e.kind == "chart" for e in exhibits) == n_charts
    lost = [ex for ex in exhibits if ex.problems[:1] and ex.problems[0].startswith("caption not in the text")]
    assert len(lost) == n_lost
    for ex in (e for e in exhibits if e not in lost):  # no prose mention: a whole-line caption opens each
        first = lines[ex.line_start - 1]
        assert CAPTION.match(first) or first.lstrip().startswith("Fuente"), ex.exhibit_id
        assert not re.search(r"\b(cuadro|tabla|gráfica)\s+[IVX]", first)
    assert len({e.exhibit_id for e in exhibits}) == n_exhibits


def test_real_continuations_and_metadata(corpus_lines):
    ex = {e.exhibit_id: e for e in find_exhibits("004", corpus_lines("004"), set())}
    merged = ex["004:cuadro-iv-8"]
    assert merged.n_rows == 14 and merged.source == "Dirección de Administración, IMSS."
    assert merged.title.startswith("Inmuebles donados")
    assert ex["004:grafica-vi-8"].subtitle == "(millones)" and not ex["004:grafica-vi-8"].cells
    assert ex["004:cuadro-vi-1"].source is None and not ex["004:cuadro-vi-1"].cells
    old = {e.exhibit_id: e for e in find_exhibits("001", corpus_lines("001"), set())}
    assert old["001:tabla-ii-5"].subtitle is None and old["001:tabla-ii-5"].source.startswith("Coordinación")
    assert old["001:tabla-ii-1"].subtitle.endswith("(julio de 2019-junio de 2020)")
    assert old["001:grafica-ii-2"].title.endswith("adscritos a médico familiar, 2012-2019")
    # GRÁFICA VIII.2 prints its source just above the caption.
    assert old["001:grafica-viii-2"].source and old["001:grafica-viii-2"].line_start < 30905


def test_title_note_markers_are_not_part_of_the_title():
    from tui.corpus.captions import clean_heading

    assert (
        clean_heading("**Casos de dengue notificados, 2024-2025^{1/}**")
        == "Casos de dengue notificados, 2024-2025"
    )
    assert clean_heading("Población en el país^{1/}, derechohabiente^{2/} y adscrita") == (
        "Población en el país, derechohabiente y adscrita"
    )


ORPHAN = [
    "La población cubierta suma 7,700 personas (cuadro IX.1).",
    "",
    "Tipo\tPersonas",
    "Titulares\t3,700",
    "Familiares\t4,000",
    "Total\t7,700",
    "",
    "¹ Incluye una parte estimada.",
    "",
    "Fuente: Dirección de Incorporación, IMSS.",
    "",
    "El texto sigue aquí.",
]


def test_a_table_whose_caption_was_lost_is_numbered_from_its_citation():
    (ex,) = find_exhibits("d", ORPHAN, set())
    assert (ex.exhibit_id, ex.label, ex.number, ex.kind) == ("d:cuadro-ix-1", "Cuadro IX.1", "IX.1", "table")
    assert ex.columns == ["Tipo", "Personas"] and ex.n_rows == 3
    assert ex.source == "Dirección de Incorporación, IMSS." and ex.notes == "¹ Incluye una parte estimada."
    assert ex.lines == set(range(3, 11)) and ex.problems[0].startswith("caption not in the text")


def test_an_uncited_grid_or_one_cited_under_a_caption_stays_out():
    uncited = ["La población cubierta suma 7,700 personas.", *ORPHAN[1:]]
    assert find_exhibits("d", uncited, set()) == []
    captioned = [
        "Cuadro IX.1.",
        "Población",
        "",
        *ORPHAN[2:],
        "Como muestra el cuadro IX.1, sí.",
        "",
        *ORPHAN[2:],
    ]
    (ex,) = find_exhibits("d", captioned, set())
    assert ex.label == "Cuadro IX.1" and not ex.problems


def test_the_lost_caption_of_2024_2025(corpus_document):
    doc = corpus_document("004")
    ex = next(e for e in doc.exhibits if e.exhibit_id == "ilpa-2024-2025:cuadro-ix-1")
    assert ex.n_rows == 16 and ex.columns == ["Tipo de afiliación", "Derechohabientes"]
    total = [c for c in ex.cells if c.row == 15]
    assert [c.text for c in total] == ["Total", "77'886,237"] and total[1].value == 77886237
    assert ex.source == "Dirección de Incorporación y Recaudación, IMSS."
    assert any(e == ex.exhibit_id for _, e in doc.exhibit_refs)
    assert not [c for c in doc.checks if c.exhibit_id == ex.exhibit_id]
