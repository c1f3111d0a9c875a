"""Tab-separated table bodies: headers, bands, totals, dashes, markup and note markers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.numbers import format_number
from tui.corpus.tables_tab import parse_tab_table


def _body(*rows: str, start: int = 10) -> list[tuple[int, str]]:
    return [(start + i, row) for i, row in enumerate(rows)]


def _cell(grid, row, col):
    return next(c for c in grid.cells if c.row == row and c.col == col)


def test_two_level_header_joins_levels_and_keeps_unlabeled_total():
    grid = parse_tab_table(
        _body(
            "Zona\tEgresos\t\tTotal",
            "\tFrecuencia\tPorcentaje\t",
            "Norte\t1,200\t60.0\t1,200",
            "Sur\t800\t40.0\t800",
            "\t2,000\t100.0\t2,000",
        )
    )
    assert grid.columns == ["Zona", "Egresos / Frecuencia", "Egresos / Porcentaje", "Total"]
    assert _cell(grid, 0, 1).value == 1200
    assert _cell(grid, 2, 1).value == 2000 and _cell(grid, 2, 1).line == 14
    assert not any(c.row == 2 and c.col == 0 for c in grid.cells)


def test_band_rows_dashes_and_rank_column():
    grid = parse_tab_table(
        _body("Núm.\tAcción\tPersonas", "Grupo uno\t\t", "1\tCurso A\t52", "2\tCurso B\t-", "Total\t\t52")
    )
    assert [c.text for c in grid.cells if c.row == 0] == ["Grupo uno"]
    assert _cell(grid, 1, 0).value is None  # a rank is a label, not a quantity
    dash = _cell(grid, 2, 2)
    assert dash.text == "-" and dash.value is None
    assert _cell(grid, 3, 2).value == 52


def test_repeated_header_row_is_dropped():
    grid = parse_tab_table(_body("Estado\tTotal", "Colima\t5", "Estado\tTotal", "Sonora\t7"))
    assert [c.text for c in grid.cells if c.col == 0] == ["Colima", "Sonora"]
    assert {c.row for c in grid.cells} == {0, 1}


def test_year_column_is_text():
    grid = parse_tab_table(_body("Concepto\tAño\tMonto", "Uno\t2019\t1,000", "Dos\t2020\t2,000"))
    assert _cell(grid, 0, 1).value is None and _cell(grid, 0, 2).value == 1000


def test_markup_and_note_markers_are_removed_from_text():
    grid = parse_tab_table(
        _body(
            "Unidad\tValor\tLista",
            'A^{1/}\t4513/\t<ul style="x"> <p>Uno</p> <p>Dos</p></ul>',
            "B\t3,792**\t\\$5",
        )
    )
    label, value, html = _cell(grid, 0, 0), _cell(grid, 0, 1), _cell(grid, 0, 2)
    assert (label.text, label.note) == ("A", "1/")
    assert (value.text, value.value, value.note) == ("451", 451, "3/")
    assert html.text == "Uno Dos"
    assert _cell(grid, 1, 1).value == 3792


def test_extra_cells_and_stray_prose_are_reported_not_raised():
    prose = "Este párrafo " + "no pertenece a la tabla y se coló entre sus renglones " * 3
    grid = parse_tab_table(_body("A\tB", "x\t1", prose, "y\t2\t3"))
    assert 12 in grid.prose
    assert any("cells" in p for p in grid.problems)
    assert _cell(grid, 1, 2).value == 3


def test_single_column_without_tabs_and_empty_body():
    grid = parse_tab_table(_body("Tipo de unidad", "Guarderías", "Tiendas"))
    assert grid.columns == ["Tipo de unidad"] and [c.text for c in grid.cells] == ["Guarderías", "Tiendas"]
    assert parse_tab_table([]).problems


@given(st.lists(st.lists(st.integers(0, 10**9), min_size=2, max_size=5), min_size=1, max_size=8))
def test_printed_numbers_read_back(values):
    width = max(map(len, values))
    head = "\t".join(["Concepto"] + [f"C{j}" for j in range(1, width + 1)])
    rows = [f"R{i}\t" + "\t".join(format_number(v, 0) for v in row) for i, row in enumerate(values)]
    grid = parse_tab_table(_body(head, *rows))
    for i, row in enumerate(values):
        assert [c.value for c in grid.cells if c.row == i and c.col > 0] == row


def test_header_without_a_label_head_names_the_value_columns():
    grid = parse_tab_table(_body("2023\t2024\tVariación", "Altas\t10\t12\t2", "Bajas\t5\t6\t1"))
    assert grid.columns == ["", "2023", "2024", "Variación"]
    assert _cell(grid, 1, 3).value == 1 and not grid.problems


def test_one_wider_row_does_not_move_the_header():
    grid = parse_tab_table(_body("Año\tMonto", "Uno\t10", "Dos\t20", "Tres\t30\t4"))
    assert grid.columns[:2] == ["Año", "Monto"]


def test_top_row_one_cell_short_gets_its_own_column():
    grid = parse_tab_table(
        _body(
            "Núm.\tUnidad\tTurno\tPlantilla\t\t\tTotal",
            "\t\t\tA\tB\tC\tD",
            "1\tNorte\t2\t3\t4\t1\t10",  # no turno: its values add up from A
            "2\tSur\tMatutino\t1\t1\t1\t4",  # a lost cell: the total stays last
            "Total\t\t\t3\t4\t5\t14",
        )
    )
    assert grid.columns == ["Núm.", "Unidad", "Turno", *(f"Plantilla / {x}" for x in "ABCD"), "Total"]
    row = {c.col: c.text for c in grid.cells if c.row == 0}
    assert row == {0: "1", 1: "Norte", 3: "2", 4: "3", 5: "4", 6: "1", 7: "10"}
    row = {c.col: c.text for c in grid.cells if c.row == 1}
    assert row == {0: "2", 1: "Sur", 2: "Matutino", 3: "1", 4: "1", 5: "1", 7: "4"}
    assert _cell(grid, 2, 7).value == 14 and _cell(grid, 2, 5).value == 5


def test_span_over_one_subhead_with_no_single_columns_is_left_alone():
    grid = parse_tab_table(
        _body("Zona\tEgresos\t\tTotal", "\tCasos\tMonto\tCasos", "Norte\t1\t2\t1", "Sur\t3\t4\t3")
    )
    assert grid.columns == ["Zona", "Egresos / Casos", "Egresos / Monto", "Total / Casos"]


def test_short_top_row_without_a_row_that_adds_up_is_left_alone():
    grid = parse_tab_table(
        _body("Núm.\tUnidad\tPlantilla\t\tTotal", "\t\tA\tB\tC", "1\tNorte\t2\t3\t9", "2\tSur\t1\t1\t7")
    )
    assert grid.columns == ["Núm.", "Unidad", "Plantilla / A", "Plantilla / B", "Total / C"]
    assert _cell(grid, 0, 4).text == "9"


def test_top_left_span_over_a_named_label_column_heads_the_columns_right_of_it():
    grid = parse_tab_table(
        _body(
            "Tipo de apoyo\t\t\tTotal",
            "Ciclo\tA. Parcial\tB. Completo\t",
            "enero a junio\t10\t5\t15",
        )
    )
    assert grid.columns == ["Ciclo", "Tipo de apoyo / A. Parcial", "Tipo de apoyo / B. Completo", "Total"]
    assert _cell(grid, 0, 3).value == 15


def test_top_left_span_over_value_rows_keeps_its_first_column():
    # No label column: the rows start with values, so the top label spans from the first column.
    grid = parse_tab_table(_body("2023\t\tTotal", "Enero\tFebrero\t", "10\t20\t30"))
    assert grid.columns == ["2023 / Enero", "2023 / Febrero", "Total"]


def test_one_row_header_label_names_the_empty_cells_printed_after_it():
    grid = parse_tab_table(_body("Servicios en línea\t", "Citas\tRecetas", "Pagos\t"))
    assert grid.columns == ["Servicios en línea", "Servicios en línea"]
    assert _cell(grid, 0, 1).text == "Recetas"


def test_one_row_header_without_printed_empty_cells_names_one_column():
    grid = parse_tab_table(_body("Pasos", "a\tb", "c\td"))
    assert grid.columns == ["Pasos", ""]


def test_a_lone_line_without_tabs_is_no_table():
    grid = parse_tab_table(_body("Seguimiento anual"))
    assert grid.columns == [] and grid.cells == []
