"""Property tests: whatever the plan holds and however it is edited, saving round-trips."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from decimal import Decimal
from pathlib import Path

import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smplan.model import (
    CalendarItem,
    Goal,
    Persona,
    Plan,
    Review,
    TeamMember,
)
from smplan.store import PlanFile
from smplan.store.values import render_string
from tests.plan_fixtures import fixture_text

# Any text a person could paste: control characters, quotes, backslashes, newlines,
# terminal escapes and every plane of Unicode (lone surrogates cannot be stored in
# UTF-8 and are excluded).
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=40,
)
NASTY = st.sampled_from(
    [
        "\x1b[31mred\x1b[0m",
        '"""',
        "'''",
        'a"""b',
        'ends with quote"',
        "back\\slash\\",
        "line\nbreak",
        "\r\n",
        "tab\there",
        "\x7f\x00\x08",
        "# not a comment",
        "[[goals]]\nid = 'x'",
        "",
        " ",
        "ütf-8 ✓ 🚀 ﷽",
    ]
)
ANY_TEXT = st.one_of(TEXT, NASTY)
MONEY = st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False)
DATE = st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2100, 12, 31))


def reread(path: Path) -> Plan:
    with path.open("rb") as handle:
        return Plan.model_validate(tomllib.load(handle, parse_float=Decimal))


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[str, object]]:
    """A sequence of edits a user could make in the app."""
    kinds = st.sampled_from(
        [
            "title",
            "persona-name",
            "add-persona",
            "delete-persona",
            "goal-statement",
            "goal-target",
            "goal-deadline",
            "add-goal",
            "move-goal",
            "calendar-title",
            "calendar-cost",
            "add-calendar",
            "delete-calendar",
            "swot",
            "answer",
            "add-review",
            "add-member",
        ]
    )
    return draw(
        st.lists(st.tuples(kinds, st.one_of(ANY_TEXT, MONEY, DATE)), min_size=1, max_size=12)
    )


def apply(plan: Plan, kind: str, value: object) -> None:
    text = value if isinstance(value, str) else str(value)
    number = value if isinstance(value, Decimal) else Decimal(len(text))
    day = value if isinstance(value, dt.date) else dt.date(2027, 1, 1)
    if kind == "title":
        plan.plan.title = text
    elif kind == "persona-name" and plan.personas:
        plan.personas[-1].name = text
    elif kind == "add-persona":
        plan.personas.append(Persona(id=f"p{len(plan.personas)}", name=text, fears=[text, "x"]))
    elif kind == "delete-persona" and plan.personas:
        del plan.personas[0]
    elif kind == "goal-statement" and plan.goals:
        plan.goals[0].statement = text
    elif kind == "goal-target" and plan.goals:
        plan.goals[-1].target = number
    elif kind == "goal-deadline" and plan.goals:
        plan.goals[-1].deadline = day
    elif kind == "add-goal":
        plan.goals.insert(0, Goal(id=f"g{len(plan.goals)}", statement=text, baseline=number))
    elif kind == "move-goal" and len(plan.goals) > 1:
        plan.goals.append(plan.goals.pop(0))
    elif kind == "calendar-title" and plan.calendar:
        plan.calendar[0].title = text
    elif kind == "calendar-cost" and plan.calendar:
        plan.calendar[-1].cost = number
    elif kind == "add-calendar":
        plan.calendar.append(CalendarItem(date=day, title=text, notes=text))
    elif kind == "delete-calendar" and plan.calendar:
        plan.calendar.pop()
    elif kind == "swot":
        plan.audit.swot.threats = [*plan.audit.swot.threats, text]
    elif kind == "answer":
        plan.audit.answers.best_content = text
    elif kind == "add-review":
        plan.measurement.reviews.append(Review(date=day, worked=text, changes=text))
    elif kind == "add-member":
        plan.resources.team.append(TeamMember(id=f"m{len(plan.resources.team)}", name=text))


SETTINGS = settings(
    max_examples=int(os.environ.get("SMPLAN_HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(steps=st.lists(edits(), min_size=1, max_size=3))
def test_edits_and_saves_round_trip(tmp_path_factory, steps) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path_factory.mktemp("plan") / "plan.toml"
    source = fixture_text("commented.toml")
    target.write_text(source, encoding="utf-8")
    comments = [line for line in source.splitlines() if line.startswith("# Step")]
    plan_file = PlanFile.open(target)
    for batch in steps:
        for kind, value in batch:
            apply(plan_file.plan, kind, value)
        plan_file.save()
        text = target.read_text(encoding="utf-8")
        assert "\\e" not in text.replace("\\\\", "")
        expected = plan_file.plan.model_dump()
        assert reread(target).model_dump() == expected
        assert Plan.model_validate(tomlkit.parse(text).unwrap()).model_dump() == expected
        # Re-opening and saving without changes leaves the bytes alone.
        again = PlanFile.open(target)
        assert again.changes() == []
    for banner in comments:
        assert banner in target.read_text(encoding="utf-8")


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_any_text_is_written_as_valid_toml_and_reads_back(text: str) -> None:
    rendered = render_string(text)
    assert tomllib.loads(f"k = {rendered}")["k"] == text
    assert "\\e" not in rendered.replace("\\\\", "")


@settings(max_examples=200, deadline=None)
@given(MONEY)
def test_money_is_written_exactly(amount: Decimal) -> None:
    from smplan.store.values import render_number

    rendered = render_number(amount)
    assert tomllib.loads(f"k = {rendered}", parse_float=Decimal)["k"] == amount
