"""Outlines of the agreement, the action plan, the organisation manual and unknown documents."""

from __future__ import annotations

import pytest

from tui.corpus.outline_build import excerpt, roman_value
from tui.corpus.outline_legal import clause_value, outline_legal
from tui.corpus.recognize import recognize

CLAUSES = [
    ("PRIMERA", "OBJETO", 229),
    ("SEGUNDA", "COMPROMISOS DE “EL IMSS”", 241),
    ("TERCERA", "COMPROMISOS DE “LA CROC”", 471),
    ("CUARTA", 'COMPROMISOS DE "LAS PARTES"', 648),
    ("QUINTA", "LÍNEAS DE COLABORACIÓN", 656),
    ("SEXTA", "COMITÉ DE CONTROL Y SEGUIMIENTO", 678),
    ("SÉPTIMA", "SON ATRIBUCIONES DEL COMITÉ DE CONTROL Y SEGUIMIENTO", 693),
    ("OCTAVA", "RECURSOS", 743),
    ("NOVENA", "COMUNICACIÓN ENTRE “LAS PARTES”", 749),
    ("DÉCIMA", "MODIFICACIONES", 759),
    ("DÉCIMA PRIMERA", "TERMINACIÓN ANTICIPADA", 765),
    ("DÉCIMA SEGUNDA", "PROPIEDAD INDUSTRIAL E INTELECTUAL", 780),
    ("DÉCIMA TERCERA", "CONFIDENCIALIDAD", 798),
    ("DÉCIMA CUARTA", "RELACIÓN LABORAL", 814),
    ("DÉCIMA QUINTA", "VIGENCIA", 822),
    ("DÉCIMA SEXTA", "INTERPRETACIÓN Y CONTROVERSIAS", 829),
]


def _outline(corpus_lines, prefix):
    lines = corpus_lines(prefix)
    ident = recognize(lines)
    return outline_legal(ident.doc_id, ident.kind, lines, set())


@pytest.fixture(scope="module")
def convenio(corpus_lines):
    return _outline(corpus_lines, "000")


def test_convenio_parts(convenio):
    tops = [(s.title, s.line_start, s.line_end) for s in convenio.sections if s.level == 1]
    assert tops == [
        ("Antecedentes", 15, 64),
        ("Declaraciones", 67, 225),
        ("Cláusulas", 228, 835),
        ("Firmas", 837, 904),
    ]
    assert all(s.number is None and s.part == s.title for s in convenio.sections if s.level == 1)


def test_convenio_sixteen_clauses(convenio):
    clauses = [s for s in convenio.sections if s.part == "Cláusulas" and s.level == 2]
    assert [(s.number, s.title, s.line_start) for s in clauses] == CLAUSES
    parent = next(s for s in convenio.sections if s.title == "Cláusulas")
    assert {s.parent_id for s in clauses} == {parent.section_id}
    # The last clause stops before the closing sentence and the signatures.
    assert (clauses[0].line_end, clauses[-1].line_end) == (239, 835)


def test_convenio_antecedents_and_declarations(convenio):
    ante = [s.number for s in convenio.sections if s.part == "Antecedentes" and s.level == 2]
    assert ante == ["I", "II", "III", "IV"]
    decl = [s for s in convenio.sections if s.part == "Declaraciones" and s.level > 1]
    groups = [(s.number, s.title) for s in decl if s.level == 2]
    assert groups == [("1", "Declara “EL IMSS”"), ("2", "Declara “LA CROC”"), ("3", "Declaran “LAS PARTES”")]
    items = [s.number for s in decl if s.level == 3]
    assert items == [f"1.{i}" for i in range(1, 8)] + [f"2.{i}" for i in range(1, 6)] + [
        f"3.{i}" for i in range(1, 5)
    ]
    d14 = next(s for s in decl if s.number == "1.4")
    assert d14.title.startswith("El Mtro. Zoé Alejandro Robledo Aburto")  # not cut at the abbreviation
    assert d14.line_start == 109


def test_convenio_consumes_only_whole_heading_lines(convenio):
    # Part headings, declaration group lines ending in ':' and the caption-only clause SÉPTIMA.
    assert convenio.consumed == {15, 67, 70, 159, 193, 228, 693}


def test_ids_and_ordinals(convenio):
    assert [s.ordinal for s in convenio.sections] == list(range(len(convenio.sections)))
    assert all(s.section_id == f"convenio-imss-croc-2023:s{s.ordinal}" for s in convenio.sections)


def test_plan_twenty_commitments(corpus_lines):
    outline = _outline(corpus_lines, "002")
    items = [s for s in outline.sections if s.part == "Compromisos"]
    assert [s.number for s in items] == [str(i) for i in range(1, 21)]
    assert [s.line_start for s in items][:3] == [16, 23, 27]
    assert (items[9].line_start, items[9].line_end) == (62, 69)  # item 10 spans a page break
    assert items[0].title.startswith("Luchar por la mejora económica, social y cultural")
    assert items[-1].line_end == 124
    assert outline.sections[-1].title == "Firmas" and outline.sections[-1].line_start == 127
    assert outline.consumed == {4}  # the title line


