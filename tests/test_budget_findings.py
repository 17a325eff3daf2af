"""Findings of the budget tracker: levels, codes, messages in both languages, paths."""

from __future__ import annotations

import datetime as dt

from smplan.checks import run_checks
from smplan.checks.budget import budget_findings, compute_budget
from smplan.findings import Finding
from smplan.model import Plan
from tests.budget_helpers import make_plan

# Jan 1 to Mar 31, 2027: 90 days. A 9,000,000 budget spreads as Jan 3,100,000,
# Feb 2,800,000, Mar 3,100,000 (100,000 a day).
Q1 = {"start": dt.date(2027, 1, 1), "end": dt.date(2027, 3, 31), "budget": 9_000_000}
DEWI = {"id": "dewi", "name": "Dewi", "hours_per_week": 20}


def only(findings: list[Finding], code: str) -> Finding:
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, findings
    return matching[0]


def codes(plan: Plan) -> list[str]:
    return [f.code for f in budget_findings(plan, "en")]


# -- budget-over ----------------------------------------------------------


def one_costly_item(language: str = "en") -> Plan:
    return make_plan(
        **Q1,
        language=language,
        calendar=[
            {"date": dt.date(2027, 1, 10), "title": "Post", "cost": 500_000},
            {"date": dt.date(2027, 2, 14), "title": "Shoot", "cost": 9_500_000},
        ],
    )


def test_budget_over_points_at_the_one_item_that_causes_it() -> None:
    finding = only(budget_findings(one_costly_item(), "en"), "budget-over")
    assert finding.level == "warning"
    # 500,000 + 9,500,000 = 10,000,000 committed, 1,000,000 over. Only the shoot
    # (9,500,000) covers the overrun alone. February: 9,500,000 - 2,800,000 = 6,700,000.
    assert finding.path == ("calendar", 1, "cost")
    assert finding.message == (
        "committed money (IDR 10,000,000) is over the budget (IDR 9,000,000) by IDR 1,000,000; "
        "months above their share of the budget: Feb 2027 (+IDR 6,700,000); "
        'without this item ("Shoot", IDR 9,500,000) the plan fits the budget'
    )


def test_budget_over_in_indonesian_writes_rupiah() -> None:
    plan = one_costly_item("id")
    finding = only(budget_findings(plan, None), "budget-over")
    assert finding.message == (
        "total biaya yang direncanakan (Rp 10.000.000) melebihi anggaran (Rp 9.000.000) "
        "sebesar Rp 1.000.000; bulan yang melebihi jatah anggarannya: Feb 2027 (+Rp 6.700.000); "
        'tanpa item ini ("Shoot", Rp 9.500.000) rencana masih muat dalam anggaran'
    )


def test_budget_over_with_no_single_cause_points_at_the_budget() -> None:
    plan = make_plan(
        **Q1,
        calendar=[
            {"date": dt.date(2027, 1, 10), "title": "A", "cost": 6_000_000},
            {"date": dt.date(2027, 2, 10), "title": "B", "cost": 6_000_000},
        ],
    )
    finding = only(budget_findings(plan, "en"), "budget-over")
    # 12,000,000 - 9,000,000 = 3,000,000 over: either item alone covers it.
    # Jan 6,000,000 - 3,100,000 = 2,900,000; Feb 6,000,000 - 2,800,000 = 3,200,000.
    assert finding.path == ("resources", "budget")
    assert finding.message == (
        "committed money (IDR 12,000,000) is over the budget (IDR 9,000,000) by IDR 3,000,000; "
        "months above their share of the budget: Jan 2027 (+IDR 2,900,000), "
        'Feb 2027 (+IDR 3,200,000); the largest commitment is "A" (IDR 6,000,000)'
    )


