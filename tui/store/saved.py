"""Saved queries: one ``.sql`` file each, described by a comment header.

A header is the run of ``--`` comment lines at the top of the file::

    -- title: Exhibits per chapter
    -- description: How many tables and charts each chapter holds.
    -- param: doc text "ilpa-2024-2025" "Document id (see the documents table)"
    -- choices doc: SELECT doc_id FROM documents ORDER BY 1
    SELECT ... WHERE doc_id = $doc

``param`` lines read ``name type default "help"`` (shell quoting; types text, int, float, date,
bool); ``$name`` in the SQL is bound by DuckDB, never pasted into the text. Other comment lines are
free text, except a lower-case ``word:`` key that is not one of the four, which is an error so a
typo (``-- parm:``) does not go unnoticed. NAME is the file name without ``.sql``.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

TYPES = {
    "text": "text",
    "varchar": "text",
    "string": "text",
    "int": "int",
    "integer": "int",
    "bigint": "int",
    "float": "float",
    "double": "float",
    "number": "float",
    "date": "date",
    "bool": "bool",
    "boolean": "bool",
}
"""Accepted spellings of a parameter type, to the canonical name."""

_KEY = re.compile(r"^--\s*([a-z_]+)(?:\s+([A-Za-z_]\w*))?\s*:\s?(.*)$")
_NAME = re.compile(r"^[A-Za-z_]\w*$")
_QUERY_NAME = re.compile(r"^\w(?:[\w-]|\.(?!\.))*$")
_TRUE, _FALSE = {"true", "yes", "1", "sí", "si", "on"}, {"false", "no", "0", "off"}


class QueryFileError(ValueError):
    """A saved query file is malformed; the message names the file and line."""


class ParamError(ValueError):
    """A parameter value given by the user is unknown or cannot be read as its type."""


@dataclass(slots=True)
class Param:
    name: str
    type: str
    """Canonical type: text, int, float, date or bool."""
    default: str
    """As written in the header; converted with :func:`convert`."""
    help: str
    choices_sql: str | None = None
    """A query whose first column lists the allowed values (a pick list in the explorer)."""


@dataclass(slots=True)
class SavedQuery:
    name: str
    path: Path
    title: str
    description: str
    params: list[Param] = field(default_factory=list)
    sql: str = ""
    """The whole file text: DuckDB ignores the header comments."""
    origin: str = "shipped"
    """``shipped`` or ``user``."""

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def convert(param: Param, text: str) -> object:
    """The typed value of ``text`` for ``param``; raises ParamError with a readable message."""
    raw = text.strip()
    try:
        if param.type == "int":
            return int(raw.replace("_", ""))
        if param.type == "float":
            return float(raw.replace("_", ""))
        if param.type == "date":
            return dt.date.fromisoformat(raw)
        if param.type == "bool":
            low = raw.lower()
            if low in _TRUE or low in _FALSE:
                return low in _TRUE
            raise ValueError
    except ValueError:
        example = {"int": "42", "float": "3.5", "date": "2024-12-31", "bool": "true"}[param.type]
        raise ParamError(
            f"parameter {param.name!r} must be {_article(param.type)} {param.type} "
            f"(e.g. {example}), not {text!r}"
        ) from None
    return text


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def bind(query: SavedQuery, given: dict[str, str]) -> dict[str, object]:
    """Every parameter's typed value: the given text, else the default.

    Raises:
        ParamError: a name the query does not declare, or a value of the wrong type.
    """
    for name in given:
        if query.param(name) is None:
            known = ", ".join(p.name for p in query.params) or "none"
            raise ParamError(f"query {query.name!r} has no parameter {name!r} (parameters: {known})")
    return {p.name: convert(p, given.get(p.name, p.default)) for p in query.params}


def check_choices(
    query: SavedQuery, given: dict[str, str], values: dict[str, object], fetch: Callable[[str], list]
) -> None:
    """Given values of parameters with a pick list must be in it (the default is always allowed).

    ``fetch`` runs a choices query and returns its first column. Raises ParamError listing the
    allowed values, so a typo in a document id is an error rather than an empty result.
    """
    for name, text in given.items():
        param = query.param(name)
        if param is None or param.choices_sql is None or text == param.default:
            continue
        allowed = fetch(param.choices_sql)
        if values[name] not in allowed:
            shown = ", ".join(str(a) for a in allowed[:25]) + (", …" if len(allowed) > 25 else "")
            raise ParamError(f"{name}={text!r} is not one of the choices: {shown or 'none'}")


def parse_assignments(items: list[str]) -> dict[str, str]:
    """``["k=v", ...]`` from ``--param`` options into a dict; raises ParamError on a missing ``=``."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not _NAME.match(name.strip()):
            raise ParamError(f"--param needs NAME=VALUE, got {item!r}")
        out[name.strip()] = value
    return out


