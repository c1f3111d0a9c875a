"""The library of section texts read in one go gives what one section's read gives."""

from collections import defaultdict
from pathlib import Path

import duckdb
import ui_fixtures

from tui.store import reader

small_db = ui_fixtures.small_db


def _same_as_one_by_one(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    outline = reader.load_outline(con)
    library = reader.load_library(con)
    children = defaultdict(list)
    for s in outline.sections:
        children[s.parent_id or s.doc_id].append(s.line_start)
    places = [(d.doc_id, None) for d in outline.documents]
    places += [(s.doc_id, s) for s in outline.sections]
    for doc_id, section in places:
        starts = children[section.section_id if section else doc_id]
        read = reader.load_section(con, doc_id, section, starts)
        assert library.section_text(doc_id, section, starts) == read
    return len(places)


def test_library_matches_section_reads_on_a_small_db(small_db):
    assert _same_as_one_by_one(small_db) > 5


def test_library_matches_section_reads_on_the_corpus(corpus_db):
    assert _same_as_one_by_one(corpus_db) > 700
