"""Ad-hoc SQL: the history of queries run in the SQL editor, and "save as" a saved-query file.

The history is a JSON-lines file (one ``{"sql": ..., "at": ...}`` per run) in the user's data
folder; it is best effort, so an unwritable file never stops a query. Saving writes a ``.sql``
file with the header :mod:`tui.store.saved` reads, and never replaces a file unless told to.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from pathlib import Path

from tui import config
from tui.store.saved import QueryFileError, SavedQuery, parse_text

HISTORY_FILE = "history.jsonl"
HISTORY_LIMIT = 500
"""Entries kept; the file is rewritten to this many when it grows past it by a margin."""

_HEADER_KEY = re.compile(r"^--\s*(title|description)\s*:", re.IGNORECASE)


def history_path() -> Path:
    return config.user_data_dir() / HISTORY_FILE


def load_history(path: Path | None = None) -> list[str]:
    """The SQL texts run before, oldest first; unreadable lines are skipped."""
    path = path or history_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    out: list[str] = []
    for line in lines:
        try:
            sql = json.loads(line).get("sql")
        except (ValueError, AttributeError):
            continue
        if isinstance(sql, str) and sql.strip():
            out.append(sql)
    return out[-HISTORY_LIMIT:]


def append_history(sql: str, path: Path | None = None) -> bool:
    """Add ``sql`` unless it repeats the last entry; False when the file cannot be written."""
    path = path or history_path()
    sql = sql.strip()
    if not sql:
        return True
    past = load_history(path)
    if past and past[-1].strip() == sql:
        return True
    entry = json.dumps(
        {"sql": sql, "at": dt.datetime.now().isoformat(timespec="seconds")}, ensure_ascii=False
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if len(past) >= HISTORY_LIMIT + 50:
            _rewrite(path, [*past[-(HISTORY_LIMIT - 1) :], sql])
        else:
            with path.open("a", encoding="utf-8") as f:
                f.write(entry + "\n")
    except OSError:
        return False
    return True


def _rewrite(path: Path, sqls: list[str]) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text("".join(json.dumps({"sql": s}, ensure_ascii=False) + "\n" for s in sqls), encoding="utf-8")
    os.replace(tmp, path)


# -- save as -------------------------------------------------------------------------------------


def user_queries_folder(configured: Path | None) -> Path:
    """The folder "save as" writes to: the configured user folder, else ``<data dir>/queries``."""
    return configured if configured is not None else config.user_data_dir() / "queries"


def slug(title: str) -> str:
    """A file name for a title: ASCII lower case, words joined by ``_``."""
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")[:60] or "query"


def query_text(title: str, description: str, sql: str) -> str:
    """The file text: a header, then ``sql`` without any title/description lines it had."""
    lines = sql.strip("\n").split("\n")
    while lines and _HEADER_KEY.match(lines[0].strip()):
        lines.pop(0)
    header = [f"-- title: {_one_line(title)}"]
    if description.strip():
        header.append(f"-- description: {_one_line(description)}")
    return "\n".join([*header, *lines]).rstrip() + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def save_query(
    folder: Path, name: str, title: str, description: str, sql: str, *, overwrite: bool = False
) -> SavedQuery:
    """Write ``folder/name.sql`` and return it parsed.

    Raises:
        FileExistsError: the file exists and ``overwrite`` is False.
        QueryFileError: the name is not a plain file name, or the text would not load back.
        OSError: the file cannot be written.
    """
    if not re.fullmatch(r"\w[\w-]*", name):
        raise QueryFileError(f"{name!r}: a query name is letters, digits, _ and - only")
    path = folder / f"{name}.sql"
    text = query_text(title or name, description, sql)
    parsed = parse_text(name, text, path, origin="user")  # refuse what `imss query` could not read
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("w" if overwrite else "x", encoding="utf-8") as f:
        f.write(text)
    return parsed
