"""Fitting user text into a table row of about :data:`ROW_WIDTH` characters of source.

A wiki shows a table at its page's width: rows of about 100 characters of
Markdown source render within 1,000 px with GitHub's stylesheet. Text a user
wrote (a title, an allocation's name) that would make a row wider is cut
after a whole word with "…" here, and the export gives it whole in a list
under the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from smplan.display import cut_at_word as cut_words
from smplan.export.escape import inline, one_line

#: The widest row of a table, in characters of Markdown source (docs/export.md).
ROW_WIDTH = 100
#: A cut text keeps at least this many characters, even if the row is then wider.
MIN_CUT = 20


def row_width(cells: Sequence[str]) -> int:
    """The characters of source of a pipe-table row holding ``cells`` (``| a | b |``)."""
    return 2 + sum(len(cell) for cell in cells) + 3 * (len(cells) - 1) + 2


def cut_at_word(text: str, width: int) -> str:
    """``text`` on one line, cut after a whole word to ``width`` characters with "…"."""
    return cut_words(one_line(text), width)


def fitted(text: str, room: int, most: int, least: int = MIN_CUT) -> tuple[str, bool]:
    """``text`` escaped for a cell of at most ``room`` characters (``most`` of its own text,
    never fewer than ``least``); and whether it had to be cut."""
    line = one_line(text)
    width = max(least, min(most, room))
    while True:
        shown = inline(cut_at_word(line, width))
        # Escapes take room too: cut a little more until the cell fits.
        if len(shown) <= room or width <= least:
            return shown, cut_at_word(line, width) != line
        width = max(least, width - (len(shown) - room))
