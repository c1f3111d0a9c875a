"""Writing query results (table, csv, tsv, json, jsonl, parquet, markdown) and exporting exhibits.

Text formats go to a stream; a file is written beside its target and renamed into place, so a
failed export never leaves half a file and an existing file is replaced only with ``force``.
Parquet is binary: it is written to a file, or to stdout only when stdout is not a terminal.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import math
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tui.store.safe import Result, SafeRunner

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "parquet", "markdown")
SUFFIXES = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".md": "markdown",
    ".txt": "table",
}
_NUMERIC = re.compile(r"^(?:TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U\w*INT|FLOAT|DOUBLE|REAL|DECIMAL)")


class ExportError(RuntimeError):
    """The result cannot be written as asked; ``usage`` is True when the command line is at fault."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


def choose_format(fmt: str | None, output: Path | None) -> str:
    """``fmt`` if given, else guessed from the output suffix, else ``table``."""
    if fmt is None:
        return SUFFIXES.get(output.suffix.lower(), "table") if output is not None else "table"
    if fmt.lower() not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", usage=True)
    return fmt.lower()


def check_target(output: Path | None, force: bool) -> None:
    """Refuse early (before running anything) to overwrite a file, or to write into a missing folder."""
    if output is None:
        return
    if output.is_dir():
        raise ExportError(f"{output} is a folder; give a file name", usage=True)
    if output.exists() and not force:
        raise ExportError(f"{output} exists; add --force to overwrite it", usage=True)
    if not output.parent.is_dir():
        raise ExportError(f"folder {output.parent} does not exist", usage=True)


