"""Golden check of space-table parsing on document 001: % of hand-checked cells read exactly."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from tui.corpus.tables_space import parse_space_table

GOLDEN = Path(__file__).parent / "golden" / "exhibits_001.json"
CAPTION = re.compile(r"^\s*(TABLA|GR[ÁA]FICA|Gráfica)\s+([IVX]+)\.\s*(\d+)\.?\s*$")
# Lines that end a table body: notes ``1/ …``, ``Nota:``, ``Fuente:``, keys ``HGR: …``.
STOP = re.compile(r"^\s*(\d{1,2}/\s|Notas?\s*:|Fuente(\s+\w+)?\s*:|[A-Z][A-Za-z/]{0,9}:\s)")


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def body_after_caption(lines: list[str], start: int) -> list[tuple[int, str]]:
    """Test-only body finder: skip the title (a block, continued past a blank when the next
    line starts lowercase) and ``(…)`` lines, then take lines up to the notes or Fuente."""
    i = _skip_blank(lines, start + 1)
    while i < len(lines):
        while i < len(lines) and lines[i].strip() and not lines[i].strip().startswith("("):
            i += 1
        j = _skip_blank(lines, i)
        i = j
        if not (j < len(lines) and lines[j].strip()[:1].islower()):
            break
    while i < len(lines) and (not lines[i].strip() or lines[i].strip().startswith("(")):
        i += 1
    body = []
    while i < len(lines) and not STOP.match(lines[i]) and not CAPTION.match(lines[i]):
        body.append((i + 1, lines[i]))
        i += 1
    return body


def table_bodies(lines: list[str]) -> dict[str, list[tuple[int, str]]]:
    """Body of each TABLA caption (first occurrence), keyed ``TABLA II.1.``."""
    out: dict[str, list[tuple[int, str]]] = {}
    for k, line in enumerate(lines):
        m = CAPTION.match(line)
        if m and m[1] == "TABLA":
            out.setdefault(f"TABLA {m[2]}.{m[3]}.", body_after_caption(lines, k))
    return out


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
def bodies(corpus_lines):
    return table_bodies(corpus_lines("001"))


def test_golden_accuracy(bodies):
    """Cells, and column names where the golden table lists them."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))["tables"]
    assert len(golden) >= 10
    exact = total = 0
    for table in golden:
        grid = parse_space_table(bodies[table["caption"]])
        e, t = score(table["rows"], grid_rows(grid), set(table.get("skip_rows", [])))
        names = table.get("columns", [])
        e += sum(1 for a, b in zip(names, grid.columns, strict=False) if a == b)
        t += len(names)
        print(f"{table['caption']:<14} {e}/{t}")
        exact, total = exact + e, total + t
    pct = 100 * exact / total
    print(f"golden cells exact: {exact}/{total} = {pct:.1f}%")
    assert pct >= 90


def test_values_and_notes_on_real_table(bodies):
    grid = parse_space_table(bodies["TABLA II.35."])
    cell = next(c for c in grid.cells if c.text == "451")
    assert (cell.value, cell.note, cell.line) == (451.0, "3/", 16779)
    assert grid.columns[1] == "2012-2013"


def test_all_tables_fast_and_safe(bodies):
    t0 = time.perf_counter()
    grids = [parse_space_table(b) for b in bodies.values()]
    elapsed = time.perf_counter() - t0
    print(f"{len(grids)} tables in {elapsed:.3f}s")
    assert len(grids) >= 100 and elapsed < 0.5
    assert not any(p.startswith("table body not read") for g in grids for p in g.problems)
