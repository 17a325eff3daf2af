"""A question with a few answers, each with its own key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from smplan.i18n import t
from smplan.tui.keys import replace_bindings


class ChoiceDialog(ModalScreen[str]):
    """Dismisses with the chosen answer's id; escape gives ``"cancel"``."""

    def __init__(self, question: str, answers: list[tuple[str, str]], default: str) -> None:
        super().__init__(classes="choice-dialog")
        # Replacing the screen's bindings drops its tab keys: give them back (and arrows),
        # or only the default answer could be chosen from the keyboard.
        replace_bindings(
            self,
            BindingsMap(
                [
                    Binding("escape", "choose('cancel')", t("key.cancel")),
                    Binding("tab,right", "app.focus_next", show=False),
                    Binding("shift+tab,left", "app.focus_previous", show=False),
                ]
            ),
        )
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
