"""Paragraph and footnote reconstruction: self-written snippets, then the real corpus."""

from __future__ import annotations

import re

import pytest

from tui.corpus.model import Section
from tui.corpus.paragraphs import build_paragraphs


def _build(text: str, skip: set[int] | None = None, sections: list[Section] | None = None):
    return build_paragraphs("d", text.split("\n"), sections or [], skip or set())


def _section(sid: str, level: int, start: int, end: int) -> Section:
    return Section(sid, "d", None, level, "Capítulos", None, sid, 0, start, end)


# --- snippets -------------------------------------------------------------------------------


def test_blank_line_inside_a_sentence_is_joined() -> None:
    paras, _ = _build("sus necesidades de salud  \n\npor otras causas se mantienen.\n\nOtro párrafo.")
    assert [p.text for p in paras] == [
        "sus necesidades de salud por otras causas se mantienen.",
        "Otro párrafo.",
    ]
    assert (paras[0].line_start, paras[0].line_end) == (1, 3)
    assert [p.paragraph_id for p in paras] == ["d:p0", "d:p1"]
    assert [p.ordinal for p in paras] == [0, 1]


def test_heading_right_under_a_sentence_opens_its_own_paragraph() -> None:
    text = (
        "de pesos, más el impuesto correspondiente.\n"
        " Pago DE NoTaS DE mÉrITo Para EL \nPErSoNaL qUE brINDa aTENCIÓN\n\n"
        "El 29 de abril de 2020 el IMSS firmó.\n\n"
        "rEForma aL SISTEma DE SaLUD: \naCUErDo gENEraL DE CoorDINaCIÓN\n\n"
        "Las cifras del IMSS.\nIMSS-BIENESTAR atiende."
    )
    paras, _ = _build(text)
    assert [(p.line_start, p.line_end, p.text) for p in paras] == [
        (1, 1, "de pesos, más el impuesto correspondiente."),
        (2, 3, "Pago de notas de mérito para el personal que brinda atención"),
        (5, 5, "El 29 de abril de 2020 el IMSS firmó."),
        (7, 8, "Reforma al sistema de salud: Acuerdo general de Coordinación"),
        (10, 11, "Las cifras del IMSS. IMSS-BIENESTAR atiende."),
    ]


def test_skipped_block_is_invisible() -> None:
    text = "acciones de mejora, con\n\nTABLA I.2.\nTítulo\n1 2 3\nFuente: IMSS.\n énfasis en la calidad."
    paras, _ = _build(text, skip={3, 4, 5, 6})
    assert [p.text for p in paras] == ["acciones de mejora, con énfasis en la calidad."]
    assert (paras[0].line_start, paras[0].line_end) == (1, 7)


def test_gap_after_a_function_word_joins_even_before_a_capital() -> None:
    paras, _ = _build("reunión entre la DPM y la\n\nCoordinación de Atención Oncológica.")
    assert len(paras) == 1


def test_gap_after_a_finished_sentence_splits() -> None:
    paras, _ = _build("Termina aquí.\n\nempieza en minúscula pero es otro bloque.")
    assert len(paras) == 2


def test_section_boundary_always_splits() -> None:
    sections = [_section("d:s1", 1, 1, 10), _section("d:s1.1", 2, 3, 10)]
    paras, _ = _build("texto que sigue sin\npunto final\ny continúa\nacá.", sections=sections)
    assert [(p.section_id, p.line_start, p.line_end) for p in paras] == [
        ("d:s1", 1, 2),
        ("d:s1.1", 3, 4),
    ]


def test_bullets_are_their_own_paragraphs() -> None:
    text = (
        "Acciones:\n•\t Se instrumentó el plan\n\npara la atención.\n"
        " - Se asignaron 201 unidades.\n- **Enconsa** opera."
    )
    paras, _ = _build(text)
    assert [p.text for p in paras] == [
        "Acciones:",
        "• Se instrumentó el plan para la atención.",
        "• Se asignaron 201 unidades.",
        "• Enconsa opera.",
    ]