def test_manual_chapters_policies_units(corpus_lines):
    outline = _outline(corpus_lines, "003")
    chapters = [(s.number, s.title, s.line_start) for s in outline.sections if s.level == 1]
    assert chapters == [
        ("1", "Introducción", 1),
        ("2", "Objetivo", 166),
        ("3", "Marco Jurídico – Administrativo", 172),
        ("4", "Atribuciones", 638),
        ("5", "Políticas", 770),
        ("6", "Organigrama", 840),
        ("7", "Funciones Sustantivas", 860),
    ]
    policies = [s for s in outline.sections if s.number and s.number.startswith("5.")]
    assert [s.number for s in policies] == [f"5.{i}" for i in range(1, 12)]
    assert [s.line_start for s in policies] == [773, 779, 786, 793, 801, 805, 811, 818, 823, 829, 837]
    assert {s.level for s in policies} == {2}
    assert policies[0].title.startswith("Coordinará la difusión")
    units = {s.number: (s.level, s.title, s.line_start, s.line_end) for s in outline.sections if s.level >= 2}
    assert (
        units["6.1"][1] == "Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales"
    )
    assert units["7.1.2"] == (3, "Departamento de Guarderías", 1377, 1559)
    assert units["7.1.4"][2:] == (1733, 1871)
    # Headings (6.1 over two lines) are consumed; policy sentences are not.
    assert {843, 844, 862, 1181} <= outline.consumed
    assert not {773, 779} & outline.consumed


# --- small snippets --------------------------------------------------------------------------

SNIPPET = """\
 CONVENIO QUE CELEBRAN LAS PARTES AL TENOR DE LOS ANTECEDENTES, DECLARACIONES Y CLÁUSULAS SIGUIENTES:

A N T E C E D E N T E S
I. El 1 de enero de 2000 se firmó algo con

objeto de probar.
II. Segundo antecedente.
D E C L A R A C I O N E S
1. Declara “LA UNA”, que:
1.1.  Es una entidad.
1.2. Tiene domicilio.
CLÁUSULAS
PRIMERA.- OBJETO. El objeto es probar.
3.1  Actividades de algo:
SEGUNDA.- SON FUNCIONES:
a) Una.
TERCERA.- "LAS PARTES" acuerdan sin título.
QUINTA.- FUERA DE ORDEN. No es la cuarta.

Leído lo anterior, lo firman en la Ciudad de México.

Por “LA UNA” Por “LA OTRA”
NOMBRE APELLIDO
CARGO
"""


def test_convenio_snippet():
    lines = SNIPPET.split("\n")
    outline = outline_legal("c", "convenio", lines, set())
    got = [(s.level, s.part, s.number, s.title) for s in outline.sections]
    assert got == [
        (1, "Antecedentes", None, "Antecedentes"),
        (2, "Antecedentes", "I", "El 1 de enero de 2000 se firmó algo con objeto de probar"),
        (2, "Antecedentes", "II", "Segundo antecedente"),
        (1, "Declaraciones", None, "Declaraciones"),
        (2, "Declaraciones", "1", "Declara “LA UNA”"),
        (3, "Declaraciones", "1.1", "Es una entidad"),
        (3, "Declaraciones", "1.2", "Tiene domicilio"),
        (1, "Cláusulas", None, "Cláusulas"),
        (2, "Cláusulas", "PRIMERA", "OBJETO"),
        (2, "Cláusulas", "SEGUNDA", "SON FUNCIONES"),
        (2, "Cláusulas", "TERCERA", '"LAS PARTES" acuerdan sin título'),
        (1, "Firmas", None, "Firmas"),
    ]
    tercera = outline.sections[-2]
    assert tercera.line_end == 18  # includes the out-of-order QUINTA line, stops before the closing
    assert outline.sections[-1].line_start == 20  # the closing sentence about signing opens Firmas


def test_skipped_lines_are_not_headings():
    lines = SNIPPET.split("\n")
    outline = outline_legal("c", "convenio", lines, {13})  # PRIMERA's line is page furniture here
    numbers = [s.number for s in outline.sections if s.part == "Cláusulas" and s.level == 2]
    assert numbers == []  # SEGUNDA cannot come first


def test_generic_outline_for_unknown_documents():
    lines = [
        "REGLAS GENERALES",
        "",
        "1. Objeto",
        "Estas reglas tienen por objeto probar.",
        "1.1 Alcance",
        "Se aplican a todo.",
        "2. Una lista que no es título porque sigue",
        "en minúsculas la frase.",
        "Contenido del capítulo ....... 12",
        "II. Disposiciones finales",
        "Texto final.",
    ]
    outline = outline_legal("x", "otro", lines, set())
    got = [(s.level, s.number, s.title, s.line_start, s.line_end) for s in outline.sections]
    assert got == [
        (1, None, "Reglas Generales", 1, 9),
        (2, "1", "Objeto", 3, 9),
        (3, "1.1", "Alcance", 5, 9),
        (1, "II", "Disposiciones finales", 10, 11),
    ]
    assert outline.consumed == {1, 3, 5, 9, 10}
    assert outline.sections[2].parent_id == outline.sections[1].section_id


def test_generic_outline_may_be_empty():
    assert outline_legal("x", "otro", ["solo texto en minúsculas.", ""], set()).sections == []


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("PRIMERA", 1),
        ("SÉPTIMA", 7),
        ("DÉCIMA", 10),
        ("DÉCIMA SEXTA", 16),
        ("VIGÉSIMA PRIMERA", 21),
        ("OTRA", 0),
    ],
)
def test_clause_value(words, value):
    assert clause_value(words) == value


def test_roman_and_excerpt():
    assert [roman_value(r) for r in ("I", "IV", "IX", "XIV", "XL")] == [1, 4, 9, 14, 40]
    lines = ["1.4. El Lic. Juan Pérez, en su carácter de titular, cuenta con facultades amplias para firmar."]
    assert excerpt(lines, 1, 4, limit=40) == "El Lic. Juan Pérez, en su carácter de…"
