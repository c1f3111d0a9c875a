"""Running user SQL on the database read-only, in a sandbox, and interruptibly.

Three walls, each enough for most attacks, together for all the ones we know:

1. the connection is read-only (:func:`tui.store.db.open_database`), so the file is never written;
2. only one statement per run, and only a query (SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW,
   SUMMARIZE, PRAGMA table_info, EXPLAIN): DuckDB's own parser classifies it, so DROP, INSERT,
   COPY, ATTACH, INSTALL, LOAD, SET, EXPORT, CHECKPOINT... are refused before they run;
3. external access is disabled (no ``read_csv('/etc/passwd')``, no URLs, no ``glob``), Python
   variables are not visible as tables, extensions cannot be auto-loaded, and the configuration
   is then locked so no statement can undo it. The fts extension, needed by search macros and
   ``stem()``, is loaded from the local wheel *before* the lock.

A :class:`SafeRunner` holds one such connection. ``run`` blocks; ``cancel`` (from another thread,
a signal handler or a UI key) interrupts the running query, which then raises
:class:`QueryCancelled`.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from tui.store.db import fts_extension_path, open_database

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
LOCKDOWN = (
    "SET enable_external_access = false",
    "SET python_enable_replacements = false",
    "SET autoinstall_known_extensions = false",
    "SET autoload_known_extensions = false",
    "SET allow_community_extensions = false",
    "SET lock_configuration = true",
)
"""Applied in this order; the last one makes the others permanent for the connection."""

_NEEDS_FTS = re.compile(r"\b(?:stem|match_bm25|fts_main_\w+)\b", re.IGNORECASE)
_FIRST_WORD = re.compile(r"(?:\s+|--[^\n]*\n?|/\*.*?\*/)*([A-Za-z_]+)", re.S)
_WHY = {
    "copy": "COPY writes or reads files",
    "export": "EXPORT writes files",
    "attach": "ATTACH opens other databases",
    "detach": "DETACH changes the open databases",
    "install": "INSTALL downloads extensions",
    "load": "LOAD runs extension code",
    "set": "settings are locked",
    "reset": "settings are locked",
    "use": "settings are locked",
    "pragma": "this PRAGMA changes settings",
}


class QueryError(RuntimeError):
    """The SQL failed or was refused; the message is short and meant for the user."""


class RefusedError(QueryError):
    """The SQL would write, reach outside the database or change settings."""


class QueryCancelled(QueryError):
    """The query was interrupted by :meth:`SafeRunner.cancel`."""


class MissingParamError(QueryError):
    """The SQL names ``$x`` parameters that were not given, or was given unknown ones."""


@dataclass(slots=True)
class Result:
    columns: list[str]
    types: list[str]
    """DuckDB type names (``VARCHAR``, ``DOUBLE``, ``INTEGER``...)."""
    rows: list[tuple] = field(default_factory=list)
    table: object | None = None
    """A ``pyarrow.Table`` instead of ``rows`` when run with ``arrow=True``."""
    seconds: float = 0.0

    def __len__(self) -> int:
        return self.table.num_rows if self.table is not None else len(self.rows)


def statement_kind(sql: str) -> str:
    """The first keyword of ``sql`` (comments skipped), lower case; ``""`` when there is none."""
    m = _FIRST_WORD.match(sql)
    return m.group(1).lower() if m else ""


def refusal(sql: str) -> str:
    kind = statement_kind(sql)
    why = _WHY.get(kind, "it would change the database")
    return (
        f"{kind.upper() or 'this statement'} is refused ({why}): only read-only queries run here "
        "(SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN)"
    )


def short_error(exc: BaseException) -> str:
    """DuckDB's message without the caret picture: first line, plus a 'Did you mean' hint."""
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    if not lines:
        return type(exc).__name__
    hint = next((ln for ln in lines[1:] if ln.lower().startswith("did you mean")), None)
    return lines[0] + (f" {hint}" if hint else "")


