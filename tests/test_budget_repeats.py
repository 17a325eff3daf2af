"""A repeating calendar item costs money and hours on each of its dates in the plan period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from smplan.checks.budget import budget_findings, compute_budget
from smplan.checks.smart import SmartContext
from tests.budget_helpers import make_plan

D = dt.date
TEAM = [{"id": "dewi", "hours_per_week": 10}]


def weekly(**extra: object) -> dict[str, object]:
    item: dict[str, object] = {
        "date": D(2027, 1, 5),  # a Tuesday
        "title": "Bread of the week",
        "network": "instagram",
        "owner": "dewi",
        "cost": 100,
        "hours": 2,
        "repeat": {"every": "week"},
    }
    item.update(extra)
    return item


def test_each_occurrence_costs_money_in_its_month_and_hours_in_its_week() -> None:
    report = compute_budget(make_plan(team=TEAM, calendar=[weekly()]))
    # 2027 has 52 Tuesdays, from 5 January to 28 December.
    assert report.money.committed == Decimal(5200)
    assert report.money.by_month[D(2027, 3, 1)] == Decimal(500)  # five Tuesdays in March
    assert report.money.by_network["instagram"] == Decimal(5200)
    (person,) = report.hours.people
    assert person.assigned_total == Decimal(104)
    assert person.by_week[D(2027, 1, 4)] == Decimal(2)
    # The week of 28 December 2026 holds 1-3 January 2027 only: no Tuesday of the period.
    assert person.by_week[D(2026, 12, 28)] == Decimal(0)
    assert sorted(set(person.by_week.values())) == [Decimal(0), Decimal(2)]


def test_the_rule_counts_only_inside_the_period_and_nothing_outside() -> None:
    item = weekly(date=D(2026, 6, 1), repeat={"every": "week", "until": D(2027, 1, 31)})
    report = compute_budget(make_plan(team=TEAM, calendar=[item]))
    # 2026-06-01 is a Monday: the Mondays of January 2027 are 4, 11, 18 and 25.
    assert report.money.committed == Decimal(400)
    assert report.money.outside == Decimal(0)
    assert report.hours.people[0].assigned_total == Decimal(8)


def test_except_and_until_take_occurrences_away() -> None:
    item = weekly(repeat={"every": "week", "until": D(2027, 1, 26)}, **{"except": [D(2027, 1, 12)]})
    report = compute_budget(make_plan(team=TEAM, calendar=[item]))
    assert report.money.committed == Decimal(300)  # 5, 19 and 26 January


def test_the_largest_commitments_count_the_whole_series() -> None:
    items = [weekly(), {"date": D(2027, 2, 1), "title": "Video shoot", "cost": 3000}]
    report = compute_budget(make_plan(calendar=items))
    largest = [(c.label, c.amount) for c in report.money.largest]
    assert largest[0] == ("Bread of the week", Decimal(5200))
    assert ("Video shoot", Decimal(3000)) in largest


def test_a_week_over_capacity_names_the_repeating_item() -> None:
    items = [weekly(hours=12, repeat={"every": "week", "until": D(2027, 1, 5)})]
    report = compute_budget(make_plan(team=TEAM, calendar=items))
    found = [f for f in budget_findings(make_plan(team=TEAM, calendar=items), "en", report)]
    over = [f for f in found if f.path == ("calendar", 0, "hours")]
    assert over, [f.message for f in found]


def test_a_goal_counts_the_hours_of_every_occurrence() -> None:
    plan = make_plan(
        team=TEAM,
        goals=[{"id": "g1", "owner": "dewi", "start": D(2027, 1, 1), "deadline": D(2027, 12, 31)}],
        calendar=[weekly(goal="g1")],
    )
    context = SmartContext.build(plan)
    assert context.item_hours[("g1", "dewi")] == Decimal(104)
    assert context.item_span["g1"] == (D(2027, 1, 5), D(2027, 12, 28))
