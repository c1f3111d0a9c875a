"""Parsing the documents of a corpus folder on every core, for the build."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

from tui.corpus.model import Document
from tui.corpus.pipeline import parse_document, preload
from tui.corpus.recognize import recognize
from tui.corpus.source import SourceError, decode_source
from tui.store.rows import DocumentRows, document_rows

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
    """What a parse worker sends back: the document as table columns, or why it could not."""
    doc = parse_file(path)
    return doc if isinstance(doc, str) else document_rows(doc)


def parse_files(files: list[Path], progress: Progress | None) -> Iterator[tuple[Path, DocumentRows | str]]:
    """Parse files on every core, yielding each as soon as it is parsed (not in corpus order).

    Workers take the files in corpus order, a few ahead of the writer: parsed documents waiting
    to be written would otherwise pile up in memory when the writer is the slower side. Small
    corpora are parsed in this process: starting workers would cost more.
    """
    workers = min(os.cpu_count() or 1, len(files), 4)
    if workers < 2 or sum(p.stat().st_size for p in files) < IN_PROCESS_BYTES:
        for i, path in enumerate(files):
            if progress:
                progress(path.name, i, len(files))
            yield path, parse_rows(path)
        return
    import multiprocessing as mp
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # fork: workers inherit the imported parsers instead of importing them again.
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    if ctx is not None:
        preload()
    queue = iter(files)
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        pending = {pool.submit(parse_rows, p): p for p in islice(queue, 2 * workers)}
        n = 0
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=pending.__getitem__):
                path = pending.pop(future)
                if (nxt := next(queue, None)) is not None:
                    pending[pool.submit(parse_rows, nxt)] = nxt
                if progress:
                    progress(path.name, n, len(files))
                n += 1
                yield path, future.result()


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
