"""A parsed document as the columns of the database's tables, in plain Python.

Parse workers send this back instead of the :class:`Document`: lists of strings and numbers
pickle several times faster than as many small records (0.05 s instead of 0.3 s for the largest
report), and the conversion runs beside the other parses rather than in the writer. Nothing here
imports DuckDB or Arrow, which the workers never load.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from operator import attrgetter

from tui.corpus.model import Document, Exhibit

_DDL_ORDER = """
documents: doc_id source_file sha256 title kind period date n_lines n_chars
sections: section_id doc_id parent_id level part number title ordinal line_start line_end
paragraphs: paragraph_id doc_id section_id ordinal line_start line_end text
footnotes: doc_id number text line_start
glossary: doc_id acronym expansion line_start
facts: fact_id doc_id section_id paragraph_id line raw value unit kind context
source_lines: doc_id line text
exhibit_refs: paragraph_id exhibit_id
fact_cells: fact_id exhibit_id row col
exhibits: exhibit_id doc_id section_id kind label number title subtitle notes source line_start line_end
  has_data n_rows n_cols table_name problems
exhibit_columns: exhibit_id col name numeric
exhibit_cells: exhibit_id row col text value line note
exhibit_checks: exhibit_id check row col expected found
"""
COLUMNS: dict[str, tuple[str, ...]] = {
    table: tuple(names.split())
    for table, names in (line.split(":") for line in _DDL_ORDER.strip().replace("\n  ", " ").splitlines())
}
"""Each table's columns in the order of its DDL."""


@dataclass(slots=True)
class DocumentRows:
    """One document's rows, column by column, and the SQL of its exhibit tables."""

    doc_id: str
    kind: str
    period: str | None
    columns: dict[str, list[tuple]] = field(default_factory=dict)
    """Table name -> one tuple of values per column of :data:`COLUMNS`."""
    exhibit_tables: list[tuple[str, str, str]] = field(default_factory=list)
    """(name in schema ``exhibit``, column definitions, VALUES list) of each data exhibit."""
    warnings: list[str] = field(default_factory=list)

    def count(self, table: str) -> int:
        cols = self.columns.get(table)
        return len(cols[0]) if cols else 0


FIGURE_TABLES = ("facts", "fact_cells")
"""The tables of the figures quoted in the prose, a parse's last step (see :func:`figure_rows`)."""


def document_rows(d: Document, figures: bool = True) -> DocumentRows:
    """Every record of ``d`` as table columns; without ``figures``, all but :data:`FIGURE_TABLES`."""
    rows = DocumentRows(d.doc_id, d.kind, d.period, warnings=list(d.warnings))
    put = rows.columns.__setitem__
    put("documents", _columns([attrgetter(*COLUMNS["documents"])(d)], 9))
    for table, recs in (
        ("sections", d.sections),
        ("paragraphs", d.paragraphs),
        ("footnotes", d.footnotes),
        ("glossary", d.glossary),
    ):
        names = COLUMNS[table]
        put(table, _columns(map(attrgetter(*names), recs), len(names)))
    put("source_lines", [(d.doc_id,) * len(d.lines), tuple(range(1, len(d.lines) + 1)), tuple(d.lines)])
    put("exhibit_refs", _columns(d.exhibit_refs, 2))
    checks = ((c.exhibit_id, c.check, c.row, c.col, c.expected, c.found) for c in d.checks)
    put("exhibit_checks", _columns(checks, 6))
    _exhibits(d, rows)
    if figures:
        rows.columns.update(figure_rows(d).columns)
    return rows


def figure_rows(d: Document) -> DocumentRows:
    """Only the figures of ``d`` (:data:`FIGURE_TABLES`), sent after the rest of a long document."""
    rows = DocumentRows(d.doc_id, d.kind, d.period)
    names = COLUMNS["facts"]
    rows.columns["facts"] = _columns(map(attrgetter(*names), d.facts), len(names))
    rows.columns["fact_cells"] = _columns(d.fact_cells, 4)
    return rows


def _columns(rows, width: int) -> list[tuple]:
    return list(zip(*rows, strict=True)) or [() for _ in range(width)]


def _exhibits(d: Document, rows: DocumentRows) -> None:
    taken: set[str] = set()
    ex_rows, col_rows, cell_rows = [], [], []
    for ex in d.exhibits:
        table = None
        if ex.cells and ex.columns:
            table = exhibit_table_name(d.doc_id, ex.label, taken)
            rows.exhibit_tables.append(exhibit_table(table, ex))
        ex_rows.append(
            (
                ex.exhibit_id, d.doc_id, ex.section_id, ex.kind, ex.label, ex.number, ex.title, ex.subtitle,
                ex.notes, ex.source, ex.line_start, ex.line_end, ex.has_data, ex.n_rows, ex.n_cols,
                f"exhibit.{table}" if table else None, "\n".join(ex.problems) or None,
            )
        )  # fmt: skip
        numeric = numeric_columns(ex)
        col_rows.extend((ex.exhibit_id, i, n, numeric[i]) for i, n in enumerate(ex.columns))
        cell_rows.extend((ex.exhibit_id, c.row, c.col, c.text, c.value, c.line, c.note) for c in ex.cells)
    rows.columns["exhibits"] = _columns(ex_rows, 17)
    rows.columns["exhibit_columns"] = _columns(col_rows, 4)
    rows.columns["exhibit_cells"] = _columns(cell_rows, 7)


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
        if c.col >= ex.n_cols:
            continue
        if c.value is not None:
            numbers[c.col] += 1
            seen[c.col] += 1
        elif c.text and c.text.strip() not in ("-", "–", "—", "S/D", "n.d.", ""):
            seen[c.col] += 1
    # The first column is numeric too when it holds only numbers: a table without row labels.
    return [seen[i] > 0 and numbers[i] == seen[i] for i in range(ex.n_cols)]


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


def exhibit_table(table: str, ex: Exhibit) -> tuple[str, str, str]:
    """The name, column definitions and SQL ``VALUES`` of an exhibit's own table.

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
    return table, cols, values


def exhibit_table_sql(table: str, cols: str, values: str) -> str:
    """``CREATE TABLE exhibit.<table>`` and its rows, as SQL text."""
    name = f"exhibit.{_ident(table)}"
    return f"CREATE TABLE {name} ({cols});\nINSERT INTO {name} VALUES {values}"


_ID_COLUMNS = {"doc_id", "section_id", "parent_id", "paragraph_id", "exhibit_id", "fact_id"}


def rekey(rows: DocumentRows, new: str) -> None:
    """Rewrite every id of ``rows`` that starts with its old ``doc_id``, and its table names."""
    old, old_slug, new_slug = rows.doc_id, slug(rows.doc_id) + "__", slug(new) + "__"
    # Table names are "<doc slug>__<label slug>", and "exhibit." + that in the catalogue.

    def move(v):
        return new + v[len(old) :] if isinstance(v, str) and (v == old or v.startswith(old + ":")) else v

    for table, cols in rows.columns.items():
        for i, name in enumerate(COLUMNS[table]):
            if name in _ID_COLUMNS:
                cols[i] = tuple(map(move, cols[i]))
    if "exhibits" in rows.columns:  # not in the part holding only the figures
        i = COLUMNS["exhibits"].index("table_name")
        names = rows.columns["exhibits"][i]
        rows.columns["exhibits"][i] = tuple(v and v.replace(old_slug, new_slug, 1) for v in names)
    rows.exhibit_tables = [(new_slug + t.removeprefix(old_slug), c, v) for t, c, v in rows.exhibit_tables]
    rows.doc_id = new
