"""Write SQL and run it on the database (read-only, sandboxed), with the schema at hand.

F5 or ctrl+r runs (no ctrl+enter: tmux does not pass it); Esc cancels a running query; ctrl+up
and ctrl+down (or alt+up/down) walk the history; ctrl+s saves the SQL as a user query.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from tui.store import history
from tui.store.safe import QueryError, Result
from tui.store.saved import QueryFileError
from tui.ui.screens.query_screen import QueryScreen
from tui.ui.widgets.key_footer import KeyFooter
from tui.ui.widgets.query_results import QueryResults
from tui.ui.widgets.schema_tree import SchemaTree

PLACEHOLDER = "SELECT doc_id, title FROM documents  -- F5 or ctrl+r runs, Esc cancels"


def make_editor(text: str = "") -> TextArea:
    """A code editor with SQL highlighting when this install has the grammar, plain otherwise."""
    editor = TextArea.code_editor(text, id="sql-text", placeholder=PLACEHOLDER, soft_wrap=True)
    editor.tab_behavior = "focus"  # Tab must leave the editor: nothing else reaches the schema
    if "sql" in editor.available_languages:
        editor.language = "sql"
    return editor


class SqlEditorScreen(QueryScreen):
    DEFAULT_CSS = """
    SqlEditorScreen #sql-top { height: 45%; min-height: 6; }
    SqlEditorScreen #sql-text { width: 1fr; border: none; }
    SqlEditorScreen #sql-schema { width: 30%; min-width: 20; max-width: 48; }
    SqlEditorScreen #sql-schema { border-left: vkey $primary-darken-2; }
    SqlEditorScreen #sql-heading { height: 1; background: $boost; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save_as", "Save as", priority=True),
        Binding("ctrl+up,alt+up", "history(-1)", "Older", priority=True),
        Binding("ctrl+down,alt+down", "history(1)", "Newer", priority=True),
    ]

    class Finished(Message):
        def __init__(self, sql: str, result: Result | None, error: str | None) -> None:
            super().__init__()
            self.sql, self.result, self.error = sql, result, error

    def __init__(self, sql: str = "") -> None:
        super().__init__()
        self.initial_sql = sql
        self.past: list[str] = []
        self.history_index = 0
        self.draft = ""

    def compose(self) -> ComposeResult:
        yield Static(
            "SQL · F5/ctrl+r run · Esc cancel · ctrl+↑↓ history · ctrl+s save as · Tab: schema, results",
            id="sql-heading",
        )
        with Horizontal(id="sql-top"):
            yield make_editor(self.initial_sql)
            yield SchemaTree(id="sql-schema")
        yield QueryResults(name_for_export="query", id="sql-results")
        yield KeyFooter()

    def on_mount(self) -> None:  # QueryScreen.on_mount runs first (Textual calls each class's)
        self.past = history.load_history()
        self.history_index = len(self.past)
        self.editor.cursor_blink = getattr(self.app, "cursor_blink", False)
        self.editor.focus()

    @property
    def editor(self) -> TextArea:
        return self.query_one("#sql-text", TextArea)

    # -- running -------------------------------------------------------------------------------

    def action_run(self) -> None:
        sql = self.editor.selected_text.strip() or self.editor.text.strip()
        if not sql:
            self.results.show_error("nothing to run: write a query first")
            return
        self.start_run()
        self._run(sql)

    @work(thread=True, exclusive=True, group="run")
    def _run(self, sql: str) -> None:
        try:
            result = self.runner.run(sql)
        except QueryError as exc:
            self.post_message(self.Finished(sql, None, str(exc)))
            return
        finally:
            history.append_history(sql)  # errors too: a typo is easier to fix than to retype
        self.post_message(self.Finished(sql, result, None))

    def on_sql_editor_screen_finished(self, message: Finished) -> None:
        if not self.past or self.past[-1] != message.sql:
            self.past.append(message.sql)
        self.history_index = len(self.past)
        self.show_outcome(message.result, message.error)

    # -- history and schema ----------------------------------------------------------------------

    def action_history(self, step: int) -> None:
        """Replace the editor text by an older (-1) or newer (+1) query; past the newest, the draft."""
        if not self.past:
            self.notify("No queries run yet.", timeout=2)
            return
        if self.history_index == len(self.past):
            self.draft = self.editor.text
        self.history_index = max(0, min(len(self.past), self.history_index + step))
        text = self.past[self.history_index] if self.history_index < len(self.past) else self.draft
        self.editor.load_text(text)
        self.editor.move_cursor(self.editor.document.end)
        self.editor.focus()

    @on(SchemaTree.Insert)
    def _insert_name(self, event: SchemaTree.Insert) -> None:
        event.stop()
        self.editor.insert(event.text)
        self.editor.focus()

    # -- save as -------------------------------------------------------------------------------

    def action_save_as(self) -> None:
        sql = self.editor.text.strip()
        if not sql:
            self.notify("Nothing to save: the editor is empty.", severity="warning")
            return
        folder = history.user_queries_folder(getattr(self.app.settings, "user_queries_dir", None))
        self.app.push_screen(SaveQueryDialog(folder, sql))


class SaveQueryDialog(ModalScreen[None]):
    """Title, description and file name of a new user query; asks before replacing a file."""

    BINDINGS = [Binding("escape", "dismiss", "Cancel")]

    def __init__(self, folder, sql: str) -> None:
        super().__init__(classes="dialog-screen")
        self.folder, self.sql = folder, sql
        self._name_edited = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Save as a query in {self.folder}", classes="dialog-title")
            yield Input(placeholder="title (required)", id="save-title")
            yield Input(placeholder="description (optional)", id="save-description")
            yield Input(placeholder="file name", id="save-name", restrict=r"[\w-]*")
            yield Static("", id="save-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = getattr(self.app, "cursor_blink", False)
        self.query_one("#save-title", Input).focus()

    @on(Input.Changed, "#save-title")
    def _title_changed(self, event: Input.Changed) -> None:
        if not self._name_edited:
            self.query_one("#save-name", Input).value = history.slug(event.value) if event.value else ""

    @on(Input.Changed, "#save-name")
    def _name_changed(self, event: Input.Changed) -> None:
        self._name_edited = self.focused is event.input and bool(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.save()
        else:
            self.dismiss(None)

    def save(self, overwrite: bool = False) -> None:
        title = self.query_one("#save-title", Input).value.strip()
        name = self.query_one("#save-name", Input).value.strip()
        if not title or not name:
            self._error("a title and a file name are needed")
            return
        description = self.query_one("#save-description", Input).value
        try:
            saved = history.save_query(self.folder, name, title, description, self.sql, overwrite=overwrite)
        except FileExistsError:
            self._ask_overwrite(name)
            return
        except QueryFileError as exc:
            self._error(str(exc))
            return
        except OSError as exc:
            self._error(f"could not write: {exc.strerror or exc}")
            return
        self.notify(f"Saved {saved.path}: it is in Saved queries as “{saved.title}”")
        self.dismiss(None)

    def _ask_overwrite(self, name: str) -> None:
        from tui.ui.dialogs.confirm import ConfirmDialog

        question = f"{self.folder / (name + '.sql')} exists. Overwrite it?"
        self.app.push_screen(ConfirmDialog(question), lambda yes: self.save(overwrite=True) if yes else None)

    def _error(self, message: str) -> None:
        self.query_one("#save-error", Static).update(message)
