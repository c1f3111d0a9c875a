"""``imss`` with no command: open the explorer on the database (building it when needed)."""

from __future__ import annotations

from pathlib import Path

from tui import config


def run_explorer(db: Path | None, corpus: Path | None, queries: Path | None) -> None:
    """Until the explorer lands: build the database when missing, then print its summary."""
    from tui.commands.build import build

    db_path = config.db_path(db)
    if not db_path.exists():
        build(corpus=corpus, db=db, quiet=False)
