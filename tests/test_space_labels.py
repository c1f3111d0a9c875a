"""Row-label repairs of space tables: years that name rows, dates ending labels, period headers."""

from __future__ import annotations

from space_snippets import body, rows

from tui.corpus.space_columns import peel
from tui.corpus.space_labels import merged_names, year_heads, year_labels
from tui.corpus.space_rows import Row
from tui.corpus.tables_space import parse_space_table


def test_a_year_after_de_ends_the_label():
    assert peel(["Feria", "del", "libro", "3", "de", "marzo", "de", "2021", "1,200"], 9) == (
        ["Feria", "del", "libro", "3", "de", "marzo", "de", "2021"],
        ["1,200"],
    )
    # a year after a word that is no date link stays a value
    assert peel(["Egresos", "2021", "1,200"], 9) == (["Egresos"], ["2021", "1,200"])


def test_rows_of_dated_periods_over_blank_lines():
    g = parse_space_table(
        body(
            "Muestra Periodo visitantes\n\nArte en casa 2 de mayo al 9 de\njunio de 2021 310\n\n"
            "Barro y fuego\n\n4 de julio al\n1 de agosto\nde 2021\n\n1,050\n\n"
            "Luz de invierno\n\n7 de enero al 2 de abril\nde 2022\n\n875"
        )
    )
    assert rows(g) == [
        ["Arte en casa 2 de mayo al 9 de junio de 2021", "310"],
        ["Barro y fuego 4 de julio al 1 de agosto de 2021", "1,050"],
        ["Luz de invierno 7 de enero al 2 de abril de 2022", "875"],
    ]


def test_years_that_name_the_rows_become_the_labels():
    g = parse_space_table(
        body("año Pacientes\n\n2015 40\n\n2016 52\n\n2017 61\n\nEnero a marzo de 2018 12\n\nTotal 165")
    )
    assert g.columns == ["año", "Pacientes"]
    assert rows(g) == [
        ["2015", "40"],
        ["2016", "52"],
        ["2017", "61"],
        ["Enero a marzo de 2018", "12"],
        ["Total", "165"],
    ]
    assert not g.problems


def test_year_labels_leave_labelled_rows_alone():
    labelled = [Row("Altas", 1, [("2019", 1), ("40", 1)]) for _ in range(4)]
    assert not year_labels(labelled, 2)
    bare = [Row("", k, [("2019", k), ("40", k)]) for k in range(2)]
    assert not year_labels(bare, 2)  # too few rows to tell
    assert merged_names(["", "año", "Casos"]) == ["año", "Casos"]


def test_a_header_of_one_period_per_line_does_not_set_the_width():
    g = parse_space_table(
        body(
            "Concepto Ciclo\n2020-2021\n\nCiclo\n2021-2022\n\nCambio\n(%)\n\n"
            "Visitas 1,200 1,500 25.0%\n\nDescargas 300 330 10.0%\n\nReseñas 40 38 -5.0%"
        )
    )
    assert rows(g) == [
        ["Visitas", "1,200", "1,500", "25.0%"],
        ["Descargas", "300", "330", "10.0%"],
        ["Reseñas", "40", "38", "-5.0%"],
    ]


def test_year_heads_only_when_every_label_is_a_year_and_a_word():
    assert year_heads(["2018 Marzo", "2019 Septiembre"]) == [("2018", "Marzo"), ("2019", "Septiembre")]
    assert year_heads(["2018 Marzo", "Nuevo León"]) is None
    assert year_heads(["2018 Enero a junio", "2019 Marzo"]) is None
    assert year_heads(["2018 Marzo"]) is None  # one row proves nothing


def test_year_and_month_labels_under_a_header_naming_both_are_two_columns():
    g = parse_space_table(
        body(
            "año mes Altas Bajas Saldo\n\n2018 Marzo 40 1,210 1,250\n\n2019 Septiembre 38 1,200 1,238"
            "\n\nTotal 78 2,410 2,488"
        )
    )
    assert g.columns == ["año", "mes", "Altas", "Bajas", "Saldo"]
    assert rows(g) == [
        ["2018", "Marzo", "40", "1,210", "1,250"],
        ["2019", "Septiembre", "38", "1,200", "1,238"],
        ["Total", "", "78", "2,410", "2,488"],
    ]
    values = {(c.row, c.col): c.value for c in g.cells}
    assert values[(0, 1)] is None and values[(2, 2)] == 78 and values[(1, 4)] == 1238


def test_year_and_month_labels_stay_whole_under_one_label_name():
    g = parse_space_table(
        body(
            "Periodo Altas Bajas Saldo\n\n2018 Marzo 40 1,210 1,250\n\n2019 Septiembre 38 1,200 1,238"
            "\n\nTotal 78 2,410 2,488"
        )
    )
    assert [r[0] for r in rows(g)] == ["2018 Marzo", "2019 Septiembre", "Total"]
    assert all(len(r) == 4 for r in rows(g))
