"""Several text columns before the values, cut at capitalisation seams around an acronym column."""

from __future__ import annotations

from space_snippets import table as _rows

from tui.corpus.space_columns import peel
from tui.corpus.space_textcols import seams, split_labels

WORKS = """Delegación
regional
Ciudad Tipo de Clínica Tipo de obra Número de
camas

Primera zona de obras

Sonora Nogales HGZ No. 3 Nueva 40

Nuevo León Apodaca CMF Nueva 12

Nuevo León San Pedro Garza CMF No. 8 Ampliación y remodelación 6

Jalisco Tonalá HGZ/MF No. 2 Ampliación y remodelación 30

Total zona norte 88"""


def test_three_text_columns_split_at_seams_around_the_acronym_column():
    names, rows = _rows(WORKS)
    assert names == ["Delegación regional", "Ciudad", "Tipo de Clínica", "Tipo de obra", "Número de camas"]
    assert rows == [
        ["Primera zona de obras", "", "", "", ""],
        ["Sonora", "Nogales", "HGZ No. 3", "Nueva", "40"],
        ["Nuevo León", "Apodaca", "CMF", "Nueva", "12"],
        ["Nuevo León", "San Pedro Garza", "CMF No. 8", "Ampliación y remodelación", "6"],
        ["Jalisco", "Tonalá", "HGZ/MF No. 2", "Ampliación y remodelación", "30"],
        ["Total zona norte", "", "", "", "88"],
    ]


def test_a_cell_opening_word_shared_by_other_rows_skips_a_capitalised_unit_name():
    labels = [
        "Sonora Nogales HGZ Nueva",
        "Jalisco Tonalá HGZ No. 2 Nueva",
        "Puebla Cholula UMAE Hospital de Cardiología Nueva área",
    ]
    assert split_labels(labels, 4)[2] == ["Puebla", "Cholula", "UMAE Hospital de Cardiología", "Nueva área"]


def test_labels_without_an_acronym_column_are_left_alone():
    assert split_labels(["Sonora Nogales Nueva", "Jalisco Tonalá Nueva", "Puebla Cholula Nueva"], 3) is None


def test_seams_skip_connectors_commas_and_numbering():
    toks = [
        "Nuevo",
        "León",
        "San",
        "Nicolás",
        "de",
        "los",
        "Garza",
        "HGZ",
        "No.",
        "4",
        "Ampliación,",
        "Remodelación",
    ]
    assert [toks[i] for i in seams(toks)] == ["León", "San", "Nicolás", "HGZ", "Ampliación,"]


def test_the_number_after_no_belongs_to_the_label():
    assert peel(["Tonalá", "HGZ", "No.", "2", "0", "30"], 10) == (["Tonalá", "HGZ", "No.", "2"], ["0", "30"])
    assert peel(["Tonalá", "HGZ", "No.", "2"], 10) == (["Tonalá", "HGZ", "No.", "2"], [])
