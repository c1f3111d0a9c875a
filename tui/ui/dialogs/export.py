"""Choosing where and how to export a table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from tui.ui.exporting import FORMATS


@dataclass(frozen=True, slots=True)
class ExportRequest:
    path: Path
    fmt: str


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Format and file name; the caller asks before overwriting."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, base_name: str) -> None:
        super().__init__(classes="dialog-screen")
        self.base_name = base_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Export the table (rows as filtered and sorted)", classes="dialog-title")
            with RadioSet(id="export-format"):
                for i, fmt in enumerate(FORMATS):
                    yield RadioButton(fmt.upper(), value=i == 0, name=fmt)
            yield Input(f"{self.base_name}.csv", id="export-path")
            yield Label("", id="export-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        box = self.query_one("#export-path", Input)
        box.cursor_blink = getattr(self.app, "cursor_blink", False)
        box.focus()

    def _fmt(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else "csv"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        box = self.query_one("#export-path", Input)
        stem = Path(box.value).with_suffix("") if box.value else Path(self.base_name)
        box.value = f"{stem}.{self._fmt()}"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self.query_one("#export-error", Label).update("Type a file name.")
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self.query_one("#export-error", Label).update(f"{path} is a folder.")
            return
        self.dismiss(ExportRequest(path, self._fmt()))

    def action_cancel(self) -> None:
        self.dismiss(None)
