"""What the SQL editor and the saved-queries screen share: a read-only runner and a result grid."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from tui.store.safe import Result
from tui.ui.widgets.query_results import ExplorerRunner, QueryResults


class QueryScreen(Screen):
    """A screen that runs queries in a worker on its own runner; Esc cancels, then goes back.

    Subclasses compose a :class:`QueryResults` and call :meth:`start_run` / :meth:`show_outcome`.
    """

    BINDINGS = [
        Binding("f5,ctrl+r", "run", "Run", priority=True),
        Binding("escape", "cancel_or_back", "Cancel/Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.runner: ExplorerRunner | None = None
        self.running = False

    def on_mount(self) -> None:
        self.runner = ExplorerRunner(self.app.db_path, fts=True)

    def on_unmount(self) -> None:
        if self.runner is not None:
            self.runner.cancel()
            self.runner.close()

    @property
    def results(self) -> QueryResults:
        return self.query_one(QueryResults)

    def start_run(self) -> None:
        """Cancel a query still running and show that a new one is."""
        if self.running and self.runner is not None:
            self.runner.cancel()
        self.running = True
        self.results.show_running()
        self.results.grid.loading = True

    def show_outcome(self, result: Result | None, error: str | None, export_name: str | None = None) -> None:
        self.running = False
        self.results.grid.loading = False
        if result is None:
            self.results.show_error(error or "failed")
        else:
            self.results.show_result(result, export_name=export_name)

    def action_cancel_or_back(self) -> None:
        if self.running and self.runner is not None:
            self.runner.cancel()
            self.results.set_status("cancelling…")
        elif not self.results.leave_chart():
            self.app.pop_screen()
