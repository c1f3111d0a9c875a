"""Benchmark: ``imss sql`` returning 6,000 rows as CSV, end to end (process start to exit).

    uv run python tests/bench_cli.py                      # the small test database, synthetic rows
    uv run python tests/bench_cli.py --db data/imss.duckdb  # a built database: 6,000 paragraphs

Runs the installed ``imss`` script (not ``uv run``, whose own start-up is not ours) several times
and prints the best and median wall time; the target is under 0.4 s. Also times Python start-up
alone, so the figure can be read against the machine. Measured twice: with a bytecode cache (as
any installed copy has; a private one in a temporary folder) and in the caller's environment
(a sandbox that sets ``PYTHONDONTWRITEBYTECODE`` compiles the packages at every start).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.4


def _time(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr.decode()}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a built database (default: the small test database)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    imss = Path(sys.executable).parent / "imss"
    with tempfile.TemporaryDirectory() as tmp:
        if args.db is None:
            sys.path.insert(0, str(ROOT / "tests"))
            from small_db import build_small_db

            db = build_small_db(Path(tmp) / "small.duckdb")
            sql = "SELECT r.range AS i, g.* FROM range(1200) r, glossary g ORDER BY i, g.acronym, g.doc_id"
        else:
            db = args.db
            sql = (
                "SELECT paragraph_id, doc_id, line_start, text FROM paragraphs "
                "ORDER BY doc_id, ordinal LIMIT 6000"
            )
        cmd = [str(imss), "sql", sql, "--format", "csv", "--db", str(db)]
        rows = subprocess.run(cmd, capture_output=True, cwd=ROOT, check=True).stdout.count(b"\n") - 1
        python = _time([sys.executable, "-c", "pass"], args.runs)
        cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        _time(cmd, 1, cached)  # fills the cache
        runs = {"with bytecode cache": _time(cmd, args.runs, cached)}
        runs["as this shell runs it"] = _time(cmd, args.runs)
    print(f"command: imss sql <{rows:,} rows> --format csv --db {db if args.db else '<small test db>'}")
    print(f"python start-up alone: best {min(python):.3f} s; target for imss sql: < {TARGET} s")
    for label, times in runs.items():
        best, median = min(times), statistics.median(times)
        verdict = "ok" if median < TARGET else "slower than target"
        print(f"{label:<24} {args.runs} runs: best {best:.3f} s, median {median:.3f} s ({verdict})")


if __name__ == "__main__":
    main()
