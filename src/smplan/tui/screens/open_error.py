"""A plan file that cannot be opened: the reason, and what can be done about it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from smplan.display import visible
from smplan.i18n import t
from smplan.store import PlanFileError
from smplan.tui.keys import OPEN_ERROR_KEYS, bindings
from smplan.tui.screens.described import DescribedKeys


class OpenErrorScreen(DescribedKeys, Screen[str], inherit_bindings=False):
    """Dismisses with ``"editor"`` (fix it in $EDITOR), ``"retry"`` or ``"quit"``."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(OPEN_ERROR_KEYS)

    def __init__(self, error: PlanFileError) -> None:
        # No id: "Try again" shows a new one while the old is still being removed.
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        error = self.error
        where = escape(visible(error.file))
        if error.line is not None:
            where += f", {t('problems.line')} {error.line}"
            if error.column is not None:
                where += f", {t('open-error.column')} {error.column}"
        with Vertical(classes="dialog"):
            yield Static(f"[b]{t('open-error.title')}[/b]", classes="dialog-title")
            yield Static(f"{where}\n\n{escape(visible(error.message))}", id="open-error-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("open-error.editor"), id="answer-editor", variant="primary")
                yield Button(t("open-error.retry"), id="answer-retry")
                yield Button(t("open-error.quit"), id="answer-quit")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "answer-quit").removeprefix("answer-"))

    def action_choose(self, answer: str) -> None:
        self.dismiss(answer)
