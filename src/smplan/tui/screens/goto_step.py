"""Go to a step: the digit of the step right after the go-to key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smplan.i18n import t
from smplan.tui.keys import replace_bindings


class GoToStep(ModalScreen[int | None]):
    def __init__(self) -> None:
        super().__init__()
        replace_bindings(
            self,
            BindingsMap(
                [
                    Binding("escape", "dismiss(None)", t("key.cancel")),
                    *[
                        Binding(str(n), f"dismiss({n})", t(f"step.{n}"), show=False)
                        for n in range(8)
                    ],
                ]
            ),
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="goto-dialog"):
            yield Static(t("goto.title"), classes="dialog-title")
            yield OptionList(
                *[Option(f"{n}  {t(f'step.{n}')}", id=str(n)) for n in range(0, 8)], compact=True
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)
