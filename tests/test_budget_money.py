"""Money of the budget tracker, against sums worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt
from decimal import Context, Decimal, localcontext

from smplan.checks.budget import compute_budget
from smplan.store import PlanFile
from tests.budget_helpers import make_plan, month

D = Decimal
# Jan 15 to Mar 10, 2027: January keeps 17 of its 31 days (15..31), February all
# 28, March 10 of 31.
EDGES = {"start": dt.date(2027, 1, 15), "end": dt.date(2027, 3, 10)}


def money_of(**plan: object):  # type: ignore[no-untyped-def]
    return compute_budget(make_plan(**plan)).money  # type: ignore[arg-type]


# -- tools ----------------------------------------------------------------


def test_monthly_tool_over_a_whole_year_is_twelve_months() -> None:
    money = money_of(tools=[{"name": "Canva Pro", "cost": 150_000, "per": "month"}])
    # 12 x 150,000 = 1,800,000, 150,000 in each month.
    assert money.by_category["tools"] == D(1_800_000)
    assert money.committed == D(1_800_000)
    assert set(money.by_month.values()) == {D(150_000)}
    assert len(money.by_month) == 12


def test_monthly_tool_partial_months_at_the_edges_pro_rata_by_days() -> None:
    money = money_of(**EDGES, tools=[{"name": "Scheduler", "cost": 310_000, "per": "month"}])
    # Jan: 310,000 x 17/31 = 170,000; Feb: 310,000 (whole month); Mar: 310,000 x 10/31 = 100,000.
    assert money.by_month == {
        month(2027, 1): D(170_000),
        month(2027, 2): D(310_000),
        month(2027, 3): D(100_000),
    }
    # 170,000 + 310,000 + 100,000 = 580,000
    assert money.by_category["tools"] == D(580_000)


def test_partial_month_shares_round_once_and_still_add_up() -> None:
    money = money_of(**EDGES, tools=[{"name": "Tiny", "cost": 100, "per": "month"}])
    # Exact: Jan 100 x 17/31 = 54.84, Feb 100, Mar 100 x 10/31 = 32.26; whole
    # 100 x 58/31 = 187.10 -> 187. Floors 54 + 100 + 32 = 186: the leftover unit
    # goes to the largest remainder (Jan .84 > Mar .26): 55 + 100 + 32 = 187.
    assert money.by_month == {month(2027, 1): D(55), month(2027, 2): D(100), month(2027, 3): D(32)}
    assert money.committed == D(187)


def test_monthly_tool_counts_a_leap_february_as_one_month() -> None:
    money = money_of(
        start=dt.date(2028, 2, 1),
        end=dt.date(2028, 2, 29),
        tools=[{"name": "Canva Pro", "cost": 150_000, "per": "month"}],
    )
    # 29 of February 2028's 29 days: exactly one month.
    assert money.committed == D(150_000)


def test_yearly_tool_is_a_twelfth_per_month_pro_rata() -> None:
    whole_year = money_of(tools=[{"name": "Analytics", "cost": 1_200_000, "per": "year"}])
    # One year of 12 whole months: 1,200,000, i.e. 100,000 a month.
    assert whole_year.committed == D(1_200_000)
    assert whole_year.by_month[month(2027, 7)] == D(100_000)

    straddling = money_of(
        start=dt.date(2027, 7, 1),
        end=dt.date(2028, 6, 30),
        tools=[{"name": "Analytics", "cost": 1_200_000, "per": "year"}],
    )
    # Jul 2027 to Jun 2028 is 12 whole months (leap day included): one year.
    assert straddling.committed == D(1_200_000)

    partial = money_of(
        start=dt.date(2027, 1, 15),
        tools=[{"name": "Stock footage", "cost": 3_720_000, "per": "year"}],
    )
    # 3,720,000 / 12 = 310,000 a month; Jan 310,000 x 17/31 = 170,000 + 11 x 310,000
    # = 170,000 + 3,410,000 = 3,580,000.
    assert partial.by_month[month(2027, 1)] == D(170_000)
    assert partial.committed == D(3_580_000)


def test_once_tool_is_paid_once_in_the_first_month() -> None:
    money = money_of(**EDGES, tools=[{"name": "Ring light", "cost": 850_000, "per": "once"}])
    # The full price, whatever the period's length, in its first month.
    assert money.committed == D(850_000)
    assert money.by_month == {
        month(2027, 1): D(850_000),
        month(2027, 2): D(0),
        month(2027, 3): D(0),
    }


def test_tool_without_per_counts_once_and_tool_without_cost_counts_nothing() -> None:
    money = money_of(tools=[{"name": "Mic", "cost": 1_100_000}, {"name": "Free plan"}])
    assert money.by_category["tools"] == D(1_100_000)
    assert money.by_month[month(2027, 1)] == D(1_100_000)


def test_tools_are_tied_to_no_network_and_no_goal() -> None:
    money = money_of(tools=[{"name": "Canva Pro", "cost": 100_000, "per": "once"}])
    assert money.by_network == {"": D(100_000)}
    assert money.by_goal == {"": D(100_000)}


# -- allocations ----------------------------------------------------------


def test_allocation_is_spread_evenly_by_day_over_its_dates() -> None:
    money = money_of(
        allocations=[
            {
                "name": "Instagram ads, Q1",
                "amount": 9_000_000,
                "network": "instagram",
                "goal": "ig-followers",
                "start": dt.date(2027, 1, 1),
                "end": dt.date(2027, 3, 31),
            }
        ]
    )
    # 90 days: Jan 9,000,000 x 31/90 = 3,100,000; Feb x 28/90 = 2,800,000; Mar 3,100,000.
    assert money.by_month[month(2027, 1)] == D(3_100_000)
    assert money.by_month[month(2027, 2)] == D(2_800_000)
    assert money.by_month[month(2027, 3)] == D(3_100_000)
    assert money.by_month[month(2027, 4)] == D(0)
    assert money.by_category["allocations"] == D(9_000_000)
    assert money.by_network == {"instagram": D(9_000_000)}
    assert money.by_goal == {"ig-followers": D(9_000_000)}


def test_allocation_without_dates_spreads_over_the_period() -> None:
    money = money_of(allocations=[{"name": "Influencers", "amount": 3_650_000}])
    # 3,650,000 over 365 days = 10,000 a day: Jan 310,000, Feb 280,000, Apr 300,000.
    assert money.by_month[month(2027, 1)] == D(310_000)
    assert money.by_month[month(2027, 2)] == D(280_000)
    assert money.by_month[month(2027, 4)] == D(300_000)
    assert money.committed == D(3_650_000)


def test_allocation_partly_before_the_period_counts_its_share_inside() -> None:
    money = money_of(
        allocations=[
            {
                "name": "Year-end ads",
                "amount": 9_000_000,
                "start": dt.date(2026, 12, 2),
                "end": dt.date(2027, 3, 1),
            }
        ]
    )
    # 90 days: Dec 2..31 (30), Jan (31), Feb (28), Mar 1 (1) = 100,000 a day.
    # Inside 2027: 60 days = 6,000,000 committed; 3,000,000 left outside.
    assert money.committed == D(6_000_000)
    assert money.outside == D(3_000_000)
    assert money.outside_items == (("resources", "allocations", 0, "amount"),)
    assert money.by_month[month(2027, 1)] == D(3_100_000)
    assert money.by_month[month(2027, 2)] == D(2_800_000)
    assert money.by_month[month(2027, 3)] == D(100_000)


def test_allocation_entirely_outside_the_period_is_left_out() -> None:
    money = money_of(
        allocations=[
            {"amount": 5_000_000, "start": dt.date(2026, 1, 1), "end": dt.date(2026, 6, 30)}
        ]
    )
    assert money.committed == D(0)
    assert money.outside == D(5_000_000)


def test_allocation_shares_that_do_not_divide_evenly_add_up_exactly() -> None:
    money = money_of(
        allocations=[{"amount": 100, "start": dt.date(2027, 1, 31), "end": dt.date(2027, 2, 2)}]
    )
    # 3 days: Jan 100 x 1/3 = 33.33, Feb 100 x 2/3 = 66.67; floors 33 + 66 = 99, the
    # leftover unit to the larger remainder (Feb): 33 + 67 = 100.
    assert money.by_month[month(2027, 1)] == D(33)
    assert money.by_month[month(2027, 2)] == D(67)
    assert money.committed == D(100)


def test_allocation_written_backwards_is_read_forwards() -> None:
    money = money_of(
        allocations=[
            {"amount": 9_000_000, "start": dt.date(2027, 3, 31), "end": dt.date(2027, 1, 1)}
        ]
    )
    assert money.by_month[month(2027, 2)] == D(2_800_000)


# -- calendar items -------------------------------------------------------


def test_calendar_costs_by_month_network_and_goal() -> None:
    money = money_of(
        calendar=[
            {"date": dt.date(2027, 1, 4), "network": "instagram", "goal": "ig", "cost": 250_000},
            {"date": dt.date(2027, 1, 20), "network": "tiktok", "cost": 400_000},
            {"date": dt.date(2027, 5, 2), "network": "instagram", "goal": "ig", "cost": 750_000},
            {"date": dt.date(2027, 5, 3), "network": "instagram", "hours": 2},
        ]
    )
    # Jan 250,000 + 400,000 = 650,000; May 750,000; content 1,400,000.
    assert money.by_month[month(2027, 1)] == D(650_000)
    assert money.by_month[month(2027, 5)] == D(750_000)
    assert money.by_category == {"tools": D(0), "allocations": D(0), "content": D(1_400_000)}
    # instagram 250,000 + 750,000 = 1,000,000; tiktok 400,000.
    assert money.by_network == {"instagram": D(1_000_000), "tiktok": D(400_000)}
    # ig 1,000,000; the tiktok item has no goal.
    assert money.by_goal == {"ig": D(1_000_000), "": D(400_000)}


def test_calendar_items_outside_the_period_are_excluded_and_reported() -> None:
    money = money_of(
        budget=10_000_000,
        calendar=[
            {"date": dt.date(2026, 12, 31), "cost": 1_000_000},
            {"date": dt.date(2027, 6, 1), "cost": 2_000_000},
            {"date": dt.date(2028, 1, 1), "cost": 4_000_000},
        ],
    )
    assert money.committed == D(2_000_000)
    # 1,000,000 + 4,000,000 left out.
    assert money.outside == D(5_000_000)
    assert money.outside_items == (("calendar", 0, "cost"), ("calendar", 2, "cost"))
    assert money.remaining == D(8_000_000)


def test_undated_item_cost_is_committed_but_in_no_month() -> None:
    money = money_of(calendar=[{"title": "Someday", "cost": 500_000}])
    assert money.committed == D(500_000)
    assert money.undated == D(500_000)
    assert sum(money.by_month.values()) == D(0)


# -- exact sums -----------------------------------------------------------


def test_tenths_sum_exactly_where_floats_drift() -> None:
    text = """schema = 1
