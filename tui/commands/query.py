"""``imss queries``, ``query``, ``sql`` and ``export``: saved and ad-hoc SQL from scripts.

Data goes to stdout (or ``--output``), messages to stderr. Exit codes: 0 ok, 1 query or data
error, 2 usage error (unknown query or exhibit, bad parameter, unknown format, existing output),
130 cancelled with Ctrl+C. Nothing heavy is imported before a command runs.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Annotated

import typer

from tui import config
from tui.commands.options import DbOption, QueriesOption, fail

FORMAT_HELP = (
    "table, csv, tsv, json, jsonl, parquet or markdown (default: from the --output suffix, else table)."
)
FormatOption = Annotated[str | None, typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False)]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout.", show_default=False),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]
ParamOption = Annotated[
    list[str] | None,
    typer.Option(
        "--param", "-p", help="NAME=VALUE for a $NAME parameter; repeat for more.", show_default=False
    ),
]


def register(app: typer.Typer) -> None:
    app.command(name="queries")(queries)
    app.command(name="query")(query)
    app.command(name="sql")(sql)
    export = typer.Typer(
        name="export",
        help="Write exhibit tables (one, or all with the core tables) to files.",
        no_args_is_help=True,
    )
    export.command(name="exhibit")(export_exhibit)
    export.command(name="all")(export_all)
    app.add_typer(export, name="export")


def _error_exit(exc: Exception) -> typer.Exit:
    """The one-line message and exit code for any error of the query layer."""
    from tui.store.export import ExportError
    from tui.store.safe import MissingParamError, QueryCancelled
    from tui.store.saved import ParamError

    if isinstance(exc, QueryCancelled):
        return fail("query cancelled", 130)
    usage = isinstance(exc, ParamError | MissingParamError) or (isinstance(exc, ExportError) and exc.usage)
    return fail(str(exc), 2 if usage else 1)


def _run(runner, sql: str, params: dict | None, arrow: bool):
    """Run in a worker thread so Ctrl+C in the main thread can interrupt DuckDB."""
    box: dict = {}

    def work() -> None:
        try:
            box["result"] = runner.run(sql, params, arrow=arrow)
        except Exception as exc:  # re-raised in the main thread
            box["error"] = exc

    worker = threading.Thread(target=work, name="imss-query", daemon=True)
    worker.start()
    try:
        worker.join()
    except KeyboardInterrupt:
        runner.cancel()
        worker.join(5)
        raise fail("query cancelled", 130) from None
    if "error" in box:
        raise box["error"]
    return box["result"]


def _execute(
    sql: str, params: dict | None, fmt: str | None, output: Path | None, force: bool, db, check=None
) -> None:
    """Run ``sql`` on the sandboxed connection and write the full result; ``check(runner)`` first."""
    from tui.store.db import DatabaseError
    from tui.store.export import ExportError, check_target, choose_format, write_result
    from tui.store.safe import QueryError, SafeRunner
    from tui.store.saved import ParamError

    try:
        fmt = choose_format(fmt, output)
        check_target(output, force)
        with SafeRunner(config.db_path(db)) as runner:
            if check is not None:
                check(runner)
            result = _run(runner, sql, params, fmt == "parquet")
        write_result(result, fmt, output, force=force)
    except (QueryError, DatabaseError, ExportError, ParamError) as exc:
        raise _error_exit(exc) from None
    if output is not None:
        typer.echo(f"imss: wrote {len(result):,} rows to {output}", err=True)
    elif not len(result):
        typer.echo("imss: no rows", err=True)


def queries(
    name: Annotated[str | None, typer.Argument(help="Show this query in full.", show_default=False)] = None,
    fmt: FormatOption = None,
    user_queries: QueriesOption = None,
) -> None:
    """List the saved queries (name, title, parameters), or show one with its help and SQL.

    Your own .sql files in --queries DIR are listed beside the shipped ones.
    Example: imss queries; imss queries section_mentions
    """
    from tui.store.export import ExportError, choose_format, write_result
    from tui.store.safe import Result
    from tui.store.saved import QueryFileError, load_queries

    if name is not None:
        _show(_find(name, user_queries))
        return
    found, errors = load_queries(config.shipped_queries_dir(), config.user_queries_dir(user_queries))
    for error in errors:
        typer.echo(f"imss: error: {error}", err=True)
    rows = [(q.name, q.title, ", ".join(_param_text(p) for p in q.params), q.origin) for q in found]
    try:
        result = Result(["name", "title", "parameters", "origin"], ["VARCHAR"] * 4, rows)
        write_result(result, choose_format(fmt, None))
    except (ExportError, QueryFileError) as exc:
        raise _error_exit(exc) from None
    if errors:
        raise typer.Exit(1)


def _param_text(p) -> str:
    return f"{p.name}:{p.type}={p.default}"


def _find(name: str, user_queries: Path | None):
    import difflib

    from tui.store.saved import QueryFileError, find_query, load_queries

    shipped, user = config.shipped_queries_dir(), config.user_queries_dir(user_queries)
    try:
        found = find_query(name, shipped, user)
    except QueryFileError as exc:
        raise fail(str(exc), 1) from None
    if found is None:
        names = [q.name for q in load_queries(shipped, user)[0]]
        close = difflib.get_close_matches(name, names, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `imss queries`"
        raise fail(f"unknown query {name!r}{hint}", 2)
    return found


def _show(q) -> None:
    typer.echo(f"{q.name}: {q.title}")
    if q.description:
        typer.echo(q.description)
    typer.echo(f"file: {q.path} ({q.origin})")
    for p in q.params:
        typer.echo(f"  --param {p.name}=…  {p.type}, default {p.default!r}: {p.help}")
        if p.choices_sql:
            typer.echo(f"      choices: {p.choices_sql}")
    typer.echo("")
    typer.echo(q.sql.rstrip("\n"))


def query(
    name: Annotated[str, typer.Argument(help="Saved query name (see `imss queries`).", show_default=False)],
    param: ParamOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    db: DbOption = None,
    user_queries: QueriesOption = None,
) -> None:
    """Run a saved query with its parameters (defaults unless given) and print every row.

    Example: imss query section_mentions --param term=dengue --format csv
    """
    from tui.store.saved import ParamError, bind, check_choices, parse_assignments

    saved = _find(name, user_queries)
    try:
        given = parse_assignments(param or [])
        values = bind(saved, given)
    except ParamError as exc:
        raise _error_exit(exc) from None

    def choices(runner) -> None:
        check_choices(saved, given, values, lambda sql: [row[0] for row in runner.run(sql).rows])

    _execute(saved.sql, values, fmt, output, force, db, choices)


def sql(
    statement: Annotated[
        str, typer.Argument(help='One read-only query, or "-" to read it from stdin.', show_default=False)
    ],
    param: ParamOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    db: DbOption = None,
) -> None:
    """Run one read-only SQL query on the database and print every row.

    Files, URLs, settings and writes are refused. Parameters are bound as text.
    Example: imss sql "SELECT doc_id, count(*) FROM exhibits GROUP BY 1" --format csv
    """
    from tui.store.saved import ParamError, parse_assignments

    text = sys.stdin.read() if statement == "-" else statement
    try:
        values = parse_assignments(param or [])
    except ParamError as exc:
        raise _error_exit(exc) from None
    _execute(text, values or None, fmt, output, force, db)


def export_exhibit(
    label: Annotated[
        str,
        typer.Argument(
            help="Exhibit label, e.g. 'Cuadro I.1' (case and accents ignored).", show_default=False
        ),
    ],
    doc: str | None = typer.Option(
        None, "--doc", help="The document (doc_id) when several have it.", show_default=False
    ),
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    db: DbOption = None,
) -> None:
    """Write the data table of one exhibit (a Cuadro or Tabla) with its printed column names.

    Example: imss export exhibit "cuadro i.1" --doc ilpa-2024-2025 --output cuadro_i_1.csv
    """
    from tui.store.db import DatabaseError
    from tui.store.export import (
        ExportError,
        check_target,
        choose_format,
        find_exhibits,
        quote_table,
        write_result,
    )
    from tui.store.safe import QueryError, SafeRunner

    try:
        fmt = choose_format(fmt, output)
        check_target(output, force)
        with SafeRunner(config.db_path(db)) as runner:
            match = _one_exhibit(find_exhibits(runner, label, doc), label, doc)
            result = _run(runner, f"SELECT * FROM {quote_table(match.table_name)}", None, fmt == "parquet")
        write_result(result, fmt, output, force=force)
    except (QueryError, DatabaseError, ExportError) as exc:
        raise _error_exit(exc) from None
    where = f"{match.doc_id} lines {match.line_start}-{match.line_end}"
    typer.echo(
        f"imss: {match.label} ({where}): {len(result):,} rows" + (f" to {output}" if output else ""), err=True
    )


def _one_exhibit(matches: list, label: str, doc: str | None):
    if not matches:
        scope = f" in {doc}" if doc else ""
        raise fail(
            f'no exhibit {label!r}{scope}; list them with: imss sql "SELECT doc_id, label FROM exhibits"', 2
        )
    if len(matches) > 1:
        docs = ", ".join(sorted({m.doc_id for m in matches}))
        raise fail(f"{label!r} is in several documents ({docs}); choose one with --doc", 2)
    match = matches[0]
    if match.table_name is None:
        raise fail(f"{match.label} ({match.doc_id}) has no data table (a chart or an unreadable table)", 1)
    return match


def export_all(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write into (created if missing).")
    ],
    fmt: str = typer.Option("parquet", "--format", "-f", help="parquet or csv."),
    force: ForceOption = False,
    db: DbOption = None,
) -> None:
    """Write every exhibit table and the core tables to a folder, with manifest.csv.

    The manifest lists each file with its row count and, for exhibits, the source document and lines.
    Example: imss export all --format csv --output exports/
    """
    from tui.store.db import DatabaseError
    from tui.store.export import ExportError
    from tui.store.export import export_all as run_export
    from tui.store.safe import QueryError, SafeRunner

    try:
        with SafeRunner(config.db_path(db)) as runner:
            manifest = run_export(runner, output, fmt.lower(), force=force)
    except (QueryError, DatabaseError, ExportError) as exc:
        raise _error_exit(exc) from None
    rows = sum(m[2] for m in manifest)
    typer.echo(f"imss: wrote {len(manifest)} files ({rows:,} rows) and manifest.csv to {output}", err=True)
