"""The real corpus, built end to end: what a user finds in the database."""

from __future__ import annotations

import re

import duckdb
import pytest

pytestmark = pytest.mark.corpus

ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]


@pytest.fixture(scope="module")
def con(corpus_db):
    c = duckdb.connect(str(corpus_db), read_only=True)
    yield c
    c.close()


def rows(con, sql, *params):
    return con.execute(sql, list(params)).fetchall()


def test_documents_recognised(con):
    docs = {r[0]: r[1:] for r in rows(con, "SELECT doc_id, kind, period FROM documents")}
    assert docs["ilpa-2019-2020"] == ("informe", "2019-2020")
    assert docs["ilpa-2024-2025"] == ("informe", "2024-2025")
    assert sorted(k for k, _ in docs.values()) == ["convenio", "informe", "informe", "manual", "plan"]
    (title,) = rows(con, "SELECT title FROM documents WHERE doc_id = 'ilpa-2019-2020'")[0]
    assert title.startswith("Informe de Labores 2019-2020")


@pytest.mark.parametrize("doc", ["ilpa-2019-2020", "ilpa-2024-2025"])
def test_chapters_one_to_eleven(con, doc):
    chapters = rows(
        con,
        "SELECT number, title FROM sections WHERE doc_id = ? AND level = 1 AND part = 'Capítulos'"
        " ORDER BY ordinal",
        doc,
    )
    assert [n for n, _ in chapters] == ROMANS
    assert all(t and not re.search(r"[a-z][A-Z]", t.replace("IMSS", "")) for _, t in chapters)


def test_real_chapter_titles(con):
    titles = dict(rows(con, "SELECT number, title FROM sections WHERE doc_id='ilpa-2019-2020' AND level=1"))
    assert titles["II"] == "Dirección de Prestaciones Médicas"
    titles = dict(rows(con, "SELECT number, title FROM sections WHERE doc_id='ilpa-2024-2025' AND level=1"))
    assert titles["VIII"] == "Atención a población prioritaria"


def test_body_sections_once_and_nothing_after_xi(con):
    dupes = rows(
        con,
        """SELECT s.number, count(*) FROM sections s JOIN sections c ON s.parent_id = c.section_id
           OR s.section_id = c.section_id
           WHERE s.doc_id = 'ilpa-2024-2025' AND s.part = 'Capítulos' AND s.number IS NOT NULL
             AND s.level > 1 AND c.level = 1 AND c.number NOT IN ('X')
           GROUP BY 1 HAVING count(*) > 1""",
    )
    assert dupes == []
    (xi_end,) = rows(
        con, "SELECT max(line_start) FROM sections WHERE doc_id='ilpa-2024-2025' AND number LIKE 'XI%'"
    )[0]
    after = rows(
        con,
        "SELECT number FROM sections WHERE doc_id='ilpa-2024-2025' AND line_start > ? AND number IS NOT NULL",
        xi_end,
    )
    assert after == []


def test_agreement_plan_manual(con):
    clauses = rows(
        con,
        "SELECT s.number, s.title FROM sections s JOIN sections p ON s.parent_id = p.section_id"
        " WHERE s.doc_id LIKE 'convenio%' AND p.title = 'Cláusulas' ORDER BY s.ordinal",
    )
    assert len(clauses) == 16
    assert clauses[0] == ("PRIMERA", "OBJETO")
    (n,) = rows(con, "SELECT count(*) FROM sections WHERE doc_id LIKE 'plan%' AND part = 'Compromisos'")[0]
    assert n == 20
    policies = [
        r[0]
        for r in rows(
            con,
            "SELECT number FROM sections WHERE doc_id LIKE 'manual%' AND number LIKE '5.%' ORDER BY ordinal",
        )
    ]
    assert policies == [f"5.{i}" for i in range(1, 12)]


def test_no_running_header_or_page_number_in_paragraphs(con):
    bare_numbers = rows(con, "SELECT count(*) FROM paragraphs WHERE regexp_matches(trim(text), '^\\d{1,3}$')")
    assert bare_numbers == [(0,)]
    (n,) = rows(
        con,
        "SELECT count(*) FROM paragraphs WHERE doc_id='ilpa-2019-2020'"
        " AND text ILIKE '%Informe de Labores 2019-2020 y Programa de Actividades 2020-2021%'",
    )[0]
    assert n <= 2  # the title may be quoted in the presentation, never as a running header


def test_paragraph_split_by_exhibit_reads_as_one(con):
    """In 2019-2020 a table interrupts a sentence; the paragraph holding it spans the table."""
    (n,) = rows(
        con,
        """SELECT count(*) FROM paragraphs p JOIN exhibits e USING (doc_id)
           WHERE p.line_start < e.line_start AND p.line_end > e.line_end""",
    )[0]
    assert n >= 3


def test_exhibits_in_sections_and_glossary(con):
    assert rows(con, "SELECT count(*) FROM exhibits WHERE section_id IS NULL") == [(0,)]
    counts = dict(rows(con, "SELECT doc_id, count(*) FROM exhibits GROUP BY 1"))
    assert counts == {"ilpa-2019-2020": 194, "ilpa-2024-2025": 90}  # one caption lost in the text
    glossary = dict(rows(con, "SELECT acronym, expansion FROM glossary WHERE doc_id = 'ilpa-2019-2020'"))
    assert glossary["AISS"] == "Asociación Internacional de la Seguridad Social"


def test_every_record_has_provenance(con):
    for table in ("sections", "paragraphs", "exhibits"):
        (n,) = rows(con, f"SELECT count(*) FROM {table} WHERE line_start IS NULL OR line_end < line_start")[0]
        assert n == 0, table
    text = rows(
        con,
        "SELECT l.text FROM exhibits e JOIN source_lines l ON l.doc_id = e.doc_id AND l.line = e.line_start"
        " WHERE e.exhibit_id = 'ilpa-2024-2025:cuadro-i-1'",
    )
    assert "Cuadro I.1" in text[0][0]


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ("documents", "doc_id"),
        ("sections", "section_id"),
        ("paragraphs", "paragraph_id"),
        ("exhibits", "exhibit_id"),
        ("facts", "fact_id"),
        ("exhibits", "table_name"),
    ],
)
def test_ids_are_unique(con, table, key):
    """Ids are unique (the schema declares no keys: they would slow the build for nothing)."""
    assert rows(con, f"SELECT count({key}) - count(DISTINCT {key}), count(*) > 0 FROM {table}") == [(0, True)]
