"""Turning column lists into Arrow tables DuckDB can ingest in one statement."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

# The system allocator hands memory back once a table is ingested; Arrow's default pool
# (mimalloc) keeps ~40 MB of the build's peak for itself.
_POOL = pa.system_memory_pool()


def arrow_table(names: Sequence[str], columns: Sequence[Sequence]) -> pa.Table:
    """An Arrow table of the given columns, named in order."""
    return pa.table([pa.array(col, memory_pool=_POOL) for col in columns], names=list(names))
