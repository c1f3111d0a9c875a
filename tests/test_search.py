"""Full-text search: Spanish stemming, accents, acronyms, awkward queries, the fallback, the CLI."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from tui.commands import search as search_cmd
from tui.corpus.model import Cell, Document, Exhibit, GlossaryEntry, Paragraph, Section
from tui.store import search as S
from tui.store.db import open_database
from tui.store.writing import write_all, write_meta


def _doc() -> Document:
    d = Document("informe-x", "x.txt", "0" * 64, "Informe X", "informe", "2024-2025", None, 40, 2000)
    d.sections = [
        Section("informe-x:s0", "informe-x", None, 1, "Capítulos", "I", "Prestaciones Médicas", 0, 1, 20),
        Section("informe-x:s1", "informe-x", "informe-x:s0", 2, "Capítulos", "I.1", "Guarderías", 1, 21, 40),
    ]
    texts = [
        "Se construyeron dos hospitales generales y una Unidad de Medicina Familiar (UMF).",
        "El trámite de pensión por cesantía en edad avanzada se simplificó.",
        "Las guarderías atendieron a 200 mil niñas y niños.",
        "El Seguro Social amplió la cobertura de seguridad social a trabajadoras del hogar.",
    ]
    d.paragraphs = [
        Paragraph(f"informe-x:p{i}", "informe-x", "informe-x:s0", i, 2 + 2 * i, 3 + 2 * i, t)
        for i, t in enumerate(texts)
    ]
    d.glossary = [
        GlossaryEntry("informe-x", "OOAD", "Órganos de Operación Administrativa Desconcentrada", 39)
    ]
    ex = Exhibit(
        "informe-x:cuadro-i-1", "informe-x", "table", "Cuadro I.1", "I.1", "Equipo adquirido", 30, 34
    )
    ex.section_id, ex.columns = "informe-x:s1", ["Concepto", "Piezas"]
    ex.cells = [Cell(0, 0, "Laringoscopios", None, 32), Cell(0, 1, "12", 12.0, 32)]
    d.exhibits = [ex]
    return d


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "small.duckdb"
    con = duckdb.connect(str(path))
    write_all(con, [_doc()])
    write_meta(con, path.parent, "")
    assert S.build_search_index(con) is True
    con.close()
    return path


@pytest.fixture
def con(small_db):
    c = open_database(small_db)
    yield c
    c.close()


@pytest.mark.parametrize(
    ("query", "ref"),
    [
        ("hospital", "informe-x:p0"),  # plural by stem
        ("HOSPITALES", "informe-x:p0"),
        ("cesantia", "informe-x:p1"),  # accent folded
        ("Cesantía edad", "informe-x:p1"),
        ("umf", "informe-x:p0"),  # acronym, any case
        ("guarderia", "informe-x:s1"),  # a heading
        ("laringoscopio", "informe-x:cuadro-i-1"),  # only in a table row label
        ("piezas", "informe-x:cuadro-i-1"),  # a column name
        ("OOAD", "OOAD"),  # the glossary
        ("desconcentrada", "OOAD"),
    ],
)
def test_small_queries(con, query, ref):
    hits = S.search(con, query)
    assert hits and hits[0].ref_id == ref, [(h.ref_id, h.score) for h in hits]
    assert hits.notice is None


@pytest.mark.parametrize(
    "query", ["", "   ", "de la el", "(", '"', "'; DROP TABLE paragraphs; --", "a OR b AND (", "%_*", "\x00"]
)
def test_awkward_queries_never_fail(con, query):
    hits = S.search(con, query)
    assert isinstance(hits, list)
    assert con.execute("SELECT count(*) FROM paragraphs").fetchone() == (4,)


def test_all_words_required_then_any(con):
    both = S.search(con, "cesantía trámite")
    assert [h.ref_id for h in both] == ["informe-x:p1"]
    either = S.search(con, "cesantía laringoscopio")
    assert {h.ref_id for h in either} == {"informe-x:p1", "informe-x:cuadro-i-1"}


def test_phrase_and_filters(con):
    phrase = S.search(con, '"seguro social"')
    assert [h.ref_id for h in phrase] == ["informe-x:p3"]
    assert S.search(con, "hospital", kind="exhibit") == []
    assert S.search(con, "hospital", doc="otro") == []
    assert [h.kind for h in S.search(con, "Cuadro I.1")][:1] == ["exhibit"]
    with pytest.raises(ValueError):
        S.search(con, "x", kind="nope")


def test_snippet_marks_and_spans(con):
    (hit, *_) = S.search(con, "hospital")
    assert "«hospitales»" in hit.snippet
    assert [hit.text[s:e] for s, e in hit.spans] == ["hospitales"]
    assert (hit.line, hit.section_id, hit.title) == (2, "informe-x:s0", "I Prestaciones Médicas")


def test_fallback_without_extension(small_db, monkeypatch):
    monkeypatch.setattr(S, "load_fts", lambda con: False)
    c = open_database(small_db)
    hits = S.search(c, "cesantia")
    assert [h.ref_id for h in hits] == ["informe-x:p1"] and hits.notice == S.FALLBACK_NOTICE
    assert "«cesantía»" in hits[0].snippet
    c.close()


def test_build_without_extension_keeps_the_records(tmp_path, monkeypatch):
    """No fts extension at build time: ``search_docs`` alone, and search scans it."""
    from tui.store import search_index

    monkeypatch.setattr(search_index, "load_fts", lambda con: False)
    c = duckdb.connect(str(tmp_path / "plain.duckdb"))
    write_all(c, [_doc()])
    assert S.build_search_index(c) is False
    kinds = dict(c.execute("SELECT kind, count(*) FROM search_docs GROUP BY 1").fetchall())
    assert kinds["paragraph"] == 4 and kinds["section"] == 2
    assert c.execute("SELECT list(id ORDER BY id) = range(1, count(*) + 1) FROM search_docs").fetchone() == (
        True,
    )
    assert not c.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = ?", [S.INDEX_SCHEMA]
    ).fetchone()[0]
    assert not c.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'search_%' AND temporary"
    ).fetchone()[0]
    monkeypatch.setattr(S, "load_fts", lambda con: False)
    hits = S.search(c, "cesantia")
    assert [h.ref_id for h in hits] == ["informe-x:p1"] and hits.notice == S.FALLBACK_NOTICE
    c.close()


def test_missing_index_is_a_clear_error(tmp_path):
    path = tmp_path / "old.duckdb"
    c = duckdb.connect(str(path))
    write_all(c, [_doc()])
    with pytest.raises(S.SearchError, match="imss build"):
        S.search(c, "hospital")


# --- the command --------------------------------------------------------------------------------------


def _cli(*args):
    app = typer.Typer()
    search_cmd.register(app)
    app.callback()(lambda: None)
    return CliRunner().invoke(app, list(args))


def test_cli_formats_and_codes(small_db):
    r = _cli("search", "cesantia", "--db", str(small_db), "--format", "jsonl")
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert rows[0]["ref_id"] == "informe-x:p1" and rows[0]["spans"]
    r = _cli("search", "hospital", "--db", str(small_db), "-f", "csv")
    assert r.stdout.splitlines()[0] == ",".join(search_cmd.FIELDS)
    assert _cli("search", "x", "--db", str(small_db), "--kind", "nope").exit_code == 2
    assert _cli("search", "x", "--db", str(small_db), "--doc", "nope").exit_code == 2
    assert _cli("search", "x", "--db", str(small_db), "--format", "xml").exit_code == 2
    assert _cli("search", "x", "--db", str(small_db.parent / "none.duckdb")).exit_code == 1
    assert _cli("search").exit_code == 2


# --- the real corpus ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(request, tmp_path_factory):
    """The real corpus database, with the search index added if the build does not make it yet."""
    try:
        built = request.getfixturevalue("corpus_db")
    except ImportError as exc:  # another engineer's parser is not there yet
        pytest.skip(f"pipeline incomplete: {exc}")
    path = tmp_path_factory.mktemp("real") / "imss.duckdb"
    shutil.copy(built, path)
    c = duckdb.connect(str(path))
    found = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'search_docs'"
    if not c.execute(found).fetchone()[0]:
        S.build_search_index(c)
    c.close()
    c = open_database(path)
    yield c
    c.close()


# (query, filters, expected kind, expected doc_id prefix, a folded word the hit must contain)
REAL = [
    ("cesantia", {}, None, "ilpa", "cesantia"),
    ("hospital", {"kind": "paragraph"}, "paragraph", "ilpa", "hospitales"),
    ("guarderias", {}, None, "ilpa-2019", "guarderias"),
    ("UMF", {}, None, "ilpa", "umf"),
    ("OOAD", {"kind": "glossary"}, "glossary", "ilpa", "ooad"),
    ("IMSS-Bienestar", {}, None, "ilpa", "bienestar"),
    ("ecocardiógrafos", {}, "exhibit", "ilpa-2019", "ecocardiografos"),
    ("pentavalente", {}, "exhibit", "ilpa-2019", "pentavalente"),
    ("dorsopatías", {}, "exhibit", "ilpa-2019", "dorsopatias"),
    ("mieloblástica", {}, "exhibit", "ilpa-2019", "mieloblastica"),
    ("pensión mínima", {}, None, "ilpa-2024", "minima"),
    ('"cuotas obrero-patronales"', {}, None, "ilpa", "cuotas obrero-patronales"),
    ("Cuadro II.3", {}, "exhibit", "ilpa-2024", "cuadro ii.3"),
    ("Gráfica I.2", {"doc": "ilpa-2024-2025"}, "exhibit", "ilpa-2024", "cirugias"),
    ("vacunacion", {}, None, "ilpa", "vacunacion"),
    ("Hemodinamia", {}, None, "ilpa-2024", "hemodinamia"),
    ("infarto agudo al miocardio", {}, None, "ilpa", "miocardio"),
    ("reservas financieras", {}, None, "ilpa-2024", "reservas financieras"),
    ("niñas niños", {}, None, "ilpa", "ninas"),
    ("CROC", {}, None, "convenio", "croc"),
    ("sindicatos", {"doc": "convenio-imss-croc-2023"}, None, "convenio", "sindicato"),
    ("manual de organización", {}, None, "manual", "manual"),
    ("SIOC", {}, None, "ilpa-2019", "sioc"),
    ("camas censables", {"kind": "paragraph"}, "paragraph", "ilpa", "censables"),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("query", "filters", "kind", "doc", "word"), REAL, ids=[r[0] for r in REAL])
def test_real_queries(real, query, filters, kind, doc, word):
    hits = S.search(real, query, limit=5, **filters)
    assert hits, query
    top = hits[0]
    assert kind is None or top.kind == kind
    assert top.doc_id.startswith(doc)
    assert word in S.fold(top.text), top.snippet
    assert top.spans


@pytest.mark.corpus
def test_real_awkward_and_empty(real):
    for q in ["", "de la el", '"', "(", "zzzxqy"]:
        assert S.search(real, q) == []
    # An SQL fragment is just words: "table" stems like "tabla", and nothing is executed.
    hits = S.search(real, "'; DROP TABLE paragraphs; --")
    assert all("tabla" in S.fold(h.text) for h in hits)
    assert real.execute("SELECT count(*) FROM paragraphs").fetchone()[0] > 1000


@pytest.mark.corpus
def test_real_restated_heading_names_its_part(real):
    # The 2024-2025 report restates its chapter headings in the programme of activities; hits from
    # both must be distinguishable by their titles.
    hits = S.search(real, "HGR 216 camas Ensenada", doc="ilpa-2024-2025", kind="paragraph", limit=5)
    titles = {h.title for h in hits}
    assert len(hits) >= 2 and len(titles) == len(hits), titles
    assert any(t.startswith("Programa de Actividades › IV.2.3") for t in titles), titles


AWKWARD = [
    "Año 2024: 1'109,630 derechohabientes (94.0%) — ñandú, ÁRBOL, pingüino.",
    "",
    "de la y el",  # only stop words
    "e-mail a_b c.d 3/4 x2 ABC-123; «cita» São Tomé İstanbul Ωmega",
    "hospitales hospital Hospitalario HOSPITALIZACIÓN",
]


def test_postings_are_the_extensions(small_db, tmp_path):
    """Our set-based postings give exactly the rows the extension's own PRAGMA writes."""
    path = tmp_path / "x.duckdb"
    shutil.copy(small_db, path)
    c = duckdb.connect(str(path))
    for i, text in enumerate(AWKWARD):
        c.execute("INSERT INTO glossary VALUES ('informe-x', ?, ?, ?)", [f"A{i}", text, 100 + i])
    assert S.build_search_index(c) is True
    ours = _index_rows(c, S.INDEX_SCHEMA)
    # The extension indexes a table (it numbers rows by rowid): the same records, stored.
    c.execute("CREATE TABLE theirs AS SELECT * FROM search_docs ORDER BY id")
    c.execute(
        "PRAGMA create_fts_index('theirs', 'id', 'body', stemmer = 'spanish', "
        "stopwords = 'search_stopwords', ignore = '(\\.|[^a-z0-9])+', "
        "strip_accents = 1, lower = 1)"
    )
    theirs = _index_rows(c, "fts_main_theirs")
    c.close()
    assert ours == theirs
    assert len(ours["terms"]) > 50 and ours["stats"][0][0] > 10


