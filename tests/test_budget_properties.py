"""Properties of the budget tracker on arbitrary plans: no crash, parts add up exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smplan.checks.budget import budget_findings, compute_budget
from tests.budget_helpers import make_plan

ZERO = Decimal(0)
days = st.dates(min_value=dt.date(2026, 6, 1), max_value=dt.date(2028, 6, 30))
maybe_days = st.none() | days
amounts = st.decimals(
    min_value=-1000, max_value=10**9, places=3, allow_nan=False, allow_infinity=False
)
whole_amounts = st.integers(min_value=0, max_value=10**12).map(Decimal)
money = st.none() | amounts | whole_amounts
hours = st.none() | st.decimals(
    min_value=0, max_value=80, places=2, allow_nan=False, allow_infinity=False
)
owners = st.sampled_from([None, "dewi", "budi", "ghost"])
links = st.sampled_from([None, "instagram", "tiktok"])
goal_ids = st.sampled_from([None, "g1", "g2"])

team = st.lists(
    st.fixed_dictionaries({"id": st.sampled_from(["dewi", "budi", ""]), "hours_per_week": hours}),
    max_size=3,
)
tools = st.lists(
    st.fixed_dictionaries({"cost": money, "per": st.sampled_from([None, "month", "year", "once"])}),
    max_size=4,
)
allocations = st.lists(
    st.fixed_dictionaries(
        {
            "amount": money,
            "network": links,
            "goal": goal_ids,
            "start": maybe_days,
            "end": maybe_days,
        }
    ),
    max_size=4,
)
goals = st.lists(
    st.fixed_dictionaries(
        {
            "id": goal_ids.map(lambda g: g or "g0"),
            "owner": owners,
            "hours_per_week": hours,
            "start": maybe_days,
            "deadline": maybe_days,
        }
    ),
    max_size=3,
)
calendar = st.lists(
    st.fixed_dictionaries(
        {
            "date": maybe_days,
            "owner": owners,
            "network": links,
            "goal": goal_ids,
            "cost": money,
            "hours": hours,
        }
    ),
    max_size=30,
)


def clean(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in item.items() if v is not None} for item in items]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=maybe_days,
    end=maybe_days,
    currency=st.sampled_from(["IDR", "USD", "JPY", "EUR"]),
    budget=money,
    team=team,
    tools=tools,
    allocations=allocations,
    goals=goals,
    calendar=calendar,
)
def test_reports_add_up_exactly(**spec: Any) -> None:
    plan = make_plan(
        start=spec["start"],
        end=spec["end"],
        currency=spec["currency"],
        budget=spec["budget"],
        team=clean(spec["team"]),
        tools=clean(spec["tools"]),
        allocations=clean(spec["allocations"]),
        goals=clean(spec["goals"]),
        calendar=clean(spec["calendar"]),
    )
    report = compute_budget(plan, today=dt.date(2027, 6, 1))
    m = report.money
    assert m.committed == sum(m.by_category.values(), ZERO)
    assert m.committed == sum(m.by_month.values(), ZERO) + m.undated
    assert m.committed == sum(m.by_network.values(), ZERO)
    assert m.committed == sum(m.by_goal.values(), ZERO)
    written = sum((a.amount or ZERO for a in plan.resources.allocations), ZERO) + sum(
        (i.cost or ZERO for i in plan.calendar), ZERO
    )
    # Whatever is not a tool is either committed in the period or left outside.
    assert m.committed - m.by_category["tools"] + m.outside == written
    if m.available is not None:
        assert sum(m.budget_by_month.values(), ZERO) == m.available
        assert m.remaining == m.available - m.committed
    assert list(m.by_month) == sorted(m.by_month)
    first_month = report.period_start.replace(day=1)
    assert all(first_month <= month <= report.period_end for month in m.by_month)

    h = report.hours
    for person in h.people:
        assert person.assigned_total == sum(person.by_week.values(), ZERO) + person.undated
        assert person.assigned_total == sum(person.by_month.values(), ZERO) + person.undated
        assert person.capacity_total == sum(person.capacity_by_week.values(), ZERO)
        assert person.capacity_total == sum(person.capacity_by_month.values(), ZERO)
        assert all(week.weekday() == 0 for week in person.by_week)
    assert h.assigned_total == sum((p.assigned_total for p in h.people), ZERO)

    for lang in ("en", "id"):
        for finding in budget_findings(plan, lang, report):  # type: ignore[arg-type]
            assert finding.message
            assert finding.level in ("warning", "info")
