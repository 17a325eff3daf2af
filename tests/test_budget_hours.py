"""Hours of the budget tracker: capacity against workload, worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from smplan.checks.budget import compute_budget
from tests.budget_helpers import make_plan

D = Decimal
# January 2027: the 1st is a Friday, the 31st a Sunday. ISO weeks (by Monday):
# Dec 28 (holds Jan 1-3: 3 days), Jan 4, Jan 11, Jan 18, Jan 25 (7 days each).
JANUARY = {"start": dt.date(2027, 1, 1), "end": dt.date(2027, 1, 31)}
DEC_28 = dt.date(2026, 12, 28)
JAN_4, JAN_11, JAN_18, JAN_25 = (dt.date(2027, 1, d) for d in (4, 11, 18, 25))
DEWI = {"id": "dewi", "name": "Dewi", "hours_per_week": 20}


def hours_of(**plan: object):  # type: ignore[no-untyped-def]
    return compute_budget(make_plan(**plan)).hours  # type: ignore[arg-type]


def test_capacity_per_week_with_a_partial_first_week() -> None:
    hours = hours_of(**JANUARY, team=[DEWI])
    (dewi,) = hours.people
    # Dec 28 week: 20 x 3/7 = 8.571 -> 8.57; whole weeks 20 each.
    assert dewi.capacity_by_week == {
        DEC_28: D("8.57"),
        JAN_4: D(20),
        JAN_11: D(20),
        JAN_18: D(20),
        JAN_25: D(20),
    }
    # 20 x 31/7 = 88.571 -> 88.57 (= 8.57 + 4 x 20)
    assert dewi.capacity_total == D("88.57")
    assert dewi.capacity_per_week == D(20)
    assert dewi.capacity_by_month == {dt.date(2027, 1, 1): D("88.57")}
    assert hours.capacity_total == D("88.57")


def test_capacity_over_a_year_of_whole_weeks() -> None:
    # Mon 2027-01-04 to Sun 2027-12-26 is exactly 51 weeks.
    hours = hours_of(start=dt.date(2027, 1, 4), end=dt.date(2027, 12, 26), team=[DEWI])
    # 51 x 20 = 1,020 h
    assert hours.people[0].capacity_total == D(1020)
    assert len(hours.people[0].by_week) == 51


def test_calendar_hours_over_capacity_in_one_week() -> None:
    hours = hours_of(
        **JANUARY,
        team=[DEWI],
        calendar=[
            {"date": dt.date(2027, 1, 11), "owner": "dewi", "hours": 12},
            {"date": dt.date(2027, 1, 15), "owner": "dewi", "hours": D("10.5")},
            {"date": dt.date(2027, 1, 18), "owner": "dewi", "hours": 3},
        ],
    )
    (dewi,) = hours.people
    # Week of Jan 11: 12 + 10.5 = 22.5 > 20; week of Jan 18: 3.
    assert dewi.by_week[JAN_11] == D("22.5")
    assert dewi.by_week[JAN_18] == D(3)
    assert dewi.over_weeks == [JAN_11]
    assert dewi.excess() == {JAN_11: D("2.5")}
    # 22.5 + 3 = 25.5 of 88.57: not over for the month as a whole.
    assert dewi.assigned_total == D("25.5")
    assert not dewi.over
    assert hours.over_people == [dewi]
    # 25.5 / 88.57 x 100 = 28.7908...
    assert dewi.percent_used == D("28.7908")


def test_partial_edge_week_is_over_only_beyond_the_full_weekly_hours() -> None:
    hours = hours_of(
        **JANUARY,
        team=[DEWI],
        calendar=[
            {"date": dt.date(2027, 1, 2), "owner": "dewi", "hours": 9},
            {"date": dt.date(2027, 1, 30), "owner": "dewi", "hours": 21},
        ],
    )
    (dewi,) = hours.people
    # The Dec 28 week holds 3 days of the period (capacity share 8.57 h), but 9 h
    # is within the 20 h of a whole week: the work can be done on its other days.
    assert dewi.over_weeks == [JAN_25]
    # 21 - 20 = 1 h over in the week of Jan 25.
    assert dewi.excess() == {JAN_25: D(1)}


def test_goal_hours_per_week_spread_over_its_dates() -> None:
    hours = hours_of(
        **JANUARY,
        team=[DEWI],
        goals=[
            {
                "id": "ig",
                "owner": "dewi",
                "hours_per_week": 7,
                "start": dt.date(2027, 1, 6),  # a Wednesday
                "deadline": dt.date(2027, 1, 19),  # a Tuesday
            }
        ],
    )
    (dewi,) = hours.people
    # 7 h a week is 1 h a day: Jan 6-10 (5 days) 5 h, Jan 11-17 7 h, Jan 18-19 2 h.
    assert dewi.by_week == {DEC_28: D(0), JAN_4: D(5), JAN_11: D(7), JAN_18: D(2), JAN_25: D(0)}
    # 14 days = 14 h, all in January.
    assert dewi.assigned_total == D(14)
    assert dewi.by_month == {dt.date(2027, 1, 1): D(14)}


def test_goal_hours_that_do_not_divide_evenly_add_up() -> None:
    hours = hours_of(
        **JANUARY,
        team=[DEWI],
        goals=[{"id": "ig", "owner": "dewi", "hours_per_week": 10}],
    )
    (dewi,) = hours.people
    # No dates: the whole period. Dec 28 week 10 x 3/7 = 4.2857 -> 4.29; whole weeks 10;
    # total 10 x 31/7 = 44.2857 -> 44.29 = 4.29 + 4 x 10.
    assert dewi.by_week[DEC_28] == D("4.29")
    assert dewi.by_week[JAN_4] == D(10)
    assert dewi.assigned_total == D("44.29")


def test_goal_dates_are_clipped_to_the_period() -> None:
    hours = hours_of(
        **JANUARY,
        team=[DEWI],
        goals=[
            {
                "id": "ig",
                "owner": "dewi",
                "hours_per_week": 7,
                "start": dt.date(2026, 11, 1),
                "deadline": dt.date(2027, 1, 3),
            }
        ],
    )
    # Only Jan 1-3 fall in the period: 3 h, in the Dec 28 week.
    assert hours.people[0].by_week[DEC_28] == D(3)
    assert hours.people[0].assigned_total == D(3)


def test_over_capacity_for_the_whole_period() -> None:
    hours = hours_of(
        **JANUARY,
        team=[DEWI],
        goals=[{"id": "ig", "owner": "dewi", "hours_per_week": 25}],
    )
    (dewi,) = hours.people
    # 25 x 31/7 = 110.71 h against 88.57 h. Whole weeks 25 > 20 are over; the Dec 28
    # week (25 x 3/7 = 10.71 h) is not.
    assert dewi.assigned_total == D("110.71")
    assert dewi.over
    assert dewi.over_weeks == [JAN_4, JAN_11, JAN_18, JAN_25]


def test_hours_without_a_known_owner_are_unassigned() -> None:
    hours = hours_of(
        **JANUARY,
        team=[DEWI],
        calendar=[
            {"date": dt.date(2027, 1, 5), "hours": 2},
            {"date": dt.date(2027, 1, 6), "owner": "budi", "hours": 3},
            {"date": dt.date(2027, 1, 7), "owner": "dewi", "hours": 4},
        ],
        goals=[
            {
                "id": "ig",
                "hours_per_week": 7,
                "start": dt.date(2027, 1, 4),
                "deadline": dt.date(2027, 1, 10),
            }
        ],
    )
    # 2 (no owner) + 3 ("budi" is not on the team) + 7 (goal without owner) = 12.
    assert hours.unassigned_hours == D(12)
    assert hours.people[0].assigned_total == D(4)
    assert hours.assigned_total == D(4)


def test_hours_outside_the_period_are_left_out_and_undated_ones_counted() -> None:
    hours = hours_of(
        **JANUARY,
        team=[DEWI],
        calendar=[
            {"date": dt.date(2027, 2, 1), "owner": "dewi", "hours": 5},
            {"owner": "dewi", "hours": 6},
        ],
    )
    (dewi,) = hours.people
    assert hours.outside_hours == D(5)
    assert dewi.undated == D(6)
    assert dewi.assigned_total == D(6)
    assert sum(dewi.by_week.values()) == D(0)


def test_member_without_hours_per_week_is_never_over() -> None:
    hours = hours_of(
        **JANUARY,
        team=[{"id": "budi", "name": "Budi"}],
        calendar=[{"date": dt.date(2027, 1, 5), "owner": "budi", "hours": 30}],
    )
    (budi,) = hours.people
    assert not budi.capacity_known
    assert budi.capacity_total == D(0)
    assert budi.assigned_total == D(30)
    assert budi.over_weeks == []
    assert not budi.over
    assert budi.percent_used is None


def test_people_are_listed_in_team_order_with_their_index() -> None:
    hours = hours_of(
        **JANUARY,
        team=[DEWI, {"id": "budi", "hours_per_week": 10}, {"name": "No id", "hours_per_week": 5}],
    )
    assert [(p.member_id, p.name, p.index) for p in hours.people] == [
        ("dewi", "Dewi", 0),
        ("budi", "budi", 1),
        ("", "No id", 2),
    ]
    # 88.57 + 10 x 31/7 (44.29) + 5 x 31/7 (22.14) = 155.00
    assert hours.capacity_total == D("155.00")


def test_goal_hours_of_one_person_are_rounded_once_together() -> None:
    one_day = {"start": dt.date(2027, 1, 4), "deadline": dt.date(2027, 1, 4), "owner": "dewi"}
    hours = hours_of(
        **JANUARY,
        team=[DEWI],
        goals=[
            {"id": "a", "hours_per_week": 1, **one_day},
            {"id": "b", "hours_per_week": 1, **one_day},
        ],
    )
    # Each goal is 1/7 h = 0.142857 h; rounded apart 0.14 + 0.14 = 0.28, but
    # together 2/7 h = 0.2857 -> 0.29.
    assert hours.people[0].by_week[JAN_4] == D("0.29")
    assert hours.people[0].assigned_total == D("0.29")
