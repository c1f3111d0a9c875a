"""Results of a user query: a one-line status or error, then the DataGrid (or a chart of it).

Also :class:`ExplorerRunner`, the sandboxed runner the SQL screens use inside the explorer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from decimal import Decimal

import duckdb
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Static

from tui.store.db import fts_extension_path, open_database
from tui.store.safe import LOCKDOWN, QueryError, Result, SafeRunner
from tui.ui.widgets.chart_view import ChartView
from tui.ui.widgets.data_grid import DataGrid, format_value

MAX_ROWS = 10_000
"""Rows put in the grid; a bigger result says how many it left out."""

_NUMERIC = re.compile(r"^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DOUBLE|FLOAT|REAL|DECIMAL.*|NUMERIC.*)$", re.I)
_PLAIN = re.compile(
    r"(^|_)(line|lines|year|years|row|col|ordinal|level|number|a[nñ]o|anio|ejercicio|periodo)(_|$)", re.I
)
"""Integer columns printed without thousands separators: line numbers and years, not amounts."""
YEARS = range(1900, 2101)


class ExplorerRunner(SafeRunner):
    """A SafeRunner that also works when DuckDB shares one locked database instance in the process.

    DuckDB gives every read-only connection to the same file in one process the same instance, and
    the lockdown settings are instance-wide: a second runner cannot apply them again, but finds
    them applied and locked, which is all the sandbox needs.
    """

    def connection(self, first_sql: str = "") -> duckdb.DuckDBPyConnection:
        if self._con is None:
            con = open_database(self.db_path)
            try:
                if _locked(con):
                    _check_locked(con)
                else:
                    if self.fts and (path := fts_extension_path()) is not None:
                        with contextlib.suppress(duckdb.Error):
                            con.execute(f"LOAD '{path.as_posix()}'")
                    for statement in LOCKDOWN:
                        con.execute(statement)
            except BaseException:
                con.close()
                raise
            self._con = con
        return self._con


def _locked(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT current_setting('lock_configuration')").fetchone()[0])


def _check_locked(con: duckdb.DuckDBPyConnection) -> None:
    names = ("enable_external_access", "autoinstall_known_extensions", "autoload_known_extensions")
    for name in names:
        if con.execute(f"SELECT current_setting('{name}')").fetchone()[0]:
            raise QueryError(f"the database is locked with {name} on: cannot run user SQL safely")


def is_numeric(type_name: str) -> bool:
    return bool(_NUMERIC.match(type_name.strip()))


def grid_values(result: Result) -> tuple[list[bool], list[list[object]], list[list[str]]]:
    """Numeric flags, raw rows (decimals as floats) and printed cells of at most MAX_ROWS rows."""
    numeric = [is_numeric(t) for t in result.types]
    rows = [[_raw(v) for v in r] for r in result.rows[:MAX_ROWS]]
    plain = [
        n and (_PLAIN.search(name) is not None or _all_years([r[c] for r in rows]))
        for c, (name, n) in enumerate(zip(result.columns, numeric, strict=True))
    ]
    display = [[_show(v, numeric[c], plain[c]) for c, v in enumerate(r)] for r in rows]
    return numeric, rows, display


def _all_years(values: list[object]) -> bool:
    """An integer column whose every value could be a year is printed as years (never ``2,019``)."""
    found = [v for v in values if v is not None]
    return bool(found) and all(isinstance(v, int) and v in YEARS for v in found)


def _raw(value: object) -> object:
    return float(value) if isinstance(value, Decimal) else value


def _show(value: object, numeric: bool, plain: bool) -> str:
    if value is None:
        return "∅"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if plain and isinstance(value, int):
        return str(value)
    text = format_value(value, numeric)
    return " ".join(text.split()) if isinstance(value, str) else text


class QueryResults(Vertical):
    """Status line (running, error, rows), then the grid; ``g`` on the grid swaps in a chart."""

    DEFAULT_CSS = """
    QueryResults { height: 1fr; }
    QueryResults > #qr-status { height: 1; padding: 0 1; background: $boost; color: $text-muted; }
    QueryResults > #qr-status.error { color: $error; text-style: bold; }
    QueryResults > #qr-views { height: 1fr; }
    """
    BINDINGS = [
        Binding("t", "show_grid", "Table", show=False),
        Binding("l", "chart_kind", "Bar/line", show=False),
    ]

    def __init__(self, *, name_for_export: str = "query", id: str | None = None) -> None:
        super().__init__(id=id)
        self.name_for_export = name_for_export
        self.result: Result | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="qr-status")
        with ContentSwitcher(initial="qr-grid", id="qr-views"):
            yield DataGrid(name_for_export=self.name_for_export, id="qr-grid")
            yield ChartView(id="qr-chart")

    @property
    def grid(self) -> DataGrid:
        return self.query_one("#qr-grid", DataGrid)

    @property
    def status(self) -> str:
        return str(self.query_one("#qr-status", Static).render())

    def set_status(self, text: str, *, error: bool = False) -> None:
        line = " ".join(text.split())
        box = self.query_one("#qr-status", Static)
        box.update(Text(line, no_wrap=True, overflow="ellipsis"))
        box.set_class(error, "error")
        box.tooltip = text if error else None

    def show_running(self) -> None:
        self.set_status("running… (Esc cancels)")

    def show_error(self, message: str) -> None:
        self.set_status(f"✗ {message}", error=True)

    def show_result(self, result: Result, export_name: str | None = None) -> None:
        self.result = result
        numeric, rows, display = grid_values(result)
        if export_name:
            self.grid.name_for_export = export_name
        self.grid.load(result.columns, rows, numeric, display=display)
        n = len(result.rows)
        shown = f"first {MAX_ROWS:,} of {n:,} rows" if n > MAX_ROWS else f"{n:,} row{'s' * (n != 1)}"
        self.set_status(
            f"{shown} in {result.seconds:.2f} s · s sort · f filter · g chart · e export · y copy"
        )
        self.query_one(ContentSwitcher).current = "qr-grid"

    def action_show_grid(self) -> None:
        self.query_one(ContentSwitcher).current = "qr-grid"
        self.grid.table.focus()

    def action_chart_kind(self) -> None:
        self.query_one(ChartView).toggle_kind()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("chart_kind", "show_grid"):
            return self.query_one(ContentSwitcher).current == "qr-chart"
        return True

    @on(DataGrid.ChartRequested)
    def _chart(self, event: DataGrid.ChartRequested) -> None:
        event.stop()
        d, chart = event.grid.data, self.query_one(ChartView)
        if not chart.plot_request(event, d.columns, d.numeric, d.display, d.rows):
            return
        self.query_one(ContentSwitcher).current = "qr-chart"
        chart.focus()

    def leave_chart(self) -> bool:
        """Back from the chart to the grid; False when the grid was showing already."""
        if self.query_one(ContentSwitcher).current != "qr-chart":
            return False
        self.action_show_grid()
        return True