def write_result(
    result: Result, fmt: str, output: Path | None = None, *, force: bool = False, stdout: IO | None = None
) -> None:
    """Write ``result`` as ``fmt`` to ``output`` (atomically) or to ``stdout``."""
    stdout = stdout if stdout is not None else sys.stdout
    if output is None:
        if fmt == "parquet":
            if stdout.isatty():
                raise ExportError(
                    "parquet is binary: add --output FILE, or redirect stdout to a file", usage=True
                )
            stdout.flush()
            buffer = getattr(stdout, "buffer", stdout)
            buffer.write(parquet_bytes(result))
            buffer.flush()
        else:
            write_text(result, fmt, stdout)
        return
    check_target(output, force)
    tmp = output.with_name(f".{output.name}.tmp-{os.getpid()}")
    try:
        if fmt == "parquet":
            tmp.write_bytes(parquet_bytes(result))
        else:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                write_text(result, fmt, fh, terminal=False)
        os.replace(tmp, output)
    except OSError as exc:
        raise ExportError(f"could not write {output}: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)


def write_text(result: Result, fmt: str, out: IO[str], *, terminal: bool | None = None) -> None:
    rows = _rows(result)
    if fmt in ("csv", "tsv"):
        tsv = fmt == "tsv"
        writer = csv.writer(out, delimiter="\t" if tsv else ",", lineterminator="\n")
        writer.writerow([_flat(c) if tsv else c for c in result.columns])
        writer.writerows(_delimited(result, rows, tsv))
    elif fmt == "json":
        out.write(json.dumps([_record(result.columns, r) for r in rows], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        out.writelines(json.dumps(_record(result.columns, r), ensure_ascii=False) + "\n" for r in rows)
    elif fmt == "markdown":
        _markdown(result, rows, out)
    elif fmt == "table":
        _table(result, rows, out, out.isatty() if terminal is None else terminal)
    else:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", usage=True)


_AS_IS = re.compile(r"^(?:VARCHAR|TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$")
"""Types the csv module already writes as we want (NULL as empty): no per-value conversion."""


def _delimited(result: Result, rows: list[tuple], tsv: bool):
    """Rows for the csv writer; only columns that need it are converted (most are text or integers)."""
    convert = [i for i, t in enumerate(result.types) if (tsv and t == "VARCHAR") or not _AS_IS.match(t)]
    if not convert:
        return rows
    clean = (lambda v: _flat(spelled(v))) if tsv else spelled

    def fix(row: tuple) -> list:
        out = list(row)
        for i in convert:
            out[i] = clean(out[i])
        return out

    return map(fix, rows)


def _rows(result: Result) -> list[tuple]:
    if result.table is not None:
        return [tuple(r.values()) for r in result.table.to_pylist()]
    return result.rows


def parquet_bytes(result: Result) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = result.table
    if table is None:
        table = pa.table({c: [r[i] for r in result.rows] for i, c in enumerate(_unique(result.columns))})
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        out.append(n if seen[n] == 1 else f"{n}_{seen[n]}")
    return out


def spelled(v: object) -> str:
    """A value as CSV/TSV/markdown write it: empty for NULL, no ``.0`` on whole numbers, ISO dates."""
    if v is None:
        return ""
    if isinstance(v, float):
        if math.isnan(v):
            return ""
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.date | dt.datetime | dt.time):
        return v.isoformat()
    if isinstance(v, list | dict | tuple):
        return json.dumps(_jsonable(v), ensure_ascii=False)
    return str(v)


def _flat(text: str) -> str:
    """TSV keeps one line per row: tabs and line breaks inside a value become spaces."""
    return text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def _jsonable(v: object) -> object:
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, dt.date | dt.datetime | dt.time | dt.timedelta):
        return v.isoformat() if not isinstance(v, dt.timedelta) else str(v)
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, list | tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    return v if isinstance(v, str | int | float | bool) or v is None else str(v)


def _record(columns: list[str], row: tuple) -> dict:
    return {c: _jsonable(v) for c, v in zip(_unique(columns), row, strict=True)}


def _markdown(result: Result, rows: list[tuple], out: IO[str]) -> None:
    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")

    numeric = [bool(_NUMERIC.match(t)) for t in result.types]
    out.write("| " + " | ".join(cell(c) for c in result.columns) + " |\n")
    out.write("|" + "|".join("---:" if n else "---" for n in numeric) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(cell(spelled(v)) for v in row) + " |\n")


def _human(v: object, numeric: bool) -> str:
    if isinstance(v, float) and numeric and math.isfinite(v):
        from tui.corpus.numbers import format_number

        return format_number(v)
    return _flat(spelled(v))


def _table(result: Result, rows: list[tuple], out: IO[str], terminal: bool) -> None:
    """A Rich table; off a terminal, one line per row at its natural width and without colour."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    numeric = [bool(_NUMERIC.match(t)) for t in result.types]
    cells = [[_human(v, numeric[i]) for i, v in enumerate(row)] for row in rows]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i, name in enumerate(result.columns):
        table.add_column(name, justify="right" if numeric[i] else "left", overflow="fold")
    for row in cells:
        table.add_row(*row)
    if terminal:
        Console(file=out).print(table)
        return
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(result.columns)]
    buffer = io.StringIO()
    width = sum(widths) + 3 * len(widths) + 1
    Console(file=buffer, width=width, color_system=None, force_terminal=False, no_color=True).print(table)
    out.writelines(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


@dataclass(slots=True)
class ExhibitMatch:
    exhibit_id: str
    doc_id: str
    label: str
    title: str | None
    table_name: str | None
    line_start: int
    line_end: int


def fold_label(text: str) -> str:
    """``  Cuadro  I.1. `` and ``cuadro i.1`` alike: no accents, lower case, single spaces, no final dot."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split()).rstrip(".")


def find_exhibits(runner: SafeRunner, label: str, doc: str | None = None) -> list[ExhibitMatch]:
    """Exhibits whose label (or exhibit_id) matches ``label`` ignoring case and accents."""
    sql = (
        "SELECT exhibit_id, doc_id, label, title, table_name, line_start, line_end FROM exhibits "
        "WHERE (rtrim(regexp_replace(lower(strip_accents(trim(label))), '\\s+', ' ', 'g'), '.') = $label "
        "OR exhibit_id = $raw) AND ($doc IS NULL OR doc_id = $doc) ORDER BY doc_id, line_start"
    )
    result = runner.run(sql, {"label": fold_label(label), "raw": label.strip(), "doc": doc})
    return [ExhibitMatch(*row) for row in result.rows]


def quote_table(qualified: str) -> str:
    """``exhibit.ilpa__cuadro_i_1`` -> ``"exhibit"."ilpa__cuadro_i_1"`` (names come from the database)."""
    return ".".join('"' + part.replace('"', '""') + '"' for part in qualified.split(".", 1))


MANIFEST_COLUMNS = (
    "file",
    "table",
    "rows",
    "doc_id",
    "source_file",
    "label",
    "title",
    "line_start",
    "line_end",
)


def export_all(runner: SafeRunner, out_dir: Path, fmt: str, *, force: bool = False) -> list[tuple]:
    """Every core table and every exhibit table into ``out_dir``, plus ``manifest.csv``.

    Core tables go to ``<table>.<fmt>``, exhibit tables to ``exhibit/<name>.<fmt>``. The manifest
    has one row per file: its table, row count and, for exhibits, the source document, label,
    title and the source lines. Returns the manifest rows.
    """
    from tui.store.schema import CORE_TABLES

    if fmt not in ("parquet", "csv"):
        raise ExportError(f"export all writes parquet or csv, not {fmt!r}", usage=True)
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"{out_dir} is a file; give a folder", usage=True)
    if out_dir.is_dir() and any(out_dir.iterdir()) and not force:
        raise ExportError(f"{out_dir} is not empty; add --force to write into it", usage=True)
    try:
        (out_dir / "exhibit").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"could not create {out_dir}: {exc.strerror or exc}") from None
    manifest: list[tuple] = []
    for table in CORE_TABLES:
        result = runner.run(f"SELECT * FROM {quote_table(table)}", arrow=fmt == "parquet")
        write_result(result, fmt, out_dir / f"{table}.{fmt}", force=True)
        manifest.append((f"{table}.{fmt}", table, len(result), None, None, None, None, None, None))
    exhibits = runner.run(
        "SELECT e.table_name, e.doc_id, d.source_file, e.label, e.title, e.line_start, e.line_end "
        "FROM exhibits e LEFT JOIN documents d USING (doc_id) WHERE e.table_name IS NOT NULL "
        "ORDER BY e.doc_id, e.line_start, e.table_name"
    )
    for name, doc_id, source, label, title, start, end in exhibits.rows:
        result = runner.run(f"SELECT * FROM {quote_table(name)}", arrow=fmt == "parquet")
        file = f"exhibit/{name.split('.', 1)[-1]}.{fmt}"
        write_result(result, fmt, out_dir / file, force=True)
        manifest.append((file, name, len(result), doc_id, source, label, title, start, end))
    head = Result(list(MANIFEST_COLUMNS), ["VARCHAR"] * len(MANIFEST_COLUMNS), manifest)
    write_result(head, "csv", out_dir / "manifest.csv", force=True)
    return manifest
