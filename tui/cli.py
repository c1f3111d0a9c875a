"""The ``imss`` command: a thin Typer layer over ``tui.store``; Textual is imported only for the explorer."""

from __future__ import annotations

import os

import typer

from tui.commands import build, query, search
from tui.commands.options import CorpusOption, DbOption, QueriesOption
from tui.commands.plain_params import install_plain_coercion

app = typer.Typer(
    name="imss",
    help="Explore the reports of Mexico's social-security institute (IMSS): build a DuckDB file "
    "from the documents, browse it in a terminal UI, or query and export it from scripts.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

install_plain_coercion()
for _module in (build, query, search):
    _module.register(app)


@app.callback(invoke_without_command=True)
def explore(
    ctx: typer.Context,
    db: DbOption = None,
    corpus: CorpusOption = None,
    queries: QueriesOption = None,
) -> None:
    """With no command: open the explorer (building the database first if it is missing or stale)."""
    if ctx.invoked_subcommand is not None:
        # `imss --db X sql ...` must mean `imss sql --db X ...`, not silently the default file;
        # the environment is the next step of every command's precedence.
        for name, value in (("IMSS_DB", db), ("IMSS_CORPUS", corpus), ("IMSS_QUERIES", queries)):
            if value is not None:
                os.environ[name] = str(value)
        return
    from tui.commands.explore import run_explorer

    run_explorer(db=db, corpus=corpus, queries=queries)


def main() -> None:
    app()
