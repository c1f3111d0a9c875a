"""Header blocks under an upper line: groups over repeated sub-headers, a period over all."""

from __future__ import annotations

from space_snippets import table as _grid

from tui.corpus.space_groups import grouped_names

GROUPED = """ENERO DE 2021 A MARZO1/ DE 2021 Pagado No pagado

Tienda Total

vales

Monto

total2/

% vales

% monto

% vales

% monto

Norte 1,200 35.50 80.00% 90.00% 20.00% 10.00%

Sur 800 20.25 75.00% 70.00% 25.00% 30.00%

Total 2,000 55.75 78.00% 82.00% 22.00% 18.00%
"""


def test_groups_prefix_repeated_sub_headers_and_period_spans_the_rest():
    names, rows = _grid(GROUPED)
    period = "ENERO DE 2021 A MARZO1/ DE 2021"
    assert names == [
        "Tienda",
        f"{period} / Total vales",
        f"{period} / Monto total2/",
        "Pagado / % vales",
        "Pagado / % monto",
        "No pagado / % vales",
        "No pagado / % monto",
    ]
    assert rows[1] == ["Sur", "800", "20.25", "75.00%", "70.00%", "25.00%", "30.00%"]


PERIOD = """Enero de

2021-marzo de

2021

Altas Bajas Total

1,500 700 2,200
"""


def test_period_block_prefixes_every_name_and_its_year_is_no_row():
    names, rows = _grid(PERIOD)
    assert names == [
        "",
        "Enero de 2021-marzo de 2021 / Altas",
        "Enero de 2021-marzo de 2021 / Bajas",
        "Enero de 2021-marzo de 2021 / Total",
    ]
    assert rows == [["", "1,500", "700", "2,200"]]


def test_upper_name_without_a_year_over_unrepeated_names_is_not_a_period():
    # ``Entidad`` names the label column, not a group over the values.
    lines = [("Entidad", False), ("Altas Bajas Total", True)]
    assert grouped_names(lines, 3) is None


def test_groups_must_match_the_repetitions():
    # Three upper cells over two repetitions, none of them a period: no grouping.
    lines = [("Norte Centro Sur", False), ("Tienda % vales", True), ("% vales", True)]
    assert grouped_names(lines, 2) is None


def test_periods_may_be_the_groups():
    lines = [("Enero 2020 Junio 2020", False), ("Tienda Altas", True), ("Bajas", True)]
    lines += [("Altas", True), ("Bajas", True)]
    assert grouped_names(lines, 4) == [
        "Tienda",
        "Enero 2020 / Altas",
        "Enero 2020 / Bajas",
        "Junio 2020 / Altas",
        "Junio 2020 / Bajas",
    ]


def test_years_over_repeated_names_are_left_to_the_two_level_reading():
    lines = [("2020 2021", False), ("Tienda Casos", True), ("Casos", True)]
    assert grouped_names(lines, 2) is None  # as many upper cells as columns: not a group line
    names, _ = _grid("Tienda 2020 2021\nCasos Casos\nNorte 1 2\nSur 3 4\nCentro 5 6")
    assert names == ["Tienda", "2020 / Casos", "2021 / Casos"]


def test_wrapped_period_names_its_columns_not_its_year_rows():
    text = """tienda
Enero a

junio de

2020

Julio a

diciembre de

2020

Norte 10 20
Sur 30 40
"""
    names, rows = _grid(text)
    assert names == ["tienda", "Enero a junio de 2020", "Julio a diciembre de 2020"]
    assert rows == [["Norte", "10", "20"], ["Sur", "30", "40"]]


def test_one_upper_cell_over_year_columns_spans_them():
    cols, rows = _grid("Ventas\n\nRegión 2019 2020\n\nNorte 3 4\n\nSur 5 6\n\nTotal 8 10")
    assert cols == ["Región", "Ventas / 2019", "Ventas / 2020"]
    assert rows[0] == ["Norte", "3", "4"]


def test_one_upper_cell_over_other_names_is_no_group():
    assert grouped_names([("Ventas", False), ("Región Norte Sur", True)], 2) is None
