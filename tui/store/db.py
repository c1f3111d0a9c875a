"""Opening a built database: read-only, with one-line errors for every way it can be wrong."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import duckdb

from tui.store.schema import SCHEMA_VERSION


def remember_missing_pandas() -> None:
    """DuckDB tries ``import pandas`` on every query with parameters; a failed import is not
    remembered, so each try searches the whole ``sys.path`` again (a third of the time to read an
    exhibit, 0.2 s of a build). Marking the absent module as absent makes the try fail at once."""
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]  # import raises ImportError


remember_missing_pandas()


class DatabaseError(RuntimeError):
    """The database cannot be used as it is; the message is one line for the user."""

    def __init__(self, message: str, *, rebuild: bool = False) -> None:
        super().__init__(message)
        self.rebuild = rebuild
        """True when running ``imss build`` would fix it."""


def fts_extension_path() -> Path | None:
    """The fts extension shipped by the ``duckdb-extension-fts`` wheel, if installed."""
    try:
        import duckdb_extension_fts
    except ImportError:
        return None
    base = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    path = base / "fts.duckdb_extension"
    return path if path.is_file() else None


def open_database(path: Path, *, check: bool = True) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a built database.

    Raises:
        DatabaseError: missing, not a DuckDB file, locked by a writer, or built by another version.
    """
    if not path.exists():
        raise DatabaseError(f"database not found: {path} (run `imss build`)", rebuild=True)
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as exc:
        msg = str(exc).splitlines()[0]
        if "lock" in msg.lower():
            raise DatabaseError(f"database is locked by another process: {path}") from exc
        raise DatabaseError(f"not a readable DuckDB database: {path} ({msg})", rebuild=True) from exc
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        raise DatabaseError(f"not a readable DuckDB database: {path} ({msg})", rebuild=True) from exc
    if check:
        _check_version(con, path)
    return con


def _check_version(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.Error:
        row = None
    if row is None or row[0] != str(SCHEMA_VERSION):
        con.close()
        raise DatabaseError(
            f"database {path} was built by another version of imss (run `imss build`)", rebuild=True
        )


def meta(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT key, value FROM meta").fetchall())
