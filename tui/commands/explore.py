"""``imss`` with no command: open the explorer on the database (building it first when needed)."""

from __future__ import annotations

from pathlib import Path

from tui import config


def run_explorer(db: Path | None, corpus: Path | None, queries: Path | None) -> None:
    """Open the explorer; a missing or stale database is rebuilt from the corpus inside it, with progress."""
    from tui.ui.app import Settings, make_app

    settings = Settings(
        corpus=config.corpus_dir(corpus),
        queries_dir=config.shipped_queries_dir(),
        user_queries_dir=config.user_queries_dir(queries),
    )
    make_app(config.db_path(db), settings).run()
