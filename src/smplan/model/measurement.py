"""Step 7: measurement and review."""

from __future__ import annotations

from pydantic import Field

from smplan.model.base import PlanTable, empty_list
from smplan.model.types import Cadence, Date, Number, Text


class Result(PlanTable):
    """One KPI reading for a goal."""

    goal: Text | None = None
    date: Date | None = None
    value: Number | None = None
    notes: Text | None = None


class Review(PlanTable):
    date: Date | None = None
    worked: Text | None = None
    did_not_work: Text | None = None
    changes: Text | None = None


class Measurement(PlanTable):
    cadence: Cadence | None = None
    tools: list[Text] = Field(default_factory=empty_list)
    results: list[Result] = Field(default_factory=empty_list)
    reviews: list[Review] = Field(default_factory=empty_list)
