"""Achievable says what it judged, and Relevant knows more kinds of objective.

Each case changes the base goal of ``smart_plan`` and names the state and rule
of one letter. U is "not judged": never a pass.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from smplan.checks.smart import check_goal
from tests.smart_plan import TODAY, build_plan

NO_AUDIT: dict[str, Any] = {"audit": {"profiles": []}}
STATES = {"P": "pass", "W": "warn", "F": "fail", "U": "unjudged"}


def _letter(letter: str, goal: dict[str, Any], lang: str = "en", plan: Any = None) -> Any:
    built = build_plan(goal, lang, plan)
    return check_goal(built.goals[0], built, today=TODAY).letter(letter)


@pytest.mark.parametrize(
    ("name", "goal", "plan", "state", "rule"),
    [
        (
            "500 new followers in 30 days, no baseline",
            {"statement": "Gain 500 new Instagram followers in 30 days", "baseline": None,
             "target": None, "deadline": dt.date(2027, 1, 30)},
            NO_AUDIT, "U", "no-baseline",
        ),
        (
            "2 million followers in a week, no baseline",
            {"statement": "Reach 2 million Instagram followers in 1 week", "baseline": None,
             "target": 2_000_000, "deadline": dt.date(2027, 1, 7)},
            NO_AUDIT, "W", "growth-far",
        ),
        (
            "1,000 new followers in a week, no baseline",
            {"statement": "Menambah 1000 pengikut Instagram dalam seminggu", "baseline": None,
             "target": None, "deadline": dt.date(2027, 1, 7)},
            NO_AUDIT, "W", "growth-far",
        ),
        (
            "100,000 followers in a month, no baseline",
            {"statement": "Reach 100,000 Instagram followers in a month", "baseline": None,
             "target": 100_000, "deadline": dt.date(2027, 1, 31)},
            NO_AUDIT, "W", "growth-far",
        ),
        (
            "5,000 followers in two months, no baseline",
            {"statement": "Reach 5,000 Instagram followers within two months", "baseline": None,
             "target": 5000, "deadline": dt.date(2027, 2, 28)},
            NO_AUDIT, "U", "no-baseline",
        ),
        (
            "15 % over a year, no baseline: within reach for any size",
            {"statement": "Increase Instagram followers by 15% by the end of Q4", "baseline": None,
             "target": None, "deadline": dt.date(2027, 12, 31)},
            NO_AUDIT, "P", "growth-any-size",
        ),
        (
            "50 % in a month, no baseline: beyond reach for any size",
            {"statement": "Increase Instagram followers by 50% in a month", "baseline": None,
             "target": None, "deadline": dt.date(2027, 1, 31)},
            NO_AUDIT, "F", "growth-steep-any-size",
        ),
        (
            "20 % in six months, no baseline: depends on the size",
            {"statement": "Increase Instagram followers by 20% in 6 months", "baseline": None,
             "target": None, "deadline": dt.date(2027, 6, 30)},
            NO_AUDIT, "U", "size-unknown",
        ),
        (
            "an engagement rate of 30%, no network",
            {"statement": "Reach an engagement rate of 30%", "network": None,
             "kpi": "engagement-rate", "unit": "%", "baseline": None, "target": 30},
            NO_AUDIT, "F", "engagement-steep",
        ),
        (
            "an engagement rate of 4%, no network",
            {"statement": "Reach an engagement rate of 4%", "network": None,
             "kpi": "engagement-rate", "unit": "%", "baseline": None, "target": 4},
            NO_AUDIT, "U", "no-median",
        ),
        (
            "revenue of Rp 1 miliar in the first month",
            {"statement": "omzet Rp1 miliar di bulan pertama", "network": None, "kpi": "revenue",
             "unit": "IDR", "baseline": None, "target": 1_000_000_000,
             "deadline": dt.date(2027, 1, 31), "objective": "sales"},
            None, "U", "no-benchmark",
        ),
        (
            "doubling revenue in a month",
            {"statement": "menggandakan pendapatan dalam satu bulan", "network": None,
             "kpi": "revenue", "unit": "IDR", "baseline": 50_000_000, "target": 100_000_000,
             "deadline": dt.date(2027, 1, 31), "objective": "sales"},
            None, "U", "no-benchmark",
        ),
        (
            "no KPI",
            {"kpi": None, "statement": "Reach 13,500 on Instagram by 30 June 2027"},
            None, "U", "no-kpi",
        ),
        (
            "no target at all",
            {"target": None, "statement": "Grow Instagram followers from 12,400 by 30 June 2027"},
            None, "U", "no-target",
        ),
        (
            "no deadline anywhere",
            {"deadline": None, "statement": "Grow Instagram followers from 12,400 to 13,500"},
            None, "U", "no-dates",
        ),
        (
            "a target below the baseline needs no growth",
            {"target": 12000, "statement": "Keep Instagram followers at 12,000 by 30 June 2027"},
            None, "P", "no-growth",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) > 3 else "",
)  # fmt: skip
def test_achievable(name: str, goal: dict[str, Any], plan: Any, state: str, rule: str) -> None:
    verdict = _letter("A", goal, plan=plan)
    detail = f"{verdict.state} {verdict.rule}: {verdict.reason} | {verdict.fix}"
    assert (verdict.state, verdict.rule) == (STATES[state], rule), detail
    if state == "U":
        # Not judged says what would let it judge, and the owner part was judged.
        assert verdict.fix and "Dewi" in verdict.reason and not verdict.passed, detail


def test_not_judged_names_the_smallest_account_that_could_make_it() -> None:
    verdict = _letter(
        "A",
        {"statement": "Gain 500 new Instagram followers in 30 days", "baseline": None,
         "target": None, "deadline": dt.date(2027, 1, 30)},
        plan=NO_AUDIT,
    )  # fmt: skip
    assert "5,700" in verdict.reason, verdict.reason


def test_not_judged_is_never_fully_smart() -> None:
    built = build_plan(
        {"kpi": "cpc", "id": "ig-ads", "objective": "traffic", "unit": "IDR", "baseline": 3000,
         "target": 2500, "statement": "Cut Instagram CPC from Rp 3.000 to Rp 2.500 by 30 June 2027"}
    )  # fmt: skip
    verdict = check_goal(built.goals[0], built, today=TODAY)
    assert verdict.letter("A").state == "unjudged"
    assert not verdict.fully_smart
    assert verdict.badge() == "S M a- R T"


# -- the goal's own pace --------------------------------------------------------

REVENUE: dict[str, Any] = {
    "kpi": "revenue",
    "network": "instagram",
    "objective": "sales",
    "unit": "IDR",
    "baseline": 110_000_000,
    "statement": "Grow Instagram sales from Rp 110 juta by 30 June 2027",
}


def _with_history(*values: tuple[dt.date, int]) -> dict[str, Any]:
    results = [{"goal": "ig-followers", "date": day, "value": value} for day, value in values]
    return {"measurement": {"results": results}}


@pytest.mark.parametrize(
    ("target", "history", "state", "rule"),
    [
        # 100 to 110 million over two months before the start: about 4.9 % a month.
        (150_000_000, ((dt.date(2026, 11, 1), 100_000_000),), "P", "own-pace-ambitious"),
        (130_000_000, ((dt.date(2026, 11, 1), 100_000_000),), "P", "own-pace-ok"),
        (300_000_000, ((dt.date(2026, 11, 1), 100_000_000),), "F", "own-pace-steep"),
        (150_000_000, ((dt.date(2026, 11, 1), 120_000_000),), "W", "own-pace-flat"),
        (150_000_000, (), "U", "no-benchmark"),
    ],
)
def test_a_kpi_without_benchmark_is_judged_against_its_own_pace(
    target: int, history: tuple[tuple[dt.date, int], ...], state: str, rule: str
) -> None:
    goal = {**REVENUE, "target": target}
    verdict = _letter("A", goal, plan=_with_history(*history))
    assert (verdict.state, verdict.rule) == (STATES[state], rule), verdict.reason


# -- relevance ------------------------------------------------------------------

OBJECTIVES: dict[str, Any] = {
    "objectives": [
        {"id": "known", "kind": "communication", "statement": "Make the brand known in Jakarta"},
        {"id": "neighbours", "kind": "communication",
         "statement": "Be the first name neighbours think of when they need help with food"},
        {"id": "community", "kind": "communication", "statement": "Build a loyal community"},
        {"id": "reputation", "kind": "communication", "statement": "Protect our reputation"},
        {"id": "reputasi", "kind": "communication", "statement": "Menjaga reputasi merek"},
        {"id": "hiring", "kind": "communication", "statement": "Recruit 20 volunteers"},
        {"id": "relawan", "kind": "communication", "statement": "Merekrut relawan baru"},
        {"id": "retention", "kind": "marketing", "statement": "Keep customers coming back"},
        {"id": "retensi", "kind": "marketing", "statement": "Meningkatkan retensi pelanggan"},
        {"id": "sales", "kind": "marketing", "statement": "Grow online sales"},
        {"id": "leads", "kind": "marketing", "statement": "Win newsletter sign-ups"},
        {"id": "bare"},
    ]
}  # fmt: skip
REPLY: dict[str, Any] = {
    "kpi": "first-response-time",
    "unit": "hours",
    "baseline": 4,
    "target": 1,
    "statement": "Cut the Instagram first response time from 4 hours to 1 hour by 30 June 2027",
}


@pytest.mark.parametrize(
    ("objective", "goal", "state", "rule"),
    [
        ("known", REPLY, "P", "ok"),
        ("neighbours", REPLY, "P", "ok"),
        ("reputation", REPLY, "P", "ok"),
        ("sales", REPLY, "W", "kpi-kind"),
        ("community", {"kpi": "engagement-rate", "unit": "%", "baseline": 2.1, "target": 3,
                       "statement": "Raise the Instagram engagement rate from 2.1% to 3% by 30 June 2027"},
         "P", "ok"),
        ("reputation", {"kpi": "share-of-voice", "unit": "%", "baseline": 10, "target": 15,
                        "statement": "Raise Instagram share of voice from 10% to 15% by 30 June 2027"},
         "P", "ok"),
        ("reputasi", {"kpi": "net-sentiment", "unit": "points", "baseline": 10, "target": 30,
                      "statement": "Menaikkan sentimen bersih Instagram dari 10 menjadi 30 paling lambat 30 Juni 2027"},
         "P", "ok"),
        ("hiring", {"kpi": "applicants", "unit": "applicants", "baseline": 10, "target": 20,
                    "statement": "Grow job applicants from Instagram from 10 to 20 by 30 June 2027"},
         "P", "ok"),
        ("relawan", {"kpi": "applicants", "unit": "pelamar", "baseline": 10, "target": 20,
                     "statement": "Menambah pelamar dari Instagram dari 10 menjadi 20 paling lambat 30 Juni 2027"},
         "P", "ok"),
        ("hiring", {}, "W", "kpi-kind"),
        ("retention", {"kpi": "churn-rate", "unit": "%", "baseline": 5, "target": 3,
                       "statement": "Cut churn from 5% to 3% by 30 June 2027 with Instagram care"},
         "P", "ok"),
        ("retensi", {"kpi": "repeat-purchases", "unit": "orders", "baseline": 100, "target": 150,
                     "statement": "Menambah pembelian ulang dari Instagram dari 100 menjadi 150 paling lambat 30 Juni 2027"},
         "P", "ok"),
        ("sales", {"kpi": "repeat-purchases", "unit": "orders", "baseline": 100, "target": 150,
                   "statement": "Grow repeat purchases from Instagram from 100 to 150 by 30 June 2027"},
         "P", "ok"),
        ("sales", {"kpi": "clicks", "unit": "clicks", "baseline": 100, "target": 150,
                   "statement": "Grow Instagram link clicks from 100 to 150 by 30 June 2027"},
         "P", "ok"),
        ("leads", {"kpi": "newsletter sign-ups", "unit": "sign-ups", "baseline": 100, "target": 150,
                   "statement": "Grow Instagram newsletter sign-ups from 100 to 150 by 30 June 2027"},
         "P", "ok"),
        ("leads", {"kpi": "blorps", "unit": "blorps", "baseline": 100, "target": 150,
                   "statement": "Grow Instagram blorps from 100 to 150 by 30 June 2027"},
         "U", "free-kpi"),
        ("known", {"kpi": None, "statement": "Reach 13,500 on Instagram by 30 June 2027"},
         "U", "no-kpi"),
        ("bare", {}, "U", "objective-kind"),
    ],
)  # fmt: skip
def test_relevant(objective: str, goal: dict[str, Any], state: str, rule: str) -> None:
    verdict = _letter("R", {**goal, "objective": objective}, plan=OBJECTIVES)
    assert (verdict.state, verdict.rule) == (STATES[state], rule), verdict.reason
    if state != "P":
        assert verdict.fix


def test_a_goal_without_a_kpi_never_passes_relevance_and_is_offered_one() -> None:
    verdict = _letter("R", {"kpi": None, "statement": "Reach 13,500 on Instagram by 30 June 2027"})
    assert verdict.state == "unjudged"
    assert [(p.field, p.value, p.source) for p in verdict.proposals] == [
        ("kpi", "followers", "catalogue")
    ]
