"""Totals and percentages recomputed: consistent tables give nothing, real mismatches show up."""

from __future__ import annotations

import pytest

from tui.corpus.checks import check_exhibit
from tui.corpus.exhibits import find_exhibits
from tui.corpus.model import Exhibit
from tui.corpus.tables_tab import parse_tab_table


def _table(*rows: str) -> Exhibit:
    grid = parse_tab_table([(100 + i, r) for i, r in enumerate(rows)])
    return Exhibit(
        "d:cuadro-i-1", "d", "table", "Cuadro I.1", "I.1", "t", 1, 9, columns=grid.columns, cells=grid.cells
    )


CONSISTENT = (
    "Categoría\tPlaza\tOcupadas\tVacantes\tCobertura (%)",
    "Médicos\t1,053\t880\t173\t83.6",
    "Enfermeras\t2,255\t2,119\t136\t94.0",
    "Total\t3,308\t2,999\t309\t90.7",
)


def test_consistent_table_gives_no_check():
    assert check_exhibit(_table(*CONSISTENT)) == []


def test_wrong_column_total_is_reported():
    rows = list(CONSISTENT)
    rows[3] = "Total\t3,308\t2,990\t309\t90.7"
    found = check_exhibit(_table(*rows))
    col = [c for c in found if c.check == "col_total"]
    assert [(c.row, c.col, c.expected, c.found) for c in col] == [(2, 2, 2999, 2990)]


def test_wrong_row_total_is_reported():
    ex = _table(
        "Programa\tEnero\tFebrero\tTotal",
        "A\t10\t20\t30",
        "B\t30\t40\t70",
        "C\t1\t1\t3",
        "Total\t41\t61\t102",
    )
    found = check_exhibit(ex)
    # Row C's printed total is off by one, so the Total column no longer adds up either.
    assert [(c.check, c.row, c.col, c.expected, c.found) for c in found] == [
        ("col_total", 3, 3, 103, 102),
        ("row_total", 2, 3, 2, 3),
    ]


def test_wrong_share_percentage_is_reported():
    ex = _table(
        "Banco\tMonto\tParticipación (%)",
        "A\t600\t60.0",
        "B\t300\t30.0",
        "C\t100\t12.0",
        "Total\t1,000\t100.0",
    )
    found = check_exhibit(ex)
    assert [(c.check, c.row, c.col, c.expected, c.found) for c in found] == [("percent", 2, 2, 10.0, 12.0)]


def test_decimals_set_the_tolerance():
    ex = _table("Banco\tMonto\tParticipación (%)", "A\t6,176.1\t66.7", "B\t3,088.0\t33.3", "\t9,264.1\t100.0")
    assert check_exhibit(ex) == []


def test_charts_and_empty_tables_are_skipped():
    assert check_exhibit(Exhibit("d:g", "d", "chart", "Gráfica I.1", "I.1", "t", 1, 2)) == []


@pytest.fixture(scope="module")
def checks_004(corpus_lines):
    exhibits = find_exhibits("004", corpus_lines("004"), set())
    return exhibits, [c for e in exhibits for c in check_exhibit(e)]


def test_real_mismatch_is_found(checks_004):
    # Checked by hand: the DPES column of Cuadro III.5 as printed adds to 52, its Total row says 36.
    _, found = checks_004
    hit = [c for c in found if c.exhibit_id == "004:cuadro-iii-5" and c.col == 1]
    assert [(c.check, c.expected, c.found) for c in hit] == [("col_total", 52, 36)]


def test_consistent_real_tables_give_none(checks_004):
    exhibits, found = checks_004
    flagged = {c.exhibit_id for c in found}
    for name in (
        "cuadro-i-1",
        "cuadro-ii-4",
        "cuadro-iii-8",
        "cuadro-iv-6",
        "cuadro-v-1",
        "cuadro-vii-1",
        "cuadro-vii-5",
    ):
        assert f"004:{name}" not in flagged
    assert len(flagged) <= 3


def test_a_named_measure_that_adds_up_nowhere_is_not_a_total():
    rows = (
        "Actividad\t2020",
        "Consultas\t7,914",
        "Total de niños en control\t1,451",
        "Detecciones\t2,958",
        "Total de sesiones de promoción\t648",
    )
    assert check_exhibit(_table(*rows)) == []
    wrong = ("Actividad\t2020", "Consultas\t7,914", "Detecciones\t2,958", "Total\t10,000")
    assert [(c.row, c.expected, c.found) for c in check_exhibit(_table(*wrong))] == [(2, 10872, 10000)]


def test_columns_printed_as_percentages_are_not_summed():
    rows = (
        "Banco\tMonto\tConciliado\tNo conciliado",
        "A\t809\t96.15%\t3.85%",
        "B\t2,351\t99.86%\t0.14%",
        "Total general\t3,160\t99.15%\t0.85%",
    )
    assert check_exhibit(_table(*rows)) == []


NESTED = (
    "Tipo\tPersonas",
    "Titulares\t3,700",
    "Aseguradas\t3,000",
    "Con empleo\t2,200",
    "Sin empleo\t800",
    "Pensionadas\t700",
    "Familiares\t4,000",
    "Total\t7,700",
)


def test_rows_nested_without_indents_add_up_to_their_total():
    """Subtotals printed above their parts, with nothing to mark the nesting: the total is the
    sum of the top rows (3,700 + 4,000), not of every row."""
    assert check_exhibit(_table(*NESTED)) == []


def test_a_wrong_total_of_nested_rows_is_still_reported():
    rows = [*NESTED[:-1], "Total\t7,600"]
    assert [(c.check, c.row, c.found) for c in check_exhibit(_table(*rows))] == [("col_total", 6, 7600)]


def test_subtotals_and_a_count_printed_only_on_them_give_no_false_mismatch():
    rows = (
        "Tipo\tObras\tCosto",
        "Clínica A\t\t10",
        "Clínica B\t\t20",
        "Subtotal obras médicas\t2\t30",
        "Almacén\t\t5",
        "Subtotal obras no médicas\t1\t5",
        "Total obras\t3\t35",
    )
    assert check_exhibit(_table(*rows)) == []
    wrong = (*rows[:-1], "Total obras\t3\t36")
    assert [(c.row, c.col, c.expected, c.found) for c in check_exhibit(_table(*wrong))] == [(5, 2, 35, 36)]


def test_a_top_n_table_is_not_taken_for_a_wrong_total():
    """The 3 main causes and their sum, then the total of all causes: the percentage column
    says the rows are only part of it (70 of 100). The sum of the 3 is still checked."""
    rows = (
        "Motivo\tFrecuencia\tPorcentaje",
        "1 Corazón\t400\t40.0",
        "2 Diabetes\t200\t20.0",
        "3 Traumatismos\t100\t10.0",
        "Suma de las 3 principales causas\t700\t70.0",
        "Total\t1,000\t100.0",
    )
    assert check_exhibit(_table(*rows)) == []
    off = (*rows[:4], "Suma de las 3 principales causas\t702\t70.0", rows[5])
    found = [(c.check, c.row, c.col, c.expected, c.found) for c in check_exhibit(_table(*off))]
    assert ("col_total", 3, 1, 700, 702) in found and all(f[1] == 3 for f in found)
