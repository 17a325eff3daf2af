"""Step 3: what we have: money, people, time and tools."""

from __future__ import annotations

from pydantic import Field

from smplan.model.base import PlanTable, empty_list
from smplan.model.types import Date, Money, Number, Text, ToolPeriod


class TeamMember(PlanTable):
    id: Text = ""
    name: Text | None = None
    role: Text | None = None
    hours_per_week: Number | None = None
    skills: list[Text] = Field(default_factory=empty_list)


class Tool(PlanTable):
    name: Text | None = None
    cost: Money | None = None
    per: ToolPeriod | None = None


class Allocation(PlanTable):
    """Money earmarked for ads, influencers or production.

    Spent evenly from ``start`` to ``end`` (both optional, the plan period by
    default) when the tracker spreads money over months.
    """

    name: Text | None = None
    amount: Money | None = None
    network: Text | None = None
    goal: Text | None = None
    start: Date | None = None
    end: Date | None = None


class Resources(PlanTable):
    budget: Money | None = None
    team: list[TeamMember] = Field(default_factory=empty_list)
    tools: list[Tool] = Field(default_factory=empty_list)
    allocations: list[Allocation] = Field(default_factory=empty_list)
