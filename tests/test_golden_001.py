"""Golden check of space-table parsing on document 001: % of hand-checked cells read exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden" / "exhibits_001.json"


def _number(caption: str) -> str:
    """``TABLA II.1.`` -> ``II.1``."""
    return caption.split()[1].rstrip(".")


def grid_rows(grid) -> list[list[str]]:
    rows: dict[int, list[str]] = {}
    for c in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        rows.setdefault(c.row, []).append(c.text)
    return list(rows.values())


def score(expected: list[list[str]], got: list[list[str]], skip: set[str]) -> tuple[int, int]:
    """(exact cells, golden cells); golden rows are matched to parsed rows by label, in order."""
    got = [r for r in got if r and r[0] not in skip]
    used, cursor, exact, total = set(), 0, 0, 0
    for row in expected:
        total += len(row)
        k = next((i for i in range(cursor, len(got)) if got[i][0] == row[0] and i not in used), None)
        if k is None:
            continue
        used.add(k)
        cursor = k + 1
        exact += sum(1 for a, b in zip(row, got[k], strict=False) if a == b)
        exact -= 0 if len(got[k]) == len(row) else 1
    return exact, total


@pytest.fixture(scope="module")
def tables(corpus_document):
    """The tables the build extracts from 001, by number (continuations merged)."""
    doc = corpus_document("001")
    return {ex.number: ex for ex in doc.exhibits if ex.kind == "table"}


def test_golden_accuracy(tables):
    """Cells, and column names where the golden table lists them, as the build reads them."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))["tables"]
    assert len(golden) >= 10
    exact = total = 0
    for table in golden:
        grid = tables[_number(table["caption"])]
        e, t = score(table["rows"], grid_rows(grid), set(table.get("skip_rows", [])))
        names = table.get("columns", [])
        e += sum(1 for a, b in zip(names, grid.columns, strict=False) if a == b)
        t += len(names)
        print(f"{table['caption']:<14} {e}/{t}")
        exact, total = exact + e, total + t
    pct = 100 * exact / total
    print(f"golden cells exact: {exact}/{total} = {pct:.1f}%")
    assert pct >= 90


def test_values_and_notes_on_real_table(tables):
    grid = tables["II.35"]
    cell = next(c for c in grid.cells if c.text == "451")
    assert (cell.value, cell.note, cell.line) == (451.0, "3/", 16779)
    assert grid.columns[1] == "2012-2013"


def test_every_table_body_is_read(tables):
    assert len(tables) >= 100
    assert not any(p.startswith("table body not read") for ex in tables.values() for p in ex.problems)
