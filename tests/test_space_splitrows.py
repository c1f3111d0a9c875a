"""Rows of several-text-column tables cut apart by the PDF text; headers named from the right."""

from __future__ import annotations

from space_snippets import table as _rows

from tui.corpus.space_header import right_names

WORKS = """Delegación
regional

Ciudad Tipo de Clínica Tipo de obra Número de
camas

Salas de
choque

Zona uno de obras
Sonora Nogales HGZ No. 3 Nueva 40 2

Jalisco Tonalá HGZ/MF No. 2 Nueva 30 1

Puebla Puebla CMF No. 9

Ampliación y
remodelación de la

Sala de Choque

12 0

Zona dos de obras

Sonora Guaymas CMF Ampliación y remodelación 6 0

Colima Manzanillo HGZ No. 4 De sustitución 8 1

Total general 96 4"""


def test_a_band_glued_to_a_row_and_a_row_wrapped_over_blank_lines_are_set_right():
    names, rows = _rows(WORKS)
    assert names == [
        "Delegación regional",
        "Ciudad",
        "Tipo de Clínica",
        "Tipo de obra",
        "Número de camas",
        "Salas de choque",
    ]
    assert rows == [
        ["Zona uno de obras", "", "", "", "", ""],
        ["Sonora", "Nogales", "HGZ No. 3", "Nueva", "40", "2"],
        ["Jalisco", "Tonalá", "HGZ/MF No. 2", "Nueva", "30", "1"],
        ["Puebla", "Puebla", "CMF No. 9", "Ampliación y remodelación de la Sala de Choque", "12", "0"],
        ["Zona dos de obras", "", "", "", "", ""],
        ["Sonora", "Guaymas", "CMF", "Ampliación y remodelación", "6", "0"],
        ["Colima", "Manzanillo", "HGZ No. 4", "De sustitución", "8", "1"],
        ["Total general", "", "", "", "96", "4"],
    ]


SCHOOLS = """Tipo de
plantel

Nivel de
escuela Estado Municipio Aulas Maestros

Costo total
(millones de pesos)

Obras nuevas

Norte
zona

Sonora Nogales Escuela Uno 3 2 12.5

Sinaloa Culiacán Escuela Dos 4 1 10.0

Norte
Zona

Jalisco Tonalá Escuela Tres 2 1 8.1

Total 9 4 30.6"""


def test_value_columns_take_the_header_cells_nearest_the_numbers():
    names, rows = _rows(SCHOOLS)
    assert names == [
        "Tipo de plantel / Nivel de escuela / Estado / Municipio",
        "Aulas",
        "Maestros",
        "Costo total (millones de pesos)",
    ]
    # the wrapped band under the header (printed again in the body) is a row, not a header cell
    assert rows[:3] == [
        ["Obras nuevas", "", "", ""],
        ["Norte zona", "", "", ""],
        ["Sonora Nogales Escuela Uno", "3", "2", "12.5"],
    ]


def test_right_names_joins_two_leftover_cells_with_a_space_and_skips_year_headers():
    assert right_names([("Cursos CLImSS Inscritos", False)], 1) == ["Cursos CLImSS", "Inscritos"]
    assert right_names([("Concepto Cierre 2018 PEF 2019 Diferencia", False)], 2) is None
    assert right_names([("Estado", False), ("Monto", True)], 1) is None  # no cell left over


BANDED_WORKS = """Tipo de
obra

Zona de
atención Estado Ciudad Unidad Camas

Costo total del
proyecto

(millones de
pesos)

Obras de salud

Nuevas

Segundo
nivel Sonora Nogales HGZ 40 2.5

Sonora Guaymas HGZ 30 1.5

Primer
nivel Jalisco Tonalá UMF 0 0.5

Jalisco Zapopan UMF 0 0.7

Retirada

Colima Manzanillo UMF 0 0.2

Retirada Colima Tecomán UMF 0 0.3

Tercer nivel

Puebla Centro

Atlixco, Sur

UMAE HE 10 9.1

Puebla Norte CMN 10 3.0

Yucatán Oriente Mérida Centro,

UMF No. 9 Ampliación 0 1.0

Total obras 90 18.6"""


def test_a_two_word_band_glued_to_a_row_is_cut_and_heads_printed_apart_are_joined():
    _, rows = _rows(BANDED_WORKS)
    labels = [r[0] for r in rows]
    assert labels == [
        "Obras de salud",
        "Nuevas",
        "Segundo nivel",
        "Sonora Nogales HGZ",
        "Sonora Guaymas HGZ",
        "Primer nivel",
        "Jalisco Tonalá UMF",
        "Jalisco Zapopan UMF",
        "Retirada Colima Manzanillo UMF",
        "Retirada Colima Tecomán UMF",
        "Tercer nivel",
        "Puebla Centro Atlixco, Sur UMAE HE",
        "Puebla Norte CMN",
        "Yucatán Oriente Mérida Centro, UMF No. 9 Ampliación",
        "Total obras",
    ]
    assert rows[3][1:] == ["40", "2.5"] and rows[6][1:] == ["0", "0.5"]


def test_total_rows_printing_a_count_first_keep_it_in_a_column_of_its_own():
    text = BANDED_WORKS.replace(
        "Total obras 90 18.6",
        "Subtotal Obras de salud 8 90 18.6\n\nObras varias\n\n"
        "Jalisco Tonalá Bodega 0 1.0\n\nJalisco Tepic Almacén 0 2.0\n\n"
        "Subtotal Obras varias 2 3.0\n\nTotal Obras 10 90 21.6",
    )
    names, rows = _rows(text)
    assert names[1] == "Obras (número)"
    assert rows[-6] == ["Subtotal Obras de salud", "8", "90", "18.6"]
    assert rows[-2] == ["Subtotal Obras varias", "2", "", "3.0"]  # placed by its rows' sums
    assert rows[-1] == ["Total Obras", "10", "90", "21.6"]
    assert rows[3] == ["Sonora Nogales HGZ", "", "40", "2.5"]
