"""A one-line choice from a list (a Select) that takes enter and escape at once.

Textual 8.2.8's Select takes a choice from its open menu by messages that travel
from the menu up to the select, which then asks for focus back with
``focus()``. A key typed right after (Tab to the next field, as ssh delivers a
burst) reaches the menu before that, and focus then jumps back to the picker:
the next field's text lands in the picker. Here enter and escape on the open
menu are dealt with by the picker itself as the key passes on its way up: the
value is set, the menu closed and focus moved before the next key is handed out
(see ``smplan.tui.key_order``).

Letters typed on the open menu find an option by the start of its label or of a
word in it ("ins" Instagram, "y" "per year"), one search while they come within
a second of each other. Textual's own search starts again after 0.7 s and takes
any letter inside a label, the menu's "(none)" included: typed at 0.8 s a key,
"ins" chose Snapchat.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.widgets import OptionList, Select
from textual.widgets.select import NoSelection

from smplan.tui.type_ahead import TypeAhead


class Picker(Select[str]):
    """A Select whose menu answers enter (choose) and escape (close) before the next key."""

    def __init__(self, options: Iterable[tuple[RenderableType, str]], **kwargs: Any) -> None:
        options = list(options)
        super().__init__(options, type_to_search=False, **kwargs)
        self._values = self._menu_values(options)
        self._labels = self._menu_labels(options)
        self._type_ahead = TypeAhead(words=True)

    def _menu_values(
        self, options: Iterable[tuple[RenderableType, str]]
    ) -> list[str | NoSelection]:
        # The menu lists "no value" first, then the options (as Select builds it).
        return [Select.NULL, *(value for _label, value in options)]

    def _menu_labels(self, options: Iterable[tuple[RenderableType, str]]) -> list[str]:
        return ["", *(_plain(label) for label, _value in options)]

    def set_options(self, options: Iterable[tuple[RenderableType, str]]) -> None:
        options = list(options)
        self._values = self._menu_values(options)
        self._labels = self._menu_labels(options)
        super().set_options(options)

    def on_key(self, event: events.Key) -> None:
        if not self.expanded:
            return
        menu = self.query_one(OptionList)
        if not menu.has_focus or menu.option_count != len(self._values):
            return
        if event.is_printable and event.character is not None:
            event.stop()
            event.prevent_default()
            found = self._type_ahead.find(event.character, self._labels, menu.highlighted)
            if found is not None:
                menu.highlighted = found
                menu.scroll_to_highlight()
            return
        if event.key not in ("enter", "escape"):
            return
        event.stop()
        event.prevent_default()
        if event.key == "enter" and menu.highlighted is not None:
            value = self._values[menu.highlighted]
            if value != self.value:
                self.value = value
        self.expanded = False
        self.screen.set_focus(self)


def _plain(label: RenderableType) -> str:
    """A menu label as plain text."""
    return label.plain if isinstance(label, Text) else str(label)
