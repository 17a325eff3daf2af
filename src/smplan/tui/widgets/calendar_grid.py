"""The content calendar as a month grid or a week, with a day cursor.

The widget only draws what :mod:`smplan.presentation.calendar_grid` lays out and
says what the user asked for as messages (a day opened, an item to add on a
day); the calendar pane acts on them. It never reads the plan itself: the pane
hands it the days worked out once per edit or check (:meth:`CalendarGrid.show`).
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widget import Widget

from smplan.presentation.calendar_grid import (
    CalendarDays,
    View,
    add_months,
    month_lines,
    month_weeks,
    week_lines,
)
from smplan.tui.keys import CALENDAR_GRID_KEYS, bindings


class CalendarGrid(Widget, can_focus=True):
    """A month (7 columns, two lines a day) or a week (a line a day, a column a network)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(CALENDAR_GRID_KEYS)

    class DayOpened(Message):
        """Enter on a day: list its items."""

        def __init__(self, day: dt.date) -> None:
            super().__init__()
            self.day = day

    class AddAsked(Message):
        """``a`` on a day: add an item on that date."""

        def __init__(self, day: dt.date) -> None:
            super().__init__()
            self.day = day

    class DayMoved(Message):
        """The cursor is on another day."""

        def __init__(self, day: dt.date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="calendar-grid")
        self.view: View = "month"
        self.cursor = dt.date.today()
        self.today = dt.date.today()
        self.days: CalendarDays | None = None

    def show(
        self, days: CalendarDays, *, view: View | None = None, cursor: dt.date | None = None
    ) -> None:
        """Draw ``days`` (in ``view``, the cursor on ``cursor`` when given)."""
        self.days = days
        if view is not None:
            self.view = view
        if cursor is not None:
            self.cursor = cursor
        self.refresh(layout=True)

    def render(self) -> Text:
        if self.days is None:
            return Text("")
        draw = month_lines if self.view == "month" else week_lines
        text = Text(no_wrap=True, overflow="crop", end="")
        for n, line in enumerate(draw(self.days, self.cursor, self.today, self.size.width)):
            if n:
                text.append("\n")
            for segment, style in line:
                text.append(segment, style or None)
        return text

    def _go(self, day: dt.date) -> None:
        if day != self.cursor:
            # Only a month of another number of weeks changes the grid's height:
            # laying the pane out again costs more than drawing the grid.
            taller = self.view == "month" and len(month_weeks(day)) != len(month_weeks(self.cursor))
            self.cursor = day
            self.refresh(layout=taller)
            self.post_message(self.DayMoved(day))

    def action_move_day(self, offset: int) -> None:
        self._go(self.cursor + dt.timedelta(days=offset))

    def action_move_row(self, offset: int) -> None:
        # A row of the month is a week; a row of the week is a day.
        self._go(self.cursor + dt.timedelta(days=offset * (7 if self.view == "month" else 1)))

    def action_page(self, offset: int) -> None:
        if self.view == "month":
            self._go(add_months(self.cursor, offset))
        else:
            self._go(self.cursor + dt.timedelta(days=7 * offset))

    def action_open_day(self) -> None:
        self.post_message(self.DayOpened(self.cursor))

    def action_add_on_day(self) -> None:
        self.post_message(self.AddAsked(self.cursor))
