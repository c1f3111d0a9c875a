"""Turning extracted records into Arrow tables DuckDB can ingest in one statement."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

import pyarrow as pa

from tui.corpus.model import Document, Exhibit

# The system allocator hands memory back once a table is ingested; Arrow's default pool
# (mimalloc) keeps ~40 MB of the build's peak for itself.
_POOL = pa.system_memory_pool()


def records(rows: Iterable[Sequence], names: Sequence[str]) -> pa.Table:
    """A column-oriented Arrow table from row tuples (column lists are far cheaper than rows)."""
    cols = list(zip(*rows, strict=True)) or [() for _ in names]
    return pa.table([pa.array(col, memory_pool=_POOL) for col in cols], names=list(names))


def slug(text: str, sep: str = "_") -> str:
    """ASCII lower-case identifier: ``Cuadro II.3`` -> ``cuadro_ii_3``."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", sep, ascii_.lower()).strip(sep)


def exhibit_table_name(doc_id: str, label: str, taken: set[str]) -> str:
    """``ilpa_2024_2025__cuadro_i_1``, made unique within ``taken``."""
    base = f"{slug(doc_id)}__{slug(label)}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def numeric_columns(ex: Exhibit) -> list[bool]:
    """A column is numeric when every printed, non-missing body cell in it parsed as a number."""
    seen = [0] * ex.n_cols
    numbers = [0] * ex.n_cols
    for c in ex.cells:
        if c.col >= ex.n_cols or c.col == 0:
            continue
        if c.value is not None:
            numbers[c.col] += 1
            seen[c.col] += 1
        elif c.text and c.text.strip() not in ("-", "–", "—", "S/D", "n.d.", ""):
            seen[c.col] += 1
    return [i > 0 and seen[i] > 0 and numbers[i] == seen[i] for i in range(ex.n_cols)]


def column_names(columns: list[str]) -> list[str]:
    """Unique, non-empty SQL column names that keep the printed wording."""
    out: list[str] = []
    for i, name in enumerate(columns):
        base = " ".join(name.split()) or ("concepto" if i == 0 else f"col_{i}")
        cand, n = base, 2
        while cand.lower() in (o.lower() for o in out):
            cand, n = f"{base} ({n})", n + 1
        out.append(cand)
    return out


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(v) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, float):
        return repr(v) if math.isfinite(v) else f"'{v}'::DOUBLE"
    return "'" + str(v).replace("'", "''") + "'"


def exhibit_table_sql(table: str, ex: Exhibit) -> str:
    """``CREATE TABLE exhibit.<table>`` and its rows, as SQL text.

    The label column comes first and numeric columns are DOUBLE; rows keep their printed order.
    Plain SQL because one batch of statements for every exhibit costs DuckDB a fraction of
    scanning one Arrow table per exhibit.
    """
    numeric = numeric_columns(ex)
    names = column_names(ex.columns)
    cols = ", ".join(f"{_ident(n)} {'DOUBLE' if numeric[i] else 'VARCHAR'}" for i, n in enumerate(names))
    grid: list[list] = [[None] * ex.n_cols for _ in range(ex.n_rows)]
    for c in ex.cells:
        if c.col < ex.n_cols:
            grid[c.row][c.col] = c.value if numeric[c.col] else c.text
    values = ", ".join("(" + ", ".join(map(_literal, row)) + ")" for row in grid)
    name = f"exhibit.{_ident(table)}"
    return f"CREATE TABLE {name} ({cols});\nINSERT INTO {name} VALUES {values}"


def document_row(d: Document) -> tuple:
    return (
        d.doc_id,
        d.source_file,
        d.sha256,
        d.title,
        d.kind,
        d.period,
        d.date,
        d.n_lines,
        d.n_chars,
    )
