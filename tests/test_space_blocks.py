"""All-text tables read block by block: a Roman-keyed matrix, honest rows of blocks."""

from __future__ import annotations

from space_snippets import table

from tui.corpus.space_blocks import holds_amount, roman

MATRIX = """Peligro Costo Acciones

I. Alza del precio
de los insumos:

Gasto medio 2021-2030:
Vacunas: 1,200 millones.

Compras consolidadas con
otros institutos.

I.1. Vacunas

II. Falta de personal
médico

Costo anual:

35 millones de pesos.

Programa de formación
de especialistas 2021-2024.

III. Rezago en obras

Inversión: 9.5 millones.

Plan de obra."""


def test_roman_numerals() -> None:
    tokens = ("I.", "IV.", "IX.", "XIV.", "I", "IIII.", "I.1.")
    assert [roman(t) for t in tokens] == [1, 4, 9, 14, None, None, None]


def test_amounts_are_no_years() -> None:
    assert holds_amount("Vacunas: 1,200 millones.")
    assert holds_amount("Prima: 1.37% del salario.")
    assert not holds_amount("Programa 2019-2024 y 2020.")
    assert not holds_amount("Plan de obra.")


def test_keyed_matrix_rows() -> None:
    names, rows = table(MATRIX)
    assert len(names) == 3
    assert rows == [
        [
            "I. Alza del precio de los insumos: I.1. Vacunas",
            "Gasto medio 2021-2030: Vacunas: 1,200 millones.",
            "Compras consolidadas con otros institutos.",
        ],
        [
            "II. Falta de personal médico",
            "Costo anual: 35 millones de pesos.",
            "Programa de formación de especialistas 2021-2024.",
        ],
        ["III. Rezago en obras", "Inversión: 9.5 millones.", "Plan de obra."],
    ]


def test_numerals_out_of_sequence_are_no_keys() -> None:
    names, rows = table("Tema Nota\n\nI. Uno\n\nIII. Tres\n\nII. Dos\n\nTexto final.")
    assert ["I. Uno"] in rows and len(rows[0]) == 1


def test_nbsp_header_names_the_columns_and_blocks_are_rows() -> None:
    text = (
        "Meta general del plan.\n\nObjetivo\u00a0 Indicador\u00a0 Meta\u00a0\n\nMejorar el trato\n"
        "a los usuarios.\n\nEncuestas hechas.\n\nacción\u00a0 indicador\u00a0 meta\u00a0\n\n1.1. Visitas."
    )
    names, rows = table(text)
    assert names == ["Objetivo", "Indicador", "Meta"]
    assert rows == [
        ["Meta general del plan.", "", ""],
        ["Mejorar el trato a los usuarios.", "", ""],
        ["Encuestas hechas.", "", ""],
        ["acción", "indicador", "meta"],
        ["1.1. Visitas.", "", ""],
    ]


def test_header_repeated_with_plain_spaces_is_cut_into_its_cells() -> None:
    text = "Objetivo 1\u00a0 Indicador\u00a0 Meta\u00a0\n\nUno.\n\nObjetivo 2 indicador\u00a0 meta\n\nDos."
    names, rows = table(text)
    assert names == ["Objetivo 1", "Indicador", "Meta"]
    assert rows == [["Uno.", "", ""], ["Objetivo 2", "indicador", "meta"], ["Dos.", "", ""]]


def test_bullets_are_rows_under_a_short_name() -> None:
    names, rows = table("Cursos en línea\n\n•\tPrimer curso de\n  higiene.\n•\tsegundo curso (en diseño).")
    assert names == ["Cursos en línea"]
    assert rows == [["Primer curso de higiene."], ["segundo curso (en diseño)."]]
