"""Every key of the explorer, generated from the bindings of its screens and widgets."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.widgets.key_footer import KeyFooter


def _sources():
    """(title, class) pairs whose BINDINGS make up the help, in the order a user meets them."""
    from tui.ui.app import ExplorerApp
    from tui.ui.screens.exhibit import ExhibitScreen
    from tui.ui.screens.fact import FactScreen
    from tui.ui.screens.main import MainScreen
    from tui.ui.widgets.data_grid import DataGrid
    from tui.ui.widgets.outline_tree import OutlineTree
    from tui.ui.widgets.section_reader import SectionReader

    return [
        ("Everywhere", ExplorerApp),
        ("Main screen", MainScreen),
        ("Outline (type letters to jump)", OutlineTree),
        ("Reader", SectionReader),
        ("Exhibit", ExhibitScreen),
        ("Table grid", DataGrid),
        ("Number", FactScreen),
    ]


EXTRA = [
    ("Everywhere", "ctrl+p", "Command palette: every action by name"),
    ("Everywhere", "ctrl+q", "Quit"),
    ("Everywhere", "tab / shift+tab", "Move focus between panes"),
    ("Outline (type letters to jump)", "↑ ↓ ← →", "Move; expand and collapse"),
    ("Outline (type letters to jump)", "q", "Quit, unless letters were just typed (then q is one more)"),
    ("Reader", "↑ ↓ enter", "Move between paragraphs; open the exhibit, number or reference"),
]


def key_display(app, binding: Binding) -> str:
    return " / ".join(app.get_key_display(Binding(k, binding.action)) for k in binding.key.split(","))


def help_table(app) -> Table:
    table = Table(show_header=False, box=None, padding=(0, 1), expand=True)
    table.add_column("key", style="bold", no_wrap=True, ratio=1)
    table.add_column("action", ratio=3)
    for title, cls in _sources():
        table.add_row(f"[reverse] {title} [/]", "")
        for b in cls.BINDINGS:
            if isinstance(b, Binding) and b.description:
                table.add_row(key_display(app, b), b.description)
        for section, key, what in EXTRA:
            if section == title:
                table.add_row(key, what)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f1,question_mark", "dismiss", "Close")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide tall", id="help"):
            yield Static(help_table(self.app), id="help-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#help").focus()
