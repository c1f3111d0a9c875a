"""``imss search``: full-text search of the built database from scripts (no Textual here)."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from typing import Annotated

import typer

from tui import config
from tui.commands.options import DbOption, fail

FORMATS = ("table", "csv", "json", "jsonl")
FIELDS = ("kind", "doc_id", "ref_id", "section_id", "line", "score", "title", "snippet")


def register(app: typer.Typer) -> None:
    app.command(name="search")(search)


def search(
    terms: Annotated[list[str], typer.Argument(help='Words to find; "quoted phrases" as written.')],
    doc: str | None = typer.Option(None, "--doc", help="Only this document (a doc_id).", show_default=False),
    kind: str | None = typer.Option(
        None, "--kind", help="Only paragraph, section, exhibit or glossary hits.", show_default=False
    ),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=10_000, help="At most this many hits."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or jsonl."),
    db: DbOption = None,
) -> None:
    """Search paragraphs, headings, exhibit titles, columns and row labels, and glossaries.

    Accents and case do not matter and Spanish plurals match (hospital finds hospitales).
    Example: imss search cesantia --kind paragraph --format jsonl
    """
    from tui.store.db import DatabaseError, open_database
    from tui.store.search import KINDS, SearchError
    from tui.store.search import search as run_search

    if fmt not in FORMATS:
        raise fail(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}", 2)
    if kind is not None and kind not in KINDS:
        raise fail(f"unknown --kind {kind!r}; choose one of {', '.join(KINDS)}", 2)
    try:
        con = open_database(config.db_path(db))
    except DatabaseError as exc:
        raise fail(str(exc)) from None
    try:
        if doc is not None and not con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc]).fetchone():
            known = ", ".join(r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall())
            raise fail(f"unknown --doc {doc!r}; documents: {known}", 2)
        hits = run_search(con, " ".join(terms), doc=doc, kind=kind, limit=limit)
    except SearchError as exc:
        raise fail(str(exc)) from None
    finally:
        con.close()
    if hits.notice:
        typer.echo(f"imss: note: {hits.notice}", err=True)
    if not hits:
        typer.echo("imss: no matches", err=True)
    write_hits(hits, fmt)


def write_hits(hits, fmt: str) -> None:
    rows = [{k: getattr(h, k) for k in FIELDS} for h in hits]
    if fmt == "table":
        _table(hits)
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif fmt == "json":
        typer.echo(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
    else:
        for h in hits:
            typer.echo(json.dumps(asdict(h), ensure_ascii=False))


def _table(hits) -> None:
    if not hits:
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False)
    for col in ("kind", "where", "line", "match"):
        table.add_column(col, overflow="fold")
    for h in hits:
        text = Text(h.text)
        for s, e in h.spans:
            text.stylize("bold reverse", s, e)
        table.add_row(h.kind, f"{h.ref_id}\n{h.title[:60]}", str(h.line or ""), text)
    Console().print(table)
