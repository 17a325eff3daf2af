"""Step 6: the content calendar."""

from __future__ import annotations

from smplan.model.base import PlanTable
from smplan.model.types import Date, ItemStatus, Money, Number, Text, Time


class CalendarItem(PlanTable):
    date: Date | None = None
    time: Time | None = None
    network: Text | None = None
    format: Text | None = None
    pillar: Text | None = None
    title: Text | None = None
    status: ItemStatus | None = None
    owner: Text | None = None
    goal: Text | None = None
    hours: Number | None = None
    cost: Money | None = None
    notes: Text | None = None
