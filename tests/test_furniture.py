"""Page furniture: running headers, page numbers, watermarks, re-emitted page blocks."""

from __future__ import annotations

from tui.corpus.furniture import find_furniture


def _prose(n: int, tag: str) -> list[str]:
    return [
        f"Línea {tag} número {i} de un párrafo que sigue bastante más largo de lo normal." for i in range(n)
    ]


def test_running_header_and_page_number() -> None:
    lines = [
        "texto que se corta y",
        "",
        "",
        "",
        "CAPÍTULO II. DIRECCIÓN DE FINANZAS",
        "",
        "87",
        "",
        "sigue aquí.",
    ]
    assert find_furniture(lines) == {5, 7}


def test_pagina_footer_with_header_above() -> None:
    lines = ["fin de página.", "", "", "MANUAL DE ORGANIZACIÓN DE LA", "JEFATURA DE SERVICIOS", "", " ", "",
             " Página 11 de 41 Clave: 3000", "", "sigue"]  # fmt: skip
    assert find_furniture(lines) == {4, 5, 9}


def test_bare_numbers_in_prose_or_tables_are_kept() -> None:
    lines = ["Total de camas", "", "87", "", "Hospitales", "", "12", ""]
    assert find_furniture(lines) == set()


def test_watermark() -> None:
    assert find_furniture(["a", "DRAFT", "b"]) == {2}


def test_duplicated_block_with_one_character_changed() -> None:
    block = _prose(10, "x")
    copy = list(block)
    copy[4] = copy[4].replace("número", "númerö")
    lines = _prose(3, "a") + block + ["", "II.7. Un encabezado"] + copy + _prose(3, "b")
    start = 3 + len(block) + 2 + 1
    assert find_furniture(lines) == set(range(start, start + len(copy)))


def test_repeated_notes_of_numbered_charts_are_not_duplicates() -> None:
    notes = ["1/ Tasa por 100 mil habitantes ajustada por edad con la población mundial.", "(1998-2018)",
             "Fuente Defunciones: Instituto Nacional de Estadística y Geografía.",
             "Fuente Poblaciones: IMSS y estimaciones del Consejo Nacional de Población."]  # fmt: skip
    lines: list[str] = []
    for k in range(20, 24):
        lines += [f"GRÁFICA II.{k}.", f"Tendencia de la tasa de mortalidad {k}"] + notes
    assert find_furniture(lines) == set()


def test_real_ilpa_2019_headers(corpus_lines) -> None:
    lines = corpus_lines("001")
    found = find_furniture(lines)
    numbers = sorted(n for n in found if lines[n - 1].strip().isdigit())
    pages = ["69", "87", "146", "206", "207", "221", "244", "294", "364", "374", "384", "409"]
    assert [lines[n - 1].strip() for n in numbers] == pages
    assert len(found) == 26  # 12 page numbers + 14 header lines
    assert {6107, 6108, 38702} <= found


def test_real_ilpa_2024_duplicates(corpus_lines) -> None:
    lines = corpus_lines("004")
    found = find_furniture(lines)
    for first, last in [(2735, 2770), (10094, 10129), (10348, 10379), (10468, 10499), (10600, 10638)]:
        assert set(range(first, last + 1)) <= found
        assert first - 1 not in found or not lines[first - 2].strip()
    assert 3827 in found  # DRAFT
    assert not found & set(range(2698, 2734))  # the original copy stays


def test_real_corpus_spares_agreements(corpus_dir) -> None:
    sizes = {}
    for path in sorted(corpus_dir.glob("*.txt")):
        sizes[path.name[:3]] = len(find_furniture(path.read_text(encoding="utf-8").split("\n")))
    assert sizes["000"] == 0 and sizes["002"] == 0 and sizes["003"] == 6
