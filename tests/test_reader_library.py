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


def test_siglas_sections_list_their_acronyms(corpus_db):
    con = duckdb.connect(str(corpus_db), read_only=True)
    outline, library = reader.load_outline(con), reader.load_library(con)
    children = defaultdict(list)
    for s in outline.sections:
        children[s.parent_id or s.doc_id].append(s.line_start)
    counts = {
        s.doc_id: len(library.section_text(s.doc_id, s, children[s.section_id]).glossary)
        for s in outline.sections
        if s.title.startswith("Siglas")
    }
    assert counts == {"ilpa-2019-2020": 334, "ilpa-2024-2025": 125}
    umf = next(g for g in library.glossary["ilpa-2024-2025"] if g.acronym == "UMF")
    assert umf.expansion == "Unidad de Medicina Familiar"
