"""Writing parsed documents into a DuckDB database: core tables, exhibit tables, metadata."""

from __future__ import annotations

import time
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.corpus.model import Document
from tui.store import tables as T
from tui.store.schema import CORE_DDL, SCHEMA_VERSION

if TYPE_CHECKING:
    import duckdb


def write_meta(con: duckdb.DuckDBPyConnection, corpus: Path, fingerprint: str) -> None:
    rows = {
        "schema_version": str(SCHEMA_VERSION),
        "tool_version": __version__,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "corpus": str(corpus.resolve()),
        "corpus_fingerprint": fingerprint,
    }
    con.executemany("INSERT INTO meta VALUES (?, ?)", list(rows.items()))


def _insert(con: duckdb.DuckDBPyConnection, table: str, arrow) -> None:
    con.register("_arrow", arrow)
    con.execute(f"INSERT INTO {table} SELECT * FROM _arrow")
    con.unregister("_arrow")


def write_all(con: duckdb.DuckDBPyConnection, docs: list[Document], create_schema: bool = True) -> None:
    """Insert every record of every document, creating the schema first unless it is there."""
    if create_schema:
        con.execute(CORE_DDL)
    cols = {
        "documents": (
            "doc_id",
            "source_file",
            "sha256",
            "title",
            "kind",
            "period",
            "date",
            "n_lines",
            "n_chars",
        ),
        "sections": (
            "section_id",
            "doc_id",
            "parent_id",
            "level",
            "part",
            "number",
            "title",
            "ordinal",
            "line_start",
            "line_end",
        ),
        "paragraphs": (
            "paragraph_id",
            "doc_id",
            "section_id",
            "ordinal",
            "line_start",
            "line_end",
            "text",
        ),
        "footnotes": ("doc_id", "number", "text", "line_start"),
        "glossary": ("doc_id", "acronym", "expansion", "line_start"),
        "facts": (
            "fact_id",
            "doc_id",
            "section_id",
            "paragraph_id",
            "line",
            "raw",
            "value",
            "unit",
            "kind",
            "context",
        ),
    }
    items = {
        "sections": [s for d in docs for s in d.sections],
        "paragraphs": [p for d in docs for p in d.paragraphs],
        "footnotes": [f for d in docs for f in d.footnotes],
        "glossary": [g for d in docs for g in d.glossary],
        "facts": [f for d in docs for f in d.facts],
    }
    rows = {table: map(attrgetter(*cols[table]), recs) for table, recs in items.items()}
    rows["documents"] = [T.document_row(d) for d in docs]
    for table, names in cols.items():
        _insert(con, table, T.records(rows[table], names))
    _insert(
        con,
        "source_lines",
        T.records(
            ((d.doc_id, i, text) for d in docs for i, text in enumerate(d.lines, 1)),
            ("doc_id", "line", "text"),
        ),
    )
    _insert(
        con,
        "exhibit_refs",
        T.records((r for d in docs for r in d.exhibit_refs), ("paragraph_id", "exhibit_id")),
    )
    _insert(
        con,
        "fact_cells",
        T.records((r for d in docs for r in d.fact_cells), ("fact_id", "exhibit_id", "row", "col")),
    )
    write_exhibits(con, docs)


def write_exhibits(con: duckdb.DuckDBPyConnection, docs: list[Document]) -> None:
    """The exhibit catalogue, its cells and checks, and one real table per data exhibit."""
    taken: set[str] = set()
    ex_rows, col_rows, cell_rows, grids = [], [], [], []
    for d in docs:
        for ex in d.exhibits:
            table = None
            if ex.cells and ex.columns:
                table = T.exhibit_table_name(d.doc_id, ex.label, taken)
                grids.append(T.exhibit_table_sql(table, ex))
            ex_rows.append(
                (
                    ex.exhibit_id,
                    d.doc_id,
                    ex.section_id,
                    ex.kind,
                    ex.label,
                    ex.number,
                    ex.title,
                    ex.subtitle,
                    ex.notes,
                    ex.source,
                    ex.line_start,
                    ex.line_end,
                    ex.has_data,
                    ex.n_rows,
                    ex.n_cols,
                    f"exhibit.{table}" if table else None,
                    "\n".join(ex.problems) or None,
                )
            )
            numeric = T.numeric_columns(ex)
            col_rows.extend((ex.exhibit_id, i, n, numeric[i]) for i, n in enumerate(ex.columns))
            cell_rows.extend((ex.exhibit_id, c.row, c.col, c.text, c.value, c.line, c.note) for c in ex.cells)
    _insert(
        con,
        "exhibits",
        T.records(
            ex_rows,
            (
                "exhibit_id",
                "doc_id",
                "section_id",
                "kind",
                "label",
                "number",
                "title",
                "subtitle",
                "notes",
                "source",
                "line_start",
                "line_end",
                "has_data",
                "n_rows",
                "n_cols",
                "table_name",
                "problems",
            ),
        ),
    )
    _insert(con, "exhibit_columns", T.records(col_rows, ("exhibit_id", "col", "name", "numeric")))
    _insert(
        con,
        "exhibit_cells",
        T.records(cell_rows, ("exhibit_id", "row", "col", "text", "value", "line", "note")),
    )
    _insert(
        con,
        "exhibit_checks",
        T.records(
            ((c.exhibit_id, c.check, c.row, c.col, c.expected, c.found) for d in docs for c in d.checks),
            ("exhibit_id", "check", "row", "col", "expected", "found"),
        ),
    )
    if grids:
        con.execute(";\n".join(grids))
