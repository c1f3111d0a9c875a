"""Building the database from a corpus folder, atomically: a failed build leaves the old file."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

import duckdb

from tui import __version__
from tui.corpus.model import Document
from tui.corpus.pipeline import no_gc, parse_document, preload
from tui.corpus.source import SourceError
from tui.store import tables as T
from tui.store.schema import CORE_DDL, SCHEMA_VERSION
from tui.store.search import build_search_index, load_fts

Progress = Callable[[str, int, int], None]
"""Called with (file name, index, total) before each document is parsed."""


class BuildError(RuntimeError):
    """The build could not produce a database; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the build summary shows of one document, kept once its records are written."""

    doc_id: str
    kind: str
    period: str | None
    sections: int
    paragraphs: int
    exhibits: int
    glossary: int
    facts: int

    @classmethod
    def of(cls, d: Document) -> DocumentSummary:
        counts = (len(x) for x in (d.sections, d.paragraphs, d.exhibits, d.glossary, d.facts))
        return cls(d.doc_id, d.kind, d.period, *counts)


@dataclass(slots=True)
class BuildResult:
    db_path: Path
    documents: list[Document] = field(default_factory=list)
    """Parsed documents; emptied once written (they are most of the build's memory)."""
    summaries: list[DocumentSummary] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    """Wall seconds of each step (parse, write, index, copy), for benchmarks."""

    def lap(self, phase: str, since: float) -> float:
        now = time.perf_counter()
        self.phases[phase] = now - since
        return now

    @property
    def ok(self) -> bool:
        return not self.errors


def corpus_files(corpus: Path) -> list[Path]:
    """The ``*.txt`` files of a corpus folder, sorted; raises BuildError when there are none."""
    if not corpus.is_dir():
        raise BuildError(f"corpus folder not found: {corpus}")
    files = sorted(p for p in corpus.glob("*.txt") if p.is_file())
    if not files:
        raise BuildError(f"no .txt documents in {corpus}")
    return files


def corpus_fingerprint(files: list[Path]) -> str:
    """Names, sizes and modification times: enough to tell the database is older than its corpus."""
    return ";".join(f"{p.name}:{p.stat().st_size}:{int(p.stat().st_mtime)}" for p in files)


def _parse_file(path: Path) -> Document | str:
    """A parsed document, or the one-line reason it could not be read."""
    try:
        return parse_document(path.name, path.read_bytes())
    except SourceError as exc:
        return f"{path.name}: {exc}"
    except OSError as exc:
        return f"{path.name}: cannot read ({exc.strerror or exc})"
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not lose the others
        return f"{path.name}: internal error while parsing ({type(exc).__name__}: {exc})"


def _parsed_in_order(files: list[Path], progress: Progress | None, meanwhile: Callable[[], None]):
    """Parse files on every core (largest first), yielding results in corpus order.

    ``meanwhile`` runs in this process while the workers parse.
    """
    workers = min(os.cpu_count() or 1, len(files), 4)
    if workers < 2 or sum(p.stat().st_size for p in files) < 1_000_000:
        meanwhile()
        for i, path in enumerate(files):
            if progress:
                progress(path.name, i, len(files))
            yield _parse_file(path)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # fork: workers inherit the imported parsers instead of importing them again.
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    if ctx is not None:
        preload()
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        order = sorted(files, key=lambda p: -p.stat().st_size)
        futures = {pool.submit(_parse_file, p): p for p in order}
        meanwhile()
        results: dict[Path, Document | str] = {}
        for n, fut in enumerate(as_completed(futures)):
            results[futures[fut]] = fut.result()
            if progress:
                progress(futures[fut].name, n, len(files))
    yield from (results[p] for p in files)


def parse_corpus(
    files: list[Path],
    progress: Progress | None,
    result: BuildResult,
    meanwhile: Callable[[], None] = lambda: None,
) -> None:
    """Parse each file; a bad file is reported and skipped, the others still built."""
    seen: dict[str, str] = {}
    for path, doc in zip(files, _parsed_in_order(files, progress, meanwhile), strict=True):
        if isinstance(doc, str):
            result.errors.append(doc)
            continue
        if doc.doc_id in seen:
            doc.doc_id = _rename(doc, seen)
        seen[doc.doc_id] = path.name
        result.warnings.extend(f"{path.name}: {w}" for w in doc.warnings)
        result.documents.append(doc)
    if progress:
        progress("", len(files), len(files))


def _rename(doc: Document, seen: dict[str, str]) -> str:
    """Two files recognised as the same document keep distinct ids: the second gets a suffix."""
    n = 2
    while f"{doc.doc_id}-{n}" in seen:
        n += 1
    new = f"{doc.doc_id}-{n}"
    doc.warnings.append(f"same document as {seen[doc.doc_id]}; stored as {new}")
    from tui.corpus.rekey import rekey_document

    rekey_document(doc, new)
    return new


def build_database(corpus: Path, db_path: Path, progress: Progress | None = None) -> BuildResult:
    """Parse every document of ``corpus`` and write ``db_path`` atomically.

    Raises:
        BuildError: nothing could be written (no documents, unwritable target...).
    """
    start = time.perf_counter()
    files = corpus_files(corpus)
    result = BuildResult(db_path)
    connection: list[duckdb.DuckDBPyConnection] = []
    # Receiving and converting the parsed records makes as many objects as parsing did, none cyclic.
    with no_gc():
        try:
            parse_corpus(files, progress, result, lambda: connection.append(_prepare_connection()))
            result.lap("parse", start)
            if not result.documents:
                raise BuildError("no document could be built: " + "; ".join(result.errors))
            _write(connection[0], corpus, files, result)
        finally:
            for con in connection:
                con.close()
    result.seconds = time.perf_counter() - start
    return result


def _prepare_connection() -> duckdb.DuckDBPyConnection:
    """An in-memory database with the schema, made while the documents are being parsed."""
    import pyarrow.dataset  # noqa: F401 - DuckDB imports it on the first Arrow scan (~0.15 s)

    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute(CORE_DDL)
    load_fts(con)
    return con


def _write(con: duckdb.DuckDBPyConnection, corpus: Path, files: list[Path], result: BuildResult) -> None:
    """Fill the in-memory database and copy it to ``result.db_path`` atomically."""
    db_path = result.db_path
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        # Written in memory, then copied to disk in one go: far fewer small writes than building
        # the file table by table. 16 KB blocks: ~150 small exhibit tables would otherwise
        # take 256 KB blocks each (a 58 MB file instead of 21 MB, and a slower copy).
        t = time.perf_counter()
        write_all(con, result.documents, create_schema=False)
        result.summaries = [DocumentSummary.of(d) for d in result.documents]
        result.documents.clear()
        write_meta(con, corpus, corpus_fingerprint(files))
        t = result.lap("write", t)
        if not build_search_index(con):
            result.warnings.append("full-text index not built (fts extension unavailable): search scans")
        t = result.lap("index", t)
        # FSST string compression saves 3 MB of 21 and costs a quarter of the copy.
        con.execute("SET disabled_compression_methods = 'fsst'")
        con.execute(f"ATTACH '{_sql_str(tmp)}' AS target (BLOCK_SIZE 16384)")
        con.execute("COPY FROM DATABASE memory TO target")
        con.execute("DETACH target")
        result.lap("copy", t)
        os.replace(tmp, db_path)
    except (duckdb.Error, OSError) as exc:
        raise BuildError(f"could not write {db_path}: {exc}".splitlines()[0]) from exc
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")


def write_meta(con: duckdb.DuckDBPyConnection, corpus: Path, fingerprint: str) -> None:
    rows = {
        "schema_version": str(SCHEMA_VERSION),
        "tool_version": __version__,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "corpus": str(corpus.resolve()),
        "corpus_fingerprint": fingerprint,
    }
    con.executemany("INSERT INTO meta VALUES (?, ?)", list(rows.items()))


def _insert(con: duckdb.DuckDBPyConnection, table: str, arrow) -> None:
    con.register("_arrow", arrow)
    con.execute(f"INSERT INTO {table} SELECT * FROM _arrow")
    con.unregister("_arrow")


def write_all(con: duckdb.DuckDBPyConnection, docs: list[Document], create_schema: bool = True) -> None:
    """Insert every record of every document, creating the schema first unless it is there."""
    if create_schema:
        con.execute(CORE_DDL)
    cols = {
        "documents": (
            "doc_id",
            "source_file",
            "sha256",
            "title",
            "kind",
            "period",
            "date",
            "n_lines",
            "n_chars",
        ),
        "sections": (
            "section_id",
            "doc_id",
            "parent_id",
            "level",
            "part",
            "number",
            "title",
            "ordinal",
            "line_start",
            "line_end",
        ),
        "paragraphs": (
            "paragraph_id",
            "doc_id",
            "section_id",
            "ordinal",
            "line_start",
            "line_end",
            "text",
        ),
        "footnotes": ("doc_id", "number", "text", "line_start"),
        "glossary": ("doc_id", "acronym", "expansion", "line_start"),
        "facts": (
            "fact_id",
            "doc_id",
            "section_id",
            "paragraph_id",
            "line",
            "raw",
            "value",
            "unit",
            "kind",
            "context",
        ),
    }
    items = {
        "sections": [s for d in docs for s in d.sections],
        "paragraphs": [p for d in docs for p in d.paragraphs],
        "footnotes": [f for d in docs for f in d.footnotes],
        "glossary": [g for d in docs for g in d.glossary],
        "facts": [f for d in docs for f in d.facts],
    }
    rows = {table: map(attrgetter(*cols[table]), recs) for table, recs in items.items()}
    rows["documents"] = [T.document_row(d) for d in docs]
    for table, names in cols.items():
        _insert(con, table, T.records(rows[table], names))
    _insert(
        con,
        "source_lines",
        T.records(
            ((d.doc_id, i, text) for d in docs for i, text in enumerate(d.lines, 1)),
            ("doc_id", "line", "text"),
        ),
    )
    _insert(
        con,
        "exhibit_refs",
        T.records((r for d in docs for r in d.exhibit_refs), ("paragraph_id", "exhibit_id")),
    )
    _insert(
        con,
        "fact_cells",
        T.records((r for d in docs for r in d.fact_cells), ("fact_id", "exhibit_id", "row", "col")),
    )
    write_exhibits(con, docs)


def write_exhibits(con: duckdb.DuckDBPyConnection, docs: list[Document]) -> None:
    """The exhibit catalogue, its cells and checks, and one real table per data exhibit."""
    taken: set[str] = set()
    ex_rows, col_rows, cell_rows, grids = [], [], [], []
    for d in docs:
        for ex in d.exhibits:
            table = None
            if ex.cells and ex.columns:
                table = T.exhibit_table_name(d.doc_id, ex.label, taken)
                grids.append(T.exhibit_table_sql(table, ex))
            ex_rows.append(
                (
                    ex.exhibit_id,
                    d.doc_id,
                    ex.section_id,
                    ex.kind,
                    ex.label,
                    ex.number,
                    ex.title,
                    ex.subtitle,
                    ex.notes,
                    ex.source,
                    ex.line_start,
                    ex.line_end,
                    ex.has_data,
                    ex.n_rows,
                    ex.n_cols,
                    f"exhibit.{table}" if table else None,
                    "\n".join(ex.problems) or None,
                )
            )
            numeric = T.numeric_columns(ex)
            col_rows.extend((ex.exhibit_id, i, n, numeric[i]) for i, n in enumerate(ex.columns))
            cell_rows.extend((ex.exhibit_id, c.row, c.col, c.text, c.value, c.line, c.note) for c in ex.cells)
    _insert(
        con,
        "exhibits",
        T.records(
            ex_rows,
            (
                "exhibit_id",
                "doc_id",
                "section_id",
                "kind",
                "label",
                "number",
                "title",
                "subtitle",
                "notes",
                "source",
                "line_start",
                "line_end",
                "has_data",
                "n_rows",
                "n_cols",
                "table_name",
                "problems",
            ),
        ),
    )
    _insert(con, "exhibit_columns", T.records(col_rows, ("exhibit_id", "col", "name", "numeric")))
    _insert(
        con,
        "exhibit_cells",
        T.records(cell_rows, ("exhibit_id", "row", "col", "text", "value", "line", "note")),
    )
    _insert(
        con,
        "exhibit_checks",
        T.records(
            ((c.exhibit_id, c.check, c.row, c.col, c.expected, c.found) for d in docs for c in d.checks),
            ("exhibit_id", "check", "row", "col", "expected", "found"),
        ),
    )
    if grids:
        con.execute(";\n".join(grids))
