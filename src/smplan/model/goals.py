"""Step 4: objectives and SMART goals."""

from __future__ import annotations

from pydantic import Field

from smplan.model.base import PlanTable
from smplan.model.types import Date, Number, ObjectiveKind, Text


class Objective(PlanTable):
    id: Text = ""
    kind: ObjectiveKind | None = None
    statement: Text | None = None


class Goal(PlanTable):
    id: Text = ""
    statement: Text | None = None
    objective: Text | None = None
    network: Text | None = None
    kpi: Text | None = None
    baseline: Number | None = None
    target: Number | None = None
    unit: Text | None = None
    start: Date | None = None
    deadline: Date | None = None
    owner: Text | None = None
    personas: list[Text] = Field(default_factory=list)
    #: Work on the goal outside calendar items (community management, reporting).
    hours_per_week: Number | None = None
