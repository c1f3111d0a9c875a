"""``imss build``: the corpus folder into one DuckDB file."""

from __future__ import annotations

import sys

import typer

from tui import config
from tui.commands.options import CorpusOption, DbOption, fail


def register(app: typer.Typer) -> None:
    app.command(name="build")(build)


def build(
    corpus: CorpusOption = None,
    db: DbOption = None,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only errors."),
) -> None:
    """Read every .txt document of the corpus folder and write the database atomically.

    Example: imss build --corpus ../shared/corpus --db data/imss.duckdb
    """
    from tui.store.build import BuildError, build_database, corpus_files

    corpus_path, db_path = config.corpus_dir(corpus), config.db_path(db)
    if not corpus_path.is_dir():
        raise fail(f"corpus folder not found: {corpus_path}", 2)
    try:
        n = len(corpus_files(corpus_path))
        with _progress(n, quiet) as report:
            result = build_database(corpus_path, db_path, report)
    except BuildError as exc:
        raise fail(f"build failed: {exc}; the previous database is untouched") from None
    for w in result.warnings:
        typer.echo(f"imss: warning: {w}", err=True)
    for e in result.errors:
        typer.echo(f"imss: error: {e}", err=True)
    if not quiet:
        print_summary(result)
    if not result.ok:
        raise typer.Exit(1)


def print_summary(result) -> None:
    from rich.console import Console
    from rich.table import Table

    docs = result.summaries
    table = Table(title=f"Built {result.db_path}", title_justify="left")
    for col in (
        "document",
        "kind",
        "period",
        "sections",
        "paragraphs",
        "exhibits",
        "glossary",
        "facts",
    ):
        table.add_column(col, justify="left" if col in ("document", "kind", "period") else "right")
    for d in docs:
        table.add_row(
            d.doc_id,
            d.kind,
            d.period or "",
            *(f"{x:,}" for x in (d.sections, d.paragraphs, d.exhibits, d.glossary, d.facts)),
        )
    total = [
        sum(getattr(d, a) for d in docs) for a in ("sections", "paragraphs", "exhibits", "glossary", "facts")
    ]
    table.add_row(f"{len(docs)} documents", "", "", *(f"{t:,}" for t in total), style="bold")
    # Pipes and cron logs have no width: don't squeeze the ids into 80 columns.
    Console(width=None if sys.stdout.isatty() else 120).print(table)
    typer.echo(f"{result.seconds:.2f} s")


class _progress:
    """A Rich progress bar on a terminal; plain lines otherwise (cron, pipes)."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total, self.quiet, self.bar, self.task = total, quiet, None, None

    def __enter__(self):
        if not self.quiet and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("{task.description:<32}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("reading", total=self.total)
        return self.report

    def report(self, name: str, done: int, total: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=done, description=name or "writing database")
        elif not self.quiet and name:
            typer.echo(f"[{done + 1}/{total}] {name}", err=True)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
