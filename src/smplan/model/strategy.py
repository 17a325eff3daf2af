"""Step 5: strategy and tactics per network."""

from __future__ import annotations

from pydantic import Field

from smplan.model.base import PlanTable, empty_list
from smplan.model.types import Flag, Number, Text


class NetworkStrategy(PlanTable):
    network: Text | None = None
    role: Text | None = None
    audience: Text | None = None
    personas: list[Text] = Field(default_factory=empty_list)
    tone: Text | None = None
    formats: list[Text] = Field(default_factory=empty_list)
    posts_per_week: Number | None = None
    paid: Flag | None = None
    notes: Text | None = None


class Strategy(PlanTable):
    pillars: list[Text] = Field(default_factory=empty_list)
    networks: list[NetworkStrategy] = Field(default_factory=empty_list)
