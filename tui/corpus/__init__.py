"""Text to records: pure functions over the lines of a document; no DuckDB, no Textual."""
