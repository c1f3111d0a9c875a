"""Benchmark: build time and peak memory for the corpus, and for 20 copies of it.

Run: uv run python tests/bench_build.py [CORPUS_DIR]
Each measurement runs in a fresh process so peak RSS is the build's own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import resource, sys, time
from pathlib import Path
t = time.perf_counter()
from tui.store.build import build_database
r = build_database(Path(sys.argv[1]), Path(sys.argv[2]))
s = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
phases = "  ".join(f"{k} {v:.2f}" for k, v in r.phases.items())
print(f"{len(r.summaries)} docs  {s:.2f} s  peak {peak:.0f} MB (largest worker {worker:.0f} MB)  ({phases})")
"""


def measure(corpus: Path, label: str, env: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(corpus), str(Path(tmp) / "b.duckdb")],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        print(f"{label:<28} {out.stdout.strip()}")


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent.parent / "shared/corpus"
    # A bytecode cache, as an installed copy has (this sandbox sets PYTHONDONTWRITEBYTECODE).
    cache = tempfile.mkdtemp()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    measure(corpus, "warm-up (fills the cache)", env)
    for run in range(3):  # the machine is shared: look at the best and the spread, not one run
        measure(corpus, f"corpus (5 documents) run {run + 1}", env)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(20):
            for f in corpus.glob("*.txt"):
                shutil.copy(f, Path(tmp) / f"{i:02d}_{f.name}")
        measure(Path(tmp), "20 copies (100 documents)", env)
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
