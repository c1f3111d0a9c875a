"""Helpers of the space-table tests: a snippet as a table body, a parsed grid as rows of texts."""

from __future__ import annotations

from tui.corpus.tables_space import parse_space_table


def body(text: str, first: int = 10) -> list[tuple[int, str]]:
    """``text``'s lines numbered from ``first``, as the parser gets a table body."""
    return [(first + i, line) for i, line in enumerate(text.split("\n"))]


def rows(grid) -> list[list[str]]:
    """The printed texts of a grid's cells, row by row."""
    out: dict[int, list[str]] = {}
    for c in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        out.setdefault(c.row, []).append(c.text)
    return list(out.values())


def table(text: str) -> tuple[list[str], list[list[str]]]:
    """The column names and rows of texts of a snippet read as a space table."""
    grid = parse_space_table(body(text))
    return grid.columns, rows(grid)
