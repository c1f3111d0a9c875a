"""The tables of the database, as DDL. Documented for users in the README."""

from __future__ import annotations

SCHEMA_VERSION = 2
"""2: ``search_docs`` became a view over ``search_entries`` and ``paragraphs``."""

CORE_DDL = """
CREATE TABLE meta (key VARCHAR, value VARCHAR);
CREATE TABLE documents (
    doc_id VARCHAR, source_file VARCHAR, sha256 VARCHAR, title VARCHAR, kind VARCHAR,
    period VARCHAR, date DATE, n_lines INTEGER, n_chars INTEGER
);
CREATE TABLE sections (
    section_id VARCHAR, doc_id VARCHAR, parent_id VARCHAR, level INTEGER, part VARCHAR,
    number VARCHAR, title VARCHAR, ordinal INTEGER, line_start INTEGER, line_end INTEGER
);
CREATE TABLE paragraphs (
    paragraph_id VARCHAR, doc_id VARCHAR, section_id VARCHAR, ordinal INTEGER,
    line_start INTEGER, line_end INTEGER, text VARCHAR
);
CREATE TABLE footnotes (doc_id VARCHAR, number VARCHAR, text VARCHAR, line_start INTEGER);
CREATE TABLE glossary (doc_id VARCHAR, acronym VARCHAR, expansion VARCHAR, line_start INTEGER);
CREATE TABLE exhibits (
    exhibit_id VARCHAR, doc_id VARCHAR, section_id VARCHAR, kind VARCHAR, label VARCHAR,
    number VARCHAR, title VARCHAR, subtitle VARCHAR, notes VARCHAR, source VARCHAR,
    line_start INTEGER, line_end INTEGER, has_data BOOLEAN, n_rows INTEGER, n_cols INTEGER,
    table_name VARCHAR, problems VARCHAR
);
CREATE TABLE exhibit_columns (exhibit_id VARCHAR, col INTEGER, name VARCHAR, numeric BOOLEAN);
CREATE TABLE exhibit_cells (
    exhibit_id VARCHAR, "row" INTEGER, col INTEGER, text VARCHAR, value DOUBLE, line INTEGER, note VARCHAR
);
CREATE TABLE exhibit_refs (paragraph_id VARCHAR, exhibit_id VARCHAR);
CREATE TABLE exhibit_checks (
    exhibit_id VARCHAR, "check" VARCHAR, "row" INTEGER, col INTEGER, expected DOUBLE, found DOUBLE
);
CREATE TABLE facts (
    fact_id VARCHAR, doc_id VARCHAR, section_id VARCHAR, paragraph_id VARCHAR, line INTEGER,
    raw VARCHAR, value DOUBLE, unit VARCHAR, kind VARCHAR, context VARCHAR
);
CREATE TABLE fact_cells (fact_id VARCHAR, exhibit_id VARCHAR, "row" INTEGER, col INTEGER);
CREATE TABLE source_lines (doc_id VARCHAR, line INTEGER, text VARCHAR);
CREATE SCHEMA exhibit;
"""

CORE_TABLES = (
    "documents",
    "sections",
    "paragraphs",
    "footnotes",
    "glossary",
    "exhibits",
    "exhibit_columns",
    "exhibit_cells",
    "exhibit_refs",
    "exhibit_checks",
    "facts",
    "fact_cells",
)
