"""The richer calendar keys (caption, hashtags, asset, url, duration, repeat, except) and
``[plan] timezone`` survive a save with the person's comments, and edits to them touch
only their own lines; detaching an occurrence is two small edits of the file."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from smplan.checks.structure.references import check_structure
from smplan.editing.session import EditSession
from smplan.model import CalendarItem, Plan, Repeat
from smplan.schedule import item_dates
from smplan.schedule.detach import detach_occurrence
from smplan.store import PlanFile
from smplan.store.merge import merge
from smplan.store.recovery import recovery_text
from tests.test_store_roundtrip import changed_lines

D = dt.date

PLAN = '''\
schema = 1

[plan]
title = "Corner bakery"
period_start = 2027-01-01
period_end = 2027-06-30
timezone = "Asia/Jakarta"   # posts go out in Jakarta time

# Step 6: content calendar
[[calendar]]
date = 2027-01-05           # the first Tuesday
time = 09:30:00
network = "instagram"
title = "Bread of the week"
# the caption is written once and reused
caption = """
Fresh from the oven:
what we bake this week."""
hashtags = ["#bakery", "#jakarta"]   # keep it short
asset = "media/bread.jpg"
repeat = { every = "week", on = ["tue"], until = 2027-03-30 }   # a season
except = [
    2027-02-16,   # closed for the holiday
]

[[calendar]]
date = 2027-01-20
network = "youtube"
title = "Live: shaping a loaf"
duration = 45
url = "https://example.com/live/1"
cost = 150000
'''


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "bakery.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def reread(path: Path) -> Plan:
    with path.open("rb") as handle:
        return Plan.model_validate(tomllib.load(handle, parse_float=Decimal))


def test_the_new_keys_load_with_their_types(plan_path: Path) -> None:
    plan_file = PlanFile.open(plan_path)
    assert plan_file.load_findings == []
    first, live = plan_file.plan.calendar
    assert first.caption == "Fresh from the oven:\nwhat we bake this week."
    assert first.hashtags == ["#bakery", "#jakarta"]
    assert first.asset == "media/bread.jpg"
    assert first.repeat == Repeat(every="week", on=["tue"], until=D(2027, 3, 30))
    assert first.except_ == [D(2027, 2, 16)]
    assert live.duration == 45 and live.url == "https://example.com/live/1"
    assert plan_file.plan.plan.timezone == "Asia/Jakarta"
    assert check_structure(plan_file.plan) == []


def test_a_save_without_changes_is_byte_identical(plan_path: Path) -> None:
    plan_file = PlanFile.open(plan_path)
    assert plan_file.changes() == []
    plan_file.save()
    assert plan_path.read_text(encoding="utf-8") == PLAN


def test_edits_of_the_new_keys_change_only_their_lines(plan_path: Path) -> None:
    plan_file = PlanFile.open(plan_path)
    first, live = plan_file.plan.calendar
    assert first.repeat is not None
    first.repeat.interval = 2
    first.hashtags = ["#bakery", "#jakarta", "#sourdough"]
    first.except_ = [D(2027, 2, 16), D(2027, 3, 2)]
    live.duration = 60
    plan_file.save()
    text = plan_path.read_text(encoding="utf-8")
    assert sorted(changed_lines(PLAN, text)) == sorted(
        [
            '-hashtags = ["#bakery", "#jakarta"]   # keep it short',
            '-repeat = { every = "week", on = ["tue"], until = 2027-03-30 }   # a season',
            '+hashtags = ["#bakery", "#jakarta", "#sourdough"]   # keep it short',
            '+repeat = { every = "week", on = ["tue"], until = 2027-03-30, interval = 2 }   # a season',
            "+    2027-03-02,",
            "-duration = 45",
            "+duration = 60",
        ]
    )
    assert [i.model_dump() for i in reread(plan_path).calendar] == [
        i.model_dump() for i in plan_file.plan.calendar
    ]


def test_a_rule_added_to_an_item_is_one_inline_line_and_removing_it_takes_the_line(
    plan_path: Path,
) -> None:
    plan_file = PlanFile.open(plan_path)
    live = plan_file.plan.calendar[1]
    live.repeat = Repeat(every="month", day=20, until=D(2027, 6, 30))
    plan_file.save()
    text = plan_path.read_text(encoding="utf-8")
    assert changed_lines(PLAN, text) == [
        '+repeat = { every = "month", day = 20, until = 2027-06-30 }'
    ]
    assert PlanFile.open(plan_path).plan.calendar[1].repeat == live.repeat
    live.repeat = None
    plan_file.save()
    assert plan_path.read_text(encoding="utf-8") == PLAN


def test_a_new_item_writes_its_rule_inline(plan_path: Path) -> None:
    plan_file = PlanFile.open(plan_path)
    plan_file.plan.calendar.append(
        CalendarItem(
            date=D(2027, 2, 1),
            title="Monthly recap",
            caption="Two lines\nof caption",
            hashtags=["#recap"],
            repeat=Repeat(every="month"),
        )
    )
    plan_file.save()
    text = plan_path.read_text(encoding="utf-8")
    assert text.startswith(PLAN)
    added = text[len(PLAN) :]
    assert 'repeat = { every = "month" }\n' in added
    assert "[calendar.repeat]" not in added
    assert reread(plan_path).calendar[-1].model_dump() == plan_file.plan.calendar[-1].model_dump()


def test_detach_an_occurrence_keeps_the_file_and_adds_a_plain_copy(plan_path: Path) -> None:
    plan_file = PlanFile.open(plan_path)
    plan = plan_file.plan
    copy = detach_occurrence(plan, 0, D(2027, 1, 19))
    assert copy.date == D(2027, 1, 19) and copy.repeat is None and copy.except_ == []
    assert copy.caption == plan.calendar[0].caption and copy.time == plan.calendar[0].time
    assert D(2027, 1, 19) not in item_dates(plan.calendar[0], D(2027, 1, 1), D(2027, 6, 30))
    plan_file.save()
    text = plan_path.read_text(encoding="utf-8")
    lines = changed_lines(PLAN, text)
    # The except list gets the date in order (before the holiday), with its comment kept.
    assert lines[0] == "+    2027-01-19,"
    assert "    2027-02-16,   # closed for the holiday" in text
    assert all(line.startswith("+") for line in lines)
    assert text.startswith(PLAN.split("except")[0])
    reread_plan = reread(plan_path)
    assert reread_plan.calendar[0].except_ == [D(2027, 1, 19), D(2027, 2, 16)]
    assert reread_plan.calendar[-1].date == D(2027, 1, 19)
    assert reread_plan.calendar[-1].repeat is None
    assert reread_plan.calendar[-1].hashtags == ["#bakery", "#jakarta"]


def test_detach_refuses_a_day_that_is_not_an_occurrence(plan_path: Path) -> None:
    plan = PlanFile.open(plan_path).plan
    for day in (D(2027, 1, 6), D(2027, 2, 16), D(2027, 4, 6)):  # a Wednesday, skipped, after until
        with pytest.raises(ValueError):
            detach_occurrence(plan, 0, day)
    with pytest.raises(ValueError):
        detach_occurrence(plan, 1, D(2027, 1, 20))  # not a repeating item
    assert len(plan.calendar) == 2


def test_detach_through_the_session_is_undone_by_undo(plan_path: Path) -> None:
    plan_file = PlanFile.open(plan_path)
    session = EditSession()
    detach_occurrence(plan_file.plan, 0, D(2027, 1, 12), session)
    assert len(plan_file.plan.calendar) == 3
    assert session.undo() is not None and session.undo() is not None
    assert len(plan_file.plan.calendar) == 2
    assert plan_file.plan.calendar[0].except_ == [D(2027, 2, 16)]
    assert plan_file.changes() == []


def test_a_bad_time_zone_is_an_error_that_says_what_to_write(plan_path: Path) -> None:
    plan_path.write_text(PLAN.replace("Asia/Jakarta", "Jakarta/Asia"), encoding="utf-8")
    found = check_structure(PlanFile.open(plan_path).plan)
    (finding,) = found
    assert finding.code == "bad-timezone" and finding.level == "error"
    assert finding.path == ("plan", "timezone")
    assert "Jakarta/Asia" in finding.message and "Asia/Jakarta" in finding.message
    assert "timezone" in finding.message


@pytest.mark.parametrize("zone", ["../../etc/passwd", "/etc/localtime", "", " UTC", "Nowhere/City"])
def test_names_that_are_not_zones_are_refused(zone: str) -> None:
    plan = Plan.model_validate({"schema": 1, "plan": {"title": "x", "timezone": zone}})
    assert [f.code for f in check_structure(plan)] == ["bad-timezone"]


def test_rules_that_cannot_be_read_are_findings(plan_path: Path) -> None:
    text = PLAN.replace('every = "week"', 'every = "fortnight"')
    plan_path.write_text(text, encoding="utf-8")
    plan_file = PlanFile.open(plan_path)
    (finding,) = plan_file.load_findings
    assert finding.path == ("calendar", 0, "repeat", "every")
    assert "week" in finding.message and "month" in finding.message
    plan = Plan.model_validate(
        {
            "schema": 1,
            "plan": {"title": "x"},
            "calendar": [
                {"title": "a", "repeat": {"every": "week"}},
                {"date": D(2027, 1, 1), "repeat": {"interval": 0, "day": 32, "every": "month"}},
                {"date": D(2027, 1, 1), "repeat": {"on": ["mon"]}},
            ],
        }
    )
    assert [(f.code, f.path) for f in check_structure(plan)] == [
        ("repeat-no-date", ("calendar", 0, "date")),
        ("repeat-interval", ("calendar", 1, "repeat", "interval")),
        ("repeat-day", ("calendar", 1, "repeat", "day")),
        ("repeat-no-every", ("calendar", 2, "repeat")),
    ]


def test_an_unknown_key_inside_a_rule_is_kept_and_reported(plan_path: Path) -> None:
    plan_path.write_text(PLAN.replace('on = ["tue"]', 'on = ["tue"], count = 4'), encoding="utf-8")
    plan_file = PlanFile.open(plan_path)
    found = [f for f in check_structure(plan_file.plan) if f.code == "unknown-key"]
    assert [f.path for f in found] == [("calendar", 0, "repeat", "count")]
    plan_file.plan.calendar[0].title = "Bread!"
    plan_file.save()
    assert "count = 4" in plan_path.read_text(encoding="utf-8")


def test_a_rule_added_on_one_side_merges_with_an_edit_on_the_other() -> None:
    base = PlanFile.from_text(PLAN)

    def saved(edit: Callable[[Plan], None]) -> PlanFile:
        plan_file = PlanFile.from_text(PLAN)
        edit(plan_file.plan)
        return PlanFile.from_text(recovery_text(plan_file))

    def mine(plan: Plan) -> None:
        plan.calendar[1].repeat = Repeat(every="month")

    def theirs(plan: Plan) -> None:
        plan.calendar[1].title = "Live: shaping two loaves"
        assert plan.calendar[0].repeat is not None
        plan.calendar[0].repeat.until = D(2027, 4, 27)

    result = merge(base, saved(mine), saved(theirs))
    assert result.conflicts == []
    first, live = result.plan_file.plan.calendar
    assert live.repeat == Repeat(every="month")
    assert live.title == "Live: shaping two loaves"
    assert first.repeat is not None and first.repeat.until == D(2027, 4, 27)
    # Both sides took the rule away and changed it: yours wins, and it is reported.
    result = merge(
        base,
        saved(lambda plan: setattr(plan.calendar[0], "repeat", None)),
        saved(theirs),
    )
    assert [c.path for c in result.conflicts] == [("calendar", 0, "repeat")]
    assert result.plan_file.plan.calendar[0].repeat is None
