"""From a source file's bytes to a :class:`Document` with every record extracted."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from tui.corpus.model import Document
from tui.corpus.outline import build_outline, section_at
from tui.corpus.source import Source, decode_source


def parse_document(source_file: str, raw: bytes) -> Document:
    """Extract everything from one document.

    Exhibits are cut first so their lines never reach the prose; the outline comes next, and
    paragraphs are built from what is left, so a sentence split by a table reads as one again.

    Raises:
        SourceError: the bytes are not a text document.
    """
    with no_gc():
        doc = parse_prose(source_file, raw)
        add_figures(doc)
        return doc


def parse_prose(source_file: str, raw: bytes) -> Document:
    """Everything but the figures quoted in the prose (:func:`add_figures`), the last step.

    The build writes this much while the figures of a long report are still being extracted.
    Call it with the garbage collector paused (:func:`no_gc`), as :func:`parse_document` does.
    """
    return _parse(source_file, decode_source(raw))


def add_figures(doc: Document) -> None:
    """The figures quoted in the paragraphs and footnotes, and the table cells that hold them."""
    from tui.corpus.fact_links import link_facts
    from tui.corpus.facts import extract_facts

    doc.facts = extract_facts(doc.doc_id, doc.paragraphs, doc.footnotes, lines=doc.lines)
    doc.fact_cells = link_facts(doc.facts, doc.exhibits)


@contextmanager
def no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused, as while parsing.

    A parse allocates millions of small objects, none of them in reference cycles, and every
    automatic collection walks all that are alive: about a quarter of the parse time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def preload() -> None:
    """Import every parser now (their regexes compile at import).

    Called before forking parse workers, so that each inherits them instead of paying for
    them again; the imports stay lazy for commands that never parse.
    """
    import tui.corpus.exhibits
    import tui.corpus.fact_links
    import tui.corpus.facts
    import tui.corpus.furniture
    import tui.corpus.glossary
    import tui.corpus.paragraphs
    import tui.corpus.recognize
    import tui.corpus.refs  # noqa: F401


def _parse(source_file: str, src: Source) -> Document:
    from tui.corpus.exhibits import find_exhibits
    from tui.corpus.furniture import find_furniture
    from tui.corpus.glossary import find_glossary
    from tui.corpus.paragraphs import build_paragraphs
    from tui.corpus.recognize import recognize
    from tui.corpus.refs import find_refs

    lines = src.lines
    ident = recognize(lines)
    doc = Document(
        doc_id=ident.doc_id,
        source_file=source_file,
        sha256=src.sha256,
        title=ident.title,
        kind=ident.kind,
        period=ident.period,
        date=ident.date,
        n_lines=len(lines),
        n_chars=len(src.text),
        lines=lines,
    )
    if src.warning:
        doc.warnings.append(src.warning)
    furniture = find_furniture(lines)
    doc.exhibits = find_exhibits(doc.doc_id, lines, furniture)
    exhibit_lines = set().union(*(ex.lines for ex in doc.exhibits)) if doc.exhibits else set()
    doc.glossary, glossary_lines = find_glossary(doc.doc_id, lines)
    outline = build_outline(doc.doc_id, doc.kind, lines, furniture | exhibit_lines)
    doc.sections = outline.sections
    skip = furniture | exhibit_lines | outline.consumed | glossary_lines
    doc.paragraphs, doc.footnotes = build_paragraphs(doc.doc_id, lines, doc.sections, skip)
    for ex in doc.exhibits:
        ex.section_id = section_at(doc.sections, ex.line_start)
    doc.exhibit_refs = find_refs(doc.paragraphs, doc.exhibits)
    doc.checks = _checks(doc)
    return doc


def _checks(doc: Document) -> list:
    from tui.corpus.checks import check_exhibit

    return [c for ex in doc.exhibits if ex.cells for c in check_exhibit(ex)]
