"""All-text space tables: pivots counted per row block, repeated tails cut into a last column."""

from __future__ import annotations

from space_snippets import table as _grid

from tui.corpus.space_text import pivot_tokens, split_tails

# Rows wrapped over many short lines: the pivot ``CDC`` is on fewer than a quarter of the lines
# but opens the second cell of every row block.
WRAPPED = """estado zona

Centro cultural

Taller Público

Sonora Norte CDC Hermosillo Pintura
al
óleo
Niños

Jalisco Centro CDC Guadalajara Teatro
de calle
Jóvenes

Puebla Sur CDC Puebla Canto
coral
para todos
Adultos
mayores

Yucatán Sur CDC Mérida Danza
regional
y moderna
Niños

Durango Norte CDC Gómez Palacio Teatro
Jóvenes

Chiapas Sur CDC Tapachula Música
de
marimba
Adultos mayores
"""


def test_pivot_counted_against_row_blocks():
    tokens = [line.split() for line in WRAPPED.split("\n") if line]
    assert pivot_tokens(tokens) == frozenset()
    assert len(tokens) > 4 * 6  # six pivots: fewer than a quarter of the lines
    assert pivot_tokens(tokens, blocks=len(tokens) - 3) == frozenset({"CDC"})


def test_wrapped_text_rows_keep_their_pivot_and_repeated_tails():
    names, rows = _grid(WRAPPED)
    assert len(names) == 3
    labels = ["Sonora Norte", "Jalisco Centro", "Puebla Sur", "Yucatán Sur", "Durango Norte", "Chiapas Sur"]
    assert [r[0] for r in rows] == labels
    assert rows[1] == ["Jalisco Centro", "CDC Guadalajara Teatro de calle", "Jóvenes"]
    assert rows[2] == ["Puebla Sur", "CDC Puebla Canto coral para todos", "Adultos mayores"]
    assert rows[3][2] == "Niños"


def test_split_tails_needs_tails_shared_by_nearly_every_row():
    rows = [[("a", 1), ("Taller Uno Niños", 1)], [("b", 2), ("Taller Dos Niños", 2)]]
    rows += [[("c", 3), ("Curso Tres Adultos", 3)], [("d", 4), ("Curso Cuatro Jóvenes", 4)]]
    split_tails(rows)
    assert all(len(r) == 2 for r in rows)  # only half the rows share a tail
    rows[3] = [("d", 4), ("Curso Cuatro Adultos", 4)]
    split_tails(rows)
    assert [r[2][0] for r in rows] == ["Niños", "Niños", "Adultos", "Adultos"]
    assert rows[0][1][0] == "Taller Uno"


def test_split_tails_keeps_a_unit_number_in_its_cell():
    rows = [[(k, n), (f"Sede {k} No. 1 Nueva", n)] for n, k in enumerate(["Uno", "Dos", "Tres"])]
    split_tails(rows)
    assert [r[-1][0] for r in rows] == ["Nueva"] * 3


# Ranked rows whose second cell wraps onto lines of its own (one over a blank), then a count.
RANKED = """No. estado Clínica

1 Sonora UMF No. 4, Hermosillo

2 Nuevo León UMF No. 7, Apodaca UMF No. 9,
Guadalupe

3 Ciudad de México Norte
UMF No. 2 "Los Pinos" UMF No. 8, Azcapotzalco

UMF No. 11 "Tacuba"

4 Yucatán HGR No. 1, Mérida

5 Colima HGZ No. 3, Manzanillo

Clínicas visitadas 8"""


def test_ranked_text_rows_keep_wrapped_parts_and_the_closing_count():
    names, rows = _grid(RANKED)
    assert names == ["No.", "estado", "Clínica"]
    assert rows == [
        ["1", "Sonora", "UMF No. 4, Hermosillo"],
        ["2", "Nuevo León", "UMF No. 7, Apodaca UMF No. 9, Guadalupe"],
        ["3", "Ciudad de México Norte", 'UMF No. 2 "Los Pinos" UMF No. 8, Azcapotzalco UMF No. 11 "Tacuba"'],
        ["4", "Yucatán", "HGR No. 1, Mérida"],
        ["5", "Colima", "HGZ No. 3, Manzanillo"],
        ["Clínicas visitadas", "", "8"],
    ]
