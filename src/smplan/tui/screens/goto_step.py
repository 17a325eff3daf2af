"""Go to a step: the digit of the step right after the go-to key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smplan.i18n import t
from smplan.tui.keys import GOTO_KEYS, bindings
from smplan.tui.screens.described import DescribedKeys


class GoToStep(DescribedKeys, ModalScreen[int | None], inherit_bindings=False):
    """Escape, or the digit of a step (shown in the list beside each step's name)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(GOTO_KEYS)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="goto-dialog"):
            yield Static(t("goto.title"), classes="dialog-title")
            yield OptionList(
                *[Option(f"{n}  {t(f'step.{n}')}", id=str(n)) for n in range(0, 8)], compact=True
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)
