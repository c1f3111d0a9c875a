"""The build: atomic writes, bad input, exit codes, and what the real corpus gives."""

from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from tui.cli import app
from tui.store.build import BuildError, build_database

SNIPPET = """INFORME DE PRUEBA

Capítulo 1. Antecedentes

El Instituto atendió a 1,234 personas durante el periodo, con un aumento
de 5.2% respecto del año anterior.

Capítulo 2. Resultados

Se otorgaron 3'169,483 consultas.
"""


@pytest.fixture
def small_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(SNIPPET, encoding="utf-8")
    return folder


def run(*args):
    return CliRunner().invoke(app, list(args))


def test_build_small_corpus(small_corpus, tmp_path):
    db = tmp_path / "x.duckdb"
    result = build_database(small_corpus, db)
    assert result.ok and db.exists()
    con = duckdb.connect(str(db), read_only=True)
    (n,) = con.execute("SELECT count(*) FROM paragraphs").fetchone()
    assert n >= 2
    assert con.execute("SELECT kind FROM documents").fetchone() == ("otro",)


def test_missing_folder_is_usage_error(tmp_path):
    r = run("build", "--corpus", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb"))
    assert r.exit_code == 2
    assert "corpus folder not found" in r.output
    assert "Traceback" not in r.output


def test_empty_folder(tmp_path):
    (tmp_path / "c").mkdir()
    r = run("build", "--corpus", str(tmp_path / "c"), "--db", str(tmp_path / "x.duckdb"))
    assert r.exit_code == 1
    assert "no .txt documents" in r.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("oneline.txt", b"x" * (50 * 1024 * 1024), "characters"),
    ],
)
def test_bad_file_others_still_built(small_corpus, tmp_path, name, content, message):
    (small_corpus / name).write_bytes(content)
    db = tmp_path / "x.duckdb"
    r = run("build", "--corpus", str(small_corpus), "--db", str(db), "-q")
    assert r.exit_code == 1
    assert name in r.output and message in r.output
    assert "Traceback" not in r.output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_cp1252_file_is_read_with_warning(small_corpus, tmp_path):
    (small_corpus / "a.txt").write_bytes(SNIPPET.encode("cp1252"))
    r = run("build", "--corpus", str(small_corpus), "--db", str(tmp_path / "x.duckdb"))
    assert r.exit_code == 0, r.output
    assert "CP1252" in r.output


