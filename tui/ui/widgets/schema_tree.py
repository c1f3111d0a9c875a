"""The tables and columns of the database as a tree; Enter on a name asks to insert it.

Tables of the ``main`` schema are listed open; other schemas (``exhibit`` holds one table per
exhibit) stay folded. Names are quoted where DuckDB needs it (``"row"``, ``"check"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree

_SIMPLE = re.compile(r"^[a-z_][a-z0-9_]*$")
COLUMNS_SQL = """
SELECT table_schema, table_name, column_name, data_type
FROM information_schema.columns
WHERE table_catalog = current_database() AND table_schema NOT IN ('information_schema', 'pg_catalog')
ORDER BY table_schema <> 'main', table_schema, table_name, ordinal_position
"""
KEYWORDS_SQL = "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category <> 'unreserved'"


@dataclass(frozen=True, slots=True)
class SchemaName:
    kind: str
    """schema, table or column."""
    insert: str
    """The text inserted into the SQL."""


def quote(name: str, keywords: set[str]) -> str:
    """``name`` as an SQL identifier: bare when it can be, else in double quotes."""
    if _SIMPLE.match(name) and name not in keywords:
        return name
    return '"' + name.replace('"', '""') + '"'


def read_schema(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple[str, str, str, str]], set[str]]:
    """(schema, table, column, type) rows and the keywords that need quoting."""
    rows = con.execute(COLUMNS_SQL).fetchall()
    keywords = {r[0] for r in con.execute(KEYWORDS_SQL).fetchall()}
    return rows, keywords


class SchemaTree(Tree[SchemaName]):
    """Schemas › tables › columns (with their types)."""

    BINDINGS = [Binding("enter", "insert_name", "Insert name")]

    class Insert(Message):
        """Insert ``text`` into the editor at its cursor."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, id: str | None = None) -> None:
        super().__init__("database", id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2

    def on_mount(self) -> None:
        self.root.add_leaf(Text("reading the schema…", style="dim"))
        self._load()

    @work(thread=True, exclusive=True, group="schema")
    def _load(self) -> None:
        try:
            con = self.app.cursor()
        except RuntimeError:
            return
        try:
            rows, keywords = read_schema(con)
        finally:
            con.close()
        self.app.call_from_thread(self.fill, rows, keywords)

    def fill(self, rows: list[tuple[str, str, str, str]], keywords: set[str]) -> None:
        self.clear()
        schemas: dict[str, object] = {}
        tables: dict[tuple[str, str], object] = {}
        for schema, table, column, type_ in rows:
            parent = self.root
            if schema != "main":
                if schema not in schemas:
                    schemas[schema] = self.root.add(
                        Text(schema, style="italic"), SchemaName("schema", quote(schema, keywords))
                    )
                parent = schemas[schema]
            if (schema, table) not in tables:
                full = quote(table, keywords)
                if schema != "main":
                    full = f"{quote(schema, keywords)}.{full}"
                tables[(schema, table)] = parent.add(Text(table, style="bold"), SchemaName("table", full))
            label = Text.assemble(column, (f"  {type_.lower()}", "dim"))
            tables[(schema, table)].add_leaf(label, SchemaName("column", quote(column, keywords)))
        self.cursor_line = 0

    def action_insert_name(self) -> None:
        node = self.cursor_node
        if node is not None and node.data is not None:
            self.post_message(self.Insert(node.data.insert))
