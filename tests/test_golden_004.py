"""Golden cells of 2024-2025 tables, read by eye from the text: the share read exactly."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden" / "exhibits_004.json"


def _same(value, expected) -> bool:
    if expected is None or value is None:
        return value is expected
    return math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-9)


def _score(golden: dict, exhibits: dict) -> tuple[int, int, list[str]]:
    exact, total, misses = 0, 0, []
    for table in golden["tables"]:
        ex = exhibits.get(f"004:{table['id']}")
        cells = {(c.row, c.col): c for c in ex.cells} if ex else {}
        for col, name in table["columns"].items():
            total += 1
            got = ex.columns[int(col)] if ex and int(col) < len(ex.columns) else None
            exact += got == name
            if got != name:
                misses.append(f"{table['id']} column {col}: {got!r} != {name!r}")
        for row, col, text, value in table["cells"]:
            total += 1
            cell = cells.get((row, col))
            ok = cell is not None and cell.text == text and _same(cell.value, value)
            exact += ok
            if not ok:
                misses.append(f"{table['id']} [{row},{col}]: {cell} != {text!r} {value}")
    return exact, total, misses


@pytest.fixture(scope="module")
def exhibits(corpus_document):
    """What the build extracts from 004, keyed as the golden file names them (``004:cuadro-i-1``)."""
    doc = corpus_document("004")
    return {"004:" + e.exhibit_id.split(":", 1)[1]: e for e in doc.exhibits}


def test_golden_tables_are_found_with_their_row_counts(exhibits):
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(golden["tables"]) >= 10
    for table in golden["tables"]:
        ex = exhibits[f"004:{table['id']}"]
        assert ex.n_rows == table["n_rows"], table["id"]


def test_golden_cells_exact_share(exhibits):
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    exact, total, misses = _score(golden, exhibits)
    share = 100 * exact / total
    print(f"\ngolden 004: {exact}/{total} cells and column names exact = {share:.1f}%")
    for miss in misses:
        print("  miss:", miss)
    assert share >= 98.0
