"""The SMART checker on goal statements nobody here wrote.

``tests/data/smart_statements.toml`` quotes real goal statements from public
marketing guides and plan examples, with the letters a careful reader gives
them and the target and deadline they imply. Each becomes a goal as a user
would set it up: the statement, the fields it determines filled in with
:func:`fill_from_statement`, and the owner, persona and objective set.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from typing import Any

import pytest

from smplan.checks.smart import SmartContext, check_goal
from smplan.checks.smart.facts import GoalFacts
from smplan.checks.smart.fill import fill_from_statement
from smplan.model import Plan
from tests.helpers import ROOT

DATA = ROOT / "tests" / "data" / "smart_statements.toml"
ROWS: list[dict[str, Any]] = tomllib.loads(DATA.read_text(encoding="utf-8"))["statement"]
CODES = {"pass": "P", "warn": "W", "fail": "F", "unjudged": "U"}
#: Agreement the checker must reach with the expected letters, over all judgements.
AGREEMENT = 0.97

NETWORKS = ("instagram", "facebook", "tiktok", "x", "linkedin", "youtube", "blog", "email")
OBJECTIVES: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "awareness": ("communication", "Make the brand known to more people"),
        "engagement": ("communication", "Get our audience to interact with us"),
        "community": ("communication", "Build a loyal community around the brand"),
        "service": ("communication", "Answer customer questions and complaints quickly"),
        "traffic": ("marketing", "Bring more visitors to the website"),
        "leads": ("marketing", "Win new leads and sign-ups"),
        "sales": ("marketing", "Grow sales and revenue"),
        "fundraising": ("marketing", "Raise donations and income for our cause"),
    },
    "id": {
        "awareness": ("communication", "Membuat merek dikenal lebih banyak orang"),
        "engagement": ("communication", "Mengajak audiens berinteraksi dengan kami"),
        "community": ("communication", "Membangun komunitas pelanggan yang setia"),
        "service": ("communication", "Menjawab pertanyaan dan keluhan pelanggan dengan cepat"),
        "traffic": ("marketing", "Mendatangkan lebih banyak pengunjung ke situs"),
        "leads": ("marketing", "Mendapatkan prospek dan pendaftar baru"),
        "sales": ("marketing", "Meningkatkan penjualan dan omzet"),
        "fundraising": ("marketing", "Menggalang donasi dan dana untuk kegiatan kami"),
    },
}


def setup(row: dict[str, Any]) -> tuple[Plan, dt.date]:
    """The plan a user would have around the statement, before filling its fields."""
    start: dt.date = row.get("start", dt.date(2027, 1, 1))
    lang = row["lang"]
    goal: dict[str, Any] = {
        "id": "goal",
        "statement": row["text"],
        "objective": row["objective"],
        "owner": "dewi",
        "personas": ["p"],
        "start": start,
    }
    if "baseline" in row:
        goal["baseline"] = row["baseline"]
    data: dict[str, Any] = {
        "schema": 1,
        "plan": {
            "title": "Statements",
            "period_start": dt.date(start.year, 1, 1),
            "period_end": dt.date(start.year, 12, 31),
            "currency": "IDR",
            "language": lang,
        },
        "personas": [{"id": "p", "name": "P", "sources": ["survey"]}],
        "resources": {"team": [{"id": "dewi", "name": "Dewi", "hours_per_week": 40}]},
        "objectives": [
            {"id": key, "kind": kind, "statement": text}
            for key, (kind, text) in OBJECTIVES[lang].items()
        ],
        "strategy": {"networks": [{"network": n} for n in NETWORKS]},
        "goals": [goal],
    }
    # Checked a month before the goal starts, while the plan is written.
    return Plan.model_validate(data), start - dt.timedelta(days=31)


def judge(row: dict[str, Any]) -> tuple[str, dict[str, Any], list[str]]:
    """The checker's letters for the row, the fields filled from its statement, and why."""
    plan, today = setup(row)
    goal = plan.goals[0]
    filled = {p.field: p.value for p in fill_from_statement(goal, plan, today=today)}
    for field, value in filled.items():
        setattr(goal, field, value)
    verdict = check_goal(goal, plan, today=today)
    letters = " ".join(CODES[v.state] for v in verdict.letters)
    detail = [f"{v.letter} {v.state} {v.rule}: {v.reason} -> {v.fix}" for v in verdict.letters]
    return letters, filled, detail


def test_the_statements_are_many_real_and_in_both_languages() -> None:
    by_lang = {lang: [r for r in ROWS if r["lang"] == lang] for lang in ("en", "id")}
    assert len(by_lang["en"]) >= 20 and len(by_lang["id"]) >= 20
    for row in ROWS:
        assert row["source"].startswith("http") and row["title"] and row["why"], row["text"]
        assert len(row["expect"].split()) == 5 and set(row["expect"].split()) <= set("PWFU")
    organisations = {row["organisation"] for row in ROWS}
    assert len(organisations) >= 6, organisations
    frames = [row for row in ROWS if "frame" in row]
    assert len(frames) >= 15


def test_the_checker_agrees_with_careful_readers() -> None:
    agree = total = 0
    misses = []
    for row in ROWS:
        got, _filled, detail = judge(row)
        for letter, mine, theirs in zip("SMART", got.split(), row["expect"].split(), strict=True):
            total += 1
            if mine == theirs:
                agree += 1
            else:
                misses.append(f"{row['text'][:60]!r} {letter}: {theirs} expected, got {detail}")
    assert agree / total > AGREEMENT, f"{agree}/{total}\n" + "\n".join(misses)


@pytest.mark.parametrize(
    "row", [r for r in ROWS if "deadline" in r or "target" in r], ids=lambda r: r["text"][:50]
)
def test_the_statement_proposes_the_target_and_deadline_it_names(row: dict[str, Any]) -> None:
    _letters, filled, detail = judge(row)
    if "deadline" in row:
        assert filled.get("deadline") == row["deadline"], (filled, detail)
    if "target" in row:
        assert filled.get("target") == Decimal(row["target"]), (filled, detail)


@pytest.mark.parametrize("row", [r for r in ROWS if "frame" in r], ids=lambda r: r["frame"])
def test_every_relative_time_frame_is_read(row: dict[str, Any]) -> None:
    plan, today = setup(row)
    goal = plan.goals[0]
    assert row["frame"].lower() in row["text"].lower()
    stated = GoalFacts.of(goal, SmartContext.build(plan), plan.language, today).stated_deadline()
    assert stated is not None, row["frame"]
    # The words that set the deadline are the frame's, and they name the expected day.
    assert row["frame"].lower() in stated.words.lower(), stated
    assert stated.exact == row["deadline"]
