"""The period the budget tracker counts over, and how days fall into months and weeks."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

from smplan.checks.budget import compute_budget
from smplan.checks.budget.apportion import apportion, from_units, round_half_up, spread, to_units
from smplan.checks.budget.periods import MAX_MONTHS, month_days, resolve_period, week_days
from tests.budget_helpers import make_plan


def test_period_as_written() -> None:
    period = resolve_period(make_plan())
    assert (period.start, period.end, period.source) == (
        dt.date(2027, 1, 1),
        dt.date(2027, 12, 31),
        "plan",
    )
    assert period.days == 365


def test_period_written_backwards_is_swapped() -> None:
    period = resolve_period(make_plan(start=dt.date(2027, 12, 31), end=dt.date(2027, 1, 1)))
    assert (period.start, period.end, period.source) == (
        dt.date(2027, 1, 1),
        dt.date(2027, 12, 31),
        "reversed",
    )


def test_only_a_start_gives_one_year() -> None:
    period = resolve_period(make_plan(start=dt.date(2027, 4, 1), end=None))
    assert (period.end, period.source) == (dt.date(2028, 3, 31), "from-start")
    leap = resolve_period(make_plan(start=dt.date(2028, 2, 29), end=None))
    # Feb 29 + 12 months is Feb 28, 2029 (clamped), minus a day.
    assert leap.end == dt.date(2029, 2, 27)


def test_only_an_end_gives_one_year_before_it() -> None:
    period = resolve_period(make_plan(start=None, end=dt.date(2027, 6, 30)))
    assert (period.start, period.source) == (dt.date(2026, 7, 1), "from-end")


def test_missing_period_derived_from_calendar_goals_and_allocations() -> None:
    plan = make_plan(
        start=None,
        end=None,
        calendar=[{"date": dt.date(2027, 3, 14)}, {"date": dt.date(2027, 5, 2)}],
        goals=[{"id": "g", "deadline": dt.date(2027, 9, 30)}],
        allocations=[{"amount": 1, "start": dt.date(2027, 2, 10)}],
    )
    period = resolve_period(plan)
    # Whole months from the earliest date (Feb 10) to the latest (Sep 30).
    assert (period.start, period.end, period.source) == (
        dt.date(2027, 2, 1),
        dt.date(2027, 9, 30),
        "from-dates",
    )


def test_missing_period_and_no_dates_is_the_current_year() -> None:
    period = resolve_period(make_plan(start=None, end=None), today=dt.date(2031, 8, 17))
    assert (period.start, period.end, period.source) == (
        dt.date(2031, 1, 1),
        dt.date(2031, 12, 31),
        "current-year",
    )


def test_missing_period_report_says_where_it_came_from() -> None:
    report = compute_budget(make_plan(start=None, end=None), today=dt.date(2031, 8, 17))
    assert report.period_source == "current-year"
    assert (report.period_start, report.period_end) == (dt.date(2031, 1, 1), dt.date(2031, 12, 31))


def test_implausibly_long_period_is_capped_and_computes_quickly() -> None:
    plan = make_plan(
        start=dt.date.min,
        end=dt.date.max,
        budget=1,
        team=[{"id": "a", "hours_per_week": 40}],
        tools=[{"cost": 1, "per": "month"}],
        goals=[{"id": "g", "owner": "a", "hours_per_week": 1}],
        calendar=[{"date": dt.date.max, "cost": 5, "hours": 1}],
    )
    started = time.perf_counter()
    report = compute_budget(plan)
    assert time.perf_counter() - started < 5  # a guard against walking 3.6 million days
    assert report.period_capped
    assert report.period_start == dt.date(1, 1, 1)
    # MAX_MONTHS months from Jan 1 of year 1.
    assert report.period_end == dt.date(1 + MAX_MONTHS // 12, 1, 1) - dt.timedelta(days=1)
    assert report.money.committed == Decimal(MAX_MONTHS)
    assert report.money.outside == Decimal(5)


def test_period_at_the_end_of_the_calendar_does_not_overflow() -> None:
    plan = make_plan(
        start=dt.date(9999, 12, 1),
        end=None,
        budget=100,
        team=[{"id": "a", "hours_per_week": 7}],
        tools=[{"cost": 31, "per": "month"}],
        calendar=[{"date": dt.date.max, "owner": "a", "cost": 1, "hours": 1}],
    )
    report = compute_budget(plan)
    assert report.period_end == dt.date.max
    # December 9999 whole: 31 + 1.
    assert report.money.committed == Decimal(32)
    # Dec 27, 9999 is a Monday; the 31st (a Friday) falls in that week.
    assert report.hours.people[0].by_week[dt.date(9999, 12, 27)] == Decimal(1)


def test_month_days_at_the_edges() -> None:
    assert month_days(dt.date(2027, 1, 15), dt.date(2027, 3, 10)) == {
        dt.date(2027, 1, 1): 17,
        dt.date(2027, 2, 1): 28,
        dt.date(2027, 3, 1): 10,
    }
    assert month_days(dt.date(2027, 12, 31), dt.date(2028, 1, 1)) == {
        dt.date(2027, 12, 1): 1,
        dt.date(2028, 1, 1): 1,
    }


def test_week_days_at_the_edges() -> None:
    # Fri Jan 1 .. Mon Jan 11, 2027: Dec 28 week 3 days, Jan 4 week 7, Jan 11 week 1.
    assert week_days(dt.date(2027, 1, 1), dt.date(2027, 1, 11)) == {
        dt.date(2026, 12, 28): 3,
        dt.date(2027, 1, 4): 7,
        dt.date(2027, 1, 11): 1,
    }


# -- apportioning ---------------------------------------------------------


def test_units_round_trip_exactly() -> None:
    assert to_units(Decimal("12.34"), 2) == 1234
    assert to_units(Decimal("-0.5"), 2) == -50
    assert to_units(Decimal("1E+3"), 0) == 1000
    assert from_units(1234, 2) == Decimal("12.34")
    assert from_units(-7, 0) == Decimal(-7)


def test_round_half_up_goes_away_from_zero() -> None:
    assert round_half_up(5, 2) == 3  # 2.5 -> 3
    assert round_half_up(-5, 2) == -3  # -2.5 -> -3
    assert round_half_up(7, 3) == 2  # 2.33 -> 2


def test_apportion_parts_add_up_to_the_rounded_whole() -> None:
    # 100 over weights 1, 1, 1 (of 3): 33.33 each, 100 in all: one part gets the
    # leftover unit; on equal remainders the earliest key.
    assert apportion(100, {"a": 1, "b": 1, "c": 1}, 3) == {"a": 34, "b": 33, "c": 33}
    # 10 x 1/7 + 10 x 2/7 = 4.29 -> 4: 1.43 -> 1 and 2.86 -> 3.
    assert apportion(10, {"a": 1, "b": 2}, 7) == {"a": 1, "b": 3}


def test_spread_counts_a_finer_amount_in_its_own_unit() -> None:
    total, parts = spread(Decimal("1.005"), {"a": 1, "b": 1}, 2, 2)
    # 1.005 over two halves: 0.5025 each, in thousandths 502.5 -> 503 + 502.
    assert total == Decimal("1.005")
    assert parts == {"a": Decimal("0.503"), "b": Decimal("0.502")}
