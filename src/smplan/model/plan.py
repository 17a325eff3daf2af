"""The whole plan: the root of the file."""

from __future__ import annotations

from pydantic import Field

from smplan.model.audit import Audit
from smplan.model.base import PlanTable, empty_list
from smplan.model.calendar import CalendarItem
from smplan.model.goals import Goal, Objective, SmartSettings
from smplan.model.measurement import Measurement
from smplan.model.personas import Persona
from smplan.model.resources import Resources
from smplan.model.strategy import Strategy
from smplan.model.types import Count, Date, Flag, Flavor, Language, Text

#: The newest ``schema`` this version of smplan reads and writes.
SCHEMA_VERSION = 1


class PlanInfo(PlanTable):
    title: Text | None = None
    organization: Text | None = None
    owner: Text | None = None
    period_start: Date | None = None
    period_end: Date | None = None
    currency: Text | None = None
    language: Language | None = None
    #: IANA time zone of timed calendar items (default UTC); checked by the structure check.
    timezone: Text | None = None


class ExportSettings(PlanTable):
    markdown: Flag = True
    #: Write ``<plan>.ics`` (the calendar as iCalendar) beside the plan on every save.
    ics: Flag = False
    flavor: Flavor | None = None


class Plan(PlanTable):
    schema_version: Count | None = Field(default=None, alias="schema")
    plan: PlanInfo = Field(default_factory=PlanInfo)
    audit: Audit = Field(default_factory=Audit)
    personas: list[Persona] = Field(default_factory=empty_list)
    resources: Resources = Field(default_factory=Resources)
    objectives: list[Objective] = Field(default_factory=empty_list)
    goals: list[Goal] = Field(default_factory=empty_list)
    strategy: Strategy = Field(default_factory=Strategy)
    calendar: list[CalendarItem] = Field(default_factory=empty_list)
    measurement: Measurement = Field(default_factory=Measurement)
    export: ExportSettings = Field(default_factory=ExportSettings)
    #: Overrides of the SMART checker's benchmarks (docs/smart.md).
    smart: SmartSettings = Field(default_factory=SmartSettings)

    @property
    def language(self) -> Language:
        return self.plan.language or "en"

    @property
    def currency(self) -> str:
        return (self.plan.currency or "USD").upper()


#: The step each top-level key belongs to, in the order of the method; the store
#: uses it to place new tables and banners.
STEP_OF_KEY: dict[str, int] = {
    "schema": 0,
    "plan": 0,
    "audit": 1,
    "personas": 2,
    "resources": 3,
    "objectives": 4,
    "goals": 4,
    "strategy": 5,
    "calendar": 6,
    "measurement": 7,
    "export": 8,
}
