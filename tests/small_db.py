"""A small hand-made database (3 documents) for query, CLI and export tests.

The records imitate the shapes of the corpus (chapters with roman numbers, Cuadro labels, clauses
of an agreement) with text written for the tests. Built with the real writer, so the schema,
the ``exhibit`` tables and ``meta`` are exactly what ``imss build`` produces.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from tui.corpus.model import Cell, Check, Document, Exhibit, Fact, GlossaryEntry, Paragraph, Section
from tui.store.writing import write_all, write_meta


def _informe(doc_id: str, period: str, visits: float, beds: float, dengue: str) -> Document:
    d = Document(doc_id, f"{doc_id}.txt", "0" * 64, f"Informe {period}", "informe", period, None, 40, 1600)
    d.lines = [f"line {i}" for i in range(1, 41)]
    d.sections = [
        Section(f"{doc_id}:s1", doc_id, None, 1, "Capítulos", "I", "Estrategia 2·30·100", 1, 1, 19),
        Section(f"{doc_id}:s2", doc_id, f"{doc_id}:s1", 2, "Capítulos", "I.1", "Hospitales nuevos", 2, 2, 19),
        Section(f"{doc_id}:s3", doc_id, None, 1, "Capítulos", "II", "Atención médica", 3, 20, 40),
        Section(
            f"{doc_id}:s4",
            doc_id,
            f"{doc_id}:s3",
            2,
            "Capítulos",
            "II.1",
            "Reconversión hospitalaria",
            4,
            21,
            40,
        ),
    ]
    d.paragraphs = [
        Paragraph(
            f"{doc_id}:p1", doc_id, f"{doc_id}:s2", 1, 3, 4, "La Estrategia 2•30•100 suma 12 hospitales."
        ),
        Paragraph(
            f"{doc_id}:p2",
            doc_id,
            f"{doc_id}:s4",
            2,
            22,
            23,
            f"Se otorgaron {visits:,.0f} consultas de Medicina Familiar y {beds:,.0f} camas por COVID-19.",
        ),
        Paragraph(f"{doc_id}:p3", doc_id, f"{doc_id}:s4", 3, 25, 26, f"Casos de {dengue} atendidos: 1,250."),
        Paragraph(
            f"{doc_id}:p4",
            doc_id,
            f"{doc_id}:s4",
            4,
            27,
            28,
            "La reconversión hospitalaria costó 3,400 millones de pesos.",
        ),
    ]
    d.glossary = [
        GlossaryEntry(doc_id, "IMSS", "Instituto Mexicano del Seguro Social", 38),
        GlossaryEntry(doc_id, "UMF", "Unidad de Medicina Familiar", 39),
    ]
    cuadro = Exhibit(
        f"{doc_id}:cuadro-i-1",
        doc_id,
        "table",
        "Cuadro I.1",
        "I.1",
        "Camas por región",
        8,
        14,
        section_id=f"{doc_id}:s2",
        subtitle="(camas)",
        source="Fuente: IMSS.",
        columns=["Región", "2024", "2025"],
    )
    grid = [("Norte", 10.0, 12.0), ("Sur", 20.0, 21.5), ("Total", 31.0, 33.5)]
    for r, (label, a, b) in enumerate(grid):
        cuadro.cells += [
            Cell(r, 0, label, None, 10 + r),
            Cell(r, 1, f"{a:g}", a, 10 + r),
            Cell(r, 2, f"{b:g}", b, 10 + r),
        ]
    chart = Exhibit(
        f"{doc_id}:grafica-i-1", doc_id, "chart", "Gráfica I.1", "I.1", "Unidades", 15, 16, f"{doc_id}:s2"
    )
    d.exhibits = [cuadro, chart]
    d.checks = [Check(cuadro.exhibit_id, "col_total", 2, 1, 30.0, 31.0)]
    d.facts = [
        Fact(
            f"{doc_id}:f1",
            doc_id,
            f"{doc_id}:s2",
            f"{doc_id}:p1",
            3,
            "12 hospitales",
            12,
            "hospitales",
            "quantity",
            "suma 12 hospitales",
        ),
        Fact(
            f"{doc_id}:f2",
            doc_id,
            f"{doc_id}:s4",
            f"{doc_id}:p2",
            22,
            f"{visits:,.0f} consultas",
            visits,
            "consultas",
            "quantity",
            "consultas de Medicina Familiar",
        ),
        Fact(
            f"{doc_id}:f3",
            doc_id,
            f"{doc_id}:s4",
            f"{doc_id}:p2",
            23,
            f"{beds:,.0f} camas",
            beds,
            "camas",
            "quantity",
            "camas por COVID-19",
        ),
        Fact(
            f"{doc_id}:f4",
            doc_id,
            f"{doc_id}:s4",
            f"{doc_id}:p4",
            27,
            "3,400 millones de pesos",
            3.4e9,
            "MXN",
            "money",
            "reconversión hospitalaria costó",
        ),
        Fact(
            f"{doc_id}:f5",
            doc_id,
            f"{doc_id}:s4",
            f"{doc_id}:p3",
            25,
            "1,250",
            1250,
            None,
            "quantity",
            "atendidos: 1,250",
        ),
    ]
    d.fact_cells = [(f"{doc_id}:f3", cuadro.exhibit_id, 2, 1)] if beds == 31 else []
    d.exhibit_refs = [(f"{doc_id}:p1", cuadro.exhibit_id)]
    return d


def _convenio() -> Document:
    doc_id = "convenio-imss-croc-2023"
    d = Document(doc_id, "c.txt", "1" * 64, "Convenio de prueba", "convenio", "2023", "2023-09-26", 20, 800)
    d.lines = [f"c{i}" for i in range(1, 21)]
    d.sections = [
        Section(f"{doc_id}:s1", doc_id, None, 1, "Cláusulas", None, "Cláusulas", 1, 1, 20),
        Section(f"{doc_id}:s2", doc_id, f"{doc_id}:s1", 2, "Cláusulas", "PRIMERA", "OBJETO", 2, 2, 9),
        Section(f"{doc_id}:s3", doc_id, f"{doc_id}:s1", 2, "Cláusulas", "SEGUNDA", "COMPROMISOS", 3, 10, 20),
    ]
    d.paragraphs = [
        Paragraph(f"{doc_id}:p1", doc_id, f"{doc_id}:s2", 1, 3, 5, "El objeto es colaborar en salud."),
        Paragraph(
            f"{doc_id}:p2", doc_id, f"{doc_id}:s3", 2, 11, 12, "El IMSS se compromete a capacitar; dengue."
        ),
    ]
    d.glossary = [GlossaryEntry(doc_id, "CROC", "Confederación Revolucionaria de Obreros y Campesinos", 19)]
    return d


def documents() -> list[Document]:
    return [
        _informe("ilpa-2019-2020", "2019-2020", 101_000_000, 29, "dengue"),
        _informe("ilpa-2024-2025", "2024-2025", 95_500_000.5, 31, "Dengue"),
        _convenio(),
    ]


def build_small_db(path: Path) -> Path:
    con = duckdb.connect(str(path))
    try:
        write_all(con, documents())
        write_meta(con, Path("small-corpus"), "fixture")
        con.execute("UPDATE meta SET value = '2000-01-01T00:00:00' WHERE key = 'built_at'")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path
