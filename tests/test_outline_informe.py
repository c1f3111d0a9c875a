"""Outline of the annual reports: parts, chapters I–XI, sections, and copies kept apart."""

from __future__ import annotations

from collections import Counter

import pytest

from tui.corpus.furniture import find_furniture
from tui.corpus.model import Section
from tui.corpus.outline_informe import outline_informe

ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]


@pytest.fixture(scope="module")
def outlines(corpus_lines):
    out = {}
    for prefix in ("001", "004"):
        lines = corpus_lines(prefix)
        out[prefix] = (lines, outline_informe(prefix, lines, find_furniture(lines)))
    return out


def _chapters(sections: list[Section]) -> list[Section]:
    return [s for s in sections if s.level == 1 and s.part == "Capítulos"]


def _body(sections: list[Section]) -> list[Section]:
    ids = {c.section_id for c in _chapters(sections)}
    by_id = {s.section_id: s for s in sections}

    def in_body(s: Section) -> bool:
        while s.parent_id:
            if s.parent_id in ids:
                return s.part == "Capítulos"
            s = by_id[s.parent_id]
        return False

    return [s for s in sections if in_body(s)]


def _check_tree(sections: list[Section], n_lines: int) -> None:
    by_id = {s.section_id: s for s in sections}
    assert [s.ordinal for s in sections] == list(range(len(sections)))
    assert [s.line_start for s in sections] == sorted(s.line_start for s in sections)
    for s in sections:
        assert s.section_id == f"{s.doc_id}:s{s.ordinal}"
        assert s.line_start <= s.line_end <= n_lines
        if s.parent_id:
            parent = by_id[s.parent_id]
            assert parent.level < s.level and parent.line_start <= s.line_start <= parent.line_end


# --- small self-written documents -------------------------------------------------------------


def test_markdown_report_shapes() -> None:
    lines = ["Contenido", "", "I\t3\tUno", "", "Introducción", "", "Texto.", "", "", "",
             "I", "", "Capítulo", "", "Primer tema", "", "Intro.", "", "I.1. Sección uno", "", "Texto.",
             "", "I.1.1. Sub", "", "Texto.", "", "", "",
             "Capítulo", "", "Segundo tema", "", "II.1. Otra", "", "I.1. Celda de una tabla", "",
             "", "", "", "Índice", "", "3\tI.1. Sección uno", "II.1. Otra"]  # fmt: skip
    out = outline_informe("t", lines, set())
    got = [(s.level, s.number, s.title, s.part, s.line_start, s.line_end) for s in out.sections]
    assert got == [
        (1, None, "Contenido", "Contenido", 1, 4),
        (1, None, "Introducción", "Introducción", 5, 10),
        (1, "I", "Primer tema", "Capítulos", 11, 28),
        (2, "I.1", "Sección uno", "Capítulos", 19, 28),
        (3, "I.1.1", "Sub", "Capítulos", 23, 28),
        (1, "II", "Segundo tema", "Capítulos", 29, 39),
        (2, "II.1", "Otra", "Capítulos", 33, 39),
        (1, None, "Índice", "Índice", 40, 43),
    ]
    assert {11, 13, 15, 19, 23, 29, 31, 33, 40, 42, 43} <= out.consumed
    assert 35 not in out.consumed and 17 not in out.consumed


def test_small_caps_report_shapes() -> None:
    lines = ["Carta del director que", "", "PRESENTACIÓN", " sigue aquí.", "", "", "",
             "CaPÍTULo I. DIrECCIÓN DE", "FINaNZaS", "", "Resumen.", "", "", "",
             "Intro del capítulo.", "", "I.1. LogroS Y rESULTaDoS mÁS", "RELEVANTES 2019-2020", "", "Texto.",
             "", "CAPÍTULO I", "DIRECCIÓN DE", "", "FINANZAS", " Texto que sigue.", "", "", "",
             "SIGLAS Y", "", "ACRÓNIMOS", "", "IMSS Instituto"]  # fmt: skip
    out = outline_informe("t", lines, set())
    got = [(s.level, s.number, s.title, s.part, s.line_start) for s in out.sections]
    assert got == [
        (1, None, "Presentación", "Presentación", 1),
        (2, "I", "Dirección de Finanzas", "Presentación", 8),
        (1, "I", "Dirección de Finanzas", "Capítulos", 15),
        (2, "I.1", "Logros y resultados más relevantes 2019-2020", "Capítulos", 17),
        (1, None, "Siglas y acrónimos", "Siglas y acrónimos", 30),
    ]
    assert {3, 8, 9, 17, 18, 22, 23, 25, 30, 32} <= out.consumed


# --- ILPA 2019-2020 -------------------------------------------------------------------------------