def test_run_in_head_is_split_from_the_text_below() -> None:
    paras, _ = _build("Consulta en sexto día\nA fin de mejorar la \natención.")
    assert [p.text for p in paras] == ["Consulta en sexto día", "A fin de mejorar la atención."]


def test_running_footnote_is_taken_out_of_the_sentence() -> None:
    text = (
        "La plataforma Saludable1 identificó que la oportunidad en las especialidades \n"
        "\n"
        "1 Esta iniciativa también fue realizada con la colaboración de la Dirección de \n"
        "Planeación Estratégica Institucional.\n"
        "\n"
        "de segundo nivel es de 27 días."
    )
    paras, notes = build_paragraphs("d", text.split("\n"), [], set())
    assert [p.text for p in paras] == [
        "La plataforma Saludable1 identificó que la oportunidad en las especialidades "
        "de segundo nivel es de 27 días."
    ]
    assert [(n.number, n.line_start) for n in notes] == [("1", 3)]
    assert notes[0].text.endswith("de la Dirección de Planeación Estratégica Institucional.")


def test_mangled_small_caps_sub_heading_reads_as_text() -> None:
    paras, _ = _build("VIgILaNCIa EPIDEmIoLÓgICa DEL VIH\n\nPor “EL IMSS” Por “LA CROC”\n\nSe vigiló.")
    assert [p.text for p in paras] == [
        "Vigilancia epidemiológica del VIH",
        "Por “EL IMSS” Por “LA CROC”",
        "Se vigiló.",
    ]


def test_number_at_line_start_without_a_marker_stays_prose() -> None:
    text = "En cuanto a las consultas de Urgencias, los\n\n10 Principales motivos agrupan 56.9%."
    paras, notes = _build(text)
    assert notes == [] and len(paras) == 1


def test_superscript_and_exhibit_notes() -> None:
    text = "La cifra de personas\n\n¹ Áltica. Encuesta 2024.\n\nasciende a 10.\n\n^{1/} Cifras a junio."
    paras, notes = _build(text)
    assert [p.text for p in paras] == ["La cifra de personas asciende a 10."]
    assert [(n.number, n.text) for n in notes] == [("1", "Áltica. Encuesta 2024."), ("1/", "Cifras a junio.")]


def test_source_lines_and_empty_markup_are_not_prose() -> None:
    paras, _ = _build("Un texto.\n\nFuente: IMSS.\n**\n -\nOtro texto.")
    assert [p.text for p in paras] == ["Un texto.", "Otro texto."]


# --- real corpus ----------------------------------------------------------------------------

_CAPTION = re.compile(
    r"^\s*(?:\*\*)?(?:TABLA|GR[ÁA]FICA|Gráfica|Cuadro)\s+[IVX]+\.\s*\d+\.?(?: Continuación)?\**\s*$"
)
_SOURCE = re.compile(r"^\s*(?:\*\*)?Fuente(?:\s+\w+)?\s*:")
_HEADING = re.compile(r"^\s*[IVX]+\.\d+\.(?:\d+\.)?\s")
_HEADER_001 = re.compile(
    r"^(CAPÍTULO [IVX]+\. [A-ZÁÉÍÓÚÑ ,-]+|DEL SEGURO SOCIAL ANTE LA CONTINGENCIA POR COVID-19"
    r"|INFORME DE LABORES Y PROGRAMA DE ACTIVIDADES 2019-2020|NUMERALIA DE [A-ZÁÉÍÓÚ ]+ 2019-2020"
    r"|PRESENTACIÓN|RESUMEN|EJECUTIVO)\s*$"
)
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def _local_furniture(lines: list[str]) -> set[int]:
    """Running headers of 001 with their page numbers, and its side-tab labels."""
    out: set[int] = set()
    for i, line in enumerate(lines, start=1):
        page_number = _PAGE_NUMBER.match(line) and i > 2 and _HEADER_001.match(lines[i - 3])
        if _HEADER_001.match(line) or page_number:
            out.add(i)
    return out


