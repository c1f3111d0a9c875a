"""Saved queries (shipped and the user's): pick one, fill its parameters, run it into the grid."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui import config
from tui.store.history import user_queries_folder
from tui.store.safe import QueryError, Result
from tui.store.saved import ParamError, SavedQuery, bind, check_choices, load_queries
from tui.ui.screens.query_screen import QueryScreen
from tui.ui.widgets.key_footer import KeyFooter
from tui.ui.widgets.param_form import ParamForm
from tui.ui.widgets.query_results import QueryResults


def query_folders(settings) -> tuple:
    """(shipped, user) folders: the settings', else the checkout's and the "save as" folder."""
    shipped = getattr(settings, "queries_dir", None) or config.shipped_queries_dir()
    user = getattr(settings, "user_queries_dir", None)
    if user is None:
        fallback = user_queries_folder(None)
        user = fallback if fallback.is_dir() else None
    return shipped, user


class SavedQueriesScreen(QueryScreen):
    """List · parameters · results; every query runs in a worker and Esc cancels it."""

    DEFAULT_CSS = """
    SavedQueriesScreen #sq-top { height: 13; }
    SavedQueriesScreen #sq-list { width: 40%; min-width: 26; border: none; }
    SavedQueriesScreen #sq-list { border-right: vkey $primary-darken-2; }
    SavedQueriesScreen #sq-right { width: 1fr; }
    SavedQueriesScreen #sq-info { height: auto; max-height: 5; padding: 0 1; }
    SavedQueriesScreen #sq-form { height: 1fr; }
    SavedQueriesScreen #sq-heading { height: 1; background: $boost; padding: 0 1; color: $text-muted; }
    """

    class ChoicesLoaded(Message):
        def __init__(self, query: str, param: str, values: list | None, error: str | None) -> None:
            super().__init__()
            self.query, self.param, self.values, self.error = query, param, values, error

    class Finished(Message):
        def __init__(self, query: str, result: Result | None, error: str | None) -> None:
            super().__init__()
            self.query, self.result, self.error = query, result, error

    def __init__(self) -> None:
        super().__init__()
        self.queries: list[SavedQuery] = []
        self.errors: list[str] = []
        self.current: SavedQuery | None = None
        self.choices: dict[tuple[str, str], list] = {}

    def compose(self) -> ComposeResult:
        yield Static(
            "Saved queries · ↑↓ choose · Enter/F5 run · Tab to the parameters · Esc back", id="sq-heading"
        )
        with Horizontal(id="sq-top"):
            yield OptionList(id="sq-list")
            with Vertical(id="sq-right"):
                yield Static("", id="sq-info")
                yield Vertical(id="sq-form")
        yield QueryResults(id="sq-results")
        yield KeyFooter()

    def on_mount(self) -> None:  # QueryScreen.on_mount runs first (Textual calls each class's)
        shipped, user = query_folders(self.app.settings)
        self.queries, self.errors = load_queries(shipped, user)
        box = self.query_one("#sq-list", OptionList)
        box.set_options([Option(_entry(q), id=q.name) for q in self.queries])
        if self.errors:
            self.notify("\n".join(self.errors[:5]), title="Query files with errors", severity="warning")
        if self.queries:
            box.highlighted = 0
        else:
            self.query_one("#sq-info", Static).update(f"No saved queries in {shipped} or {user}.")
        box.focus()

    @property
    def form(self) -> ParamForm | None:
        found = self.query(ParamForm)
        return found.first() if found else None

    # -- choosing ------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#sq-list")
    async def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        query = next((q for q in self.queries if q.name == event.option.id), None)
        if query is None or query is self.current:
            return
        self.current = query
        self.query_one("#sq-info", Static).update(_info(query))
        holder = self.query_one("#sq-form", Vertical)
        await holder.remove_children()
        form = ParamForm(query)
        await holder.mount(form)
        for p in query.params:
            if p.choices_sql and (query.name, p.name) in self.choices:
                await form.set_choices(p.name, self.choices[(query.name, p.name)])
        if any(p.choices_sql and (query.name, p.name) not in self.choices for p in query.params):
            self._fetch_choices(query)

    @work(thread=True, exclusive=True, group="choices")
    def _fetch_choices(self, query: SavedQuery) -> None:
        for p in query.params:
            if not p.choices_sql:
                continue
            try:
                values = [row[0] for row in self.runner.run(p.choices_sql).rows]
            except QueryError as exc:
                self.post_message(self.ChoicesLoaded(query.name, p.name, None, str(exc)))
                continue
            self.post_message(self.ChoicesLoaded(query.name, p.name, values, None))

    async def on_saved_queries_screen_choices_loaded(self, message: ChoicesLoaded) -> None:
        if message.values is None:
            if not isinstance(message.error, str) or "cancelled" not in message.error:
                self.notify(f"pick list of {message.param}: {message.error}", severity="warning")
            return
        self.choices[(message.query, message.param)] = message.values
        form = self.form
        if form is not None and self.current is not None and self.current.name == message.query:
            await form.set_choices(message.param, message.values)

    # -- running -------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#sq-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_run()

    @on(Input.Submitted, ".param-field")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_run()

    def action_run(self) -> None:
        query, form = self.current, self.form
        if query is None or form is None:
            return
        given = form.values()
        try:
            values = bind(query, given)
        except ParamError as exc:
            self.results.show_error(str(exc))
            return
        self.start_run()
        self._run(query, given, values)

    @work(thread=True, exclusive=True, group="run")
    def _run(self, query: SavedQuery, given: dict[str, str], values: dict[str, object]) -> None:
        def fetch(sql: str) -> list:
            for p in query.params:
                if p.choices_sql == sql and (query.name, p.name) in self.choices:
                    return self.choices[(query.name, p.name)]
            return [row[0] for row in self.runner.run(sql).rows]

        try:
            check_choices(query, given, values, fetch)
            result = self.runner.run(query.sql, values)
        except (ParamError, QueryError) as exc:
            self.post_message(self.Finished(query.name, None, str(exc)))
            return
        self.post_message(self.Finished(query.name, result, None))

    def on_saved_queries_screen_finished(self, message: Finished) -> None:
        self.show_outcome(message.result, message.error, export_name=message.query)


def _entry(q: SavedQuery) -> Text:
    text = Text(q.title, style="bold")
    if q.origin == "user":
        text.append("  (yours)", style="italic")
    if q.description:
        text.append("\n" + q.description, style="dim")
    return text


def _info(q: SavedQuery) -> Text:
    text = Text.assemble((q.title, "bold"), ("  " + str(q.path), "dim"))
    if q.description:
        text.append("\n" + q.description)
    return text
