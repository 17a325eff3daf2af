"""Repeat rules expanded into dated occurrences (smplan.schedule.occurrences)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from smplan.model import WEEKDAYS, CalendarItem, Plan
from smplan.schedule import item_dates, occurrences

D = dt.date
YEAR = (D(2027, 1, 1), D(2027, 12, 31))
JAN_5 = D(2027, 1, 5)


def item(first: dt.date | None = JAN_5, /, **rule: Any) -> CalendarItem:
    skipped = rule.pop("skip", [])
    data: dict[str, Any] = {"date": first, "title": "Tip"}
    if rule:
        data["repeat"] = rule
    if skipped:
        data["except"] = skipped
    return CalendarItem.model_validate(data)


def test_a_plain_item_is_its_date_when_inside_the_window() -> None:
    assert item_dates(item(), *YEAR) == [D(2027, 1, 5)]
    assert item_dates(item(D(2028, 1, 5)), *YEAR) == []
    assert item_dates(item(None), *YEAR) == []


def test_weekly_defaults_to_the_weekday_of_the_date() -> None:
    days = item_dates(item(every="week", until=D(2027, 2, 2)), *YEAR)
    # 5 January 2027 is a Tuesday.
    assert days == [D(2027, 1, 5), D(2027, 1, 12), D(2027, 1, 19), D(2027, 1, 26), D(2027, 2, 2)]


def test_weekly_on_several_days_starts_at_the_date() -> None:
    # Wednesday 6 January: the Tuesday of its week is before the start, so not an occurrence.
    days = item_dates(
        item(D(2027, 1, 6), every="week", on=["tue", "fri"]), D(2027, 1, 1), D(2027, 1, 17)
    )
    assert days == [D(2027, 1, 8), D(2027, 1, 12), D(2027, 1, 15)]


def test_every_two_weeks_counts_weeks_from_the_date() -> None:
    rule = item(D(2026, 1, 6), every="week", interval=2)
    days = item_dates(rule, D(2027, 1, 1), D(2027, 2, 28))
    # 52 weeks after 6 Jan 2026 is 5 Jan 2027: an even number, so that week repeats.
    assert days == [D(2027, 1, 5), D(2027, 1, 19), D(2027, 2, 2), D(2027, 2, 16)]
    assert all((d - D(2026, 1, 6)).days % 14 == 0 for d in days)


def test_monthly_on_a_day_skips_months_without_it() -> None:
    days = item_dates(item(D(2027, 1, 31), every="month"), *YEAR)
    assert [d.month for d in days] == [1, 3, 5, 7, 8, 10, 12]
    assert {d.day for d in days} == {31}


def test_monthly_every_three_months_on_a_given_day() -> None:
    days = item_dates(item(D(2027, 1, 10), every="month", interval=3, day=15), *YEAR)
    assert days == [D(2027, 1, 15), D(2027, 4, 15), D(2027, 7, 15), D(2027, 10, 15)]


def test_until_and_the_window_both_end_it() -> None:
    weekly = item(every="week", until=D(2027, 1, 20))
    assert item_dates(weekly, *YEAR)[-1] == D(2027, 1, 19)
    assert item_dates(item(every="week"), *YEAR)[-1] == D(2027, 12, 28)
    assert item_dates(item(every="week", until=D(2026, 12, 1)), *YEAR) == []


def test_except_leaves_dates_out() -> None:
    days = item_dates(item(every="week", until=D(2027, 1, 26), skip=[D(2027, 1, 12)]), *YEAR)
    assert days == [D(2027, 1, 5), D(2027, 1, 19), D(2027, 1, 26)]


def test_a_rule_started_before_the_period_starts_inside_it() -> None:
    days = item_dates(item(D(2020, 1, 7), every="week"), *YEAR)
    assert days[0] == D(2027, 1, 5)  # the first Tuesday of 2027
    assert len(days) == 52


def test_the_period_edges_are_inclusive() -> None:
    days = item_dates(item(D(2027, 1, 1), every="week", on=["fri"]), D(2027, 1, 1), D(2027, 12, 31))
    assert days[0] == D(2027, 1, 1) and days[-1] == D(2027, 12, 31)


def test_a_rule_without_every_is_the_item_once() -> None:
    assert item_dates(item(interval=2), *YEAR) == [D(2027, 1, 5)]


def test_a_bad_interval_counts_as_one_and_a_bad_day_gives_nothing() -> None:
    assert len(item_dates(item(every="week", interval=0), *YEAR)) == 52
    assert item_dates(item(every="month", day=40), *YEAR) == []


def test_occurrences_of_a_plan_are_in_date_then_file_order() -> None:
    plan = Plan.model_validate(
        {
            "calendar": [
                {"date": D(2027, 1, 12), "title": "plain"},
                {
                    "date": D(2027, 1, 5),
                    "title": "weekly",
                    "repeat": {"every": "week", "until": D(2027, 1, 19)},
                },
                {"title": "undated"},
                {"date": D(2027, 1, 12), "title": "same day, later in the file"},
            ]
        }
    )
    found = [(o.date.day, o.item.title) for o in occurrences(plan, *YEAR)]
    assert found == [
        (5, "weekly"),
        (12, "plain"),
        (12, "weekly"),
        (12, "same day, later in the file"),
        (19, "weekly"),
    ]
    assert {o.index for o in occurrences(plan, *YEAR) if o.item.title == "weekly"} == {1}


days = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))
weekly_rules = st.fixed_dictionaries(
    {"every": st.just("week")},
    optional={
        "interval": st.integers(min_value=1, max_value=5),
        "on": st.lists(st.sampled_from(WEEKDAYS), max_size=7),
        "until": days,
    },
)
monthly_rules = st.fixed_dictionaries(
    {"every": st.just("month")},
    optional={
        "interval": st.integers(min_value=1, max_value=13),
        "day": st.integers(min_value=1, max_value=31),
        "until": days,
    },
)


@settings(max_examples=300, deadline=None)
@given(
    start=days,
    rule=weekly_rules | monthly_rules,
    window=st.tuples(days, days).map(sorted),
    skipped=st.lists(days, max_size=5),
)
def test_occurrences_are_sorted_inside_the_window_and_on_the_rule(
    start: dt.date, rule: dict[str, Any], window: list[dt.date], skipped: list[dt.date]
) -> None:
    first, last = window
    one = item(start, **rule, skip=skipped)
    found = item_dates(one, first, last)
    assert found == sorted(set(found))
    assert all(first <= d <= last and d >= start for d in found)
    assert not set(found) & set(skipped)
    if "until" in rule:
        assert all(d <= rule["until"] for d in found)
    interval = rule.get("interval", 1)
    if rule["every"] == "week":
        weekdays = {WEEKDAYS.index(name) for name in rule.get("on") or [WEEKDAYS[start.weekday()]]}
        assert all(d.weekday() in weekdays for d in found)
        monday = start - dt.timedelta(days=start.weekday())
        assert all(((d - monday).days // 7) % interval == 0 for d in found)
    else:
        wanted = rule.get("day", start.day)
        assert all(d.day == wanted for d in found)
        assert all(
            ((d.year - start.year) * 12 + d.month - start.month) % interval == 0 for d in found
        )
    # A wider window never loses an occurrence: the expansion does not depend on where it starts.
    wide = item_dates(one, min(first, start), last)
    assert [d for d in wide if d >= first] == found
