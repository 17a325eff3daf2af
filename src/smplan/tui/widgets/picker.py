"""A one-line choice from a list: the value on one line, a menu under it when opened.

It looks and answers the keys as Textual's compact ``Select`` does (enter, space,
up or down open the menu; up, down, home, end and the page keys move in it;
enter chooses; escape closes), with two differences that come from one design:
the picker keeps focus while its menu is open, and the menu is only built the
first time it opens.

- Focus stays: Textual 8.2.8's Select moves focus to its menu and takes a choice
  back by messages that travel up to the select, which then asks for focus with
  ``focus()``. A key typed right after (Tab to the next field, as ssh delivers a
  burst) reached the menu before that, and the next field's text landed in the
  picker. Here every key goes to the picker, which moves the menu's highlight
  and takes the choice itself, in the order the keys come.
- Two widgets, not six: a Select is itself, a row for the value, three statics
  (the label and two arrows) and its menu, built with every option whether it
  is ever opened or not. Mounting one took about 8 ms, against about 1.3 ms for
  this picker; a calendar step has nine pickers.

Letters typed on the open menu find an option by the start of its label or of a
word in it ("ins" Instagram, "y" "per year"), one search while they come within
a second of each other. Textual's own search starts again after 0.7 s and takes
any letter inside a label, the menu's "(none)" included: typed at 0.8 s a key,
"ins" chose Snapchat.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.select import NULL, NoSelection

from smplan.tui.keys import PICKER_KEYS, bindings
from smplan.tui.type_ahead import TypeAhead
from smplan.tui.widgets.classes import COMPACT, compact_reactive

#: What a picker's value is when nothing is chosen (Textual's ``Select.NULL``).
Value = str | NoSelection

#: Keys that open a closed picker's menu (as Select's binding).
OPENERS = frozenset({"enter", "space", "up", "down"})
#: Keys that move the highlight of an open menu, and the menu's action for each.
MOVES = {
    "up": "cursor_up",
    "down": "cursor_down",
    "home": "first",
    "end": "last",
    "pageup": "page_up",
    "pagedown": "page_down",
}


class PickerLine(Widget):
    """The picker's value (or its prompt, dimmed) and the arrow, on one line."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"picker-line--dim"}
    ALLOW_SELECT = False

    def __init__(self, prompt: str) -> None:
        super().__init__()
        self.label: RenderableType = prompt
        self.chosen = False
        self.expanded = False

    def render(self) -> LabelAndArrow:
        # The colour alone (blended with the row's background, as a Static's would be).
        dim = Style(color=self.get_component_rich_style("picker-line--dim").color)
        label = self.label if isinstance(self.label, Text) else Text(str(self.label))
        label = label.copy()
        if not self.chosen:
            label.stylize(dim)
        return LabelAndArrow(label, Text("▲" if self.expanded else "▼", style=dim))


class LabelAndArrow:
    """The label wrapped as a Static's would be, then a space and the arrow on its
    first line. Drawn at the width it is given, which ``render`` does not know:
    asking the widget its size there made Textual place every widget of the
    screen first."""

    def __init__(self, label: Text, arrow: Text) -> None:
        self.label = label
        self.arrow = arrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = max(1, options.max_width - 2)
        lines = self.label.wrap(console, room, overflow="fold") or [Text("")]
        for line in lines:
            line.truncate(room, pad=True)
        lines[0].append_text(Text.assemble(" ", self.arrow))
        yield Text("\n").join(lines)


class PickerMenu(OptionList, can_focus=False):
    """The open picker's options; the picker keeps focus and moves its highlight."""

    ALLOW_SELECT = False
    compact = compact_reactive()


