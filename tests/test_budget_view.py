"""Text bars and summary rows for the tracker panel and the Markdown export."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from smplan.checks.budget import compute_budget
from smplan.presentation.budget import (
    SummaryRow,
    bar,
    category_rows,
    gauge,
    goal_rows,
    hours_text,
    money_text,
    month_rows,
    network_rows,
    overview_rows,
    people_rows,
    render_rows,
    week_rows,
)
from tests.budget_helpers import make_plan

D = Decimal


def test_bar_fills_eighths_of_cells() -> None:
    assert bar(D("0.5"), 10) == "█████     "
    # 0.55 x 10 cells x 8 = 44 eighths: 5 full cells and a half cell.
    assert bar(D("0.55"), 10) == "█████▌    "
    # 0.01 x 10 x 8 = 0.8 -> 1 eighth.
    assert bar(0.01, 10) == "▏         "
    assert bar(1, 4) == "████"
    assert bar(0, 3) == "   "


def test_bar_ascii_fills_whole_cells() -> None:
    assert bar(D("0.5"), 10, ascii=True) == "#####-----"
    # 0.25 x 2 = 0.5 cell, rounded half up to 1.
    assert bar(D("0.25"), 2, ascii=True) == "#-"
    assert bar(D("0.24"), 2, ascii=True) == "--"


def test_bar_holds_odd_fractions_within_its_width() -> None:
    assert bar(D("1.7"), 4) == "████"
    assert bar(-1, 3) == "   "
    assert bar(None, 3, ascii=True) == "---"
    assert bar(float("nan"), 3) == "   "
    assert bar(float("inf"), 2, ascii=True) == "##"
    assert bar(D("0.5"), 0) == ""
    assert bar(D("0.5"), -4) == ""


@given(
    st.one_of(
        st.none(), st.floats(allow_nan=True), st.decimals(allow_nan=False, allow_infinity=False)
    ),
    st.integers(min_value=0, max_value=200),
    st.booleans(),
)
def test_bar_is_always_exactly_its_width(fraction: object, width: int, ascii: bool) -> None:
    drawn = bar(fraction, width, ascii=ascii)  # type: ignore[arg-type]
    assert len(drawn) == width
    allowed = set("#-") if ascii else set(" ▏▎▍▌▋▊▉█")
    assert set(drawn) <= allowed


def test_money_and_hours_text_per_language() -> None:
    assert money_text(D(60_000_000), "IDR", "id") == "Rp 60.000.000"
    assert money_text(D(60_000_000), "IDR", "en") == "IDR 60,000,000"
    assert hours_text(D("12.5"), "en") == "12.5 h"
    assert hours_text(D("12.5"), "id") == "12,5 jam"


def test_money_text_of_a_huge_amount_does_not_crash() -> None:
    assert money_text(D("1E+300"), "IDR", "en").startswith("IDR 1,000,000")


def sample_report():  # type: ignore[no-untyped-def]
    plan = make_plan(
        start=dt.date(2027, 1, 1),
        end=dt.date(2027, 3, 31),
        budget=9_000_000,
        team=[{"id": "dewi", "name": "Dewi", "hours_per_week": 7}],
        tools=[{"name": "Canva", "cost": 300_000, "per": "month"}],
        allocations=[{"name": "Ads", "amount": 4_500_000, "network": "instagram", "goal": "ig"}],
        calendar=[
            {
                "date": dt.date(2027, 2, 3),
                "network": "tiktok",
                "cost": 1_200_000,
                "owner": "dewi",
                "hours": 9,
            },
        ],
    )
    return compute_budget(plan)


def test_category_rows_show_shares_of_committed_money() -> None:
    rows = category_rows(sample_report().money, "en")
    # Tools 3 x 300,000 = 900,000; ads 4,500,000; content 1,200,000; committed 6,600,000.
    # Shares: 900/6600 = 13.6 % -> 14 %; 4500/6600 = 68.2 % -> 68 %; 1200/6600 = 18.2 % -> 18 %.
    assert [(r.label, r.value, r.share) for r in rows] == [
        ("Tools", "IDR 900,000", "14%"),
        ("Allocations", "IDR 4,500,000", "68%"),
        ("Content production", "IDR 1,200,000", "18%"),
    ]


def test_network_and_goal_rows_largest_first_with_unlinked_money_labelled() -> None:
    money = sample_report().money
    assert [(r.label, r.value) for r in network_rows(money, "en")] == [
        ("instagram", "IDR 4,500,000"),
        ("tiktok", "IDR 1,200,000"),
        ("No network", "IDR 900,000"),
    ]
    # Tools and the tiktok item have no goal: 900,000 + 1,200,000 = 2,100,000.
    assert [(r.label, r.value) for r in goal_rows(money, "id", {"ig": "Pengikut IG"})] == [
        ("Pengikut IG", "Rp 4.500.000"),
        ("Tanpa sasaran", "Rp 2.100.000"),
    ]


def test_month_rows_compare_each_month_with_its_share() -> None:
    rows = month_rows(sample_report().money, "en")
    # Budget shares: Jan 3,100,000, Feb 2,800,000, Mar 3,100,000. Ads 50,000 a day:
    # Jan 1,550,000 + Canva 300,000 = 1,850,000; Feb 1,400,000 + 300,000 + 1,200,000
    # = 2,900,000 (over 2,800,000); Mar 1,850,000.
    assert [(r.label, r.value, r.over) for r in rows] == [
        ("Jan 2027", "IDR 1,850,000 of IDR 3,100,000", False),
        ("Feb 2027", "IDR 2,900,000 of IDR 2,800,000", True),
        ("Mar 2027", "IDR 1,850,000 of IDR 3,100,000", False),
    ]
    # One scale for all bars: the largest figure (3,100,000).
    assert rows[1].fraction == D(2_900_000) / D(3_100_000)


def test_people_and_week_rows() -> None:
    report = sample_report()
    (dewi,) = people_rows(report.hours, "en")
    # Capacity 7 x 90/7 = 90 h; 9 h assigned = 10 %.
    assert (dewi.label, dewi.value, dewi.share, dewi.over) == ("Dewi", "9 h of 90 h", "10%", True)
    weeks = week_rows(report.hours.people[0], "en")
    # Feb 3, 2027 is in the week of Monday Feb 1: 9 h against 7 h.
    feb_1 = next(row for row in weeks if row.label == "1 Feb")
    assert (feb_1.value, feb_1.share, feb_1.over) == ("9 h of 7 h", "129%", True)
    # Weeks are shown against the weekly hours, the Dec 28 week (Jan 1-3) too.
    assert weeks[0].label == "28 Dec"
    assert weeks[0].value == "0 h of 7 h"
    assert [row.over for row in weeks].count(True) == 1


def test_overview_rows_and_rendering() -> None:
    rows = overview_rows(sample_report(), "en")
    # 6,600,000 of 9,000,000 = 73 %; 2,400,000 remaining = 27 %.
    assert [(r.label, r.value, r.share) for r in rows] == [
        ("Committed", "IDR 6,600,000 of IDR 9,000,000", "73%"),
        ("Remaining", "IDR 2,400,000", "27%"),
        ("Hours", "9 h of 90 h", "10%"),
    ]
    lines = render_rows(rows, bar_width=10, ascii=True)
    # 73 % of 10 cells = 7.3 -> 7; 27 % -> 3; 10 % -> 1; the hours row is marked over
    # (a week over capacity).
    assert lines == [
        "Committed  IDR 6,600,000 of IDR 9,000,000  73%  #######---",
        "Remaining                   IDR 2,400,000  27%  ###-------",
        "Hours                         9 h of 90 h  10%  #---------  !",
    ]


def test_overview_without_a_budget() -> None:
    report = compute_budget(make_plan(allocations=[{"amount": 5}]))
    rows = overview_rows(report, "id")
    assert rows[0] == SummaryRow("Teralokasi", "Rp 5 dari belum diisi")


def test_render_rows_without_bars_or_shares() -> None:
    assert render_rows([SummaryRow("A", "1"), SummaryRow("Long", "100")]) == [
        "A       1",
        "Long  100",
    ]
    assert render_rows([]) == []


def test_gauge_line() -> None:
    assert gauge(sample_report(), "en", width=10, ascii=True) == (
        "Budget #######--- 73%  Hours #--------- 10%!"
    )
    # 73.3 % of 4 cells = 23.47 eighths -> 23: 2 full and 7/8; 10 % = 3.2 -> 3 eighths.
    assert gauge(sample_report(), "id", width=4) == "Anggaran ██▉  73%  Jam kerja ▍    10%!"
    empty = compute_budget(make_plan())
    assert gauge(empty, "en", width=4) == "Budget not set  Hours 0 h"
