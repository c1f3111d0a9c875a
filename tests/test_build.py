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

    monkeypatch.setattr("tui.store.writing.write_all", boom)
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