def _furniture(lines: list[str]) -> set[int]:
    try:
        from tui.corpus.furniture import find_furniture
    except ImportError:
        return _local_furniture(lines)
    return find_furniture(lines) | _local_furniture(lines)


def _rough_skip(lines: list[str]) -> set[int]:
    """Stand-in for the outline and exhibit engineers: numbered headings and caption-to-source blocks."""
    skip = _furniture(lines)
    n = len(lines)
    for i, line in enumerate(lines, start=1):
        if _HEADING.match(line):
            j = i
            skip.add(i)
            while j < n and lines[j].strip() and not lines[j].rstrip().endswith(".") and j - i < 3:
                j += 1
                skip.add(j)
        if _CAPTION.match(line):
            skip.update(range(i, _exhibit_end(lines, i) + 1))
    return skip


def _exhibit_end(lines: list[str], i: int) -> int:
    for j in range(i, min(len(lines), i + 400) + 1):
        if _SOURCE.match(lines[j - 1]):
            return j
        if j > i + 1 and (_HEADING.match(lines[j - 1]) or re.match(r"^ \S", lines[j - 1])):
            break
    end = i
    while end < len(lines) and lines[end].strip():
        end += 1
    return end


@pytest.fixture(scope="module")
def built(corpus_lines):
    cache = {}

    def get(prefix: str):
        if prefix not in cache:
            lines = corpus_lines(prefix)
            cache[prefix] = build_paragraphs(prefix, lines, [], _rough_skip(lines))
        return cache[prefix]

    return get


def test_mangled_small_caps_in_001_are_recased(built) -> None:
    paras, _ = built("001")
    mangled = re.compile(r"[a-záéíóúñ][A-ZÁÉÍÓÚÑ]")
    left = [
        p.text
        for p in paras
        if mangled.search(p.text)
        and len(p.text) < 200
        and sum(map(str.isupper, p.text)) > 0.4 * sum(map(str.isalpha, p.text))
    ]
    # ~330 sub-headings printed in mangled small caps; what is left are half-mangled lines and
    # table rows glued to a heading (see the notes of issue 3).
    assert len(left) <= 15, left
    texts = {p.text for p in paras}
    # No heading glued at the end of the paragraph above it (14 in 2019-2020 before).
    glued = re.compile(r"[.] (?=\S*[a-záéíóúñ][A-ZÁÉÍÓÚÑ]{2})\S+ \S+ \S+")
    assert [p.line_start for p in paras if glued.search(p.text) and mangled.search(p.text[-80:])] == []
    assert "Pago de notas de mérito para el personal que brinda atención en la contingencia" in " ".join(
        texts
    )
    assert "Trámites y servicios en materia de prestaciones en dinero" in texts
    assert "Plan geriátrico institucional GeriatrIMSS" in texts


def _at(paras, line: int):
    found = [p for p in paras if p.line_start <= line <= p.line_end]
    assert len(found) == 1, f"no single paragraph covers line {line}"
    return found[0]


@pytest.mark.parametrize(
    ("line", "span", "snippet"),
    [
        # a side-tab label cuts the sentence
        (72, (66, 75), "estrategias y acciones puntuales para prevenir y contener"),
        # a whole table sits between "con" and "énfasis"
        (2351, (2350, 2380), "farmacovigilancia, con énfasis para COVID-19"),
        # chart caption, title and source between "de" and " manera"
        (8406, (8402, 8416), "la diabetes mellitus que, de manera conjunta, ocupan 33.8%"),
        (8594, (8585, 8638), "el cambio de la regla de extracción de datos"),
        # a running footnote between two halves of a sentence
        (10871, (10868, 10877), "en las especialidades de segundo nivel es en promedio 27 días"),
        (7944, (7936, 7958), "con enfermedad leve. A fin de que el otorgamiento"),
        # page breaks with a running header and page number
        (6103, (6098, 6114), "y capacitación, entre otros rubros que fueron integrados"),
        (19090, (19088, 19106), "la salud y medio ambiente en las 32 entidades"),
        (33879, (33875, 33892), "términos que, dentro de un plazo prudente"),
        # a blank line inside a sentence
        (8327, (8326, 8341), "sus necesidades de salud por otras causas se mantienen"),
        # a bullet whose text goes on after a blank line
        (
            37716,
            (37715, 37719),
            "• Se asignaron 201 unidades para atención focalizada en COVID-19. Se destinaron 29",
        ),
        # the split fi ligature
        (24718, (24716, 24719), "Esta afiliación significó un aumento anual"),
    ],
)
def test_broken_paragraphs_of_001(built, line: int, span: tuple[int, int], snippet: str) -> None:
    paras, _ = built("001")
    p = _at(paras, line)
    assert snippet in p.text
    assert (p.line_start, p.line_end) == span