def test_budget_over_names_at_most_three_months() -> None:
    plan = make_plan(
        start=dt.date(2027, 1, 1),
        end=dt.date(2027, 12, 31),
        budget=365,  # 1 a day: each month's share is its number of days
        calendar=[
            {"date": dt.date(2027, 1, 1), "cost": 31 + 100},
            {"date": dt.date(2027, 2, 1), "cost": 28 + 500},
            {"date": dt.date(2027, 3, 1), "cost": 31 + 300},
            {"date": dt.date(2027, 4, 1), "cost": 30 + 400},
            {"date": dt.date(2027, 5, 1), "cost": 31 + 200},
        ],
    )
    message = only(budget_findings(plan, "en"), "budget-over").message
    # Five months over their share by 100, 500, 300, 400, 200: the three largest
    # (Feb, Apr, Mar) are named in date order, then the other two counted.
    assert "Feb 2027 (+IDR 500), Mar 2027 (+IDR 300), Apr 2027 (+IDR 400), and 2 more" in message


def test_budget_over_by_a_tool_points_at_its_cost() -> None:
    plan = make_plan(**Q1, tools=[{"name": "Studio", "cost": 4_000_000, "per": "month"}])
    finding = only(budget_findings(plan, "en"), "budget-over")
    # 3 x 4,000,000 = 12,000,000: the only commitment.
    assert finding.path == ("resources", "tools", 0, "cost")
    assert '"Studio", IDR 12,000,000' in finding.message


def test_no_budget_no_money_findings() -> None:
    plan = make_plan(calendar=[{"date": dt.date(2027, 2, 1), "cost": 10**12}])
    assert codes(plan) == []


def test_within_budget_no_budget_over() -> None:
    plan = make_plan(**Q1, allocations=[{"amount": 9_000_000}])
    assert codes(plan) == []


# -- budget-unallocated ---------------------------------------------------


def test_idle_budget_above_a_quarter_is_information() -> None:
    plan = make_plan(budget=100, allocations=[{"amount": 74}])
    finding = only(budget_findings(plan, "en"), "budget-unallocated")
    assert finding.level == "info"
    assert finding.path == ("resources", "budget")
    # 100 - 74 = 26 idle, 26 %.
    assert finding.message == (
        "IDR 26 (26%) of the budget (IDR 100) is not committed yet: plan what it pays for "
        "(tools, allocations, content costs), or lower the budget"
    )


def test_idle_budget_of_exactly_a_quarter_is_not_reported() -> None:
    assert codes(make_plan(budget=100, allocations=[{"amount": 75}])) == []


# -- hours-over -----------------------------------------------------------


def test_hours_over_in_one_week_points_at_the_item_that_causes_it() -> None:
    plan = make_plan(
        start=dt.date(2027, 1, 4),
        end=dt.date(2027, 1, 31),
        team=[DEWI],
        calendar=[
            {"date": dt.date(2027, 1, 11), "owner": "dewi", "title": "Reel", "hours": 4},
            {"date": dt.date(2027, 1, 12), "owner": "dewi", "title": "Video", "hours": 18},
        ],
    )
    finding = only(budget_findings(plan, "en"), "hours-over")
    assert finding.level == "warning"
    assert finding.subject == "dewi"
    # Week of Jan 11: 4 + 18 = 22 of 20, 2 over. Each item alone covers the 2 h,
    # so no single item is the cause: the finding points at the person.
    assert finding.path == ("resources", "team", 0, "hours_per_week")
    assert finding.message == (
        "Dewi is over capacity: 1 week(s) over, week of 11 January 2027 (22 h of 20 h)"
    )


def test_hours_over_with_one_big_item_points_at_its_hours() -> None:
    plan = make_plan(
        start=dt.date(2027, 1, 4),
        end=dt.date(2027, 1, 31),
        language="id",
        team=[DEWI],
        calendar=[
            {"date": dt.date(2027, 1, 11), "owner": "dewi", "title": "Reel", "hours": 1},
            {"date": dt.date(2027, 1, 12), "owner": "dewi", "title": "Video", "hours": 25.5},
        ],
    )
    finding = only(budget_findings(plan, None), "hours-over")
    # 1 + 25.5 = 26.5 of 20: 6.5 over, only "Video" covers it.
    assert finding.path == ("calendar", 1, "hours")
    assert finding.message == (
        "beban kerja Dewi melebihi kapasitas: 1 minggu melebihi kapasitas, "
        "minggu mulai 11 Januari 2027 (26,5 jam dari 20 jam); "
        'tanpa item ini ("Video", 25,5 jam) minggu tersebut masih muat'
    )