class SafeRunner:
    """One sandboxed read-only connection; ``run`` a query, ``cancel`` it from another thread.

    ``fts``: True loads the full-text extension at once (the explorer), False never, None when
    the first query needs it (``stem()``, ``match_bm25``): loading costs ~50 ms a CLI call saves.
    """

    def __init__(self, db_path: Path, *, fts: bool | None = None) -> None:
        self.db_path = db_path
        self.fts = fts
        self._con: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.Lock()
        self._cancelled = False

    def __enter__(self) -> SafeRunner:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def connection(self, first_sql: str = "") -> duckdb.DuckDBPyConnection:
        """The sandboxed connection, opened on first use; raises DatabaseError when unusable."""
        if self._con is None:
            con = open_database(self.db_path)
            want_fts = self.fts if self.fts is not None else bool(_NEEDS_FTS.search(first_sql))
            if want_fts and (path := fts_extension_path()) is not None:
                # Without it, search macros fail later with a clear catalog error.
                with contextlib.suppress(duckdb.Error):
                    con.execute(f"LOAD '{path.as_posix()}'")
            for statement in LOCKDOWN:
                con.execute(statement)
            self._con = con
        return self._con

    def check(self, sql: str) -> duckdb.Statement:
        """The single read-only statement of ``sql``; raises QueryError or RefusedError."""
        con = self.connection(sql)
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as exc:
            raise QueryError(short_error(exc)) from None
        if not statements:
            raise QueryError("no SQL statement given")
        if len(statements) > 1:
            raise RefusedError(f"one statement at a time, got {len(statements)}")
        if statements[0].type not in ALLOWED:
            raise RefusedError(refusal(statements[0].query or sql))
        return statements[0]

    def run(self, sql: str, params: Mapping[str, object] | None = None, *, arrow: bool = False) -> Result:
        """Run one read-only query with ``$name`` parameters bound from ``params``; fetch everything.

        Raises:
            RefusedError: not a read-only query, or it reaches outside the database.
            MissingParamError: ``$names`` not given, or given names the SQL does not use.
            QueryCancelled: :meth:`cancel` was called while it ran.
            QueryError: any other DuckDB error (syntax, unknown table...).
            DatabaseError: the database cannot be opened.
        """
        statement = self.check(sql)
        values = dict(params or {})
        needed = set(statement.named_parameters)
        if missing := sorted(needed - values.keys()):
            raise MissingParamError("no value for " + ", ".join(f"${m}" for m in missing))
        if extra := sorted(values.keys() - needed):
            raise MissingParamError("the SQL does not use " + ", ".join(f"${e}" for e in extra))
        with self._lock:
            self._cancelled = False
            return self._execute(sql, values if needed else None, arrow)

    def _execute(self, sql: str, values: dict | None, arrow: bool) -> Result:
        con = self.connection()
        start = time.perf_counter()
        try:
            cur = con.execute(sql, values) if values else con.execute(sql)
            columns = [d[0] for d in cur.description or ()]
            types = [str(d[1]) for d in cur.description or ()]
            if arrow:
                result = Result(columns, types, table=cur.to_arrow_table())
            else:
                result = Result(columns, types, cur.fetchall())
        except duckdb.InterruptException:
            raise QueryCancelled("query cancelled") from None
        except duckdb.PermissionException as exc:
            raise RefusedError(
                f"refused: queries read only the database, not files, URLs or settings ({short_error(exc)})"
            ) from None
        except duckdb.Error as exc:
            if self._cancelled:
                raise QueryCancelled("query cancelled") from None
            raise QueryError(short_error(exc)) from None
        if self._cancelled:
            raise QueryCancelled("query cancelled")
        result.seconds = time.perf_counter() - start
        return result

    def cancel(self) -> None:
        """Interrupt the running query (safe from any thread); a no-op when none runs."""
        self._cancelled = True
        if self._con is not None:
            self._con.interrupt()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