def parse_text(name: str, text: str, path: Path, origin: str = "shipped") -> SavedQuery:
    """A :class:`SavedQuery` from a file's text; raises QueryFileError naming ``path`` and the line."""
    query = SavedQuery(name=name, path=path, title=name, description="", origin=origin)
    choices: dict[str, tuple[int, str]] = {}
    descr: list[str] = []
    in_header = True
    for n, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("--"):
            in_header = False
            continue
        m = _KEY.match(stripped)
        if m is None:
            continue
        key, arg, value = m.group(1), m.group(2), m.group(3).strip()
        if not in_header:
            if key in ("title", "description", "param", "choices"):
                raise _error(path, n, f"'-- {key}:' must come in the header, before the SQL")
            continue
        if key == "title" and arg is None:
            query.title = value or name
        elif key == "description" and arg is None:
            descr.append(value)
        elif key == "param" and arg is None:
            query.params.append(_param(path, n, value, query))
        elif key == "choices" and arg is not None:
            if not value:
                raise _error(path, n, f"'-- choices {arg}:' needs a SELECT after the colon")
            choices[arg] = (n, value)
        else:
            raise _error(
                path,
                n,
                f"unknown header line '-- {key}{' ' + arg if arg else ''}:' (expected title, description, "
                'param NAME TYPE DEFAULT "help", or choices NAME: SELECT ...)',
            )
    query.description = " ".join(d for d in descr if d)
    query.sql = text
    _attach_choices(query, choices, path)
    _check_body(query, path)
    return query


def _param(path: Path, n: int, value: str, query: SavedQuery) -> Param:
    form = 'expected: -- param: NAME TYPE DEFAULT "help"'
    try:
        parts = shlex.split(value)
    except ValueError as exc:
        raise _error(path, n, f"bad quoting in param line ({exc}); {form}") from None
    if len(parts) != 4:
        raise _error(path, n, f"param line has {len(parts)} fields, not 4; {form}")
    pname, ptype, default, help_ = parts
    if not _NAME.match(pname):
        raise _error(path, n, f"bad parameter name {pname!r} (letters, digits, _)")
    if ptype.lower() not in TYPES:
        raise _error(
            path, n, f"unknown type {ptype!r} for {pname!r}; use one of text, int, float, date, bool"
        )
    if query.param(pname) is not None:
        raise _error(path, n, f"parameter {pname!r} is declared twice")
    param = Param(pname, TYPES[ptype.lower()], default, help_)
    try:
        convert(param, default)
    except ParamError as exc:
        raise _error(path, n, f"bad default: {exc}") from None
    return param


def _attach_choices(query: SavedQuery, choices: dict[str, tuple[int, str]], path: Path) -> None:
    for pname, (n, sql) in choices.items():
        param = query.param(pname)
        if param is None:
            raise _error(path, n, f"choices for {pname!r}, which is not a declared parameter")
        param.choices_sql = sql


def _check_body(query: SavedQuery, path: Path) -> None:
    """The SQL exists and its ``$names`` are exactly the declared parameters."""
    lines = query.sql.split("\n")
    body = [i for i, ln in enumerate(lines, 1) if ln.strip() and not ln.strip().startswith("--")]
    if not body:
        raise _error(path, len(lines), "no SQL after the header")
    used = _dollar_names(query.sql)
    for pname, n in used.items():
        if query.param(pname) is None:
            raise _error(path, n, f"${pname} is used but not declared with '-- param: {pname} ...'")
    for p in query.params:
        if p.name not in used:
            raise _error(path, body[0], f"parameter {p.name!r} is declared but ${p.name} is not used")


_LEXEME = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|\$([A-Za-z_]\w*)|\n", re.S)


def _dollar_names(sql: str) -> dict[str, int]:
    """``$name`` references outside strings and comments, with the line of their first use."""
    found: dict[str, int] = {}
    line = 1
    for m in _LEXEME.finditer(sql):
        if m.group(1) and m.group(1) not in found:
            found[m.group(1)] = line
        line += m.group(0).count("\n")
    return found


def _error(path: Path, line: int, message: str) -> QueryFileError:
    return QueryFileError(f"{path}:{line}: {message}")


def parse_file(path: Path, origin: str = "shipped") -> SavedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise QueryFileError(f"{path}:1: not UTF-8 text") from None
    except OSError as exc:
        raise QueryFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return parse_text(path.stem, text, path, origin)


def load_queries(shipped: Path | None, user: Path | None = None) -> tuple[list[SavedQuery], list[str]]:
    """Every query of both folders, sorted by name, and the errors of the files that failed.

    A user query with the name of a shipped one replaces it (so a shipped query can be adapted).
    """
    by_name: dict[str, SavedQuery] = {}
    errors: list[str] = []
    if user is not None and not user.is_dir():
        errors.append(f"{user}: queries folder not found")
    for folder, origin in ((shipped, "shipped"), (user, "user")):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.sql")):
            try:
                query = parse_file(path, origin)
            except QueryFileError as exc:
                errors.append(str(exc))
                continue
            by_name[query.name] = query
    return sorted(by_name.values(), key=lambda q: q.name), errors


def find_query(name: str, shipped: Path | None, user: Path | None = None) -> SavedQuery | None:
    """The query called ``name`` (user folder first); raises QueryFileError if its file is bad."""
    if not _QUERY_NAME.match(name):
        return None  # a name, never a path: nothing outside the query folders is read
    for folder, origin in ((user, "user"), (shipped, "shipped")):
        if folder is not None and (folder / f"{name}.sql").is_file():
            return parse_file(folder / f"{name}.sql", origin)
    return None