def test_hours_over_many_weeks_and_the_whole_period() -> None:
    plan = make_plan(
        start=dt.date(2027, 1, 4),
        end=dt.date(2027, 1, 31),
        team=[DEWI],
        goals=[{"id": "ig", "owner": "dewi", "hours_per_week": 21}],
    )
    finding = only(budget_findings(plan, "en"), "hours-over")
    # 4 weeks of 21 h against 20 h; 84 h against 80 h over the period.
    assert finding.path == ("resources", "team", 0, "hours_per_week")
    assert finding.message == (
        "Dewi is over capacity: 4 week(s) over, week of 4 January 2027 (21 h of 20 h), "
        "week of 11 January 2027 (21 h of 20 h), week of 18 January 2027 (21 h of 20 h), "
        "and 1 more; 84 h assigned over the plan period against a capacity of 80 h"
    )


def test_no_hours_over_within_capacity() -> None:
    plan = make_plan(team=[DEWI], goals=[{"id": "ig", "owner": "dewi", "hours_per_week": 20}])
    assert codes(plan) == []


# -- budget-period --------------------------------------------------------


def test_missing_period_is_said_when_something_is_tracked() -> None:
    plan = make_plan(
        start=None,
        end=None,
        budget=1_000,
        allocations=[{"amount": 1_000}],
        calendar=[{"date": dt.date(2027, 3, 14)}],
    )
    finding = only(budget_findings(plan, "en"), "budget-period")
    assert finding.level == "info"
    assert finding.path == ("plan",)
    assert finding.message == (
        "the plan has no period (Period start, Period end): the budget tracker counts "
        "1 March 2027 to 31 March 2027, the months of the calendar, goal and allocation "
        "dates; fill in the period on the Plan step"
    )


def test_missing_period_without_dates_says_current_year() -> None:
    plan = make_plan(start=None, end=None, allocations=[{"amount": 1}])
    finding = only(budget_findings(plan, "en", today=dt.date(2030, 5, 5)), "budget-period")
    assert "the current year, 1 January 2030 to 31 December 2030" in finding.message


def test_missing_end_points_at_the_start() -> None:
    plan = make_plan(start=dt.date(2027, 4, 1), end=None, budget=1, allocations=[{"amount": 1}])
    finding = only(budget_findings(plan, "en"), "budget-period")
    assert finding.path == ("plan", "period_start")
    assert "one year, 1 April 2027 to 31 March 2028" in finding.message


def test_missing_period_in_an_empty_plan_is_not_reported() -> None:
    assert codes(make_plan(start=None, end=None)) == []


# -- wiring ---------------------------------------------------------------


def test_run_checks_includes_budget_findings() -> None:
    found = [f.code for f in run_checks(one_costly_item(), "en")]
    assert "budget-over" in found


def test_findings_reuse_a_given_report() -> None:
    plan = one_costly_item()
    report = compute_budget(plan)
    plan.calendar[1].cost = None  # an edit after the report: the report still speaks
    assert [f.code for f in budget_findings(plan, "en", report)] == ["budget-over"]


def test_run_checks_uses_a_given_budget_report() -> None:
    plan = one_costly_item()
    report = compute_budget(plan)
    plan.calendar[1].cost = None  # within budget now, but the given report says over
    assert "budget-over" in [f.code for f in run_checks(plan, "en", budget=report)]
    assert "budget-over" not in [f.code for f in run_checks(plan, "en")]