def test_ilpa_2019_chapters_with_real_titles(outlines) -> None:
    lines, out = outlines["001"]
    chapters = _chapters(out.sections)
    assert [c.number for c in chapters] == ROMANS
    titles = {c.number: c.title for c in chapters}
    assert titles["I"] == (
        "Acciones realizadas por el Instituto Mexicano del Seguro Social ante la contingencia por COVID-19"
    )
    assert titles["II"] == "Dirección de Prestaciones Médicas"  # no title block in the body
    assert titles["III"] == "Dirección de Prestaciones Económicas y Sociales"  # bare opener
    assert titles["IV"] == "Dirección de Administración"
    assert titles["V"] == "Dirección de Incorporación y Recaudación"
    assert titles["VIII"] == "Dirección de Finanzas"
    assert titles["XI"] == "Actividades relevantes del H. Consejo Técnico"
    starts = {c.number: c.line_start for c in chapters}
    assert starts == {"I": 1787, "II": 8298, "III": 17327, "IV": 20427, "V": 24540, "VI": 26125,
                      "VII": 28034, "VIII": 29881, "IX": 32727, "X": 35635, "XI": 37441}  # fmt: skip
    _check_tree(out.sections, len(lines))


def test_ilpa_2019_sections(outlines) -> None:
    _, out = outlines["001"]
    body = _body(out.sections)
    levels = Counter(s.level for s in body)
    assert levels == {2: 37, 3: 73}
    by_number = {s.number: s for s in body}
    assert len(by_number) == len(body)
    assert by_number["II.1.1"].title == "Estado de salud de la población derechohabiente"
    assert by_number["II.2"].title == "Programa de actividades 2020-2021"
    assert by_number["I.9"].title == "Dirección de Planeación Estratégica Institucional"
    assert by_number["IX.1.1"].line_start == 32760
    assert by_number["II.1.24"].title.endswith("de la calidad de los servicios médicos")
    assert all(s.line_start not in (31594, 33860) for s in out.sections)  # table cells, prose


def test_ilpa_2019_parts_and_copies(outlines) -> None:
    _, out = outlines["001"]
    tops = [(s.part, s.line_start) for s in out.sections if s.level == 1 and s.part != "Capítulos"]
    numeralia = "Numeralia de logros y resultados más relevantes"
    assert tops == [
        ("Presentación", 1),
        ("Resumen ejecutivo", 116),
        (numeralia, 37701),
        ("Siglas y acrónimos", 39579),
    ]
    summary = [s for s in out.sections if s.part == "Resumen ejecutivo" and s.level == 2]
    assert [s.number for s in summary] == ROMANS
    assert summary[8].title == "Dirección de Vinculación Institucional y Evaluación de Delegaciones"
    assert {71, 151, 152, 116, 117, 118, 8320, 8321} <= out.consumed


# --- ILPA 2024-2025 -------------------------------------------------------------------------------


def test_ilpa_2024_chapters(outlines) -> None:
    lines, out = outlines["004"]
    chapters = _chapters(out.sections)
    assert [c.number for c in chapters] == ROMANS
    assert [c.line_start for c in chapters] == [
        574,
        890,
        3239,
        4366,
        5724,
        6720,
        7530,
        8494,
        9092,
        9862,
        11497,
    ]
    assert chapters[7].title == "Atención a población prioritaria"  # printed as "VII"
    assert chapters[4].title == "Eficiencia en el uso de los recursos"  # printed without numeral
    assert chapters[9].title == "Programa de Actividades 2025-2026"
    assert chapters[10].line_end == 12072
    _check_tree(out.sections, len(lines))


def test_ilpa_2024_body_sections_once(outlines) -> None:
    _, out = outlines["004"]
    body = _body(out.sections)
    main = [s for s in body if s.line_start < 9862]
    assert len(main) == 264 and len({s.number for s in main}) == 264
    assert Counter(s.level for s in main) == {2: 58, 3: 206}
    assert [s.number for s in body if s.line_start > 11497] == [f"XI.{k}" for k in range(1, 7)]
    assert not [s for s in out.sections if s.line_start > 12072 and s.level > 1]  # no phantom after XI
    numbered = {s.number: s for s in main}
    assert numbered["II.2.2"].title == "Enfermedades transmisibles"
    assert numbered["II.7.1"].line_start == 2731


def test_ilpa_2024_copies_stay_in_their_part(outlines) -> None:
    _, out = outlines["004"]
    tops = [s.part for s in out.sections if s.level == 1 and s.part != "Capítulos"]
    assert tops == ["Directorio", "Contenido", "Palabras del Director General", "Introducción",
                    "Principales logros", "Índice", "Siglas y acrónimos"]  # fmt: skip
    summary = [s for s in out.sections if s.part == "Principales logros" and s.level == 2]
    assert [s.number for s in summary] == ROMANS[:9]
    assert summary[3].title == "Fortalecimiento de recursos en salud y seguridad social"
    chapter_x = _chapters(out.sections)[9]
    restated = [s for s in out.sections if s.part == "Programa de Actividades"]
    assert [s.number for s in restated if s.level == 2] == ROMANS[:9]
    assert all(s.parent_id == chapter_x.section_id for s in restated if s.level == 2)
    assert len(restated) == 9 + 222 and len({s.number for s in restated if s.level > 2}) == 222
    assert {12073, 12100, 12380, 12406, 223, 230} <= out.consumed  # Índice and Contenido rows
