"""The calendar file formats the app and the CLI write (kept apart: the app's palette
names them at start-up, before the writers and their libraries are needed)."""

from __future__ import annotations

from typing import Literal

CalendarFormat = Literal["ics", "csv"]
CALENDAR_FORMATS: tuple[CalendarFormat, ...] = ("ics", "csv")
