"""A form for the parameters of a saved query: one input per parameter, or a pick list.

Inputs start at the header's default; a parameter with ``-- choices`` becomes a Select once its
values arrive (:meth:`ParamForm.set_choices`). ``values`` returns the text of every field.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select

from tui.store.saved import Param, SavedQuery

INPUT_TYPE = {"int": "integer", "float": "number"}
EMPTY_LABEL = "(empty: all)"


def choice_options(param: Param, values: list[object]) -> list[tuple[str, str]]:
    """(label, value) pairs of the pick list; the default always comes first."""
    texts = [str(v) for v in values if v is not None]
    if param.default not in texts:
        texts.insert(0, param.default)
    return [(t if t else EMPTY_LABEL, t) for t in dict.fromkeys(texts)]


class ParamForm(VerticalScroll):
    """One row per parameter: name, field, help."""

    DEFAULT_CSS = """
    ParamForm { height: auto; max-height: 12; }
    ParamForm .param-row { height: auto; }
    ParamForm .param-name { width: 16; padding: 1 1 0 1; text-style: bold; }
    ParamForm .param-field { width: 1fr; max-width: 40; }
    ParamForm .param-help { width: 1fr; padding: 1 1 0 1; color: $text-muted; }
    ParamForm .param-none { color: $text-muted; padding: 0 1; }
    """

    def __init__(self, query: SavedQuery | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saved = query

    def compose(self) -> ComposeResult:
        if self.saved is None or not self.saved.params:
            yield Label("No parameters: F5 or Enter runs it.", classes="param-none")
            return
        for p in self.saved.params:
            with Horizontal(classes="param-row"):
                yield Label(p.name, classes="param-name")
                yield Input(
                    p.default,
                    type=INPUT_TYPE.get(p.type, "text"),
                    placeholder=p.type,
                    id=f"param-{p.name}",
                    classes="param-field",
                )
                yield Label(f"{p.help} ({p.type})", classes="param-help")

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = getattr(self.app, "cursor_blink", False)

    async def set_choices(self, name: str, values: list[object]) -> None:
        """Replace the input of ``name`` by a Select of ``values`` (keeping what was typed)."""
        param = self.saved.param(name) if self.saved else None
        found = self.query(f"#param-{name}")
        if param is None or not found:
            return
        old = found.first()
        current = old.value if isinstance(old, Input) else param.default
        options = choice_options(param, values)
        if current not in {v for _, v in options}:
            options.insert(0, (current or EMPTY_LABEL, current))
        select = Select(options, allow_blank=False, value=current, id=f"param-{name}", classes="param-field")
        had_focus, row = old.has_focus, old.parent
        await old.remove()
        await row.mount(select, after=row.children[0])
        if had_focus:
            select.focus()

    def values(self) -> dict[str, str]:
        """The text of every field, by parameter name."""
        out: dict[str, str] = {}
        for p in self.saved.params if self.saved else []:
            field = self.query_one(f"#param-{p.name}")
            value = field.value
            out[p.name] = "" if value is Select.NULL else str(value)
        return out

    def set_value(self, name: str, text: str) -> None:
        field = self.query_one(f"#param-{name}")
        field.value = text

    def first_field(self):
        found = self.query(".param-field")
        return found.first() if found else None
