"""Step 6: the content calendar."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from smplan.model.base import PlanTable, empty_list
from smplan.model.types import Count, Date, ItemStatus, Money, Number, Text, Time

#: Days of the week as a repeat rule's ``on`` names them, Monday first (ISO order).
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RepeatUnit = Literal["week", "month"]


class Repeat(PlanTable):
    """How a calendar item repeats (rules in docs/format.md and docs/calendar.md).

    The item's ``date`` is where the repetition starts; every key is optional.
    """

    every: RepeatUnit | None = None
    #: Every how many weeks or months (default 1).
    interval: Count | None = None
    #: Weekly: the days of the week (default the weekday of the item's date).
    on: list[Weekday] = Field(default_factory=empty_list)
    #: Monthly: the day of the month (default the day of the item's date).
    day: Count | None = None
    #: The last day an occurrence may fall on (default: the end of the plan period).
    until: Date | None = None


class CalendarItem(PlanTable):
    date: Date | None = None
    time: Time | None = None
    #: Minutes the post or event lasts (a live stream, a webinar).
    duration: Count | None = None
    network: Text | None = None
    format: Text | None = None
    pillar: Text | None = None
    title: Text | None = None
    status: ItemStatus | None = None
    owner: Text | None = None
    goal: Text | None = None
    hours: Number | None = None
    cost: Money | None = None
    #: The text of the post, as it will be published (may hold line breaks).
    caption: Text | None = None
    hashtags: list[Text] = Field(default_factory=empty_list)
    #: The image or video: a path relative to the plan file, or a URL.
    asset: Text | None = None
    #: Where the post can be seen once published.
    url: Text | None = None
    repeat: Repeat | None = None
    #: Dates the repeat rule skips (an occurrence moved or changed on its own).
    except_: list[Date] = Field(default_factory=empty_list, alias="except")
    notes: Text | None = None
