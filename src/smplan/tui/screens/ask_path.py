"""Ask for a file path (saving a plan that has none yet)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from smplan.tui.keys import ASK_PATH_KEYS, bindings
from smplan.tui.screens.described import DescribedKeys


def plan_folder(plan_path: Path | None) -> Path:
    """Where a path typed in answer is read from: the plan's folder (or, for a plan
    not yet saved, the folder smplan was started in)."""
    return plan_path.parent if plan_path is not None else Path.cwd()


class AskPath(DescribedKeys, ModalScreen[str | None], inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = bindings(ASK_PATH_KEYS)

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.prompt, classes="dialog-text")
            yield Input(self.value, id="path-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
