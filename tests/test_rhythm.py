"""Posting rhythm: the calendar against each network card's posts_per_week (docs/calendar.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from smplan.checks import run_checks
from smplan.checks.rhythm import gap_limit, rhythm, rhythm_findings
from smplan.model import Plan

D = dt.date
#: Four whole ISO weeks: Monday 4 January to Sunday 31 January 2027.
START, END = D(2027, 1, 4), D(2027, 1, 31)


def plan(
    calendar: list[dict[str, Any]],
    per_week: Any = 2,
    start: dt.date | None = START,
    end: dt.date | None = END,
    language: str = "en",
) -> Plan:
    card: dict[str, Any] = {"network": "instagram"}
    if per_week is not None:
        card["posts_per_week"] = per_week
    info: dict[str, Any] = {"title": "Rhythm", "language": language}
    if start:
        info["period_start"] = start
    if end:
        info["period_end"] = end
    return Plan.model_validate(
        {"schema": 1, "plan": info, "strategy": {"networks": [card]}, "calendar": calendar}
    )


def posts(*days: dt.date, network: str = "instagram") -> list[dict[str, Any]]:
    return [{"date": day, "network": network, "title": f"post {day}"} for day in days]


def weekly(*weekdays: str) -> dict[str, Any]:
    """One item repeating every week of the period on ``weekdays``."""
    return {
        "date": START,
        "network": "instagram",
        "title": "series",
        "repeat": {"every": "week", "on": list(weekdays)},
    }


def codes(found: list[Any]) -> list[str]:
    return [f.code for f in found]


def test_exactly_on_rhythm_says_nothing() -> None:
    assert rhythm_findings(plan([weekly("mon", "thu")])) == []


def test_weeks_below_the_rhythm_are_one_finding_per_run() -> None:
    # Two posts in the first week, one in each of the other three.
    found = rhythm_findings(plan([weekly("tue"), *posts(D(2027, 1, 7))]))
    assert codes(found) == ["calendar-rhythm"]
    (finding,) = found
    assert finding.level == "warning"
    assert finding.path == ("strategy", "networks", 0, "posts_per_week")
    assert "Instagram has 1 planned in each of the 3 weeks" in finding.message
    assert "11 January 2027 to 31 January 2027" in finding.message
    assert "2 a week" in finding.message


def test_a_week_above_the_rhythm_names_its_dates_and_counts() -> None:
    days = [D(2027, 1, 4), D(2027, 1, 6)] * 1 + [D(2027, 1, 12), D(2027, 1, 13), D(2027, 1, 14)]
    found = rhythm_findings(plan([*posts(*days), *posts(D(2027, 1, 19), D(2027, 1, 22)),
                                  *posts(D(2027, 1, 26), D(2027, 1, 29))]))  # fmt: skip
    assert codes(found) == ["calendar-rhythm"]
    message = found[0].message
    assert "Instagram has 3 planned in the week 11 January 2027 to 17 January 2027" in message
    assert "move some" in message


def test_an_empty_network_is_one_finding_for_the_whole_period() -> None:
    found = rhythm_findings(plan(posts(D(2027, 1, 5), network="tiktok")))
    assert codes(found) == ["calendar-rhythm"]
    assert (
        "0 planned in each of the 4 weeks from 4 January 2027 to 31 January 2027"
        in found[0].message
    )


def test_no_posts_per_week_or_no_period_means_no_rhythm() -> None:
    assert rhythm_findings(plan([], per_week=None)) == []
    assert rhythm_findings(plan([], start=None)) == []
    assert rhythm_findings(plan([], end=None)) == []
    assert rhythm(plan([], start=END, end=START)) == []


def test_a_partial_edge_week_asks_for_its_share() -> None:
    # The period starts on Thursday 7 January: 4 days of that week, so 2 a week asks for 1.
    thin = plan([*posts(D(2027, 1, 8))], start=D(2027, 1, 7))
    assert not any("7 January" in f.message for f in rhythm_findings(thin))
    empty = plan([], start=D(2027, 1, 7))
    first = rhythm_findings(empty)[0].message
    assert "0 planned in the week 7 January 2027 to 10 January 2027" in first
    assert "so 1 in the 4 days" in first


def test_gaps_longer_than_twice_the_rhythm_are_findings() -> None:
    assert gap_limit(Decimal(2)) == 8
    # On rhythm every week (2 a week) but 9 days between Tuesday 5 and Thursday 14.
    days = [D(2027, 1, 4), D(2027, 1, 5), D(2027, 1, 14), D(2027, 1, 15), D(2027, 1, 18),
            D(2027, 1, 21), D(2027, 1, 25), D(2027, 1, 28)]  # fmt: skip
    found = rhythm_findings(plan(posts(*days)))
    assert codes(found) == ["calendar-gap"]
    message = found[0].message
    assert "no post for 9 days, from 5 January 2027 to 14 January 2027" in message
    assert "8 days at most" in message


def test_gaps_exactly_at_the_limit_are_fine() -> None:
    # Every other week: no week is below the rhythm (0 or 1 a week), the gaps are all it has.
    half = Decimal("0.5")
    assert gap_limit(half) == 28
    days = [D(2027, 1, 4), D(2027, 2, 1), D(2027, 3, 2)]  # 28 days, then 29
    found = rhythm_findings(plan(posts(*days), per_week=half, end=D(2027, 3, 28)))
    assert codes(found) == ["calendar-gap"]
    assert "from 1 February 2027 to 2 March 2027" in found[0].message


def test_a_fractional_rhythm_accepts_both_roundings() -> None:
    two_or_three = plan([weekly("mon", "wed"), *posts(D(2027, 1, 8))], per_week=Decimal("2.5"))
    assert codes(rhythm_findings(two_or_three)) == []


def test_posts_per_week_zero_flags_any_post_and_no_gap() -> None:
    found = rhythm_findings(plan(posts(D(2027, 1, 5)), per_week=0))
    assert codes(found) == ["calendar-rhythm"]
    assert "at most" not in found[0].message or "move some" in found[0].message


def test_repeating_items_count_once_per_occurrence_and_except_leaves_a_hole() -> None:
    series = weekly("mon", "thu")
    series["except"] = [D(2027, 1, 14)]
    found = rhythm_findings(plan([series]))
    assert codes(found) == ["calendar-rhythm"]
    assert "1 planned in the week 11 January 2027 to 17 January 2027" in found[0].message


def test_run_checks_reports_rhythm_in_indonesian() -> None:
    found = run_checks(plan([], language="id"))
    rhythm_found = [f for f in found if f.code == "calendar-rhythm"]
    assert len(rhythm_found) == 1
    assert rhythm_found[0].message.startswith("Di Instagram ada 0 unggahan terjadwal")
    assert "jejaring" not in rhythm_found[0].message


def test_a_gap_across_a_week_below_the_rhythm_is_left_to_that_week() -> None:
    # 4 January to 20 January: the week of 11 January has no post, so it is below the rhythm
    # and that finding already says to add posts there.
    days = [D(2027, 1, 4), D(2027, 1, 7), D(2027, 1, 20), D(2027, 1, 21), D(2027, 1, 25),
            D(2027, 1, 28)]  # fmt: skip
    found = rhythm_findings(plan(posts(*days)))
    assert codes(found) == ["calendar-rhythm"]
    assert "0 planned in the week 11 January 2027 to 17 January 2027" in found[0].message
