"""Options shared by every command, so help texts and precedence stay identical."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Database file (env IMSS_DB; default data/imss.duckdb).", show_default=False),
]
CorpusOption = Annotated[
    Path | None,
    typer.Option(
        "--corpus",
        help="Corpus folder of .txt documents (env IMSS_CORPUS; default "
        "data/corpus/ if present, else ../shared/corpus/).",
        show_default=False,
    ),
]
QueriesOption = Annotated[
    Path | None,
    typer.Option(
        "--queries", help="Folder of your own saved queries (env IMSS_QUERIES).", show_default=False
    ),
]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line on stderr and return the Exit to raise."""
    typer.echo(f"imss: {message}", err=True)
    return typer.Exit(code)
