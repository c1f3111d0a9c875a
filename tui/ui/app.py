"""The explorer application, built from explicit arguments by :func:`make_app` (CLI and tests alike)."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from tui.ui import textual_cycles
from tui.ui.idle_gc import IdleCollector
from tui.ui.messages import Navigate

if TYPE_CHECKING:
    import duckdb

DARK, LIGHT = "textual-dark", "textual-light"


@dataclass(slots=True)
class Settings:
    """What the app needs besides the database file."""

    theme: str = DARK
    corpus: Path | None = None
    """When set, a database older than this corpus (or missing) is rebuilt before opening."""
    queries_dir: Path | None = None
    user_queries_dir: Path | None = None
    cursor_blink: bool = False


@dataclass(frozen=True, slots=True)
class ScreenEntry:
    """A screen other modules provide; listed in the command palette once its module exists.

    The class is built with no arguments; it reads ``app.db_path``, ``app.settings`` and gets a
    thread-safe cursor from ``app.cursor()``.
    """

    title: str
    help: str
    module: str
    cls: str
    key: str | None = None


EXTRA_SCREENS: list[ScreenEntry] = [
    ScreenEntry("SQL editor", "Write and run SQL", "tui.ui.screens.sql_editor", "SqlEditorScreen", "f6"),
    ScreenEntry(
        "Saved queries", "Run a saved query", "tui.ui.screens.saved_queries", "SavedQueriesScreen", "f7"
    ),
]


class ExplorerApp(App[None]):
    """Opens the database (building it first when asked to), then shows the main screen."""

    CSS_PATH = "app.tcss"
    TITLE = "imss"
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help"),
        Binding("slash", "search", "Search"),
        Binding("less_than_sign,alt+left", "back", "Back", show=False),
        Binding("greater_than_sign,alt+right", "forward", "Forward", show=False),
        Binding("f2", "toggle_dark", "Theme", show=False),
        *(
            Binding(e.key, f"open_screen('{e.module}', '{e.cls}')", e.title, show=False)
            for e in EXTRA_SCREENS
            if e.key
        ),
    ]

    class Opened(Message):
        def __init__(self, con: duckdb.DuckDBPyConnection, outline, first) -> None:
            super().__init__()
            self.con, self.outline, self.first = con, outline, first

    def __init__(self, db_path: Path, settings: Settings | None = None) -> None:
        textual_cycles.install()
        super().__init__()
        self.db_path = db_path
        self.settings = settings or Settings()
        self.cursor_blink = self.settings.cursor_blink
        self.db: duckdb.DuckDBPyConnection | None = None
        self.main = None
        self.extra_screens: list[ScreenEntry] = list(EXTRA_SCREENS)
        self.idle_gc = IdleCollector()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of the open database for one worker thread (close it when done)."""
        if self.db is None:
            raise RuntimeError("the database is not open")
        return self.db.cursor()

    def on_mount(self) -> None:
        from tui.ui.screens.startup import StartupScreen

        self.theme = self.settings.theme
        self.push_screen(StartupScreen(self.db_path))
        self.open_database()

    # -- opening -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="open")
    def open_database(self, rebuild: bool = False) -> None:
        import duckdb

        from tui.store.db import DatabaseError, open_database
        from tui.store.reader import load_outline
        from tui.ui.screens import startup

        if self.db is not None:
            self.db.close()
            self.db = None
        try:
            building = rebuild or self._needs_build()
            if building and not startup.run_build(self, self.settings.corpus, self.db_path):
                return
            con = open_database(self.db_path)
            outline = load_outline(con)
            first = _first_text(con, outline)
        except DatabaseError as exc:
            can_build = exc.rebuild and self.settings.corpus is not None and self.settings.corpus.is_dir()
            self.call_from_thread(self._show_error, str(exc), can_build)
            return
        except duckdb.Error as exc:
            self.call_from_thread(
                self._show_error, f"cannot read {self.db_path}: {exc}".splitlines()[0], True
            )
            return
        self.post_message(self.Opened(con, outline, first))

    def _needs_build(self) -> bool:
        """Missing, or older than the corpus (only when a corpus was given)."""
        from tui.ui.screens.startup import is_stale

        corpus = self.settings.corpus
        return corpus is not None and corpus.is_dir() and is_stale(self.db_path, corpus)

    def _show_error(self, message: str, can_build: bool) -> None:
        from tui.ui.screens.startup import ErrorScreen

        self.switch_screen(ErrorScreen(message, can_build))

    def on_explorer_app_opened(self, message: Opened) -> None:
        from tui.ui.screens.main import MainScreen

        self.db = message.con
        self.main = MainScreen(message.outline, message.first)
        self.switch_screen(self.main)
        self.idle_gc.start(self)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown | events.MouseScrollDown | events.MouseScrollUp):
            self.idle_gc.touched()
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.idle_gc.stop()
        if self.db is not None:
            self.db.close()

    # -- navigation from any screen ------------------------------------------------------------

    def on_navigate(self, message: Navigate) -> None:
        """A screen above the main one asked to go somewhere: return to the main screen first."""
        if self.main is None:
            return
        self.back_to_main()
        self.main.navigate(message.target)

    def back_to_main(self) -> None:
        while self.main is not None and self.screen is not self.main and len(self.screen_stack) > 2:
            self.pop_screen()

    def action_back(self) -> None:
        if self.main is not None:
            self.main.go_history(-1)

    def action_forward(self) -> None:
        if self.main is not None:
            self.main.go_history(1)

    def action_help(self) -> None:
        from tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_search(self) -> None:
        from tui.ui.screens.search import SearchScreen

        if self.db is not None and not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_toggle_dark(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def action_open_screen(self, module: str, cls: str) -> None:
        """Push a screen by import path (used by the palette entries of :data:`EXTRA_SCREENS`)."""
        screen_cls = getattr(importlib.import_module(module), cls)
        if self.db is None:
            self.notify("The database is not open yet.", severity="warning")
        elif not isinstance(self.screen, screen_cls):
            self.push_screen(screen_cls())

    # -- command palette -----------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        fixed = [
            ("Help", "All keys (F1, ?)", self.action_help),
            ("Search", "Full-text search of every document (/)", self.action_search),
            ("Back", "Previous place in the history (<, alt+left)", self.action_back),
            ("Forward", "Next place in the history (>, alt+right)", self.action_forward),
            ("Light/dark theme", "Switch between the light and dark theme (F2)", self.action_toggle_dark),
        ]
        for title, help_text, callback in fixed:
            yield SystemCommand(title, help_text, callback)
        for entry in self.extra_screens:
            if importlib.util.find_spec(entry.module) is not None:
                help_text = f"{entry.help} ({entry.key})" if entry.key else entry.help
                yield SystemCommand(
                    entry.title, help_text, partial(self.action_open_screen, entry.module, entry.cls)
                )
        yield from self._binding_commands(screen)

    def _binding_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every binding active where the palette was opened, so the palette lists every action."""
        seen = {"help", "search", "back", "forward", "toggle_dark", "command_palette", "quit"}
        for active in screen.active_bindings.values():
            b = active.binding
            if not b.description or b.action in seen or not active.enabled:
                continue
            if b.action.startswith("open_screen"):  # listed above with their own titles
                continue
            seen.add(b.action)
            node = active.node
            run = partial(self.call_later, self.run_action, b.action, node)
            yield SystemCommand(b.description, f"key {self.get_key_display(b)} · {type(node).__name__}", run)


def _first_text(con: duckdb.DuckDBPyConnection, outline):
    """The text the main screen opens on, read with the outline: its first paint is then complete."""
    from tui.store.reader import load_section

    if not outline.documents:
        return None
    doc = outline.documents[0].doc_id
    starts = [s.line_start for s in outline.sections if s.doc_id == doc and s.parent_id is None]
    return load_section(con, doc, None, starts)


def make_app(db_path: Path, settings: Settings | None = None) -> ExplorerApp:
    """The one way to build the explorer: used by ``imss`` and by the tests."""
    return ExplorerApp(db_path, settings)
