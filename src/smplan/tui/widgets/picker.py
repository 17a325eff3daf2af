"""A one-line choice from a list (a Select) that takes enter and escape at once.

Textual 8.2.8's Select takes a choice from its open menu by messages that travel
from the menu up to the select, which then asks for focus back with
``focus()``. A key typed right after (Tab to the next field, as ssh delivers a
burst) reaches the menu before that, and focus then jumps back to the picker:
the next field's text lands in the picker. Here enter and escape on the open
menu are dealt with by the picker itself as the key passes on its way up: the
value is set, the menu closed and focus moved before the next key is handed out
(see ``smplan.tui.key_order``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import RenderableType
from textual import events
from textual.widgets import OptionList, Select
from textual.widgets.select import NoSelection


class Picker(Select[str]):
    """A Select whose menu answers enter (choose) and escape (close) before the next key."""

    def __init__(self, options: Iterable[tuple[RenderableType, str]], **kwargs: Any) -> None:
        options = list(options)
        super().__init__(options, **kwargs)
        self._values = self._menu_values(options)

    def _menu_values(
        self, options: Iterable[tuple[RenderableType, str]]
    ) -> list[str | NoSelection]:
        # The menu lists "no value" first, then the options (as Select builds it).
        return [Select.NULL, *(value for _label, value in options)]

    def set_options(self, options: Iterable[tuple[RenderableType, str]]) -> None:
        options = list(options)
        self._values = self._menu_values(options)
        super().set_options(options)

    def on_key(self, event: events.Key) -> None:
        if not self.expanded or event.key not in ("enter", "escape"):
            return
        menu = self.query_one(OptionList)
        if not menu.has_focus or menu.option_count != len(self._values):
            return
        event.stop()
        event.prevent_default()
        if event.key == "enter" and menu.highlighted is not None:
            value = self._values[menu.highlighted]
            if value != self.value:
                self.value = value
        self.expanded = False
        self.screen.set_focus(self)
