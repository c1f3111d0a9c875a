"""The full-text index of a built database: ``search_docs`` and its BM25 postings.

The index has the fts extension's own layout (schema ``fts_main_search_docs``: ``docs``,
``terms``, ``dict``, ``stats``, ``fields`` and the ``match_bm25``/``tokenize`` macros), so SQL
written for the extension works on it. The extension's PRAGMA fills its tables with UPDATEs and
per-row subqueries: 0.9 s on the corpus. Here the PRAGMA only creates the schema and macros, on
an empty table; the postings are then computed in set-based statements as each document is
written, each distinct word folded and stemmed once: the same postings (a test compares them),
and after the last document only counts are left.
"""

from __future__ import annotations

import duckdb

from tui.store.db import fts_extension_path

INDEX_SCHEMA = "fts_main_search_docs"

# fmt: off
SPANISH_STOPWORDS = """
a al algo algunas algunos ante antes como con contra cual cuales cuando de del desde donde durante e el
ella ellas ellos en entre era eran es esa esas ese eso esos esta estas este esto estos fue fueron ha han
hasta hay la las le les lo los mas me mi mismo muy no nos o otra otras otro otros para pero por porque
que quien se ser si sin sobre son su sus tambien tanto te tiene tienen todo todos tras tu u un una unas
uno unos y ya
""".split()  # noqa: SIM905
# fmt: on

_STAGE_SQL = """
INSERT INTO search_stage
WITH heading AS (
    -- A heading printed in two parts (a chapter section and its restatement in the programme of
    -- activities) is named with its part, so that hits from both can be told apart.
    SELECT section_id,
           CASE WHEN count(*) OVER (PARTITION BY number, title) > 1 AND part IS NOT NULL
                THEN part || ' › ' ELSE '' END || trim(coalesce(number || ' ', '') || title) AS name
    FROM sections WHERE doc_id = $doc
)
SELECT $seq + row_number() OVER () AS seq, * FROM (
    SELECT p.doc_id, 'paragraph' AS kind, p.paragraph_id AS ref_id, p.section_id,
           coalesce(h.name, '') AS title, p.text AS body, p.line_start AS line
    FROM paragraphs p LEFT JOIN heading h ON h.section_id = p.section_id WHERE p.doc_id = $doc
    UNION ALL
    SELECT s.doc_id, 'section', s.section_id, s.section_id, h.name,
           trim(coalesce(s.number || ' ', '') || s.title), s.line_start
    FROM sections s JOIN heading h USING (section_id)
    UNION ALL
    SELECT e.doc_id, 'exhibit', e.exhibit_id, e.section_id,
           e.label || coalesce('. ' || nullif(e.title, ''), ''),
           concat_ws(' · ', e.label, nullif(e.title, ''), e.subtitle,
                     (SELECT string_agg(c.name, ' · ' ORDER BY c.col) FROM exhibit_columns c
                      WHERE c.exhibit_id = e.exhibit_id),
                     (SELECT string_agg(DISTINCT nullif(trim(x.text), ''), ' · ') FROM exhibit_cells x
                      WHERE x.exhibit_id = e.exhibit_id AND x.col = 0 AND x.value IS NULL)),
           e.line_start
    FROM exhibits e WHERE e.doc_id = $doc
    UNION ALL
    SELECT doc_id, 'glossary', acronym, NULL, acronym, acronym || ' ' || expansion, line_start
    FROM glossary WHERE doc_id = $doc
)
"""
"""The records of one document to search, numbered from ``$seq + 1``."""

