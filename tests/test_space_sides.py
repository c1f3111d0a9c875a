"""Side-by-side space tables: one-sided rows placed by the totals, two halves' bands cut apart."""

from __future__ import annotations

from space_snippets import body, rows

from tui.corpus.space_sides import two_labels
from tui.corpus.tables_space import parse_space_table


def _rows(text: str) -> list[list[str]]:
    return rows(parse_space_table(body(text)))


BALANCE = """Concepto 2018 2019 Concepto 2018 2019

Activo fijo Pasivo corto

Caja 1 2 Deudas 10 20

Bancos 3 4 Proveedores 30 40

Terrenos 5 6

Capital social 7 8

Edificios 10 10 Reservas 5 5

Total de activo fijo 19 22 Total de pasivo corto 52 73

Activo diferido Total pasivo 52 73"""

LEFT = ["Activo fijo", "Caja", "Bancos", "Terrenos", "Edificios", "Total de activo fijo", "Activo diferido"]
RIGHT = ["Pasivo corto", "Deudas", "Proveedores", "Capital social", "Reservas", "Total de pasivo corto"]


def test_one_sided_rows_go_where_the_totals_add_up():
    rows = _rows(BALANCE)
    assert [r[0] for r in rows] == LEFT + RIGHT + ["Total pasivo"]
    assert ["Terrenos", "5", "6"] in rows and ["Capital social", "7", "8"] in rows


def test_a_line_with_both_halves_bands_is_cut():
    rows = _rows(BALANCE)
    assert ["Activo fijo", "", ""] in rows and ["Pasivo corto", "", ""] in rows
    assert ["Activo diferido", "", ""] in rows and ["Total pasivo", "52", "73"] in rows


def test_without_totals_one_sided_rows_stay_left():
    text = BALANCE.replace("fijo 19 22", "fijo 20 20").replace("corto 52 73", "corto 99 99")
    labels = [r[0] for r in _rows(text)]
    assert labels.index("Capital social") < labels.index("Pasivo corto")


def test_two_labels_cuts_only_at_one_sure_seam():
    assert two_labels(["Activo", "circulante", "Pasivo", "circulante"]) == (
        ["Activo", "circulante"],
        ["Pasivo", "circulante"],
    )
    assert two_labels(["Fondos", "de", "la", "Ciudad", "de", "México"]) is None  # after connectors
    assert two_labels(["Cuentas", "por", "pagar", "IMSS"]) is None  # an acronym, not a label
    assert two_labels(["Uno", "dos", "Tres", "cuatro", "Cinco"]) is None  # two seams: not sure
