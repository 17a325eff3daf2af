"""Ask for a file path (saving a plan that has none yet)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from smplan.i18n import t
from smplan.tui.keys import replace_bindings


class AskPath(ModalScreen[str | None]):
    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        replace_bindings(self, BindingsMap([Binding("escape", "dismiss(None)", t("key.cancel"))]))
        self.prompt = prompt
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.prompt, classes="dialog-text")
            yield Input(self.value, id="path-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
