"""A text area for a list of short phrases, one per line, whose lines can be moved."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from smplan.tui.keys import LINE_KEYS, bindings
from smplan.tui.widgets.field_area import FieldArea


class LinesArea(FieldArea):
    """One list item per line: add with enter, delete the line, move it with ctrl+up/down."""

    # TextArea's own keys stay; ours come on top.
    BINDINGS: ClassVar[list[BindingType]] = bindings(LINE_KEYS)

    def action_move_line(self, offset: int) -> None:
        row, column = self.cursor_location
        lines = self.text.split("\n")
        target = row + offset
        if not 0 <= row < len(lines) or not 0 <= target < len(lines):
            return
        lines[row], lines[target] = lines[target], lines[row]
        self.text = "\n".join(lines)
        self.cursor_location = (target, column)
