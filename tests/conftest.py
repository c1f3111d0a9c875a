"""Shared fixtures: where the real corpus is, and skipping (or failing) without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("IMSS_CORPUS", ROOT.parent / "shared" / "corpus"))


def _require_corpus() -> Path:
    if CORPUS.is_dir() and any(CORPUS.glob("*.txt")):
        return CORPUS
    reason = f"real corpus not found at {CORPUS} (set IMSS_CORPUS)"
    if os.environ.get("IMSS_REQUIRE_CORPUS") == "1":
        pytest.fail(reason + "; IMSS_REQUIRE_CORPUS=1 makes this a failure", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The real corpus folder; skips the test when absent (fails under IMSS_REQUIRE_CORPUS=1)."""
    return _require_corpus()


def _find(prefix: str) -> Path:
    folder = _require_corpus()
    matches = sorted(folder.glob(f"{prefix}*.txt"))
    if not matches:
        pytest.skip(f"no {prefix}*.txt in {folder}")
    return matches[0]


@pytest.fixture(scope="session")
def corpus_lines():
    """Function returning the lines (split on \\n) of the corpus file whose name starts with prefix."""
    cache: dict[str, list[str]] = {}

    def load(prefix: str) -> list[str]:
        if prefix not in cache:
            cache[prefix] = _find(prefix).read_text(encoding="utf-8").split("\n")
        return cache[prefix]

    return load


@pytest.fixture(scope="session")
def corpus_document():
    """Function returning the parsed :class:`Document` of the corpus file whose name starts with
    prefix: what the build extracts from it."""
    from tui.corpus.pipeline import parse_document

    cache: dict[str, object] = {}

    def load(prefix: str):
        if prefix not in cache:
            path = _find(prefix)
            cache[prefix] = parse_document(path.name, path.read_bytes())
        return cache[prefix]

    return load


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """The real corpus built once per test session into a temporary DuckDB file."""
    from tui.store.build import build_database

    folder = _require_corpus()
    path = tmp_path_factory.mktemp("db") / "imss.duckdb"
    build_database(folder, path)
    return path
