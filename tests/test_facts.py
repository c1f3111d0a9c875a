"""Figures quoted in prose: es-MX forms, scale words, markers, kinds, units, lines and cell links."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.fact_links import link_facts
from tui.corpus.facts import extract_facts
from tui.corpus.model import Cell, Exhibit, Footnote, Paragraph
from tui.corpus.prose_numbers import format_prose_number, parse_prose_number
from tui.corpus.units import singular


def para(text: str, start: int = 10, end: int | None = None, pid: str = "d:p0") -> Paragraph:
    return Paragraph(pid, "d", "d:s1", 0, start, end or start, text)


def facts_of(text: str, footnotes: list[Footnote] | None = None, lines: list[str] | None = None):
    return extract_facts("d", [para(text)], footnotes or [], lines=lines)


def one(text: str, **kw):
    found = facts_of(text, **kw)
    assert len(found) == 1, [(f.raw, f.value) for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("1,107", 1107),
        ("13'367,618", 13_367_618),
        ("3’169,483", 3_169_483),
        ("11‘216,750", 11_216_750),
        ("1,765'635,026", 1_765_635_026),
        ("2,925.6", 2925.6),
        ("(2,389)", -2389),
        ("0.188", 0.188),
    ],
)
def test_es_mx_forms(printed, value):
    f = one(f"Se registraron {printed} en el año.")
    assert f.value == pytest.approx(value) and f.raw == printed and f.kind == "quantity"


@pytest.mark.parametrize(("printed", "value"), [("74.8%", 74.8), ("-0.1%", -0.1), ("(-18.3%)", -18.3)])
def test_percent(printed, value):
    f = one(f"El avance fue de {printed} al corte.")
    assert (f.value, f.kind, f.unit) == (pytest.approx(value), "percent", "%")


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("Se atendieron 2.9 millones de niñas en el país.", 2.9e6, "niña", "quantity"),
        ("Se capacitó a 10 mil enfermeras.", 10_000, "enfermera", "quantity"),
        ("Las reservas sumaron 4.2 mil millones de pesos.", 4.2e9, "MXN", "money"),
        ("Las reservas sumaron 4.8 miles de millones de pesos.", 4.8e9, "MXN", "money"),
        ("Ingresos por 1.42 billones de pesos.", 1.42e12, "MXN", "money"),
        ("Se recibieron 28.5 millones de dólares.", 28.5e6, "USD", "money"),
        ("El monto fue de 6,760.3 mdp en total.", 6760.3e6, "MXN", "money"),
        ("La baja fue de 0.10 puntos porcentuales.", 0.10, "punto porcentual", "percent"),
        ("Se pagaron 492’852,334.16 pesos.", 492_852_334.16, "MXN", "money"),
    ],
)
def test_scale_words_currency_and_units(text, value, unit, kind):
    f = one(text)
    assert (f.value, f.unit, f.kind) == (pytest.approx(value), unit, kind)


def test_footnote_markers_are_not_part_of_figures():
    found = facts_of("se evaluaron 2,285 aspirantes14 y se contrataron 2,14515 personas")
    assert [(f.raw, f.value) for f in found] == [("2,285", 2285), ("2,145", 2145)]
    sup = facts_of("crecimiento de 2.5% a 3.5%¹¹, de acuerdo con los Criterios")
    assert [f.value for f in sup] == [2.5, 3.5]


def test_ambiguous_marker_needs_a_nearby_footnote():
    text = "Meta para el año 202042 del programa."
    assert one(text).value == 202042
    note = Footnote("d", "42", "Nota.", 30)
    f = one(text, footnotes=[note])
    assert (f.value, f.kind) == (2020, "year")
    far = Footnote("d", "42", "Nota.", 5000)
    assert one(text, footnotes=[far]).value == 202042


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("El corte fue el 30 de junio de 2025 en todo el país.", 20250630),
        ("A partir del 1° de julio se aplicó.", 701),
        ("Firmado el 22 de febrero del 2017.", 20170222),
        ("Con fecha 21/09/2019 se publicó.", 20190921),
    ],
)
def test_dates(text, value):
    f = one(text)
    assert (f.kind, f.value) == ("date", value)


def test_identifiers_years_and_codes():
    found = facts_of(
        "En el HGR No. 72 se aplicaron los artículos 110, 209 y 251 de la Ley en 2024, "
        "con folio 97-7-30042021-141848 y la norma 7.2.7 contra COVID-19."
    )
    assert [(f.raw, f.kind) for f in found] == [
        ("72", "identifier"),
        ("110", "identifier"),
        ("209", "identifier"),
        ("251", "identifier"),
        ("2024", "year"),
    ]


def test_ids_context_and_lines():
    text = "Primera oración sin cifras. Se otorgaron 1,234 consultas y 56 cirugías. Otra más."
    lines = ["x"] * 9 + [
        "Primera oración sin cifras. Se otorgaron",
        "1,234 consultas y 56 cirugías. Otra más.",
    ]
    p = para(text, 10, 11)
    found = extract_facts("d", [p], [], lines=lines)
    assert [f.fact_id for f in found] == ["d:p0:f0", "d:p0:f1"]
    assert [(f.unit, f.line) for f in found] == [("consulta", 11), ("cirugía", 11)]
    assert found[0].context == "Se otorgaron 1,234 consultas y 56 cirugías."
    assert extract_facts("d", [p], [])[0].line == 10


@pytest.mark.parametrize(
    ("plural", "single"),
    [("consultas", "consulta"), ("hospitales", "hospital"), ("acciones", "acción"), ("veces", "vez"),
     ("jóvenes", "joven"), ("padres", "padre"), ("meses", "mes"), ("análisis", "análisis")],
)  # fmt: skip
def test_singular(plural, single):
    assert singular(plural) == single


def test_link_facts_skips_trivial_values():
    ex = Exhibit("d:t1", "d", "table", "Cuadro 1", "1", "T", 1, 5, section_id="d:s1")
    ex.columns = ["Concepto", "2024"]
    ex.cells = [Cell(0, 0, "Consultas", None, 2), Cell(0, 1, "62,187", 62187, 2), Cell(1, 1, "100", 100, 3)]
    found = facts_of("Se pagaron 62,187 millones de pesos a 100 personas.")
    assert link_facts(found, [ex]) == [("d:p0:f0", "d:t1", 0, 1)]


# --- the prose number parser ----------------------------------------------------------------------


@given(st.text(max_size=60))
def test_parser_never_raises(text):
    parse_prose_number(text)


@given(st.integers(min_value=-(10**12), max_value=10**12), st.booleans())
def test_integers_round_trip(n, apostrophe):
    parsed = parse_prose_number(format_prose_number(n, apostrophe=apostrophe))
    assert parsed is not None and parsed.value == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=2))
def test_decimals_round_trip(cents, decimals):
    value = cents / 10**decimals
    parsed = parse_prose_number(format_prose_number(value, decimals))
    assert parsed is not None and parsed.value == pytest.approx(value)


# --- the real corpus --------------------------------------------------------------------------------


_PARSED: dict[str, list] = {}


def _real_facts(corpus_lines, prefix: str, line: int):
    """Facts at ``line``, from the full pipeline when it is available (parsed once per document)."""
    lines = corpus_lines(prefix)
    if prefix in _PARSED:
        return [f for f in _PARSED[prefix] if f.line == line]
    try:
        from tui.corpus.pipeline import parse_document

        facts = _PARSED[prefix] = parse_document(f"{prefix}.txt", "\n".join(lines).encode()).facts
    except ImportError:  # the pipeline's other modules are not all there yet
        from tui.corpus.paragraphs import build_paragraphs

        lo, hi = max(0, line - 80), line + 80
        window = [""] * lo + lines[lo:hi]
        paragraphs, notes = build_paragraphs(prefix, window, [], set(range(1, lo + 1)))
        facts = extract_facts(prefix, paragraphs, notes, lines=lines)
    return [f for f in facts if f.line == line]


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("prefix", "line", "raw", "value", "unit", "kind"),
    [
        ("004", 882, "50'141,864", 50_141_864, "consulta", "quantity"),
        ("004", 5810, "62,187 millones de pesos", 62_187e6, "MXN", "money"),
        ("004", 5822, "1.42 billones de pesos", 1.42e12, "MXN", "money"),
        ("004", 9274, "3.5%", 3.5, "%", "percent"),
        ("001", 10956, "8 mil", 8000, "paciente", "quantity"),
        ("001", 22778, "2,145", 2145, None, "quantity"),
    ],
)
def test_real_figures(corpus_lines, prefix, line, raw, value, unit, kind):
    found = {f.raw: f for f in _real_facts(corpus_lines, prefix, line)}
    assert raw in found, sorted(found)
    f = found[raw]
    assert (f.value, f.unit, f.kind) == (pytest.approx(value), unit, kind)


# Figures are scanned only at digit runs; this must give exactly what ``finditer`` gives.
_PROSE_BITS = st.sampled_from(
    ["1", "20", "2019", "30", " ", "  ", "-", "−", "(", ")", "$", "$ ", ",", ".", "'", "’", "/", ":", "%",
     "°", "de", " de junio", " de ", "mil", "a", "B", "x-", "²", "\n", "–", "05-01", "21/09/2019", "o", "º",
     "123", "2024-", "/1"]
)  # fmt: skip
_PROSE = st.lists(_PROSE_BITS, max_size=25).map("".join)


@given(_PROSE)
def test_scan_at_digit_runs_equals_finditer(text):
    import re

    from tui.corpus.facts import _CODE, _DATE, _FIGURE, _RUN, _scan
    from tui.corpus.prose_numbers import TOKEN

    assert [m.span() for m in _RUN.finditer(text)] == [m.span() for m in re.finditer(r"\d+", text)]
    scanned = list(_scan(text))
    for pattern in (_DATE, _CODE, _FIGURE):
        found = [m.span() for what, m in scanned if what is pattern]
        assert found == [m.span() for m in pattern.finditer(text)]
    assert _FIGURE is TOKEN


_AFTER_BITS = st.sampled_from(
    [" ", "  ", "\n", "\xa0", "de", "De ", "mil", "Mil", "millones", "billones", "pesos", "PESOS", "dólares",
     "mdp", "MXN", "usd", "por ciento", "Puntos porcentuales", "punto", "niñas", "x", "1", "%", "."]
)  # fmt: skip


@given(st.lists(_AFTER_BITS, max_size=8).map(lambda bits: " " + "".join(bits)))
def test_initials_never_hide_a_word_after_a_figure(after):
    from tui.corpus.facts import _CURRENCY_INITIALS, _SCALE_INITIALS, _next_letter
    from tui.corpus.prose_numbers import SCALE
    from tui.corpus.units import currency_after, percent_after

    text = "12" + after
    nxt = _next_letter(text, 2)
    assert not SCALE.match(text, 2) or nxt in _SCALE_INITIALS
    assert not currency_after(text, 2) or nxt in _CURRENCY_INITIALS
    assert not percent_after(text, 2) or nxt == "p"


@given(st.lists(st.sampled_from(["no.", "Núm.", "número", "HGR", "No.", "de", "año", "x", " ", "  ", "C.P."]),
                max_size=6).map("".join))  # fmt: skip
def test_head_prefilters_never_hide_a_match(head):
    from tui.corpus.facts import _ID_TAILS, _ID_UNIT, _ID_WORDS, _YEAR_BEFORE, _YEAR_TAILS, _unit_like

    words = head.rsplit(None, 1)
    last = words[-1] if words else ""
    assert not _ID_WORDS.search(head) or last.casefold().endswith(_ID_TAILS)
    assert not _ID_UNIT.search(head) or _unit_like(last)
    assert not _YEAR_BEFORE.search(head) or last.casefold().endswith(_YEAR_TAILS)


@given(_PROSE)
def test_no_letter_right_after_a_figure_or_scale_word(text):
    # _number_fact looks for scale, currency, percent words and nouns only after white space.
    import re

    from tui.corpus.prose_numbers import SCALE, TOKEN

    letter = re.compile(r"[^\W\d_]")
    for m in TOKEN.finditer(text):
        assert not letter.match(text, m.end())
        sm = SCALE.match(text, m.end())
        assert not sm or not re.match(r"\w", text[sm.end() : sm.end() + 1])


_SENTENCE_BITS = st.sampled_from(
    ["Se dio", " ", ". ", "No", "no", "Núm", "Dr", "Sra", "Mtro", "A", "b", "x", "(", "¿", "“", "…", "!", "?",
     "El", "Él", ")", "”", "2019", ".", "-", "Art", "aDr", " Lic"]
)  # fmt: skip


@given(st.lists(_SENTENCE_BITS, max_size=20).map("".join))
def test_sentence_starts_skip_abbreviations(text):
    # The sentence-end lookbehinds must say what a search for the abbreviation before each end said.
    import re

    from tui.corpus.fact_places import sentence_starts

    end = re.compile(r"[.!?…]['\"”’»)]*\s+(?=[¿¡\"“(•-]*[A-ZÁÉÍÓÚÑ])")
    abbreviation = re.compile(r"(?:^|\W)(?:No|Núm|Art|Lic|Dr|Dra|Sr|Sra|Ing|Mtro|Mtra|[A-Z])$", re.IGNORECASE)
    kept = [
        m.end()
        for m in end.finditer(text)
        if not abbreviation.search(text[max(0, m.start() - 5) : m.start()])
    ]
    assert sentence_starts(text) == [0, *kept]


def test_sentence_starts_after_a_name_but_not_after_an_initial():
    from tui.corpus.fact_places import sentence_starts

    text = "Lo firmó el Dr. Pérez. Después vino J. López. Fin."
    assert [text[i : i + 4] for i in sentence_starts(text)] == ["Lo f", "Desp", "Fin."]


@given(
    st.text("0123456789.,", min_size=1, max_size=9), st.sets(st.sampled_from(["1", "4", "42", "15", "07"]))
)
def test_plain_figures_read_as_read_body_reads_them(body, near):
    from hypothesis import assume

    from tui.corpus.facts import _number_fact
    from tui.corpus.prose_numbers import TOKEN, figure_value, read_body

    text = f"Hubo {body} casos"
    m = TOKEN.search(text)
    assume(m and m["body"] == body)
    read = read_body(body, near)
    fact = _number_fact(text, m, near, None)
    assert (fact is None) == (read is None)
    if fact:
        assert fact[6] == read[0]
        assert fact[3] == pytest.approx(figure_value(read[0])[0])
