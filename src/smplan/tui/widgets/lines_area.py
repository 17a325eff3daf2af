"""A text area for a list of short phrases, one per line, whose lines can be moved."""

from __future__ import annotations

from typing import Any

from textual.widgets import TextArea

from smplan.tui.keys import LINE_KEYS, add_bindings


class LinesArea(TextArea):
    """One list item per line: add with enter, delete the line, move it with ctrl+up/down."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_bindings(self, LINE_KEYS)

    def action_move_line(self, offset: int) -> None:
        row, column = self.cursor_location
        lines = self.text.split("\n")
        target = row + offset
        if not 0 <= row < len(lines) or not 0 <= target < len(lines):
            return
        lines[row], lines[target] = lines[target], lines[row]
        self.text = "\n".join(lines)
        self.cursor_location = (target, column)
