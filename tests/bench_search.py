"""Benchmark the search index: build time and query latency on the real corpus. Prints figures.

    uv run python tests/bench_search.py [--db FILE] [--corpus DIR] [--repeat N]

Without ``--db`` the corpus is built into a temporary file first. The index is then rebuilt
from scratch on a copy (``build_search_index`` alone, as the builder calls it), and each query
runs ``--repeat`` times on a read-only connection. Targets: index < 1 s, a query < 50 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.store import search as S  # noqa: E402
from tui.store.db import open_database  # noqa: E402

QUERIES = [
    "hospital", "cesantia", "UMF", "OOAD", "seguro social", '"seguro social"', "vacunación influenza",
    "Cuadro II.3", "camas censables", "pensión mínima", "infarto agudo al miocardio", "guarderías",
    "reservas financieras", "niñas niños", "laringoscopio", "de la", "'; DROP TABLE x; --", "zzzqx",
]  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        if args.db:
            shutil.copy(args.db, path)
        else:
            from tui.store.build import build_database

            result = build_database(args.corpus, path)
            print(f"build (whole corpus): {result.seconds:.2f} s")
        bench_index(path)
        bench_queries(path, args.repeat)


def bench_index(path: Path) -> None:
    con = duckdb.connect(str(path))
    start = time.perf_counter()
    indexed = S.build_search_index(con)  # replaces the index the build made
    built = time.perf_counter() - start
    con.execute("CHECKPOINT")
    total = time.perf_counter() - start
    counts = dict(con.execute("SELECT kind, count(*) FROM search_docs GROUP BY kind").fetchall())
    con.close()
    print(f"search_docs rows: {counts}; fts index: {indexed}")
    print(f"build_search_index: {built * 1000:.0f} ms (with checkpoint {total * 1000:.0f} ms)")


def bench_queries(path: Path, repeat: int) -> None:
    con = open_database(path)
    start = time.perf_counter()
    S.search(con, "hospital")
    print(f"first query (loads the extension): {(time.perf_counter() - start) * 1000:.1f} ms")
    worst = 0.0
    for q in QUERIES:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            hits = S.search(con, q)
            times.append((time.perf_counter() - t) * 1000)
        med, top = statistics.median(times), max(times)
        worst = max(worst, med)
        print(f"  {q!r:32} hits={len(hits):3} median {med:6.1f} ms  max {top:6.1f} ms")
    print(f"slowest median: {worst:.1f} ms")
    con.close()


if __name__ == "__main__":
    main()
