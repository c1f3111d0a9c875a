"""Parsing the documents of a corpus folder on every core, for the build."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

from tui.corpus.model import Document
from tui.corpus.pipeline import add_figures, no_gc, parse_document, parse_prose, preload
from tui.corpus.recognize import recognize
from tui.corpus.source import SourceError, decode_source
from tui.store.rows import DocumentRows, document_rows, figure_rows

IN_PROCESS_BYTES = 1_000_000
"""Corpora smaller than this are parsed in the building process: workers would cost more."""

Progress = Callable[[str, int, int], None]
"""Called with (file name, documents done before it, total) as each document is parsed."""


class BuildError(RuntimeError):
    """The build could not produce a database; the message is one line for the user."""


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


def parse_file(path: Path) -> Document | str:
    """A parsed document, or the one-line reason it could not be read."""
    try:
        return parse_document(path.name, path.read_bytes())
    except SourceError as exc:
        return f"{path.name}: {exc}"
    except OSError as exc:
        return f"{path.name}: cannot read ({exc.strerror or exc})"
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not lose the others
        return f"{path.name}: internal error while parsing ({type(exc).__name__}: {exc})"


def parse_rows(path: Path) -> DocumentRows | str:
    """A document as table columns, or why it could not be read."""
    doc = parse_file(path)
    return doc if isinstance(doc, str) else document_rows(doc)


def parse_parts(path: Path) -> Iterator[tuple[DocumentRows | str, bool]]:
    """A document as table columns in two parts: all but the figures of its prose, then those;
    each with whether it is the last.

    The writer takes the first part while the figures (a quarter of the parse) are extracted.
    A document that cannot be read gives one item: the reason. A failure while extracting the
    figures keeps the rest of the document, with a warning.
    """
    with no_gc():
        try:
            doc = parse_prose(path.name, path.read_bytes())
        except SourceError as exc:
            yield f"{path.name}: {exc}", True
            return
        except OSError as exc:
            yield f"{path.name}: cannot read ({exc.strerror or exc})", True
            return
        except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not lose the others
            yield f"{path.name}: internal error while parsing ({type(exc).__name__}: {exc})", True
            return
        yield document_rows(doc, figures=False), False
        try:
            add_figures(doc)
            yield figure_rows(doc), True
        except Exception as exc:  # noqa: BLE001
            doc.facts, doc.fact_cells = [], []
            late = figure_rows(doc)
            late.warnings.append(f"figures not extracted (internal error: {type(exc).__name__}: {exc})")
            yield late, True


Part = tuple[Path, DocumentRows | str, bool]
"""A file, its rows (or why it could not be read), and whether they are the document's last part."""


def parse_files(files: list[Path], progress: Progress | None) -> Iterator[Part]:
    """Parse files on every core, yielding (file, rows or error, last part) as parts are ready.

    Each document comes in two parts (see :func:`parse_parts`), the second flagged ``last``;
    documents come as soon as they are parsed, not in corpus order. Workers take the files in
    corpus order, a few ahead of the writer: parsed documents waiting to be written would
    otherwise pile up in memory when the writer is the slower side. Small corpora are parsed in
    this process: starting workers would cost more.
    """
    workers = min(os.cpu_count() or 1, len(files), 4)
    if workers < 2 or sum(p.stat().st_size for p in files) < IN_PROCESS_BYTES:
        for i, path in enumerate(files):
            if progress:
                progress(path.name, i, len(files))
            yield path, parse_rows(path), True
        return
    yield from _parse_in_workers(files, workers, progress)


def _parse_in_workers(files: list[Path], workers: int, progress: Progress | None) -> Iterator[Part]:
    import multiprocessing as mp

    # fork: workers inherit the imported parsers instead of importing them again.
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else None)
    if ctx.get_start_method() == "fork":
        preload()
    # Results through a Queue: a worker hands a part to its feeder thread and goes on parsing,
    # rather than waiting for the writer to read it (a SimpleQueue blocked workers ~0.5 s).
    tasks, results = ctx.SimpleQueue(), ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(tasks, results), daemon=True) for _ in range(workers)]
    for proc in procs:
        proc.start()
    queue = iter(files)
    try:
        for path in islice(queue, 2 * workers):
            tasks.put(path)
        done, started = 0, set()
        while done < len(files):
            path, rows, last = _next_result(results, procs)
            if path not in started:  # its worker is about to be free: give it the next file now
                started.add(path)
                if (nxt := next(queue, None)) is not None:
                    tasks.put(nxt)
            if last:
                if progress:
                    progress(path.name, done, len(files))
                done += 1
            yield path, rows, last
    finally:
        for _ in procs:
            tasks.put(None)
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()


def _worker(tasks, results) -> None:
    """A parse worker: each file's parts, in order, on ``results`` (see :func:`parse_parts`)."""
    # Told to stop only once the writer has read everything, or because the build failed: then
    # what is still buffered is not wanted, and waiting to flush it would hang the exit.
    results.cancel_join_thread()
    while (path := tasks.get()) is not None:
        for rows, last in parse_parts(path):
            results.put((path, rows, last))


def _next_result(results, procs) -> Part:
    from multiprocessing.connection import wait

    # The results pipe, or a worker dying (killed, out of memory) instead of hanging the build.
    while not results._reader.poll():
        wait([results._reader, *(p.sentinel for p in procs)], timeout=1.0)
        if not results._reader.poll() and any(p.exitcode not in (None, 0) for p in procs):
            raise BuildError("a parse worker stopped unexpectedly (out of memory?)")
    return results.get()


def planned_ids(files: list[Path]) -> dict[str, tuple[str, str]]:
    """The id each file is stored under, decided in corpus order whatever order they are parsed in.

    Documents recognised as the same one get distinct ids: the later file gets a suffix. Only
    files that need one are listed (file name -> (id, the file that has the recognised id));
    unreadable files are left to the parse.
    """
    seen: dict[str, str] = {}
    out: dict[str, tuple[str, str]] = {}
    for path in files:
        try:
            doc_id = recognize(decode_source(path.read_bytes()).lines).doc_id
        except (SourceError, OSError):
            continue
        new, n = doc_id, 2
        while new in seen:
            new, n = f"{doc_id}-{n}", n + 1
        seen[new] = path.name
        if new != doc_id:
            out[path.name] = (new, seen[doc_id])
    return out
