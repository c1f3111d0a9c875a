"""Figures extracted apart, a share of the paragraphs per worker, are the same records."""

from __future__ import annotations

import duckdb
import pytest

from tui.corpus.pipeline import parse_document
from tui.store.build import build_database
from tui.store.fact_jobs import fact_jobs, join_facts, run_fact_job
from tui.store.rows import document_rows

REPORT = """INFORME DE PRUEBA

Capítulo I. Antecedentes

El Instituto atendió a 1,234 personas (cuadro I.1), 5.2% más que en 2023.

Cuadro I.1.
Personas atendidas
(personas)

Concepto\t2023\t2024
Consultas\t1,000\t1,100
Urgencias\t234\t300
Total\t1,234\t1,400

Fuente: IMSS.

Capítulo II. Resultados
"""


def _report(n: int) -> str:
    body = "\n\n".join(
        f"En la unidad {i} se dieron {1000 + i:,} consultas y 1,100 urgencias, {i % 90}.5% del total."
        for i in range(n)
    )
    return REPORT + "\n" + body + "\n"


def _split_rows(path, shares):
    whole = document_rows(parse_document(path.name, path.read_bytes()))
    structure = document_rows(parse_document(path.name, path.read_bytes(), facts=False), part="structure")
    assert structure.count("facts") == 0 and "facts" not in structure.columns
    parts = [run_fact_job(job) for job in fact_jobs(path, structure, shares)]
    return whole, join_facts(parts)


@pytest.mark.parametrize("shares", [1, 2, 3])
def test_shares_give_the_same_facts(tmp_path, shares):
    path = tmp_path / "a.txt"
    path.write_text(_report(40), encoding="utf-8")
    whole, split = _split_rows(path, shares)
    assert whole.count("facts") > 80 and whole.count("fact_cells") > 0
    for table in ("facts", "fact_cells"):
        assert split.columns[table] == whole.columns[table]


def test_shares_of_the_largest_report(corpus_dir):
    path = next(corpus_dir.glob("001*.txt"))
    whole, split = _split_rows(path, 2)
    assert whole.count("facts") > 5000
    for table in ("facts", "fact_cells"):
        assert split.columns[table] == whole.columns[table]


def test_a_changed_file_is_an_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(_report(5), encoding="utf-8")
    structure = document_rows(parse_document(path.name, path.read_bytes(), facts=False), part="structure")
    [job] = fact_jobs(path, structure, 1)
    path.write_text(_report(6), encoding="utf-8")
    assert run_fact_job(job) == "a.txt: changed while it was being built"


def test_build_with_split_figures_equals_build_in_process(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(_report(400), encoding="utf-8")
    (folder / "b.txt").write_text(
        _report(30).replace("INFORME DE PRUEBA", "INFORME DE OTRA PRUEBA"), encoding="utf-8"
    )
    (folder / "c.txt").write_text(_report(30), encoding="utf-8")  # the same document as a.txt: renamed
    tables, joined = {}, []

    def join(parts):
        joined.append(parts[0].doc_id)
        return join_facts(parts)

    for mode in ("in_process", "split"):
        if mode == "split":
            monkeypatch.setattr("tui.store.parsing.IN_PROCESS_BYTES", 0)
            monkeypatch.setattr("tui.store.fact_jobs.MIN_PARAGRAPHS", 1)
            monkeypatch.setattr("tui.store.fact_jobs.join_facts", join)
        result = build_database(folder, tmp_path / f"{mode}.duckdb")
        assert result.ok, result.errors
        con = duckdb.connect(str(tmp_path / f"{mode}.duckdb"), read_only=True)
        tables[mode] = (
            [(s.path.name, s.doc_id, s.facts) for s in result.summaries],
            con.execute("SELECT * FROM facts ORDER BY fact_id").fetchall(),
            con.execute("SELECT * FROM fact_cells ORDER BY ALL").fetchall(),
        )
        con.close()
    summaries, facts, cells = tables["split"]
    assert summaries[2][1] == "informe-de-prueba-2" and all(n > 0 for _, _, n in summaries)
    assert len(facts) > 1000 and cells
    assert sorted(joined) == ["informe-de-otra-prueba", "informe-de-prueba", "informe-de-prueba"]
    assert tables["split"] == tables["in_process"]
