"""Writing parsed documents into a DuckDB database: core tables, exhibit tables, metadata."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.corpus.model import Document
from tui.store.rows import COLUMNS, DocumentRows, document_rows, exhibit_table_sql
from tui.store.schema import CORE_DDL, SCHEMA_VERSION
from tui.store.tables import arrow_table

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
    for d in docs:
        write_rows(con, document_rows(d))


def write_rows(con: duckdb.DuckDBPyConnection, rows: DocumentRows) -> None:
    """Insert one document's rows, or a part of them (see :mod:`tui.store.rows`), and create its
    exhibit tables.

    One transaction: all of the document or none of it, and a commit instead of ~120.
    """
    con.execute("BEGIN")
    try:
        for table, names in COLUMNS.items():
            if table in rows.columns:  # a part of a document (see parsing.parse_parts) has a few
                _insert(con, table, arrow_table(names, rows.columns[table]))
        if rows.exhibit_tables:
            con.execute(";\n".join(exhibit_table_sql(*t) for t in rows.exhibit_tables))
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
