"""Where things are: one precedence rule, CLI option > environment > default."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The checkout (or install) folder that holds ``data/`` and ``queries/``."""


def corpus_dir(option: Path | None = None) -> Path:
    """``--corpus`` > ``IMSS_CORPUS`` > ``data/corpus/`` if it exists > ``../shared/corpus/``."""
    if option is not None:
        return option
    if env := os.environ.get("IMSS_CORPUS"):
        return Path(env)
    local = ROOT / "data" / "corpus"
    if local.is_dir():
        return local
    return ROOT.parent / "shared" / "corpus"


def db_path(option: Path | None = None) -> Path:
    """``--db`` > ``IMSS_DB`` > ``data/imss.duckdb``."""
    if option is not None:
        return option
    if env := os.environ.get("IMSS_DB"):
        return Path(env)
    return ROOT / "data" / "imss.duckdb"


def shipped_queries_dir() -> Path:
    return ROOT / "queries"


def user_queries_dir(option: Path | None = None) -> Path | None:
    """``--queries`` > ``IMSS_QUERIES`` > none: the user's own saved queries, beside the shipped ones."""
    if option is not None:
        return option
    if env := os.environ.get("IMSS_QUERIES"):
        return Path(env)
    return None


def user_data_dir() -> Path:
    """Where history and user settings live: ``$XDG_DATA_HOME/imss`` (``~/.local/share/imss``)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "imss"
