"""The terminal's cursor, kept in the focused field.

Textual draws a field's cursor itself and hides the terminal's, but still moves
the terminal's cursor to ``App.cursor_position`` after every update. Input
methods put their composition window there, screen readers and braille
displays follow it, and so do tools that drive the program in a terminal.

Textual 8.2.8 sets that position wherever a field asks, and fields ask at
moments when they are not the focused one or not laid out:

- an ``Input`` or ``TextArea`` sets it on every change of its selection, and a
  ``TextArea`` on every scroll, focused or not: a step built ahead, hidden,
  loads its text areas and sent the cursor to the top left of the screen while
  the user typed in another step;
- a field sets it when it takes focus, from its place at that moment: a step
  just shown is not laid out yet, so the first field of a step visited put the
  cursor on the top line.

Here the position is worked out when the screen is drawn, from the field that
has focus and its place then; a widget without a text cursor (a list, a
picker) leaves the position the fields last asked for.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.app import App
from textual.geometry import Offset
from textual.widgets import Input, TextArea

ReturnType = TypeVar("ReturnType")


class FieldCursorApp(App[ReturnType], Generic[ReturnType]):
    """An app whose terminal cursor is the focused field's cursor."""

    @property
    def cursor_position(self) -> Offset:
        """Where the terminal's cursor goes (Textual reads it as it draws)."""
        if self.screen_stack:
            focused = self.screen.focused
            # Not laid out yet (no region): the next layout draws again, and asks again.
            if isinstance(focused, Input | TextArea) and focused.region:
                return focused.cursor_screen_offset
        return self._asked_cursor

    @cursor_position.setter
    def cursor_position(self, offset: Offset) -> None:
        # What a widget asked for: Textual's own setting, kept for widgets that are not fields.
        self._asked_cursor = offset
