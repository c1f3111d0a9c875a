"""Unit tests of the space-separated table parser on small self-written bodies."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from space_snippets import body, rows

from tui.corpus.tables_space import parse_space_table


def cell(grid, row: int, col: int):
    return next(c for c in grid.cells if (c.row, c.col) == (row, col))


def test_two_level_header_wrapped_label_and_rank():
    g = parse_space_table(
        body(
            "causa\nTotal\n\nCasos Tasa\n\n1 Gripe común 1'200,300 10.5\n\n"
            "2 Golpes y\nheridas 950,000 8.0\n\nTotal 2'150,300 18.5"
        )
    )
    assert g.columns == ["causa", "Total / Casos", "Total / Tasa"]
    assert rows(g) == [
        ["1 Gripe común", "1'200,300", "10.5"],
        ["2 Golpes y heridas", "950,000", "8.0"],
        ["Total", "2'150,300", "18.5"],
    ]
    c = cell(g, 1, 1)
    assert (c.value, c.line) == (950000.0, 18)


def test_values_on_own_line_band_and_missing():
    g = parse_space_table(
        body(
            "Concepto 2019 2020\n\nGeneral 1 2\n\nPrimer nivel\n\nClínicas de\nbarrio\n\n12 (3)\n\n"
            "Centros S/D -\n\nPagos 45 -0.1%"
        )
    )
    assert g.columns == ["Concepto", "2019", "2020"]
    assert rows(g)[1:] == [
        ["Primer nivel", "", ""],
        ["Clínicas de barrio", "12", "(3)"],
        ["Centros", "S/D", "-"],
        ["Pagos", "45", "-0.1%"],
    ]
    assert cell(g, 2, 2).value == -3 and cell(g, 3, 1).value is None and cell(g, 4, 2).value == -0.1


def test_glued_note_markers_on_values_and_labels():
    g = parse_space_table(body("Rubro A B\nVacuna X1/ 4513/ 3.713/\nOtra 1,053 12"))
    assert rows(g)[0] == ["Vacuna X", "451", "3.71"]
    assert cell(g, 0, 0).note == "1/" and cell(g, 0, 1).note == "3/" and cell(g, 0, 1).value == 451


def test_label_ending_in_number_keeps_it():
    g = parse_space_table(body("x A B C\nTasa por 100,000 1 2 3\nOtra tasa 4 5 6"))
    assert rows(g)[0] == ["Tasa por 100,000", "1", "2", "3"]


def test_year_column_is_text_only():
    g = parse_space_table(
        body("Servicio Vigencia Mínimo Máximo\n\nDiálisis 2020 611 1,552\n\nTrasplantes 2021 23 55")
    )
    assert cell(g, 0, 1).text == "2020" and cell(g, 0, 1).value is None
    assert cell(g, 0, 2).value == 611


def test_repeated_header_dropped():
    g = parse_space_table(body("Unidad Camas\nUMF Norte 10\nUMF Sur 20\nUnidad Camas\nUMF Este 30"))
    assert [r[0] for r in rows(g)] == ["UMF Norte", "UMF Sur", "UMF Este"]


def test_side_by_side_halves_are_stacked():
    text = "\n".join(
        [
            "Concepto 2018 2019 Concepto 2018 2019",
            "Caja 1 2 Deudas 10 20",
            "Bancos 3 4 Proveedores 30 40",
            "Inventario 5 6 Impuestos 50 60",
            "Total activo 9 12 Total pasivo 90 120",
        ]
    )
    g = parse_space_table(body(text))
    assert g.columns == ["Concepto", "2018", "2019"]
    assert [r[0] for r in rows(g)] == [
        "Caja",
        "Bancos",
        "Inventario",
        "Total activo",
        "Deudas",
        "Proveedores",
        "Impuestos",
        "Total pasivo",
    ]
    assert rows(g)[4] == ["Deudas", "10", "20"]


def test_interleaved_prose_goes_back():
    text = "\n".join(
        [
            "Insumo Cantidad",
            "Batas 921,676",
            "Guantes 21,324",
            "",
            "Durante la fase de contingencia, el personal adscrito recibió",
            "capacitación en la atención de los pacientes con sospecha de la",
            "enfermedad y en el empleo de los equipos de protección.",
        ]
    )
    g = parse_space_table(body(text, first=1))
    assert g.prose == {5, 6, 7}
    assert rows(g) == [["Batas", "921,676"], ["Guantes", "21,324"]]


def test_short_row_is_right_aligned_and_reported():
    g = parse_space_table(body("x A B C\nUno 1 2 3\nDos 5 6\nTres 7 8 9"))
    assert rows(g)[1] == ["Dos", "", "5", "6"]
    assert any("2 of 3" in p for p in g.problems)


def test_empty_and_header_only_bodies():
    assert parse_space_table([]).cells == []
    g = parse_space_table(body("Nombre Total\n\n"))
    assert g.cells == [] or all(c.value is None for c in g.cells)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(-5, 10**6), st.text(max_size=80)), max_size=40))
def test_never_raises(lines):
    g = parse_space_table(lines)
    assert not any(p.startswith("table body not read") for p in g.problems)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "1,053",
                    "(2,389)",
                    "-",
                    "S/D",
                    "12.5%",
                    "4513/",
                    "Total",
                    "de",
                    "2020",
                    "●",
                    "Uno",
                    "1'109,630",
                ]
            ),
            max_size=8,
        ).map(" ".join),
        max_size=30,
    )
)
def test_never_raises_on_table_like_lines(lines):
    g = parse_space_table([(i + 1, t) for i, t in enumerate(lines)])
    assert not any(p.startswith("table body not read") for p in g.problems)


def test_header_broken_over_lines_is_split_into_columns():
    g = parse_space_table(
        body("Tipo de bien Cantidad\nMonto\n\n(millones \nde pesos)\n\nCentral 12 4.5\n\nLocal 3 1.0")
    )
    assert g.columns == ["Tipo de bien", "Cantidad", "Monto (millones de pesos)"]
    assert rows(g)[1] == ["Local", "3", "1.0"]


def test_header_with_hyphenated_periods_and_closed_units():
    g = parse_space_table(
        body(
            "Rubro Enero de 2018- \nmarzo de 2019\n\nAbril de 2019- \nmayo de 2020\n\n"
            "Visitas 1,200 1,300\n\nCitas 5 6\n\nAltas 7 8"
        )
    )
    assert g.columns == ["Rubro", "Enero de 2018- marzo de 2019", "Abril de 2019- mayo de 2020"]
    g = parse_space_table(body("Bien monto menor (sin IVa) monto mayor (sin IVa)\n\nSillas 1.5 2.0"))
    assert g.columns == ["Bien", "monto menor (sin IVa)", "monto mayor (sin IVa)"]


def test_band_line_under_the_header_goes_back_to_the_body():
    g = parse_space_table(
        body(
            "Unidad Número de bienes Importe\n\nPrimer nivel de atención\n\n"
            "UMF Norte 10 1.5\n\nUMF Sur 20 2.5"
        )
    )
    assert g.columns == ["Unidad", "Número de bienes", "Importe"]
    assert rows(g)[0] == ["Primer nivel de atención", "", ""]


def test_upper_names_over_a_line_of_leaf_names():
    g = parse_space_table(
        body("Medio\n\nPrimera campaña\n\nSegunda\ncampaña\n\nVisitas Visitas\n\nRadio 10 20\n\nPrensa 3 4")
    )
    assert g.columns == ["Medio", "Primera campaña / Visitas", "Segunda campaña / Visitas"]


def test_header_split_keeps_names_in_order_and_count():
    @settings(max_examples=100, deadline=None)
    @given(
        st.lists(st.sampled_from(["Total", "de", "pesos", "(mdp)", "Casos", "2020", "%", "año"]), max_size=12)
    )
    def check(words):
        from tui.corpus.space_header import header_names

        names = header_names([(" ".join(words), False)], 2)
        assert names is None or (len(names) == 3 and " ".join(n for n in names if n).split() == words)

    check()


def test_short_row_placed_by_the_total_row():
    g = parse_space_table(body("Medio A B C\nTV 1 2 3\nCine 10 20\nRadio 4 5 6\nTotal 15 27 9"))
    assert rows(g)[1] == ["Cine", "10", "20", ""]
    assert any("placed by the total row" in p for p in g.problems)
    g = parse_space_table(body("Medio A B C\nTV 1 2 3\nCine 10 20\nRadio 4 5 6\nTotal 5 17 29"))
    assert rows(g)[1] == ["Cine", "", "10", "20"]


def test_side_by_side_with_one_value_column_needs_a_repeated_header():
    head = "Mujeres Hombres\nCausa de muerte\nTasa por mil\nCausa de muerte\nTasa por mil\n"
    g = parse_space_table(body(head + "Mama 8.1 Próstata 6.8\nColon 4.2 Pulmón 5.1\nOvario 3.3 Colon 4.9"))
    assert g.columns == ["Causa de muerte", "Tasa por mil"]
    assert rows(g) == [
        ["Mama", "8.1"],
        ["Colon", "4.2"],
        ["Ovario", "3.3"],
        ["Próstata", "6.8"],
        ["Pulmón", "5.1"],
        ["Colon", "4.9"],
    ]
    g = parse_space_table(body("Unidad Camas\nHGZ No. 1 Sur 10\nHGZ No. 2 Norte 20\nHGZ No. 3 Este 30"))
    assert rows(g)[0] == ["HGZ No. 1 Sur", "10"]


def test_text_cell_wrapped_apart_from_its_row_joins_the_year_column():
    g = parse_space_table(
        body(
            "Servicio Vigencia Mínimo Máximo\n\nDiálisis\nInterna\n\n2020 3 8\n\n"
            "Trasplantes 2020 1 2\n\nCirugía 2019 5 6\n\n"
            "Red de\nLaboratorios\n\nSegundo\ntrimestre\n\n2021\n\n20 51\n\nTotal 29 67"
        )
    )
    assert rows(g) == [
        ["Diálisis Interna", "2020", "3", "8"],
        ["Trasplantes", "2020", "1", "2"],
        ["Cirugía", "2019", "5", "6"],
        ["Red de Laboratorios", "Segundo trimestre 2021", "20", "51"],
        ["Total", "", "29", "67"],
    ]
    assert cell(g, 0, 1).value is None and cell(g, 3, 2).value == 20


def test_percentages_in_parentheses_share_the_header_cell_of_their_count():
    g = parse_space_table(
        body("Total de\npersonas\n\nTratadas (%)\n\nCuradas (%)\n\n1,000 900 (90.0) 450 (50.0)")
    )
    assert g.columns == [
        "",
        "Total de personas",
        "Tratadas (%)",
        "Tratadas (%) / %",
        "Curadas (%)",
        "Curadas (%) / %",
    ]
    assert rows(g) == [["", "1,000", "900", "(90.0)", "450", "(50.0)"]]
    assert cell(g, 0, 3).value == 90.0 and cell(g, 0, 2).value == 900


def test_parenthesised_negatives_are_not_shares():
    g = parse_space_table(body("Concepto 2019 2020 (%)\n\nIngresos 10 (2) (5)\n\nGastos 4 (1) (3)"))
    assert cell(g, 0, 2).value == -2 and cell(g, 0, 3).value == -5


def test_all_text_table_is_cut_before_its_title_abbreviations():
    g = parse_space_table(
        body(
            "Estado Título Titular\n\nSONORA DR. JUAN PÉREZ LÓPEZ\n\nBAJA CALIFORNIA SUR DRA. ANA RUIZ\n\n"
            "NUEVO LEÓN DR. LUIS DE LA PEÑA\n\nCOLIMA MTRA. EVA SOTO\n\nJALISCO MTRA. ROSA LEE DR. HONORIS"
        )
    )
    assert g.columns == ["Estado", "Título", "Titular"]
    assert rows(g) == [
        ["SONORA", "DR.", "JUAN PÉREZ LÓPEZ"],
        ["BAJA CALIFORNIA SUR", "DRA.", "ANA RUIZ"],
        ["NUEVO LEÓN", "DR.", "LUIS DE LA PEÑA"],
        ["COLIMA", "MTRA.", "EVA SOTO"],
        ["JALISCO", "MTRA.", "ROSA LEE DR. HONORIS"],
    ]
    assert all(c.value is None for c in g.cells)


def test_all_text_table_rows_follow_rank_numbers_and_wrapped_cells():
    g = parse_space_table(
        body(
            "No. Delegación Unidad\n\n1 Ciudad de México Norte Tlatelolco (Zona de\n"
            "las Torres) UMF No. 3 Nueva\n\n"
            "2 Morelos Cuautla UMF 6 Nueva\n3 Sonora Nogales HGZ No. 5 Remodelación\n"
            "4 Puebla Atlixco HGZ/MF No. 1 Nueva\n5 Colima Manzanillo HR Nueva\n6 Sinaloa Culiacán"
        )
    )
    assert g.columns == ["No.", "Delegación", "Unidad"]
    assert [r[:2] for r in rows(g)] == [
        ["1", "Ciudad de México Norte Tlatelolco (Zona de las Torres)"],
        ["2", "Morelos Cuautla"],
        ["3", "Sonora Nogales"],
        ["4", "Puebla Atlixco"],
        ["5", "Colima Manzanillo"],
        ["6", "Sinaloa Culiacán"],
    ]
    assert rows(g)[3][2] == "HGZ/MF No. 1 Nueva" and rows(g)[4][2] == "HR Nueva" and rows(g)[5][2] == ""


def test_text_lines_without_a_shared_abbreviation_stay_one_column():
    g = parse_space_table(
        body("Acciones\n\nSe revisó el padrón\n\nSe pagó la nómina\n\nSe cerró el ejercicio")
    )
    assert all(c.col == 0 for c in g.cells)


def test_all_text_table_with_wide_gaps_keeps_one_column_per_gap():
    g = parse_space_table(
        body(
            "Objetivo  Indicador  Meta\n\nFortalecer convenios  Número de convenios  Dos convenios\n"
            "vigentes.\n\nRevisar  Porcentaje revisado  100% de convenios\n\n"
            "Pagar a tiempo  Días de atraso  Cero"
        )
    )
    assert g.columns == ["Objetivo", "Indicador", "Meta"]
    assert rows(g) == [
        ["Fortalecer convenios", "Número de convenios", "Dos convenios vigentes."],
        ["Revisar", "Porcentaje revisado", "100% de convenios"],
        ["Pagar a tiempo", "Días de atraso", "Cero"],
    ]


def test_text_column_between_label_and_numbers_is_split_by_shared_heads():
    g = parse_space_table(
        body(
            "Estado Unidad Camas\n\nNuevo León HGZ No. 2 Monterrey 100\n\nNuevo León Hospital Santa Fe 50\n\n"
            "Sonora Ciudad Obregón 30\n\nPuebla UMF No. 6 Villa Sur 20\n\nPuebla Estadio Azul 10\n\nTotal 210"
        )
    )
    assert g.columns == ["Estado", "Unidad", "Camas"]
    assert rows(g) == [
        ["Nuevo León", "HGZ No. 2 Monterrey", "100"],
        ["Nuevo León", "Hospital Santa Fe", "50"],
        ["Sonora", "Ciudad Obregón", "30"],
        ["Puebla", "UMF No. 6 Villa Sur", "20"],
        ["Puebla", "Estadio Azul", "10"],
        ["Total", "", "210"],
    ]
    assert cell(g, 5, 2).value == 210 and cell(g, 0, 1).value is None


def test_labels_stay_whole_when_the_header_names_no_text_column():
    g = parse_space_table(
        body("Unidad Camas\n\nNuevo León HGZ No. 2 100\n\nNuevo León HGR 50\n\nPuebla HGZ 20")
    )
    assert [r[0] for r in rows(g)] == ["Nuevo León HGZ No. 2", "Nuevo León HGR", "Puebla HGZ"]


def test_first_line_naming_the_single_column_by_its_period_is_the_header():
    body = [
        "actividad 2019-2020",
        "",
        "Consultas de Enfermería 7'914,551",
        "",
        "Consejería de planificación familiar 851,354",
        "",
        "Detecciones de tamiz neonatal 81,445",
    ]
    grid = parse_space_table([(i + 1, line) for i, line in enumerate(body)])
    assert grid.columns == ["actividad", "2019-2020"]
    first = [(c.row, c.col, c.text) for c in grid.cells][:2]
    assert first == [(0, 0, "Consultas de Enfermería"), (0, 1, "7'914,551")]


def _grid(*body: str):
    return parse_space_table([(i + 1, line) for i, line in enumerate(body)])


def test_header_wrapped_before_its_year_is_the_header():
    grid = _grid(
        "Concepto Participación", "porcentual 2019", "", "Personal 45.3%", "", "Otros 54.7%", "", "Total 100%"
    )
    # a lone year after a lower-case word dates that cell; it is not a cell of its own
    assert grid.columns == ["Concepto", "Participación porcentual 2019"]
    assert [(c.row, c.text) for c in grid.cells if c.col == 1] == [(0, "45.3%"), (1, "54.7%"), (2, "100%")]


def test_years_in_a_run_after_a_lower_case_word_stay_column_names():
    grid = _grid("Tipo de medio 2019 2020", "", "Radio 3 4", "", "Prensa 5 6", "", "Total 8 10")
    assert grid.columns == ["Tipo de medio", "2019", "2020"]


def test_one_weak_cut_names_a_single_value_column():
    # no sure cut: the lower-case small-caps word starting the second line opens the value cell,
    # and the units line stays with it instead of a lone last word naming the column
    head = ["Artículo", "importe máximo", "", "asignado", "(sin impuestos)", ""]
    grid = _grid(*head, "Jabón 12", "", "Toallas 30", "", "Total 42")
    assert grid.columns == ["Artículo", "importe máximo asignado (sin impuestos)"]


def test_years_that_are_the_data_stay_rows():
    grid = _grid("Programa Inicio", "", "Programa Uno 2015", "", "Programa Dos 2018")
    assert [c.text for c in grid.cells if c.col == 1] == ["2015", "2018"]


def test_a_year_alone_under_a_wrapped_label_is_no_header():
    # a label wrapped a word per line whose last line is its year, values on the next line
    head = ["Nombre del", "Servicio", "Vigencia", "monto", "mínimo", "monto", "máximo"]
    rows = ["Red de", "Laboratorio", "Cuarto", "trimestre", "2019", "91 230", "Total 91 230"]
    grid = _grid(*head, *rows)
    assert "2019" not in grid.columns
    assert "2019" in [c.text for c in grid.cells]


def test_blank_separated_header_blocks_are_the_cells():
    # each value cell a block (a word over its period); the label name opens the first block
    head = [
        "Rubro Ciclo",
        "2015-2016",
        "",
        "Ciclo",
        "2016-2017",
        "",
        "Cambio",
        "Ciclo 2015-2016",
        "",
        "(%)",
        "",
    ]
    grid = _grid(*head, "Visitas 10 12 20.0%", "", "Altas 5 4 -20.0%")
    assert grid.columns == ["Rubro", "Ciclo 2015-2016", "Ciclo 2016-2017", "Cambio Ciclo 2015-2016 (%)"]
    assert [c.text for c in grid.cells if c.row == 1] == ["Altas", "5", "4", "-20.0%"]


def test_blocks_with_two_names_side_by_side_are_no_cells():
    from tui.corpus.space_header import block_names

    assert block_names([("causa", False), ("Total", True), ("Casos Tasa", True)], 2) is None
    lines = [("Rubro Ciclo 2015", False), ("(a)", False), ("Meta 2016", True), ("(b)", False)]
    assert block_names(lines, 2) == ["Rubro", "Ciclo 2015 (a)", "Meta 2016 (b)"]
