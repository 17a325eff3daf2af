"""A small plan with every step filled in, for tests of the export (``tests/fixtures/scenarios/small_every_step.toml``)."""

from __future__ import annotations

from smplan.model import Plan
from smplan.store import PlanFile
from tests.plan_fixtures import fixture_text

PLAN_TOML = fixture_text("scenarios/small_every_step.toml")


def small_plan() -> Plan:
    return PlanFile.from_text(PLAN_TOML).plan
