"""Pydantic models of a plan, one module per step. Nothing here imports Textual."""

from smplan.model.audit import (
    AUDIT_QUESTIONS,
    SWOT_QUADRANTS,
    Audit,
    AuditAnswers,
    Competitor,
    Profile,
    Swot,
)
from smplan.model.base import PlanTable
from smplan.model.calendar import WEEKDAYS, CalendarItem, Repeat, Weekday
from smplan.model.goals import Goal, Objective, SmartSettings
from smplan.model.measurement import Measurement, Result, Review
from smplan.model.personas import PERSONA_LISTS, Persona
from smplan.model.plan import SCHEMA_VERSION, STEP_OF_KEY, ExportSettings, Plan, PlanInfo
from smplan.model.resources import Allocation, Resources, TeamMember, Tool
from smplan.model.strategy import NetworkStrategy, Strategy

__all__ = [
    "AUDIT_QUESTIONS",
    "PERSONA_LISTS",
    "SCHEMA_VERSION",
    "STEP_OF_KEY",
    "SWOT_QUADRANTS",
    "WEEKDAYS",
    "Allocation",
    "Audit",
    "AuditAnswers",
    "CalendarItem",
    "Competitor",
    "ExportSettings",
    "Goal",
    "Measurement",
    "NetworkStrategy",
    "Objective",
    "Persona",
    "Plan",
    "PlanInfo",
    "PlanTable",
    "Profile",
    "Repeat",
    "Resources",
    "Result",
    "Review",
    "SmartSettings",
    "Strategy",
    "Swot",
    "TeamMember",
    "Tool",
    "Weekday",
]
