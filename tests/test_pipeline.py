"""parse_document as a whole: the garbage collector pause it relies on is safe."""

from __future__ import annotations

import gc

from tui.corpus.pipeline import no_gc, parse_document


def test_no_gc_restores_the_collector() -> None:
    assert gc.isenabled()
    with no_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with no_gc():
            pass
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()


def test_parse_leaves_no_cyclic_garbage(corpus_dir) -> None:
    # The collector is paused while parsing: that is only free if nothing becomes cyclic garbage.
    gc.collect()
    for path in sorted(corpus_dir.glob("*.txt")):
        doc = parse_document(path.name, path.read_bytes())
        assert doc.paragraphs
        del doc
        assert gc.collect() == 0, path.name
