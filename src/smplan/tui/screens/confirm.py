"""A question with a few answers, each with its own key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from smplan.tui.keys import CHOICE_KEYS, bindings
from smplan.tui.screens.described import DescribedKeys


class ChoiceDialog(DescribedKeys, ModalScreen[str], inherit_bindings=False):
    """Dismisses with the chosen answer's id; escape gives ``"cancel"``."""

    # Only these keys (not a screen's own): tab and arrows move between the
    # answers, or only the default answer could be chosen from the keyboard.
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(CHOICE_KEYS),
        Binding("tab,right", "app.focus_next", show=False),
        Binding("shift+tab,left", "app.focus_previous", show=False),
    ]

    def __init__(self, question: str, answers: list[tuple[str, str]], default: str) -> None:
        super().__init__(classes="choice-dialog")
        self.question = question
        self.answers = answers
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                for answer, label in self.answers:
                    yield Button(
                        label,
                        id=f"answer-{answer}",
                        variant="primary" if answer == self.default else "default",
                    )

    def on_mount(self) -> None:
        self.query_one(f"#answer-{self.default}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "answer-cancel").removeprefix("answer-"))

    def action_choose(self, answer: str) -> None:
        self.dismiss(answer)