def test_no_furniture_or_notes_in_001_prose(built) -> None:
    paras, _ = built("001")
    assert len(paras) > 4000
    for p in paras:
        assert not _PAGE_NUMBER.match(p.text), p
        assert "INFORME DE LABORES Y PROGRAMA DE ACTIVIDADES" not in p.text, p
        assert "PRESENTACIÓN" not in p.text, p
        assert "Último año disponible en el acervo" not in p.text, p


def test_running_footnotes_of_001(built) -> None:
    _, notes = built("001")
    numbered = {n.number: n for n in notes if n.number.isdigit()}
    assert sorted(map(int, numbered)) == list(range(1, 66))
    assert numbered["7"].line_start == 8362
    assert numbered["7"].text == "Último año disponible en el acervo de información hasta el momento."
    assert numbered["10"].text.endswith(
        "colaboración de la Dirección de Planeación Estratégica Institucional."
    )
    # the note goes on after a blank line, mid-sentence, on a full-width line
    assert "reportaron como tarifas para las campañas del IMSS en 2019" in numbered["62"].text
    # tab-justified notes lose their tabs
    assert numbered["21"].text.startswith("el salario diario de los asegurados trabajadores del imss")
    assert numbered["65"].text.startswith("La palabra PESTEL es un acrónimo de Políticos")


@pytest.mark.parametrize(
    ("line", "span", "snippet"),
    [
        # a page break splits the paragraph without any marker
        (594, (594, 596), "Entre los principales retos destaca que"),
        # a superscript footnote between two halves of a sentence
        (7937, (7937, 7941), "Recaudación (DIR), de Prestaciones Económicas y Sociales (DPES)"),
        (11957, (11957, 11961), "la Unidad de Atención Médica (UAM), la Coordinación de Atención Oncológica"),
        # a bullet continued on the next page without its dash
        (11044, (11042, 11044), "artículo 123, apartado A, fracci"),
    ],
)
def test_broken_paragraphs_of_004(built, line: int, span: tuple[int, int], snippet: str) -> None:
    paras, _ = built("004")
    p = _at(paras, line)
    assert snippet in p.text
    assert (p.line_start, p.line_end) == span


def test_markup_is_gone_from_004(built) -> None:
    paras, _ = built("004")
    assert not [p for p in paras if "**" in p.text or "<p>" in p.text or "<ul" in p.text]
    assert any(p.text.startswith("• ") for p in paras)


def test_superscript_footnotes_of_004(built) -> None:
    _, notes = built("004")
    running = [n for n in notes if not n.number.endswith("/")]
    assert [n.number for n in running if n.line_start != 9209 and n.line_start != 9211] == [
        str(k) for k in range(1, 16)
    ]
    first = running[0]
    assert (first.line_start, first.text) == (
        1004,
        "Áltica. Encuesta Evaluación Postest IMSS, presentación de resultados. Septiembre de 2024.",
    )


@pytest.mark.parametrize(
    "text", ["", "  ", "... ", "de", "y la casa de ", "hasta el (año) 2020.", "Él dijo: ¡Sí!"]
)
def test_last_word_is_the_last_word_run(text) -> None:
    from tui.corpus.paragraphs import _last_word

    m = re.search(r"(\w+)\W*$", text)
    assert _last_word(text) == (m.group(1).lower() if m else None)
