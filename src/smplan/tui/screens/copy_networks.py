"""Choose the networks a calendar item is copied to: space picks, enter copies.

The list is the plan's other networks (its strategy cards', then the ones the
calendar uses). Nothing is chosen at first: enter with nothing chosen says how
to choose rather than closing, so a stray enter copies nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from smplan.i18n import current_language, t
from smplan.i18n.values import display_name
from smplan.tui.keys import COPY_NETWORKS_KEYS, bindings
from smplan.tui.markup import escape
from smplan.tui.screens.described import DescribedKeys


class NetworksAsked(Message):
    """The calendar wants an item copied to networks the person chooses."""

    def __init__(
        self, title: str, networks: Sequence[str], copy: Callable[[list[str]], None]
    ) -> None:
        super().__init__()
        #: The item's name as the dialog's title shows it.
        self.title = title
        self.networks = list(networks)
        #: Makes the copies; called only with at least one network.
        self.copy = copy


class CopyToNetworks(DescribedKeys, ModalScreen[list[str] | None], inherit_bindings=False):
    """Dismisses with the chosen networks in the list's order, or None (escape)."""

    # Enter has priority: the list's own enter would only toggle the option.
    BINDINGS: ClassVar[list[BindingType]] = bindings(COPY_NETWORKS_KEYS)

    def __init__(self, title: str, networks: Sequence[str]) -> None:
        super().__init__(classes="copy-networks")
        self.item_title = title
        self.networks = list(networks)

    def compose(self) -> ComposeResult:
        lang = current_language()
        with Vertical(classes="dialog", id="copy-networks-dialog"):
            yield Static(
                escape(t("copy-networks.title", None, title=self.item_title)),
                classes="dialog-title",
            )
            yield SelectionList[str](
                *[(Text(display_name("network", n, lang)), n) for n in self.networks],
                id="copy-networks-list",
                compact=True,
            )
            yield Static(t("copy-networks.hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    @property
    def chosen(self) -> list[str]:
        """The networks chosen so far, in the list's order."""
        picked = set(self.query_one(SelectionList).selected)
        return [network for network in self.networks if network in picked]

    def action_copy(self) -> None:
        chosen = self.chosen
        if not chosen:
            self.notify(t("copy-networks.none-chosen"), severity="warning", timeout=4)
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