[plan]
title = "Cents"
period_start = 2027-01-01
period_end = 2027-12-31
currency = "USD"

[[calendar]]
date = 2027-01-04
cost = 0.1

[[calendar]]
date = 2027-01-05
cost = 0.2
"""
    money = compute_budget(PlanFile.from_text(text).plan).money
    assert 0.1 + 0.2 != 0.3  # what a float total would show
    # 0.1 + 0.2 = 0.3, exactly.
    assert money.committed == D("0.3")
    assert money.by_month[month(2027, 1)] == D("0.3")


def test_many_small_amounts_sum_exactly() -> None:
    items = [
        {"date": dt.date(2027, 1, 1) + dt.timedelta(days=i % 365), "cost": D("0.01")}
        for i in range(10_000)
    ]
    money = money_of(currency="USD", calendar=items)
    assert sum([0.01] * 10_000) != 100.0  # float drift
    # 10,000 x 0.01 = 100.00
    assert money.committed == D("100.00")
    assert sum(money.by_month.values()) == D("100.00")


def test_currencies_without_minor_units_round_shares_to_whole_units() -> None:
    yen = money_of(**EDGES, currency="JPY", tools=[{"name": "Tool", "cost": 1_000, "per": "month"}])
    # Jan 1,000 x 17/31 = 548.39 -> 548 yen (JPY has no minor unit); Feb 1,000;
    # Mar 1,000 x 10/31 = 322.58 -> 323; whole 1,000 x 58/31 = 1,870.97 -> 1,871
    # (floors 548 + 1,000 + 322 = 1,870, leftover to Mar's .58 over Jan's .39).
    assert yen.by_month == {month(2027, 1): D(548), month(2027, 2): D(1000), month(2027, 3): D(323)}
    assert yen.committed == D(1871)

    dollars = money_of(
        **EDGES, currency="USD", tools=[{"name": "Tool", "cost": 10, "per": "month"}]
    )
    # Jan 10 x 17/31 = 5.4839 -> 5.48 (cents); Mar 10 x 10/31 = 3.2258 -> 3.23;
    # whole 10 x 58/31 = 18.7097 -> 18.71 = 5.48 + 10.00 + 3.23.
    assert dollars.by_month[month(2027, 1)] == D("5.48")
    assert dollars.by_month[month(2027, 3)] == D("3.23")
    assert dollars.committed == D("18.71")


def test_rupiah_amounts_sum_exactly_even_with_fractions_written() -> None:
    money = money_of(
        calendar=[
            {"date": dt.date(2027, 2, 1), "cost": 60_000_000},
            {"date": dt.date(2027, 2, 2), "cost": D("1500.5")},
        ]
    )
    # What the plan writes is never rounded: 60,000,000 + 1,500.5 = 60,001,500.5.
    assert money.committed == D("60001500.5")


def test_sums_do_not_depend_on_the_callers_decimal_context() -> None:
    plan = make_plan(
        calendar=[
            {"date": dt.date(2027, 1, 1), "cost": 60_000_001},
            {"date": dt.date(2027, 1, 2), "cost": 1},
        ]
    )
    with localcontext(Context(prec=3)):
        money = compute_budget(plan).money
    # 60,000,001 + 1 = 60,000,002 (a 3-digit context would say 6.00E+7).
    assert money.committed == D(60_000_002)


# -- budget, remaining, spread --------------------------------------------


def test_percent_used_and_remaining() -> None:
    money = money_of(budget=60_000_000, allocations=[{"amount": 45_000_000}])
    # 45,000,000 / 60,000,000 = 75 %
    assert money.percent_used == D("75.0000")
    assert money.remaining == D(15_000_000)
    assert not money.over


def test_missing_budget_gives_no_remaining_percent_or_spread() -> None:
    money = money_of(allocations=[{"amount": 45_000_000}])
    assert money.available is None
    assert money.remaining is None
    assert money.percent_used is None
    assert money.months_ahead == []
    assert money.budget_by_month == {}
    assert not money.over
    assert money.committed == D(45_000_000)


def test_budget_even_spread_by_month() -> None:
    money = money_of(start=dt.date(2027, 1, 1), end=dt.date(2027, 3, 31), budget=9_000_000)
    # 90 days: Jan 3,100,000, Feb 2,800,000, Mar 3,100,000.
    assert money.budget_by_month == {
        month(2027, 1): D(3_100_000),
        month(2027, 2): D(2_800_000),
        month(2027, 3): D(3_100_000),
    }


def test_months_where_spending_runs_ahead_of_an_even_spread() -> None:
    money = money_of(budget=1_200_000, calendar=[{"date": dt.date(2027, 2, 10), "cost": 300_000}])
    # Even spread through end of Jan: 1,200,000 x 31/365 = 101,918 > spent 0: fine.
    # Through Feb: x 59/365 = 193,973 < 300,000: ahead. Through Mar: x 90/365 =
    # 295,890 < 300,000: ahead. Through Apr: x 120/365 = 394,521 > 300,000: fine.
    assert money.months_ahead == [month(2027, 2), month(2027, 3)]


def test_over_budget_and_month_excess() -> None:
    money = money_of(
        start=dt.date(2027, 1, 1),
        end=dt.date(2027, 3, 31),
        budget=9_000_000,
        calendar=[{"date": dt.date(2027, 2, 14), "title": "Shoot", "cost": 10_000_000}],
    )
    assert money.over
    # 10,000,000 - 9,000,000 = 1,000,000 over; February 10,000,000 - 2,800,000 = 7,200,000.
    assert money.overrun == D(1_000_000)
    assert money.month_excess() == {month(2027, 2): D(7_200_000)}
    assert money.largest[0].path == ("calendar", 0, "cost")
    assert money.largest[0].label == "Shoot"


def test_largest_commitments_most_expensive_first() -> None:
    money = money_of(
        tools=[{"name": "Canva", "cost": 100, "per": "once"}],
        allocations=[{"name": "Ads", "amount": 500}],
        calendar=[
            {"date": dt.date(2027, 1, d), "title": f"Post {d}", "cost": 10 * d}
            for d in range(1, 31)
        ],
    )
    # Ads 500, then posts 30..27 (300, 290, 280, 270); Canva (100) is not in the top 5.
    assert [c.label for c in money.largest] == ["Ads", "Post 30", "Post 29", "Post 28", "Post 27"]
    assert [c.amount for c in money.largest] == [D(500), D(300), D(290), D(280), D(270)]
