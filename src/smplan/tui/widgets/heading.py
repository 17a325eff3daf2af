"""A list's heading with its keys: beside the heading when they fit, else below it."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget


class KeysHeading(Widget):
    """``Team (4)  ins add · del delete ...``, or the keys on a line of their own.

    Cut off, the keys would be of no use (a narrow terminal, a longer language),
    so they move below the heading instead. The choice is made when the widget is
    laid out and drawn, with the width it really has: decided earlier (when the
    list is filled) it could read a width from before the pane was laid out.
    """

    DEFAULT_CSS = """
    KeysHeading {
        height: auto;
    }
    """

    def __init__(self, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._heading = ""
        self._keys = ""

    def show(self, heading: str, keys: str) -> None:
        if (heading, keys) != (self._heading, self._keys):
            self._heading, self._keys = heading, keys
            self.refresh(layout=True)

    def _beside(self, width: int) -> bool:
        return cell_len(f"{self._heading}  {self._keys}") <= width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 if self._beside(width) else 2

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(self._heading, style="bold")
        text.append("  " if self._beside(self.content_size.width) else "\n")
        text.append(self._keys, style="dim")
        return text
