"""Writing a table of results to CSV, Parquet or JSON (never called on the UI thread)."""

from __future__ import annotations

import csv
import json
import math
import os
from collections.abc import Sequence
from pathlib import Path

from tui.store.export import spelled

FORMATS = ("csv", "parquet", "json")


class ExportError(RuntimeError):
    """The file could not be written; the message is one line for the user."""


def _clean(value: object) -> object:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


def write_table(path: Path, fmt: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Write atomically: a temporary file beside the target, then a rename.

    Raises:
        ExportError: unknown format or the file cannot be written.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format: {fmt}")
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        {"csv": _csv, "json": _json, "parquet": _parquet}[fmt](tmp, list(columns), rows)
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _csv(path: Path, columns: list[str], rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(columns)
        out.writerows([[spelled(v) for v in r] for r in rows])  # 18540412, not 18540412.0


def _json(path: Path, columns: list[str], rows) -> None:
    records = [{c: _clean(v) for c, v in zip(columns, r, strict=False)} for r in rows]
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def _parquet(path: Path, columns: list[str], rows) -> None:
    # pyarrow is heavy: imported only when someone exports to Parquet.
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = _unique(columns)
    data = {n: [_clean(r[i]) if i < len(r) else None for r in rows] for i, n in enumerate(names)}
    try:
        table = pa.table(data)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        table = pa.table({n: [None if v is None else str(v) for v in vals] for n, vals in data.items()})
    pq.write_table(table, path)


def _unique(columns: list[str]) -> list[str]:
    out: list[str] = []
    for c in columns:
        name, n = c or "column", 2
        while name in out:
            name, n = f"{c} ({n})", n + 1
        out.append(name)
    return out
