"""Parsing the documents of a corpus folder on every core, for the build."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from tui.corpus.model import Document
from tui.corpus.pipeline import parse_document, preload
from tui.corpus.source import SourceError

Progress = Callable[[str, int, int], None]
"""Called with (file name, index, total) as documents are parsed."""


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


def parse_files(files: list[Path], progress: Progress | None) -> Iterator[tuple[Path, Document | str]]:
    """Parse files on every core, yielding the results in corpus order.

    Workers take the files in corpus order too, so the documents waiting for an earlier, longer
    one stay few. Small corpora are parsed in this process: starting workers would cost more.
    """
    workers = min(os.cpu_count() or 1, len(files), 4)
    if workers < 2 or sum(p.stat().st_size for p in files) < 1_000_000:
        for i, path in enumerate(files):
            if progress:
                progress(path.name, i, len(files))
            yield path, parse_file(path)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers inherit the imported parsers instead of importing them again.
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    if ctx is not None:
        preload()
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        # A few files ahead of the writer, not all: parsed documents waiting to be written
        # would otherwise pile up in memory when the writer is the slower side.
        ahead = 2 * workers
        futures = [pool.submit(parse_file, p) for p in files[:ahead]]
        for i, path in enumerate(files):
            if progress:
                progress(path.name, i, len(files))
            result, futures[i] = futures[i].result(), None  # a done future would keep its document
            if i + ahead < len(files):
                futures.append(pool.submit(parse_file, files[i + ahead]))
            yield path, result


class DistinctIds:
    """Documents recognised as the same one get distinct ids: the later file gets a suffix."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def assign(self, path: Path, doc: Document) -> None:
        if doc.doc_id in self.seen:
            n = 2
            while f"{doc.doc_id}-{n}" in self.seen:
                n += 1
            new = f"{doc.doc_id}-{n}"
            doc.warnings.append(f"same document as {self.seen[doc.doc_id]}; stored as {new}")
            from tui.corpus.rekey import rekey_document

            rekey_document(doc, new)
        self.seen[doc.doc_id] = path.name
