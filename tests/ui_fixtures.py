"""A small database made at test time from hand-written records (imitating the shapes of the reports)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tui.corpus.model import (
    Cell,
    Check,
    Document,
    Exhibit,
    Fact,
    Footnote,
    GlossaryEntry,
    Paragraph,
    Section,
)

LINES = [f"línea de origen {i}" for i in range(1, 121)]
YEARS = ["2019", "2020", "2021", "2022"]


def _table(doc: str) -> Exhibit:
    """Cuadro I.1: four years of insured workers by region, with a total row that does not add up."""
    regions = [("Norte", [1200.0, 1250.5, 1300.0, 1410.25]), ("Centro", [2500.0, 2600.0, 2555.5, 2700.0])]
    regions += [("Sur", [800.0, 820.0, 900.0, 950.75]), ("Total", [4500.0, 4670.5, 4755.5, 5061.0])]
    cells = []
    for r, (name, vals) in enumerate(regions):
        cells.append(Cell(r, 0, name, None, 30 + r))
        # The total row printed with the 2019-2020 report's apostrophe grouping (4'500.00).
        sep = "'" if name == "Total" else ","
        cells += [Cell(r, c + 1, f"{v:,.2f}".replace(",", sep), v, 30 + r) for c, v in enumerate(vals)]
        cells.append(Cell(r, 5, str(1990 + r), 1990.0 + r, 30 + r))
    return Exhibit(
        exhibit_id=f"{doc}:cuadro-i-1",
        doc_id=doc,
        kind="table",
        label="Cuadro I.1",
        number="I.1",
        title="Trabajadores asegurados por región",
        subtitle="(miles de personas)",
        notes="Cifras preliminares.",
        source="Fuente: IMSS.",
        line_start=28,
        line_end=36,
        section_id=f"{doc}:s2",
        columns=["Región", *YEARS, "Año base"],
        cells=cells,
    )


def _chart(doc: str) -> Exhibit:
    return Exhibit(
        exhibit_id=f"{doc}:grafica-i-1",
        doc_id=doc,
        kind="chart",
        label="Gráfica I.1",
        number="I.1",
        title="Evolución de la afiliación",
        line_start=44,
        line_end=46,
        section_id=f"{doc}:s2",
        source="Fuente: IMSS.",
    )


def _sections(doc: str) -> list[Section]:
    return [
        Section(f"{doc}:s1", doc, None, 1, "Capítulos", "I", "Cobertura", 1, 10, 60),
        Section(f"{doc}:s2", doc, f"{doc}:s1", 2, "Capítulos", "I.1", "Afiliación", 2, 20, 49),
        Section(f"{doc}:s3", doc, f"{doc}:s1", 2, "Capítulos", "I.2", "Recaudación", 3, 50, 60),
        Section(f"{doc}:s4", doc, None, 1, "Capítulos", "II", "Servicios médicos", 4, 61, 120),
        Section(f"{doc}:s5", doc, f"{doc}:s4", 2, "Capítulos", "II.1", "Consultas", 5, 62, 120),
    ]


def _paragraphs(doc: str) -> list[Paragraph]:
    texts = [
        (f"{doc}:s1", 12, "El capítulo describe la cobertura del Instituto."),
        (f"{doc}:s2", 22, "Al cierre de 2022 había 5,061.0 miles de trabajadores, según el Cuadro I.1."),
        (f"{doc}:s2", 25, "La región Norte sumó 1,410.25 miles y la Sur 950.75 miles de personas."),
        (f"{doc}:s2", 40, "La Gráfica I.1 muestra la evolución de la afiliación."),
        (f"{doc}:s3", 52, "La recaudación creció 4.5% en términos reales."),
        (f"{doc}:s5", 64, "Se otorgaron 2,700.0 miles de consultas en el Centro."),
    ]
    return [
        Paragraph(f"{doc}:p{i}", doc, sid, i, line, line + 1, text)
        for i, (sid, line, text) in enumerate(texts, 1)
    ]


def _facts(doc: str) -> list[Fact]:
    rows = [
        ("p2", "s2", 22, "5,061.0", 5061.0, "miles"),
        ("p3", "s2", 25, "1,410.25", 1410.25, "miles"),
        ("p3", "s2", 25, "950.75", 950.75, "miles"),
        ("p5", "s3", 52, "4.5%", 4.5, "%"),
        ("p6", "s5", 64, "2,700.0", 2700.0, "miles"),
    ]
    return [
        Fact(f"{doc}:{p}:f{i}", doc, f"{doc}:{s}", f"{doc}:{p}", line, raw, v, unit, "cantidad", f"…{raw}…")
        for i, (p, s, line, raw, v, unit) in enumerate(rows, 1)
    ]


def make_document(doc: str = "ilpa-2022", title: str = "Informe de prueba") -> Document:
    table = _table(doc)
    d = Document(doc, f"{doc}.txt", "0" * 64, title, "informe", "2022", None, 120, 4000)
    d.sections = _sections(doc)
    d.paragraphs = _paragraphs(doc)
    d.footnotes = [Footnote(doc, "1", "Incluye trabajadores eventuales.", 47)]
    d.glossary = [GlossaryEntry(doc, "IMSS", "Instituto Mexicano del Seguro Social", 110)]
    d.exhibits = [table, _chart(doc)]
    d.exhibit_refs = [(f"{doc}:p2", table.exhibit_id), (f"{doc}:p4", f"{doc}:grafica-i-1")]
    d.checks = [Check(table.exhibit_id, "column total", 3, 4, 5061.0, 5060.0)]
    d.facts = _facts(doc)
    d.fact_cells = [(f"{doc}:p2:f1", table.exhibit_id, 3, 4)]
    d.lines = list(LINES)
    return d


def build_small_db(path: Path, docs: list[Document] | None = None) -> Path:
    """Write the hand-made documents with the real writer, plus the search index when available."""
    from tui.store.writing import write_all, write_meta

    con = duckdb.connect(str(path))
    try:
        write_all(con, docs or [make_document(), make_document("plan-2023", "Plan de prueba")])
        write_meta(con, path.parent, "test-fingerprint")
        try:
            from tui.store.search import build_search_index
        except ImportError:
            pass  # search not written yet: the explorer says so
        else:
            build_search_index(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path


@pytest.fixture(scope="session")
def small_db(tmp_path_factory) -> Path:
    return build_small_db(tmp_path_factory.mktemp("uidb") / "small.duckdb")


def sync(fn):
    """Run an async Pilot test without an asyncio plugin for pytest."""
    import asyncio
    import functools

    @functools.wraps(fn)
    def run(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return run
