"""Building the database from a corpus folder, atomically: a failed build leaves the old file.

DuckDB and Arrow are imported only once the parse workers are running: forking them first puts
the import time beside the parse instead of before it.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.corpus.pipeline import no_gc
from tui.store.parsing import BuildError, Progress, corpus_files, corpus_fingerprint, parse_files, planned_ids
from tui.store.rows import DocumentRows

if TYPE_CHECKING:
    import duckdb

LARGE_CORPUS_BYTES = 12_000_000
"""Beyond this much text, the database is built in its file rather than in memory then copied:
in memory it takes ~25 times the text (1.6 GB for 20 copies of the 3.7 MB corpus)."""
FILE_BUILD_MEMORY = "256MB"
"""DuckDB's memory limit when building in the file (20 copies of the corpus: peak 1.6 GB -> 0.6 GB)."""

__all__ = ["BuildError", "BuildResult", "Progress", "build_database", "corpus_files", "corpus_fingerprint"]


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the build summary shows of one document, kept once its records are written."""

    path: Path
    doc_id: str
    kind: str
    period: str | None
    sections: int
    paragraphs: int
    exhibits: int
    glossary: int
    facts: int

    @classmethod
    def of(cls, path: Path, *parts: DocumentRows) -> DocumentSummary:
        """The summary of a document written in one or more parts."""
        tables = ("sections", "paragraphs", "exhibits", "glossary", "facts")
        counts = (sum(rows.count(t) for rows in parts) for t in tables)
        first = parts[0]
        return cls(path, first.doc_id, first.kind, first.period, *counts)


@dataclass(slots=True)
class BuildResult:
    db_path: Path
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


def build_database(corpus: Path, db_path: Path, progress: Progress | None = None) -> BuildResult:
    """Parse every document of ``corpus`` and write ``db_path`` atomically.

    A file that cannot be parsed is reported in ``errors`` and skipped; the others are built.
    Each document is written as soon as it is parsed, in two parts on workers (all but its
    figures, then the figures, which the writer would otherwise wait for), then let go: memory
    holds the database and a few documents, not the whole corpus as Python objects.

    Raises:
        BuildError: nothing could be written (no documents, unwritable target...).
    """
    import duckdb

    start = time.perf_counter()
    files = corpus_files(corpus)
    result = BuildResult(db_path)
    tmp = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
    large = sum(p.stat().st_size for p in files) > LARGE_CORPUS_BYTES
    db = _BuildDb(tmp if large else None)
    # Receiving and converting the parsed records makes as many objects as parsing did, none cyclic.
    with no_gc():
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            tmp.unlink(missing_ok=True)
            _load(files, progress, result, db)
            from tui.store.writing import write_meta

            write_meta(db.con, corpus, corpus_fingerprint(files))
            _save(db, result, tmp, result.lap("parse+write", start))
        except duckdb.Error as exc:
            raise BuildError(f"could not write {db_path}: {exc}".splitlines()[0]) from exc
        except OSError as exc:
            raise BuildError(f"could not write {db_path}: {exc}".splitlines()[0]) from exc
        finally:
            db.close()
            tmp.unlink(missing_ok=True)
            Path(f"{tmp}.wal").unlink(missing_ok=True)
            shutil.rmtree(f"{tmp}.spill", ignore_errors=True)
    result.seconds = time.perf_counter() - start
    return result


def _load(files: list[Path], progress: Progress | None, result: BuildResult, db: _BuildDb) -> None:
    """Parse every file and write each document into ``db``.

    Documents are written as they come, so the small ones are in while the largest is parsed.
    """
    from tui.store.rows import rekey

    renamed: dict[str, tuple[str, str]] | None = None
    parts: dict[Path, list[DocumentRows]] = {}
    for path, rows, last in parse_files(files, progress):
        if isinstance(rows, str):
            result.errors.append(rows)
            continue
        if renamed is None:  # while the other files are still being parsed
            renamed = planned_ids(files)
        if path.name in renamed:
            new, first = renamed[path.name]
            if path not in parts:
                rows.warnings.append(f"same document as {first}; stored as {new}")
            rekey(rows, new)
        result.warnings.extend(f"{path.name}: {w}" for w in rows.warnings)
        db.write(rows)
        parts.setdefault(path, []).append(rows)
        if last:
            result.summaries.append(DocumentSummary.of(path, *parts.pop(path)))
    if progress:
        progress("", len(files), len(files))
    if not result.summaries:
        raise BuildError("no document could be built: " + "; ".join(result.errors))
    order = {p: i for i, p in enumerate(files)}
    result.summaries.sort(key=lambda s: order[s.path])


class _BuildDb:
    """The database documents are written to, connected when the first one comes.

    In memory, copied to its file at the end; for a corpus beyond :data:`LARGE_CORPUS_BYTES`,
    straight in the temporary file ``in_file`` (DuckDB then keeps only its buffers in memory).
    DuckDB and Arrow are imported when the first document comes, while the workers parse. Each
    document is gathered for the search index as soon as it is written.
    """

    def __init__(self, in_file: Path | None = None) -> None:
        self._con: duckdb.DuckDBPyConnection | None = None
        self.indexer = None
        self.in_file = in_file

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._connect()
        return self._con

    def _connect(self) -> None:
        import duckdb
        import pyarrow.dataset  # noqa: F401 - DuckDB imports it on the first Arrow scan (~0.15 s)

        from tui.store.schema import CORE_DDL
        from tui.store.search_index import SearchIndexer

        con = self._con = duckdb.connect()
        # One thread: the steps that follow gain nothing from a second on two cores, and each
        # thread keeps buffers of its own (~15 MB of the build's peak).
        con.execute("SET enable_progress_bar = false; SET threads = 1")
        if self.in_file is not None:
            # Buffers bounded, spilling beside the file: memory no longer grows with the corpus.
            spill = _sql_str(Path(f"{self.in_file}.spill"))
            con.execute(
                f"SET memory_limit = '{FILE_BUILD_MEMORY}'; SET temp_directory = '{spill}';"
                f" SET disabled_compression_methods = 'fsst';"
                f" ATTACH '{_sql_str(self.in_file)}' AS target (BLOCK_SIZE 16384); USE target"
            )
        con.execute(CORE_DDL)
        self.indexer = SearchIndexer(con)

    def write(self, rows: DocumentRows) -> None:
        """Write a document, or a part of one; what is searched comes with its paragraphs."""
        from tui.store.writing import write_rows

        write_rows(self.con, rows)
        if "paragraphs" in rows.columns:
            self.indexer.add(rows.doc_id)

    def close(self) -> None:
        if self._con is not None:
            self._con.close()


def _save(db: _BuildDb, result: BuildResult, tmp: Path, t: float) -> None:
    """Index the database and move it to ``result.db_path`` atomically, through ``tmp``.

    Copied in one go: far fewer small writes than building the file table by table. 16 KB
    blocks: ~150 small exhibit tables would otherwise take 256 KB blocks each (a 58 MB file
    instead of 21 MB, and a slower copy). Without FSST string compression the file is 3 MB
    larger and the copy a quarter faster. (Building the index in a second database while the
    tables are copied was tried: no faster on two cores.)
    """
    con = db.con
    if not db.indexer.finish():
        result.warnings.append("full-text index not built (fts extension unavailable): search scans")
    t = result.lap("index", t)
    if db.in_file is not None:
        con.execute("USE memory; DETACH target")  # written out at the checkpoint of the detach
    else:
        con.execute("SET disabled_compression_methods = 'fsst'")
        con.execute(f"ATTACH '{_sql_str(tmp)}' AS target (BLOCK_SIZE 16384)")
        con.execute("COPY FROM DATABASE memory TO target")
        con.execute("DETACH target")
    result.lap("copy", t)
    os.replace(tmp, result.db_path)


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")
