"""Advice the interface can apply: proposals carried as (field, value), a statement
that fills the empty fields, and a statement drafted from the fields that reads back
as the same goal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smplan.checks.smart import (
    Proposal,
    SmartContext,
    check_goal,
    draft_statement,
    fill_from_statement,
)
from smplan.checks.smart.kpis import catalogue
from smplan.i18n import Lang
from smplan.model import Goal, Plan
from tests.smart_plan import TODAY, build_plan


def _proposals(letter: str, goal: dict[str, Any], **kwargs: Any) -> tuple[str, list[Any]]:
    plan = build_plan(goal, **kwargs)
    verdict = check_goal(plan.goals[0], plan, today=TODAY).letter(letter)
    return verdict.rule, [(p.field, p.value, p.source) for p in verdict.proposals]


@pytest.mark.parametrize(
    ("letter", "goal", "rule", "proposals"),
    [
        ("M", {"target": None}, "target-in-statement", [("target", Decimal(13500), "statement")]),
        (
            "M",
            {"baseline": None, "target": None, "statement": "Grow Instagram followers by 15% by 30 June 2027"},
            "target-from-change",
            [("baseline", Decimal(12400), "audit"), ("target", Decimal(14260), "statement")],
        ),
        (
            "M",
            {"target": None, "statement": "Boost the number of followers on Instagram by 700 by 30 June 2027"},
            "target-from-change",
            [("target", Decimal(13100), "statement")],
        ),
        (
            "M",
            {"baseline": None, "statement": "Grow Instagram followers to 13,500 by 30 June 2027"},
            "baseline-in-audit",
            [("baseline", Decimal(12400), "audit")],
        ),
        ("M", {"unit": "%"}, "unit", [("unit", "followers", "catalogue")]),
        ("M", {"target": 14000}, "disagree", [("target", Decimal(13500), "statement")]),
        (
            "T",
            {"deadline": None, "statement": "Grow Instagram followers from 12,400 to 13,500 in 30 days"},
            "deadline-in-statement",
            [("deadline", dt.date(2027, 1, 30), "statement")],
        ),
        (
            "T",
            {"deadline": None, "statement": "Grow Instagram followers from 12,400 to 13,500"},
            "no-deadline",
            [("deadline", dt.date(2027, 12, 31), "period")],
        ),
        ("T", {"start": None}, "no-start", [("start", dt.date(2027, 1, 1), "period")]),
        (
            "T",
            {"deadline": dt.date(2028, 3, 31), "statement": "Grow Instagram followers from 12,400 to 13,500"},
            "after-period",
            [("deadline", dt.date(2027, 12, 31), "period")],
        ),
        ("T", {"deadline": dt.date(2027, 5, 31)}, "disagree", [("deadline", dt.date(2027, 6, 30), "statement")]),
        (
            "T",
            {"start": dt.date(2027, 6, 30), "deadline": dt.date(2027, 1, 1), "statement": "Grow Instagram followers from 12,400 to 13,500"},
            "order",
            [("start", dt.date(2027, 1, 1), "plan"), ("deadline", dt.date(2027, 6, 30), "plan")],
        ),
        ("S", {"kpi": "reach"}, "kpi-disagree", [("kpi", "followers", "statement")]),
        ("S", {"network": "tiktok"}, "network-disagree", [("network", "instagram", "statement")]),
        ("R", {"objective": "sales"}, "kpi-kind", [("kpi", "conversion-rate", "catalogue")]),
    ],
)  # fmt: skip
def test_advice_carries_the_values_it_proposes(
    letter: str, goal: dict[str, Any], rule: str, proposals: list[Any]
) -> None:
    assert _proposals(letter, goal) == (rule, proposals)


def test_advice_from_the_plan_only_when_there_is_one_choice() -> None:
    one = {"resources": {"team": [{"id": "dewi", "name": "Dewi", "hours_per_week": 20}]}}
    assert _proposals("A", {"owner": None}, plan=one) == ("no-owner", [("owner", "dewi", "plan")])
    assert _proposals("A", {"owner": None}) == ("no-owner", [])
    one_persona = {"personas": [{"id": "rina", "name": "Rina", "sources": ["interviews"]}]}
    assert _proposals("R", {"personas": []}, plan=one_persona) == (
        "no-persona",
        [("personas", ("rina",), "plan")],
    )
    assert _proposals("R", {"personas": []})[1] == []


def _apply(goal: Goal, proposals: tuple[Proposal, ...]) -> None:
    for proposal in proposals:
        setattr(goal, proposal.field, proposal.value)


@pytest.mark.parametrize(
    "goal",
    [
        {"target": None},
        {"baseline": None, "target": None, "statement": "Grow Instagram followers by 15% by 30 June 2027"},
        {"deadline": None, "statement": "Grow Instagram followers from 12,400 to 13,500 in 30 days"},
        {"start": None},
        {"unit": "%"},
        {"target": 14000},
        {"deadline": dt.date(2027, 5, 31)},
        {"kpi": "reach"},
        {"objective": "sales"},
    ],
)  # fmt: skip
def test_applying_a_letters_proposals_settles_that_advice(goal: dict[str, Any]) -> None:
    plan = build_plan(goal)
    target = plan.goals[0]
    before = check_goal(target, plan, today=TODAY)
    changed = [v for v in before.letters if v.proposals]
    assert changed, before.badge()
    for letter in changed:
        _apply(target, letter.proposals)
        after = check_goal(target, plan, today=TODAY).letter(letter.letter)
        assert after.rule != letter.rule, (letter.rule, after.reason)


# -- fill from statement --------------------------------------------------------


def _plan(lang: Lang, **goal: Any) -> Plan:
    data = {
        "schema": 1,
        "plan": {
            "title": "t",
            "period_start": dt.date(2026, 7, 1),
            "period_end": dt.date(2027, 6, 30),
            "currency": "IDR",
            "language": lang,
        },
        "goals": [{"id": "g", **goal}],
    }
    return Plan.model_validate(data)


def _fill(plan: Plan) -> dict[str, Any]:
    found = fill_from_statement(plan.goals[0], plan, today=dt.date(2026, 6, 1))
    assert all(p.source == "statement" for p in found)
    return {p.field: p.value for p in found}


@pytest.mark.parametrize(
    ("statement", "lang"),
    [
        ("Grow Instagram followers from 2,300 to 3,600 between 1 July and 31 December 2026", "en"),
        (
            "Menambah pengikut Instagram dari 2.300 menjadi 3.600 mulai 1 Juli hingga 31 Desember 2026",
            "id",
        ),
    ],
)
def test_fill_every_empty_field_the_statement_determines(statement: str, lang: Lang) -> None:
    assert _fill(_plan(lang, statement=statement)) == {
        "network": "instagram",
        "kpi": "followers",
        "baseline": Decimal(2300),
        "target": Decimal(3600),
        "start": dt.date(2026, 7, 1),
        "deadline": dt.date(2026, 12, 31),
    }


@pytest.mark.parametrize(
    ("statement", "lang", "fields", "filled"),
    [
        # A relative target with a baseline: computed.
        ("Boost the number of followers on Instagram by 700 in the next month.", "en",
         {"baseline": 2300, "start": dt.date(2026, 7, 1)},
         {"network": "instagram", "kpi": "followers", "target": Decimal(3000),
          "deadline": dt.date(2026, 7, 31)}),
        # Without one: no target, the rest still.
        ("Meningkatkan jumlah pengikut Instagram sebesar 1.000 dalam 3 bulan", "id",
         {"start": dt.date(2026, 7, 1)},
         {"network": "instagram", "kpi": "followers", "deadline": dt.date(2026, 9, 30)}),
        ("Raise the TikTok engagement rate by 15% by the end of the year", "en",
         {"baseline": 2, "start": dt.date(2026, 7, 1)},
         {"network": "tiktok", "kpi": "engagement-rate", "target": Decimal("2.3"),
          "unit": "%", "deadline": dt.date(2026, 12, 31)}),
        ("Raise the TikTok engagement rate by 2 percentage points this quarter", "en",
         {"baseline": 2, "start": dt.date(2026, 7, 1)},
         {"network": "tiktok", "kpi": "engagement-rate", "target": Decimal(4),
          "unit": "%", "deadline": dt.date(2026, 9, 30)}),
        ("Menurunkan CPC Instagram sebesar 20% pada kuartal berikutnya", "id",
         {"baseline": 3000, "start": dt.date(2026, 7, 1)},
         {"network": "instagram", "kpi": "cpc", "target": Decimal(2400),
          "deadline": dt.date(2026, 12, 31)}),
        ("Cut the first response time on X by 2 hours this month", "en",
         {"baseline": 240, "unit": "minutes", "start": dt.date(2026, 7, 1)},
         {"network": "x", "kpi": "first-response-time", "target": Decimal(120),
          "deadline": dt.date(2026, 7, 31)}),
        ("Double YouTube video views before the end of the school year", "en",
         {"baseline": 1200, "start": dt.date(2026, 8, 1)},
         {"network": "youtube", "kpi": "video-views", "target": Decimal(2400),
          "deadline": dt.date(2027, 6, 30)}),
        ("Reach Rp 50 juta omzet dari Instagram pada bulan ini", "id",
         {"start": dt.date(2026, 7, 1)},
         {"network": "instagram", "kpi": "revenue", "target": Decimal(50_000_000),
          "unit": "IDR", "deadline": dt.date(2026, 7, 31)}),
        ("Membalas DM Instagram dalam 30 menit paling lambat akhir tahun", "id",
         {"start": dt.date(2026, 7, 1)},
         {"network": "instagram", "kpi": "first-response-time", "target": Decimal(30),
          "unit": "menit", "deadline": dt.date(2026, 12, 31)}),
    ],
)  # fmt: skip
def test_fill_what_relative_words_name(
    statement: str, lang: Lang, fields: dict[str, Any], filled: dict[str, Any]
) -> None:
    assert _fill(_plan(lang, statement=statement, **fields)) == filled


def test_fill_leaves_what_is_set_and_what_is_unclear() -> None:
    plan = _plan(
        "en",
        statement="Grow followers on Facebook and Instagram from 2,300 to 3,600 by 31 December 2026",
        target=4000,
    )
    filled = _fill(plan)
    assert "target" not in filled and "network" not in filled
    assert filled["baseline"] == Decimal(2300)
    assert _fill(_plan("en", statement="")) == {}


# -- write the statement from the fields ----------------------------------------


def test_draft_in_both_languages() -> None:
    fields = {
        "network": "instagram",
        "kpi": "followers",
        "baseline": 2300,
        "target": 3600,
        "start": dt.date(2026, 7, 1),
        "deadline": dt.date(2026, 12, 31),
    }
    assert draft_statement(_plan("en", **fields).goals[0], _plan("en")) == (
        "Grow Instagram followers from 2,300 to 3,600 between 1 July and 31 December 2026"
    )
    assert draft_statement(_plan("id", **fields).goals[0], _plan("id")) == (
        "Menambah pengikut Instagram dari 2.300 menjadi 3.600 mulai 1 Juli hingga 31 Desember 2026"
    )


@pytest.mark.parametrize(
    ("fields", "lang", "draft"),
    [
        ({"network": "instagram", "kpi": "cpc", "unit": "IDR", "baseline": 3000, "target": 2500,
          "deadline": dt.date(2027, 3, 31)}, "en", "Cut Instagram CPC from IDR 3,000 to IDR 2,500 by 31 March 2027"),
        ({"network": "instagram", "kpi": "cpc", "unit": "IDR", "baseline": 3000, "target": 2500,
          "deadline": dt.date(2027, 3, 31)}, "id", "Menurunkan CPC Instagram dari Rp 3.000 menjadi Rp 2.500 paling lambat 31 Maret 2027"),
        ({"network": "x", "kpi": "first response time", "unit": "hours", "baseline": 4, "target": 1,
          "start": dt.date(2026, 12, 1), "deadline": dt.date(2027, 3, 31)}, "en",
         "Cut X first response time from 4 hours to 1 hour between 1 December 2026 and 31 March 2027"),
        ({"network": "tiktok", "kpi": "engagement rate", "unit": "%", "target": Decimal("3.5")}, "id",
         "Menaikkan engagement rate TikTok menjadi 3,5%"),
        ({"kpi": "leads", "target": 40, "start": dt.date(2026, 9, 1)}, "id", "Menambah leads menjadi 40 mulai 1 September 2026"),
    ],
)  # fmt: skip
def test_draft_writes_what_the_fields_say(fields: dict[str, Any], lang: Lang, draft: str) -> None:
    plan = _plan(lang, **fields)
    assert draft_statement(plan.goals[0], plan) == draft


def test_no_draft_without_a_kpi() -> None:
    plan = _plan("en", network="instagram", target=100)
    assert draft_statement(plan.goals[0], plan) is None


#: KPIs a drafted statement can name, with a value range that reads back unchanged.
_DRAFTABLE = sorted(k for k in catalogue().kpis if k != "net-sentiment")  # no negative figures


@st.composite
def _goals(draw: st.DrawFn) -> tuple[Plan, Lang]:
    lang: Lang = draw(st.sampled_from(("en", "id")))
    kpi = catalogue().kpis[draw(st.sampled_from(_DRAFTABLE))]
    kind = kpi.units[0]
    if kind in ("percent",):
        values = st.decimals(min_value=0, max_value=100, places=2)
    elif kind == "money":
        values = st.integers(min_value=0, max_value=5_000_000).map(Decimal)
    elif kind in ("ratio", "duration", "score"):
        values = st.decimals(min_value=1, max_value=500, places=1)
    else:
        values = st.integers(min_value=0, max_value=2_000_000).map(Decimal)
    baseline = draw(values)
    target = draw(values.filter(lambda v: v != baseline))
    if (target < baseline) != (kpi.better == "down"):
        baseline, target = target, baseline
    unit = {"percent": "%", "money": "IDR", "ratio": "x", "duration": "hours", "score": "points"}
    start = draw(st.dates(dt.date(2026, 7, 1), dt.date(2027, 3, 31)))
    # At least a week, at most to the end of the plan (30 June 2027), both days counted.
    length = draw(st.integers(min_value=7, max_value=(dt.date(2027, 6, 30) - start).days + 1))
    network = draw(st.sampled_from(("instagram", "tiktok", "facebook", "x", "linkedin", "youtube")))
    plan = _plan(
        lang,
        network=network,
        kpi=kpi.id,
        unit=unit.get(kind),
        baseline=baseline,
        target=target,
        start=start,
        deadline=start + dt.timedelta(days=length - 1),
    )
    return plan, lang


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_goals())
def test_a_drafted_statement_reads_back_specific_measurable_and_time_bound(
    drawn: tuple[Plan, Lang],
) -> None:
    plan, lang = drawn
    goal = plan.goals[0]
    goal.statement = draft_statement(goal, plan, lang)
    context = SmartContext.build(plan)
    verdict = check_goal(goal, plan, lang, context, today=dt.date(2026, 6, 1))
    detail = f"{goal.statement!r}: " + "; ".join(
        f"{v.letter} {v.rule} {v.reason}" for v in verdict.letters
    )
    for letter in "SMT":
        assert verdict.letter(letter).state == "pass", detail
    # And filling an empty copy from the draft gives the fields back.
    blank = goal.model_copy(
        update={k: None for k in ("network", "kpi", "baseline", "target", "start", "deadline")}
    )
    filled = {p.field: p.value for p in fill_from_statement(blank, plan, lang, context=context)}
    assert filled.get("target") == goal.target, detail
    assert filled.get("deadline") == goal.deadline, detail
    assert filled.get("start") == goal.start, detail
