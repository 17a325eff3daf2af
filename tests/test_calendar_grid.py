"""The calendar by day behind the month and week views (no terminal)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from smplan.checks.budget.report import compute_budget
from smplan.model import CalendarItem, Plan
from smplan.presentation.calendar_grid import (
    HOURS_FLAG,
    RHYTHM_FLAG,
    CalendarDays,
    add_months,
    legend_lines,
    month_lines,
    month_weeks,
    network_marks,
    next_view,
    week_lines,
)
from smplan.schedule.occurrences import item_dates
from smplan.store import PlanFile
from tests.conftest import SAMPLES

OCT = dt.date(2026, 10, 1)


def sample(name: str = "northwind-nonprofit.toml") -> Plan:
    return PlanFile.open(SAMPLES / name).plan


def text(lines: list[list[tuple[str, str]]]) -> list[str]:
    return ["".join(s for s, _ in line) for line in lines]


def test_views_cycle_table_month_week() -> None:
    assert [next_view(v) for v in ("table", "month", "week")] == ["month", "week", "table"]


def test_month_weeks_start_on_monday_and_cover_the_month() -> None:
    weeks = month_weeks(OCT)
    assert all(len(w) == 7 and w[0].weekday() == 0 for w in weeks)
    days = [d for w in weeks for d in w if d.month == 10]
    assert days == [dt.date(2026, 10, n) for n in range(1, 32)]
    assert weeks[0][0] == dt.date(2026, 9, 28)


def test_add_months_keeps_the_day_within_short_months() -> None:
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)
    assert add_months(dt.date(2027, 1, 15), -1) == dt.date(2026, 12, 15)


def test_marks_are_unique_letters() -> None:
    marks = network_marks(["instagram", "imessage", "facebook", None], "en")
    assert len(set(marks.values())) == 4
    assert marks["instagram"] == "I" and marks["facebook"] == "F" and marks[None] == "?"


def test_each_day_counts_its_items_per_network() -> None:
    plan = sample()
    days = CalendarDays(plan, None, "en")
    start, end = plan.plan.period_start, plan.plan.period_end
    assert start is not None and end is not None
    expected: dict[dt.date, dict[str, int]] = {}
    for item in plan.calendar:
        if item.date is None:
            continue
        # A repeating item counts on each of its dates in the period.
        dates = item_dates(item, start, end) if item.repeat is not None else [item.date]
        for day in dates:
            by = expected.setdefault(day, {})
            by[days.marks[item.network]] = by.get(days.marks[item.network], 0) + 1
    assert expected
    assert any(item.repeat is not None for item in plan.calendar)
    for day, counts in expected.items():
        assert dict(days.counts(day)) == counts


def test_month_grid_fits_the_pane_at_80_columns_and_shows_counts() -> None:
    plan = sample()
    days = CalendarDays(plan, None, "en")
    lines = text(month_lines(days, OCT, OCT, 58))
    assert lines[0] == "October 2026"
    assert lines[1].split() == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert all(len(line) <= 58 for line in lines)
    # Thursday 1 October: its count under its number, in the fourth column.
    counts = "".join(f"{m}{c}" for m, c in days.counts(OCT))
    assert counts and lines[3][24:].startswith(counts)
    assert len(lines) <= 2 + 2 * 6 + 3


def test_days_outside_the_period_are_dim_and_the_cursor_reverse() -> None:
    plan = sample()
    plan.plan.period_end = dt.date(2026, 10, 15)
    days = CalendarDays(plan, None, "en")
    lines = month_lines(days, OCT, dt.date(2026, 10, 2), 58)
    styles = {seg.strip(): style for line in lines for seg, style in line if seg.strip()}
    assert "reverse" in styles["1"]
    assert "bold underline" in styles["2"]
    assert "dim" in styles["20"] and "dim" not in styles["14"]


def test_a_network_over_its_rhythm_flags_its_days_of_that_week() -> None:
    plan = sample()
    card = plan.strategy.networks[0]
    network = card.network
    card.posts_per_week = Decimal(1)
    day = dt.date(2026, 11, 4)
    plan.calendar += [
        CalendarItem(date=day + dt.timedelta(days=n), network=network, title=f"p{n}")
        for n in range(3)
    ]
    days = CalendarDays(plan, None, "en")
    assert days.rhythm_flag(day)
    assert not days.rhythm_flag(dt.date(2026, 11, 12))  # the next week, nothing added
    assert RHYTHM_FLAG in "".join(text(month_lines(days, day, OCT, 58))[2:-3])


def test_an_owner_over_their_hours_flags_the_week() -> None:
    plan = sample()
    member = plan.resources.team[0]
    member.hours_per_week = Decimal(1)
    day = dt.date(2026, 11, 4)
    plan.calendar.append(
        CalendarItem(date=day, network="facebook", owner=member.id, hours=Decimal(30), title="x")
    )
    days = CalendarDays(plan, compute_budget(plan).hours, "en")
    assert days.hours_flag(day) and days.hours_flag(dt.date(2026, 11, 8))
    assert HOURS_FLAG in "".join(text(week_lines(days, day, OCT, 58)))


def test_repeating_items_count_on_each_occurrence() -> None:
    plan = sample()
    plan.calendar.append(
        CalendarItem.model_validate(
            {"date": dt.date(2026, 10, 6), "network": "instagram", "title": "Tips",
             "repeat": {"every": "week", "on": ["tue"]}, "except": [dt.date(2026, 10, 13)]}
        )
    )  # fmt: skip
    days = CalendarDays(plan, None, "en")

    def tips(day: dt.date) -> int:
        return sum(o.item.title == "Tips" for o in days.on(day))

    assert [tips(dt.date(2026, 10, d)) for d in (6, 13, 20, 27)] == [1, 0, 1, 1]


def test_week_lists_titles_by_network_in_indonesian() -> None:
    plan = sample("kopi-nusantara.toml")
    first = next(item for item in plan.calendar if item.date is not None and item.title)
    assert first.date is not None and first.title is not None
    days = CalendarDays(plan, None, "id")
    lines = text(week_lines(days, first.date, first.date, 58))
    assert lines[0].startswith("Minggu ")
    assert any(line.startswith(("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min")) for line in lines)
    assert first.title[:6] in "".join(lines)
    assert all(len(line) <= 58 for line in lines)


def test_legend_wraps_between_its_parts() -> None:
    days = CalendarDays(sample(), None, "id")
    lines = text(legend_lines(days, 40))
    assert len(lines) > 1 and all(len(line) <= 40 for line in lines)
    assert "platform" in " ".join(lines)


def test_a_series_shows_within_the_plan_period_and_a_plain_item_wherever_it_is() -> None:
    """The grid shows a repeating item on the dates money, hours and the rhythm count
    (the plan period), and a one-off post on its date even outside the period."""
    plan = sample()
    start, end = plan.plan.period_start, plan.plan.period_end
    assert start is not None and end is not None
    before = start - dt.timedelta(days=400)
    plan.calendar.append(CalendarItem(date=before, network="facebook", title="Old one-off"))
    weekly = CalendarItem.model_validate(
        {"date": end - dt.timedelta(days=13), "network": "facebook", "title": "Open-ended",
         "repeat": {"every": "week"}}
    )  # fmt: skip
    plan.calendar.append(weekly)
    days = CalendarDays(plan, None, "en")
    assert [o.item.title for o in days.on(before)] == ["Old one-off"]
    shown = sorted(day for day, found in days.by_day.items() if weekly in [o.item for o in found])
    assert shown == [end - dt.timedelta(days=13), end - dt.timedelta(days=6)]
    assert shown == item_dates(weekly, start, end)
