"""Before the main screen: opening, building (with progress) and explaining what went wrong."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Label, ProgressBar, Static

from tui.ui.widgets.key_footer import KeyFooter


class StartupScreen(Screen):
    """Shown for the fraction of a second it takes to open the database."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="startup"):
            yield Label(f"Opening {self.db_path}…")


class BuildScreen(Screen):
    """Progress of a build started by the explorer (missing or stale database)."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="startup"):
            yield Label(self.reason, id="build-reason")
            with Center():
                yield ProgressBar(id="build-progress", show_eta=False)
            yield Label("", id="build-step")

    def update_progress(self, name: str, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total + 1, progress=done)
        step = f"reading {name}" if name else "writing the database"
        self.query_one("#build-step", Label).update(step)


class ErrorScreen(Screen):
    """One clear line about the database, and what can be done about it."""

    BINDINGS = [
        Binding("r", "rebuild", "Rebuild"),
        Binding("q,escape", "app.quit", "Quit"),
    ]

    def __init__(self, message: str, can_build: bool) -> None:
        super().__init__()
        self.message, self.can_build = message, can_build

    def compose(self) -> ComposeResult:
        with Vertical(classes="startup"):
            yield Static(self.message, id="error-message")
            hint = (
                "Press r to rebuild it from the corpus, q to quit." if self.can_build else "Press q to quit."
            )
            yield Static(hint, id="error-hint")
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.can_build if action == "rebuild" else True

    def action_rebuild(self) -> None:
        self.app.open_database(rebuild=True)


def is_stale(db_path: Path, corpus: Path) -> bool:
    """True when the database is missing or was built from another state of the corpus."""
    import duckdb

    from tui.store.build import BuildError, corpus_files, corpus_fingerprint

    if not db_path.exists():
        return True
    try:
        files = corpus_files(corpus)
    except BuildError:
        return False
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return False  # opening proper will explain what is wrong
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'corpus_fingerprint'").fetchone()
    except duckdb.Error:
        return False
    finally:
        con.close()
    return row is None or row[0] != corpus_fingerprint(files)


def run_build(app, corpus: Path | None, db_path: Path) -> bool:
    """Build in the calling worker thread, showing progress; False (and an error screen) on failure."""
    from tui.store.build import BuildError, build_database

    if corpus is None:
        app.call_from_thread(app._show_error, "no corpus folder to build from (use --corpus)", False)
        return False
    reason = (
        "Building the database" if not db_path.exists() else "The corpus changed: rebuilding the database"
    )
    screen = BuildScreen(f"{reason} from {corpus}…")
    app.call_from_thread(app.switch_screen, screen)

    def progress(name: str, done: int, total: int) -> None:
        app.call_from_thread(screen.update_progress, name, done, total)

    try:
        result = build_database(corpus, db_path, progress)
    except BuildError as exc:
        app.call_from_thread(app._show_error, f"build failed: {exc}", False)
        return False
    except Exception as exc:  # noqa: BLE001 - a parser bug must end in one line on screen, not a traceback
        app.call_from_thread(app._show_error, f"build failed (internal error): {exc!r}", False)
        return False
    if result.errors:
        app.call_from_thread(app.notify, "; ".join(result.errors), severity="warning", timeout=10)
    return True
