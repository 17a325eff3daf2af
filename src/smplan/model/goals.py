"""Step 4: objectives and SMART goals."""

from __future__ import annotations

from pydantic import Field

from smplan.model.base import PlanTable, empty_dict, empty_list
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
    personas: list[Text] = Field(default_factory=empty_list)
    #: Work on the goal outside calendar items (community management, reporting).
    hours_per_week: Number | None = None


class SmartSettings(PlanTable):
    """The plan's own benchmarks for the SMART checker, over the built-in table.

    Same keys as ``smplan/data/benchmarks.toml``; see docs/smart.md.
    """

    #: Network -> {followers from which the figure applies: monthly growth in %}.
    growth: dict[str, dict[str, Number]] = Field(default_factory=empty_dict)
    #: Denominator ("followers", "impressions") -> {network: median engagement in %}.
    engagement: dict[str, dict[str, Number]] = Field(default_factory=empty_dict)
    #: Thresholds of the rules, by name.
    rules: dict[str, Number] = Field(default_factory=empty_dict)
