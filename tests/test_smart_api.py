"""The checker's API as the app and `smplan check` use it: verdicts, context, findings, overrides."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smplan.checks import run_checks
from smplan.checks.smart import (
    LETTERS,
    LetterVerdict,
    SmartContext,
    SmartVerdict,
    check_goal,
    check_goals,
    smart_findings,
    smart_summary,
)
from smplan.store import PlanFile
from tests.helpers import ROOT, run_cli
from tests.smart_plan import BASE_PLAN, TODAY, build_plan

SRC = ROOT / "src"


def _verdict(states: str) -> SmartVerdict:
    names = {"P": "pass", "W": "warn", "F": "fail"}
    letters = tuple(
        LetterVerdict(letter, names[s], "why", "" if s == "P" else "fix")  # type: ignore[arg-type]
        for letter, s in zip(LETTERS, states.split(), strict=True)
    )
    return SmartVerdict("g", letters)


def test_badge_is_readable_without_colour() -> None:
    assert _verdict("P P P P P").badge() == "S M A R T"
    assert _verdict("P W P F P").badge() == "S m? A r! T"
    assert _verdict("F F F F F").badge() == "s! m! a! r! t!"


def test_fully_smart_needs_five_passes_and_summary_counts_them() -> None:
    verdicts = [_verdict("P P P P P"), _verdict("P W P P P"), _verdict("P P P P F")]
    assert [v.fully_smart for v in verdicts] == [True, False, False]
    assert smart_summary(verdicts) == (1, 3)
    assert smart_summary([]) == (0, 0)
    assert verdicts[1].letter("m").state == "warn"


def test_check_goals_in_goal_order_with_plan_language() -> None:
    second = {"id": "draft", "statement": "Lebih dikenal di TikTok"}
    plan = build_plan(lang="id", others=[second])
    verdicts = check_goals(plan, today=TODAY)
    assert [v.goal_id for v in verdicts] == ["ig-followers", "draft"]
    assert verdicts[0].fully_smart
    draft = verdicts[1]
    assert draft.letter("T").reason == "belum ada tenggat"
    # The same plan, reasons asked in English.
    assert check_goals(plan, "en", today=TODAY)[1].letter("T").reason == "no deadline"


def test_a_context_stays_valid_while_its_goal_is_edited() -> None:
    plan = build_plan()
    goal = plan.goals[0]
    context = SmartContext.build(plan)
    assert check_goal(goal, plan, context=context, today=TODAY).fully_smart
    # Keystrokes in the goal form change the goal in place; the context is not rebuilt.
    goal.statement = "Grow Instagram followers soon"
    goal.hours_per_week = Decimal(25)
    goal.owner = "dewi"
    verdict = check_goal(goal, plan, context=context, today=TODAY)
    assert verdict.letter("S").rule == "vague"
    assert verdict.letter("A").rule == "overloaded"
    assert verdict.letter("T").rule == "vague"
    goal.statement = "Grow Instagram followers from 12,400 to 13,500 by 30 June 2027"
    goal.hours_per_week = None
    assert check_goal(goal, plan, context=context, today=TODAY).fully_smart
    assert check_goal(goal, plan, today=TODAY) == check_goal(
        goal, plan, context=context, today=TODAY
    )


def test_today_decides_whether_a_deadline_has_passed() -> None:
    plan = build_plan()
    goal = plan.goals[0]
    assert check_goal(goal, plan, today=dt.date(2027, 6, 30)).letter("T").state == "pass"
    assert check_goal(goal, plan, today=dt.date(2027, 7, 1)).letter("T").rule == "past"


def test_findings_one_per_letter_that_does_not_pass() -> None:
    plan = build_plan(
        {
            "owner": None,
            "deadline": None,
            "statement": "Grow Instagram followers from 12,400 to 13,500",
        }
    )
    findings = smart_findings(plan, "en", today=TODAY)
    assert [(f.code, f.level, f.path, f.subject) for f in findings] == [
        ("smart-achievable", "warning", ("goals", 0, "owner"), "ig-followers"),
        ("smart-time-bound", "warning", ("goals", 0, "deadline"), "ig-followers"),
    ]
    message = findings[0].message
    assert message.startswith(
        'goal "ig-followers", Achievable: nobody owns the goal; fill in Owner'
    )
    assert '"dewi"' in message


def test_findings_of_a_goal_without_id_name_its_place() -> None:
    plan = build_plan({"id": None, "objective": None})
    (finding,) = smart_findings(plan, "id", today=TODAY)
    assert finding.subject is None
    assert finding.message.startswith('sasaran "goals[0]", Relevan: belum terhubung ke tujuan')


def test_the_checker_is_pure() -> None:
    code = (
        "import sys; from smplan.checks.smart import check_goals; from smplan.model import Plan; "
        "check_goals(Plan()); sys.exit('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(SRC)}, timeout=120
    )
    assert result.returncode == 0


def test_run_checks_includes_smart_findings() -> None:
    plan = build_plan({"personas": []})
    codes = [f.code for f in run_checks(plan, "en")]
    assert "smart-relevant" in codes


def _plan_file(tmp_path: Path, goal_lines: str, extra: str = "") -> tuple[Path, str]:
    # The base plan's ad money is for a goal these files do not have.
    base = BASE_PLAN.replace('goal = "ig-ads"\n', "")
    text = base + extra + "\n[[goals]]\n" + goal_lines
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return path, text


GOOD_GOAL = """id = "ig-followers"
statement = "Grow Instagram followers from 12,400 to 13,500 by 30 June 2027"
objective = "awareness"
network = "instagram"
kpi = "followers"
baseline = 12400
target = 13500
unit = "followers"
start = 2027-01-01
deadline = 2027-06-30
owner = "dewi"
personas = ["rina"]
"""


def test_cli_check_reports_letters_with_the_goal_line(tmp_path: Path) -> None:
    goal = GOOD_GOAL.replace('owner = "dewi"\n', "").replace("target = 13500", "target = 13000")
    path, text = _plan_file(tmp_path, goal)
    lines = text.splitlines()
    header = len(lines) - lines[::-1].index("[[goals]]")
    target_line = lines.index("target = 13000") + 1
    result = run_cli("check", "--json", path)
    assert result.returncode == 0, result.stderr
    smart = [f for f in json.loads(result.stdout) if f["code"].startswith("smart-")]
    assert [(f["code"], f["line"], f["path"]) for f in smart] == [
        ("smart-achievable", header, "goals[0].owner"),
        ("smart-measurable", target_line, "goals[0].target"),
    ]
    assert all(f["level"] == "warning" and f["subject"] == "ig-followers" for f in smart)
    assert "13,500" in smart[1]["message"] and "13,000" in smart[1]["message"]

    strict = run_cli("check", "--strict", "--lang", "id", path)
    assert strict.returncode == 1
    assert f"{path}:{header}: error smart-achievable: sasaran" in strict.stdout


def test_a_good_goal_in_a_file_gives_no_smart_findings(tmp_path: Path) -> None:
    path, _text = _plan_file(tmp_path, GOOD_GOAL)
    plan_file = PlanFile.open(path)
    assert plan_file.load_findings == []
    assert smart_findings(plan_file.plan, today=TODAY) == []


def test_plan_overrides_benchmarks_in_its_smart_table(tmp_path: Path) -> None:
    stretch = GOOD_GOAL.replace("13,500", "15,000").replace("target = 13500", "target = 15000")
    path, _text = _plan_file(tmp_path, stretch)
    plan = PlanFile.open(path).plan
    assert check_goals(plan, today=TODAY)[0].letter("A").rule == "growth-stretch"

    override = "\n[smart.growth.instagram]\n0 = 4.0\n"
    path, _text = _plan_file(tmp_path, stretch, override)
    plan_file = PlanFile.open(path)
    assert plan_file.load_findings == []
    assert not [f for f in run_checks(plan_file.plan) if f.code == "unknown-key"]
    assert check_goals(plan_file.plan, today=TODAY)[0].letter("A").rule == "growth-ok"


def test_override_keys_that_make_no_sense_are_reported(tmp_path: Path) -> None:
    override = "\n[smart.growth.instagram]\nsmall = 4.0\n\n[smart.rules]\ngrowth_fial = 5\n"
    path, _text = _plan_file(tmp_path, GOOD_GOAL, override)
    plan = PlanFile.open(path).plan
    ignored = [f for f in smart_findings(plan, today=TODAY) if f.code == "smart-benchmark"]
    assert [f.path for f in ignored] == [
        ("smart", "growth", "instagram", "small"),
        ("smart", "rules", "growth_fial"),
    ]
    # The built-in Instagram tiers still apply.
    assert check_goals(plan, today=TODAY)[0].fully_smart


def test_rules_can_be_tuned_per_plan() -> None:
    plan = build_plan(
        {"start": dt.date(2027, 6, 25), "target": 12420}, plan={"smart": {"rules": {"min_days": 3}}}
    )
    plan.goals[0].statement = "Grow Instagram followers from 12,400 to 12,420 by 30 June 2027"
    assert check_goal(plan.goals[0], plan, today=TODAY).letter("T").state == "pass"


_PIECES = [
    *"0123456789.,%/- xXkKmMQ",
    *("dari ", "menjadi ", "from ", "to ", "by ", "Juni ", "June ", "2027 ", "Rp", "rb"),
    *("jt ", "dalam ", "bulan ", "soon ", "akhir ", "kuartal ", "sebelum ", "31 ", "\n", "é"),
]
_text = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join) | st.text(max_size=60)
_number = st.one_of(
    st.none(),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    # What a TOML float becomes in the model: up to 1.8e308.
    st.floats(allow_nan=False, allow_infinity=False).map(lambda f: Decimal(repr(f))),
)
_date = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    statement=_text,
    baseline=_number,
    target=_number,
    start=_date,
    deadline=_date,
    today=st.dates(),
    kpi=st.sampled_from(
        [None, "followers", "cpc", "engagement rate", "first response time", "odd"]
    ),
    unit=st.sampled_from([None, "%", "IDR", "hours", "x", "followers", ""]),
    hours=_number,
)
def test_no_input_breaks_the_checker(
    statement: str,
    baseline: Decimal | int | None,
    target: Decimal | int | None,
    start: dt.date | None,
    deadline: dt.date | None,
    today: dt.date,
    kpi: str | None,
    unit: str | None,
    hours: Decimal | int | None,
) -> None:
    plan = build_plan({"statement": statement, "kpi": kpi, "unit": unit})
    goal = plan.goals[0]
    goal.baseline = None if baseline is None else Decimal(baseline)
    goal.target = None if target is None else Decimal(target)
    goal.start, goal.deadline = start, deadline
    goal.hours_per_week = None if hours is None else Decimal(hours)
    for lang in ("en", "id"):
        verdict = check_goal(goal, plan, lang, today=today)
        assert [v.letter for v in verdict.letters] == list(LETTERS)
        for v in verdict.letters:
            assert v.reason and "{" not in v.reason + v.fix


def test_a_letter_not_judged_is_information_even_when_strict(tmp_path: Path) -> None:
    reach = (
        GOOD_GOAL.replace('kpi = "followers"', 'kpi = "reach"')
        .replace('unit = "followers"', 'unit = "people"')
        .replace("Grow Instagram followers from", "Grow Instagram reach from")
    )
    path, text = _plan_file(tmp_path, reach)
    lines = text.splitlines()
    target_line = lines.index("target = 13500") + 1
    for strict in ((), ("--strict",)):
        result = run_cli("check", "--json", *strict, path)
        assert result.returncode == 0, result.stderr
        found = [f for f in json.loads(result.stdout) if f["code"] == "smart-achievable"]
        assert [(f["level"], f["line"]) for f in found] == [("info", target_line)]
        assert "not judged: no benchmark for reach" in found[0]["message"]