_STAGE_DDL = """
CREATE OR REPLACE TEMP TABLE search_stage (
    seq BIGINT, doc_id VARCHAR, kind VARCHAR, ref_id VARCHAR, section_id VARCHAR, title VARCHAR,
    body VARCHAR, line INTEGER
);
CREATE OR REPLACE TEMP TABLE search_seen (piece VARCHAR);
CREATE OR REPLACE TEMP TABLE search_stems (piece VARCHAR, term VARCHAR);
CREATE OR REPLACE TEMP TABLE search_vocab (termid BIGINT, term VARCHAR);
CREATE OR REPLACE TEMP TABLE search_lens (seq BIGINT, len BIGINT);
CREATE OR REPLACE TABLE search_stopwords AS SELECT unnest($stopwords::VARCHAR[]) AS sw;
"""

_IGNORE = r"(\.|[^a-z0-9])+"
"""What separates words for the extension; kept in its ``tokenize`` macro for users' queries."""

_SCHEMA_SQL = (
    "CREATE TABLE search_docs (id BIGINT, body VARCHAR)",
    "PRAGMA create_fts_index('search_docs', 'id', 'body', stemmer = 'spanish', stopwords = "
    f"'search_stopwords', ignore = '{_IGNORE}', strip_accents = 1, lower = 1, overwrite = 1)",
    "DROP TABLE search_docs",
)
"""The extension's schema, macros and empty tables: the postings are added document by document.
One statement per call: the PRAGMA binds only once the table is there."""

_PIECES_SQL = """
-- Runs of letters, marks and digits (the complement of spaces, punctuation, symbols, separators
-- and controls): folding and splitting each distinct run gives the extension's words, at a
-- fraction of the cost of folding every text.
CREATE OR REPLACE TEMP TABLE search_pieces AS
SELECT seq, unnest(regexp_extract_all(body, '[^\\s\\p{P}\\p{S}\\p{Z}\\p{C}]+')) AS piece
FROM search_stage WHERE seq > $seq
"""

_POSTINGS_SQL = f"""
CREATE OR REPLACE TEMP TABLE search_new AS
SELECT DISTINCT piece FROM search_pieces ANTI JOIN search_seen USING (piece);
INSERT INTO search_seen SELECT piece FROM search_new;
INSERT INTO search_stems
SELECT piece, stem(w, 'spanish') FROM (
    SELECT piece, unnest(regexp_extract_all(lower(strip_accents(piece)), '[a-z0-9]+')) AS w FROM search_new
) WHERE w NOT IN (SELECT sw FROM search_stopwords);
CREATE OR REPLACE TEMP TABLE search_postings AS
SELECT p.seq AS docid, s.term FROM search_pieces p JOIN search_stems s USING (piece);
INSERT INTO search_vocab
SELECT (SELECT count(*) FROM search_vocab) + row_number() OVER (ORDER BY term) - 1, term
FROM (SELECT DISTINCT term FROM search_postings ANTI JOIN search_vocab USING (term));
INSERT INTO {INDEX_SCHEMA}.terms
SELECT p.docid, 0, v.termid FROM search_postings p JOIN search_vocab v USING (term) ORDER BY p.docid;
INSERT INTO search_lens SELECT docid, count(*) FROM search_postings GROUP BY docid;
"""
"""One document's postings. Term ids are given in the order words are first met, not the
extension's alphabetical order: nothing reads them but the joins of its macros."""

_DOCS_SQL = """
CREATE TABLE search_entries AS
SELECT row_number() OVER (ORDER BY doc_id, kind, line, ref_id) AS id, doc_id, kind, ref_id, section_id,
       title, CASE WHEN kind <> 'paragraph' THEN body END AS body, line
FROM search_stage ORDER BY id;
CREATE VIEW search_docs AS
SELECT e.id, e.doc_id, e.kind, e.ref_id, e.section_id, e.title, coalesce(e.body, p.text) AS body, e.line
FROM search_entries e LEFT JOIN paragraphs p ON e.kind = 'paragraph' AND p.paragraph_id = e.ref_id;
"""
"""What is searched, one row per record. A paragraph's text is read from ``paragraphs`` rather
than stored twice: the file is smaller and written faster."""

