"""DuckDB: schema, atomic build, read-only connections, search, saved queries, exports. No Textual."""