class Picker(Widget, can_focus=True):
    """A value chosen from ``options`` ((label, value) pairs), or none (``Picker.NULL``)."""

    NULL = NULL
    #: Escape closes an open menu: a binding, so that the footer says so while the
    #: menu is open (``check_action``) and the screen's escape applies otherwise.
    BINDINGS: ClassVar[list[BindingType]] = bindings(PICKER_KEYS)

    DEFAULT_CSS = """
    Picker {
        layout: vertical;
        width: 1fr;
        height: auto;
        color: $foreground;
        & > PickerLine {
            width: 1fr;
            height: auto;
            padding: 0 1 0 0;
            color: $foreground;
            background: $surface;
            & > .picker-line--dim {
                color: $foreground 50%;
            }
        }
        &:focus > PickerLine {
            background-tint: $foreground 5%;
        }
        & > PickerMenu {
            width: 1fr;
            display: none;
            height: auto;
            max-height: 12;
            overlay: screen;
            constrain: none inside;
            color: $foreground;
            background: $surface;
            background-tint: $foreground 5%;
            & > .option-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        &.-expanded > PickerMenu {
            display: block;
        }
    }
    """

    class Changed(Message):
        """The picker's value changed (chosen, or set by the program)."""

        def __init__(self, picker: Picker, value: Value) -> None:
            super().__init__()
            self.picker = picker
            self.value = value

        @property
        def control(self) -> Picker:
            return self.picker

    def __init__(
        self,
        options: Iterable[tuple[RenderableType, str]],
        *,
        prompt: str,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.prompt = prompt
        self._options: list[tuple[RenderableType, str]] = []
        self._value: Value = NULL
        self._expanded = False
        #: The highlighted row of the menu (0: "no value"), kept here so that keys
        #: move it before the menu is even built.
        self._highlight = 0
        self._line = PickerLine(prompt)
        self._menu: PickerMenu | None = None
        self._type_ahead = TypeAhead(words=True)
        self._set_options(options)

    def compose(self) -> ComposeResult:
        yield self._line

    # -- options and value ---------------------------------------------------

    def _set_options(self, options: Iterable[tuple[RenderableType, str]]) -> None:
        self._options = list(options)
        self._labels = ["", *(_plain(label) for label, _value in self._options)]

    def set_options(self, options: Iterable[tuple[RenderableType, str]]) -> None:
        """Offer ``options`` instead; the value stays if it is among them, else none."""
        self._set_options(options)
        if self._menu is not None:
            self._menu.set_options(self._menu_options())
        if self._value is not NULL and self._value not in self._values():
            self.value = NULL
        else:
            self._show_value()

    def _values(self) -> list[Value]:
        return [NULL, *(value for _label, value in self._options)]

    @property
    def value(self) -> Value:
        """The chosen value, or ``Picker.NULL``."""
        return self._value

    @value.setter
    def value(self, value: Value) -> None:
        if value == self._value:
            return
        self._value = value
        self._show_value()
        self.post_message(self.Changed(self, value))

    def clear(self) -> None:
        """Choose nothing."""
        self.value = NULL

    def _show_value(self) -> None:
        line = self._line
        label: RenderableType = self.prompt
        line.chosen = self._value is not NULL
        if line.chosen:
            label = next((lab for lab, v in self._options if v == self._value), str(self._value))
        line.label = label
        line.refresh()

    # -- the menu --------------------------------------------------------------

    @property
    def expanded(self) -> bool:
        """True while the menu is open."""
        return self._expanded

    @expanded.setter
    def expanded(self, expanded: bool) -> None:
        if expanded == self._expanded:
            return
        self._expanded = expanded
        self.set_class(expanded, "-expanded")
        self._line.expanded = expanded
        self._line.refresh()
        self.refresh_bindings()  # the footer shows escape while the menu is open
        if expanded:
            values = self._values()
            self._highlight = values.index(self._value) if self._value in values else 0
            if self._menu is None:
                self._menu = PickerMenu(*self._menu_options(), compact=True, classes=COMPACT)
                self.mount(self._menu)
                self.call_after_refresh(self._follow_highlight)
            else:
                self._follow_highlight()

    def _menu_options(self) -> list[RenderableType]:
        return [Text(self.prompt, style="dim"), *(label for label, _value in self._options)]

    def _follow_highlight(self) -> None:
        menu = self._menu
        if menu is not None and menu.is_mounted:
            menu.highlighted = self._highlight
            menu.scroll_to_highlight()

    def _move(self, action: str) -> None:
        menu = self._menu
        if menu is not None and menu.is_mounted and menu.option_count == len(self._labels):
            # The menu knows its height (the page keys) and where each move ends.
            menu.highlighted = self._highlight
            getattr(menu, f"action_{action}")()
            self._highlight = menu.highlighted if menu.highlighted is not None else 0
            return
        last = len(self._labels) - 1
        step = {"cursor_up": -1, "cursor_down": 1, "page_up": -10, "page_down": 10}
        if action == "first":
            self._highlight = 0
        elif action == "last":
            self._highlight = last
        else:
            self._highlight = min(last, max(0, self._highlight + step[action]))

    def _choose(self, index: int) -> None:
        values = self._values()
        if 0 <= index < len(values):
            self.value = values[index]
        self.expanded = False

    # -- keys and clicks -------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if not self._expanded:
            if event.key in OPENERS:
                event.stop()
                event.prevent_default()
                self.expanded = True
            return
        key = event.key
        if key in MOVES:
            self._move(MOVES[key])
        elif key == "enter":
            self._choose(self._highlight)
        elif event.is_printable and event.character is not None:
            found = self._type_ahead.find(event.character, self._labels, self._highlight)
            if found is not None:
                self._highlight = found
        else:
            return  # escape goes to the binding; Tab and the app's keys go on
        event.stop()
        event.prevent_default()
        self._follow_highlight()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_menu":
            return self._expanded
        return True

    def action_close_menu(self) -> None:
        self.expanded = False

    def on_blur(self) -> None:
        self.expanded = False

    def on_click(self, event: events.Click) -> None:
        # A click on the value opens or closes the menu; one on an option chooses it
        # (the menu says which, below).
        if event.widget is self._line:
            event.stop()
            self.focus()
            self.expanded = not self._expanded

    @on(OptionList.OptionSelected)
    def _option_clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    @on(OptionList.OptionHighlighted)
    def _option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()


def _plain(label: Any) -> str:
    """A menu label as plain text."""
    return label.plain if isinstance(label, Text) else str(label)