def test_failed_build_keeps_previous_database(small_corpus, tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    build_database(small_corpus, db)
    before = db.read_bytes()

    def boom(*_, **__):
        raise duckdb.IOException("disk full")

    monkeypatch.setattr("tui.store.writing.write_rows", boom)
    with pytest.raises(BuildError, match="disk full"):
        build_database(small_corpus, db)
    assert db.read_bytes() == before
    assert [p.name for p in db.parent.iterdir() if p.name.startswith(".")] == []


def test_same_document_twice_gets_distinct_ids(small_corpus, tmp_path):
    (small_corpus / "b.txt").write_text(SNIPPET, encoding="utf-8")
    result = build_database(small_corpus, tmp_path / "x.duckdb")
    ids = [d.doc_id for d in result.summaries]
    assert len(set(ids)) == 2
    con = duckdb.connect(str(tmp_path / "x.duckdb"), read_only=True)
    (n,) = con.execute(
        "SELECT count(*) FROM paragraphs p JOIN documents d USING (doc_id)"
        " WHERE NOT starts_with(p.paragraph_id, d.doc_id || ':')"
    ).fetchone()
    assert n == 0


@pytest.mark.corpus
def test_real_corpus_documents(corpus_db):
    con = duckdb.connect(str(corpus_db), read_only=True)
    docs = {r[0]: r[1:] for r in con.execute("SELECT kind, period, title FROM documents").fetchall()}
    assert sorted(con.execute("SELECT kind FROM documents").fetchall()) == [
        ("convenio",),
        ("informe",),
        ("informe",),
        ("manual",),
        ("plan",),
    ]
    periods = {r[0] for r in con.execute("SELECT period FROM documents WHERE kind='informe'").fetchall()}
    assert periods == {"2019-2020", "2024-2025"}
    assert docs


REPORT = """INFORME DE PRUEBA

Capítulo I. Antecedentes

El Instituto atendió a 1,234 personas durante el periodo (cuadro I.1).

Cuadro I.1.
Personas atendidas por tipo
(personas)

Concepto\t2023\t2024
Consultas\t1,000\t1,100
Urgencias\t234\t300
Total\t1,234\t1,400

Fuente: IMSS.

Capítulo II. Resultados

Se otorgaron 3'169,483 consultas.
"""


@pytest.mark.parametrize("workers", [False, True])
def test_same_document_twice_gets_a_suffix_by_file_order(tmp_path, monkeypatch, workers):
    """The later file in name order gets ``-2`` (ids, exhibit tables) even when it is parsed first."""
    if workers:  # the long a.txt is parsed after the short b.txt on a pool of workers
        monkeypatch.setattr("tui.store.parsing.IN_PROCESS_BYTES", 0)
    folder = tmp_path / "corpus"
    folder.mkdir()
    more = "\n".join(
        f"Párrafo {i}: se atendió a 1,{i % 1000:03d} personas en la unidad." for i in range(4000)
    )
    (folder / "a.txt").write_text(REPORT + more + "\n", encoding="utf-8")
    (folder / "b.txt").write_text(REPORT, encoding="utf-8")
    result = build_database(folder, tmp_path / "x.duckdb")
    assert result.ok
    assert "b.txt: same document as a.txt; stored as informe-de-prueba-2" in result.warnings
    assert [s.path.name for s in result.summaries] == ["a.txt", "b.txt"]
    con = duckdb.connect(str(tmp_path / "x.duckdb"), read_only=True)
    docs = con.execute("SELECT source_file, doc_id FROM documents ORDER BY 1").fetchall()
    assert docs == [("a.txt", "informe-de-prueba"), ("b.txt", "informe-de-prueba-2")]
    tables = con.execute("SELECT doc_id, exhibit_id, table_name FROM exhibits ORDER BY 1").fetchall()
    assert tables == [
        ("informe-de-prueba", "informe-de-prueba:cuadro-i-1", "exhibit.informe_de_prueba__cuadro_i_1"),
        ("informe-de-prueba-2", "informe-de-prueba-2:cuadro-i-1", "exhibit.informe_de_prueba_2__cuadro_i_1"),
    ]
    for _, _, name in tables:
        assert con.execute(f'SELECT sum("2024") FROM {name}').fetchone() == (2800.0,)
    for table, key in [("paragraphs", "paragraph_id"), ("sections", "section_id"), ("facts", "fact_id")]:
        (dupes,) = con.execute(f"SELECT count(*) - count(DISTINCT {key}) FROM {table}").fetchone()
        assert dupes == 0
        (wrong,) = con.execute(
            f"SELECT count(*) FROM {table} WHERE NOT starts_with({key}, doc_id || ':')"
        ).fetchone()
        assert wrong == 0
    con.close()


def test_a_document_comes_in_two_parts_that_make_the_whole(tmp_path):
    """The prose part, then the figures: together, the rows of the whole document."""
    from tui.corpus.pipeline import parse_document
    from tui.store.parsing import parse_parts
    from tui.store.rows import FIGURE_TABLES, document_rows

    path = tmp_path / "a.txt"
    path.write_text(REPORT + SNIPPET, encoding="utf-8")
    (first, first_last), (second, second_last) = parse_parts(path)
    assert (first_last, second_last) == (False, True)
    assert not set(FIGURE_TABLES) & set(first.columns) and set(second.columns) == set(FIGURE_TABLES)
    whole = document_rows(parse_document(path.name, path.read_bytes()))
    assert {**first.columns, **second.columns} == whole.columns
    assert first.exhibit_tables == whole.exhibit_tables and second.count("facts") > 0


def test_a_failure_in_the_figures_keeps_the_document(tmp_path, monkeypatch):
    def broken(doc):
        raise ValueError("boom")

    monkeypatch.setattr("tui.store.parsing.IN_PROCESS_BYTES", 0)  # parsed by workers, in parts
    monkeypatch.setattr("tui.store.parsing.add_figures", broken)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(SNIPPET, encoding="utf-8")
    result = build_database(folder, tmp_path / "x.duckdb")
    assert result.ok and [s.facts for s in result.summaries] == [0, 0]
    assert "a.txt: figures not extracted (internal error: ValueError: boom)" in result.warnings
    con = duckdb.connect(str(tmp_path / "x.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM paragraphs").fetchone()[0] > 0
    con.close()


def test_a_worker_that_dies_stops_the_build_with_one_line(tmp_path, monkeypatch):
    import os

    def die(path):
        os._exit(3)  # as a worker killed for lack of memory would
        yield

    monkeypatch.setattr("tui.store.parsing.IN_PROCESS_BYTES", 0)
    monkeypatch.setattr("tui.store.parsing.parse_parts", die)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(SNIPPET, encoding="utf-8")
    with pytest.raises(BuildError, match="a parse worker stopped unexpectedly"):
        build_database(folder, tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb").exists()


def test_numeric_columns_include_a_first_column_of_numbers():
    from tui.corpus.model import Cell, Exhibit
    from tui.store.rows import numeric_columns

    def table(first: list[tuple[str, float | None]]) -> Exhibit:
        cells = [Cell(r, 0, t, v, 10 + r) for r, (t, v) in enumerate(first)]
        cells += [Cell(r, 1, "2,000", 2000.0, 10 + r) for r in range(len(first))]
        return Exhibit("d:t", "d", "table", "Cuadro I.1", "I.1", "t", 1, 9, columns=["a", "b"], cells=cells)

    assert numeric_columns(table([("11,156", 11156.0), ("-", None)])) == [True, True]  # no row labels
    assert numeric_columns(table([("Norte", None), ("1 Sur", None)])) == [False, True]
    assert numeric_columns(table([("", None)])) == [False, True]


def test_a_large_corpus_is_built_in_its_file_with_the_same_content(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(SNIPPET, encoding="utf-8")
    assert build_database(folder, tmp_path / "memory.duckdb").ok
    monkeypatch.setattr("tui.store.build.LARGE_CORPUS_BYTES", 0)
    assert build_database(folder, tmp_path / "file.duckdb").ok
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "file.duckdb", "memory.duckdb"]
    tables = "SELECT schema_name, table_name FROM duckdb_tables() ORDER BY ALL"
    dbs = [duckdb.connect(str(tmp_path / f"{n}.duckdb"), read_only=True) for n in ("memory", "file")]
    listed = [con.execute(tables).fetchall() for con in dbs]
    assert listed[0] == listed[1] and ("fts_main_search_docs", "terms") in listed[0]
    for schema, table in listed[0]:
        if table != "meta":  # its build time differs
            q = f'SELECT count(*), sum(hash(COLUMNS(*))) FROM "{schema}"."{table}"'
            assert dbs[0].execute(q).fetchall() == dbs[1].execute(q).fetchall(), table
    views = "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY 1"
    assert dbs[0].execute(views).fetchall() == dbs[1].execute(views).fetchall()
    macros = "SELECT function_name FROM duckdb_functions() WHERE schema_name LIKE 'fts%' ORDER BY 1"
    assert dbs[0].execute(macros).fetchall() == dbs[1].execute(macros).fetchall() != []
    for con in dbs:
        con.close()
