"""A label column printed as bands (a merged cell over its group) above a second text column."""

from __future__ import annotations

from space_snippets import body
from space_snippets import rows as _rows

from tui.corpus.tables_space import parse_space_table


def _grid(text: str):
    return parse_space_table(body(text))


BANDED = """Zona de
cobertura Servicio altas bajas Saldo

Zona norte
Consulta 10 4 6

Hospital Regional 20 5 15

Zona sur
Consulta 8 2 6

Hospital Regional 12 3 9

Total 50 14 36"""


def test_bands_fill_their_column_and_row_labels_become_the_second():
    grid = _grid(BANDED)
    assert grid.columns == ["Zona de cobertura", "Servicio", "altas", "bajas", "Saldo"]
    assert _rows(grid) == [
        ["Zona norte", "Consulta", "10", "4", "6"],
        ["Zona norte", "Hospital Regional", "20", "5", "15"],
        ["Zona sur", "Consulta", "8", "2", "6"],
        ["Zona sur", "Hospital Regional", "12", "3", "9"],
        ["Total", "", "50", "14", "36"],
    ]
    assert next(c for c in grid.cells if c.text == "50").value == 50


def test_bands_without_a_shared_word_are_not_a_column():
    grid = _grid(BANDED.replace("Zona sur", "Región Golfo"))
    assert len(grid.columns) == 4
    assert "Zona norte" not in {c.text for c in grid.cells if c.col == 0 and c.row > 0}


def test_wrapped_labels_are_not_bands():
    text = "Unidad Camas\n\nHospital de\nZona 10\n\nClínica de\nZona 5\n\nTotal 15"
    grid = _grid(text)
    assert _rows(grid) == [["Hospital de Zona", "10"], ["Clínica de Zona", "5"], ["Total", "15"]]
