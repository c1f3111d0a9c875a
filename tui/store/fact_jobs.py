"""A document's figures extracted apart from the rest of its parse, a share of its paragraphs per worker.

When the last documents of a build are being parsed, the other workers have nothing left to do.
A worker that reaches the figures of a long document then sends its other rows at once, and the
figures (a quarter of the parse of the largest report) are extracted on every core while those
rows are written. Ids depend on each paragraph alone, so the records are the same either way.
Pure Python, like :mod:`tui.store.rows`: workers never load DuckDB.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from tui.corpus.model import Footnote, Paragraph
from tui.corpus.pipeline import paragraph_facts
from tui.corpus.source import SourceError, decode_source
from tui.store.rows import COLUMNS, DocumentRows, columns_of, records_columns

MIN_PARAGRAPHS = 300
"""Shorter documents extract their figures in the worker that parsed them: not worth a round trip."""


@dataclass(slots=True)
class FactJob:
    """A share of one document's paragraphs, with what their figures are read against."""

    path: Path
    sha256: str
    doc_id: str
    paragraphs: list[tuple]
    """Rows of ``paragraphs``, in :data:`~tui.store.rows.COLUMNS` order."""
    footnotes: list[tuple]
    cells: list[tuple]
    """(doc_id, exhibit_id, section_id, row, col, value) of the document's numeric cells."""


def fact_jobs(path: Path, rows: DocumentRows, shares: int) -> list[FactJob]:
    """``rows`` (a ``structure`` part) cut into ``shares`` jobs of about as much text each."""
    c = rows.columns
    paragraphs = list(zip(*c["paragraphs"], strict=True))
    footnotes = list(zip(*c["footnotes"], strict=True))
    sha256 = c["documents"][COLUMNS["documents"].index("sha256")][0]
    cells = _cells(rows)
    text = COLUMNS["paragraphs"].index("text")
    total = sum(len(p[text]) for p in paragraphs) or 1
    sizes = list(accumulate(len(p[text]) for p in paragraphs))
    jobs, start = [], 0
    for k in range(1, shares + 1):
        end = next((i + 1 for i, s in enumerate(sizes) if s * shares >= total * k), len(paragraphs))
        end = len(paragraphs) if k == shares else max(end, start)
        jobs.append(FactJob(path, sha256, rows.doc_id, paragraphs[start:end], footnotes, cells))
        start = end
    return [j for j in jobs if j.paragraphs]


def _cells(rows: DocumentRows) -> list[tuple]:
    c = rows.columns
    ex, cell = COLUMNS["exhibits"], COLUMNS["exhibit_cells"]
    ids, docs, sections = (c["exhibits"][ex.index(n)] for n in ("exhibit_id", "doc_id", "section_id"))
    owner = dict(zip(ids, zip(docs, sections, strict=True), strict=True))
    cols = (c["exhibit_cells"][cell.index(n)] for n in ("exhibit_id", "row", "col", "value"))
    return [
        (owner[e][0], e, owner[e][1], row, col, value)
        for e, row, col, value in zip(*cols, strict=True)
        if value is not None
    ]


def run_fact_job(job: FactJob) -> DocumentRows | str:
    """The ``facts`` part of a job's paragraphs (what a worker sends back), or why it failed."""
    try:
        src = decode_source(job.path.read_bytes())
    except (OSError, SourceError) as exc:
        return f"{job.path.name}: cannot read again ({exc})"
    if src.sha256 != job.sha256:
        return f"{job.path.name}: changed while it was being built"
    paragraphs = [Paragraph(*p) for p in job.paragraphs]
    footnotes = [Footnote(*f) for f in job.footnotes]
    facts, links = paragraph_facts(job.doc_id, src.lines, footnotes, paragraphs, job.cells)
    columns = {"facts": records_columns("facts", facts), "fact_cells": columns_of(links, 4)}
    return DocumentRows(job.doc_id, "", None, columns, part="facts")


def join_facts(parts: list[DocumentRows]) -> DocumentRows:
    """The ``facts`` parts of one document's jobs as one, in paragraph order."""
    first = parts[0]
    columns = {
        table: [sum((p.columns[table][i] for p in parts), ()) for i in range(len(COLUMNS[table]))]
        for table in ("facts", "fact_cells")
    }
    return DocumentRows(first.doc_id, first.kind, first.period, columns, part="facts")