def _index_rows(c, s: str) -> dict[str, list[tuple]]:
    q = {
        # docid is the extension's internal number: compared through the record it stands for
        "docs": f"SELECT name, len FROM {s}.docs",
        "dict": f"SELECT term, df FROM {s}.dict",
        "terms": f"SELECT x.name, t.fieldid, d.term FROM {s}.terms t JOIN {s}.dict d USING (termid) "
        f"JOIN {s}.docs x USING (docid)",
        "stats": f"SELECT num_docs, round(avgdl, 9) FROM {s}.stats",
        "match": f"SELECT id, round({s}.match_bm25(id, 'hospital año'), 9) AS r FROM search_docs WHERE r > 0",
    }
    return {k: sorted(c.execute(v).fetchall()) for k, v in q.items()}


def test_search_keeps_its_index_after_a_sandboxed_query(small_db):
    """The SQL editor's connection shares the explorer's database and locks file access for both:
    search must still find the loaded extension (it used to fall back to plain matching)."""
    from tui.store.safe import SafeRunner

    app_con = open_database(small_db)
    with SafeRunner(small_db, fts=True) as runner:
        runner.run("SELECT count(*) FROM paragraphs")
        cur = app_con.cursor()
        hits = S.search(cur, "cesantia")
        assert [h.ref_id for h in hits] == ["informe-x:p1"] and hits.notice is None
        cur.close()
    app_con.close()