_FINISH_SQL = f"""
CREATE OR REPLACE TABLE {INDEX_SCHEMA}.dict AS
SELECT v.termid, v.term, c.df FROM search_vocab v
JOIN (SELECT termid, count(DISTINCT docid)::BIGINT AS df FROM {INDEX_SCHEMA}.terms GROUP BY termid) c
USING (termid) ORDER BY termid;
CREATE OR REPLACE TABLE {INDEX_SCHEMA}.docs AS
SELECT s.seq AS docid, e.id AS name, coalesce(l.len, 0)::BIGINT AS len
FROM search_stage s JOIN search_entries e USING (doc_id, kind, ref_id, line)
LEFT JOIN search_lens l USING (seq) ORDER BY docid;
CREATE OR REPLACE TABLE {INDEX_SCHEMA}.stats AS
SELECT count(*)::BIGINT AS num_docs, avg(len)::DOUBLE AS avgdl FROM {INDEX_SCHEMA}.docs;
"""

_DROP_SQL = """
DROP TABLE search_stage; DROP TABLE search_seen; DROP TABLE search_stems; DROP TABLE search_vocab;
DROP TABLE search_lens; DROP TABLE IF EXISTS search_pieces; DROP TABLE IF EXISTS search_new;
DROP TABLE IF EXISTS search_postings;
"""


def load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Load the fts extension from the installed wheel (never downloads); False when impossible."""
    try:
        # Its functions, not duckdb_extensions(): that lists the extension folder on disk, which
        # fails once a sandboxed connection of the same database has disabled file access.
        query = "SELECT count(*) FROM duckdb_functions() WHERE function_name = 'stem'"
        (found,) = con.execute(query).fetchone()
        if found:
            return True
        path = fts_extension_path()
        if path is None:
            return False
        con.execute(f"LOAD '{path.as_posix()}'")
        return True
    except duckdb.Error:
        return False


class SearchIndexer:
    """Builds ``search_docs`` and its index document by document, as the build writes them.

    Each document's records are gathered, cut into words, stemmed (each word the first time
    it is met) and posted as soon as it is written, while the larger documents are still being
    parsed; :meth:`finish` then only counts. The extension's ``docid`` is the gathering order,
    its ``name`` the id of the record in ``search_docs``.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.seq = con, 0
        self.fts = load_fts(con)
        con.execute(_STAGE_DDL, {"stopwords": SPANISH_STOPWORDS})
        if self.fts:
            for statement in _SCHEMA_SQL:
                con.execute(statement)

    def add(self, doc_id: str) -> None:
        """Gather and post the records of a written document."""
        (n,) = self.con.execute(_STAGE_SQL, {"doc": doc_id, "seq": self.seq}).fetchone()
        if self.fts:
            self.con.execute(_PIECES_SQL, {"seq": self.seq})
            self.con.execute(_POSTINGS_SQL)
        self.seq += n

    def finish(self) -> bool:
        """Create ``search_docs`` and, when the extension loads, its BM25 index (returns True)."""
        con = self.con
        con.execute(_DOCS_SQL)
        if self.fts:
            con.execute(_FINISH_SQL)
        con.execute(_DROP_SQL)
        return self.fts


def build_search_index(con: duckdb.DuckDBPyConnection) -> bool:
    """Create ``search_docs`` from the written tables and, when possible, its BM25 index.

    Returns True when the full-text index was built, False when only the records exist (search
    then falls back to plain matching). Call it on the writable connection of a built database;
    an index already there is replaced.
    """
    for name, kind in con.execute(
        "SELECT table_name, table_type FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name IN ('search_docs', 'search_entries')"
    ).fetchall():
        con.execute(f"DROP {'VIEW' if kind == 'VIEW' else 'TABLE'} {name}")
    con.execute(f"DROP SCHEMA IF EXISTS {INDEX_SCHEMA} CASCADE")
    indexer = SearchIndexer(con)
    for (doc_id,) in con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall():
        indexer.add(doc_id)
    return indexer.finish()
