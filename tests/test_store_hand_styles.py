"""Hand-formatted plans: an edit changes the characters of its value or the lines of its item.

Each case is a layout people write by hand and keep in git (multi-line lists
with comments, goals as inline tables, dotted keys, literal strings, no final
line break); the assertions are on the bytes that must not change.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from smplan.model import Goal, Plan
from smplan.store import PlanFile

SWOT = """\
schema = 1

[plan]
title = "Kopi Senja"

[audit.swot]
strengths = [
    "Loyal regulars",   # our best point
    # next one is debatable
    "Good coffee",
    'Central location',
]
weaknesses = ["Small team", "No app"]
"""

INLINE_GOALS = """\
# Kopi Senja, written by hand
schema = 1
plan.title = "Kopi Senja"
plan.currency = 'IDR'

goals = [
  { id = "ig-followers", statement = "Grow Instagram followers to 18,000", target = 18000, deadline = 2027-06-30 },  # the big one
  # the next goal is still a draft
  { "id" = 'tt-views', statement = '''TikTok views
per month''', target = 50000, personas = ['rina'] },
  { id = "wa-orders", statement = 'Orders over WhatsApp', target = 120 },
]

[resources]
budget = 60000000
"""


def save_edit(tmp_path: Path, text: str, edit: Callable[[Plan], None]) -> str:
    """Write ``text`` as a plan, apply ``edit`` to its model, save, return the new text."""
    path = tmp_path / "plan.toml"
    path.write_bytes(text.encode("utf-8"))
    plan_file = PlanFile.open(path)
    edit(plan_file.plan)
    plan_file.save()
    after = path.read_bytes().decode("utf-8")
    expected = plan_file.plan.model_dump()
    assert Plan.model_validate(tomllib.loads(after)).model_dump() == expected
    return after


def only_changed(before: str, after: str) -> tuple[str, str]:
    """The differing middle of two texts (common start and end cut off)."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while (
        end < min(len(before), len(after)) - start
        and before[len(before) - 1 - end] == after[len(after) - 1 - end]
    ):
        end += 1
    return before[start : len(before) - end], after[start : len(after) - end]


def test_one_entry_of_a_multiline_list_changes_only_its_characters(tmp_path: Path) -> None:
    def edit(plan: Plan) -> None:
        plan.audit.swot.strengths[1] = "Great coffee"

    after = save_edit(tmp_path, SWOT, edit)
    assert after == SWOT.replace('"Good coffee"', '"Great coffee"')


def test_adding_deleting_and_moving_list_entries_keep_the_comments(tmp_path: Path) -> None:
    def add(plan: Plan) -> None:
        plan.audit.swot.strengths.append("Late opening hours")

    after = save_edit(tmp_path, SWOT, add)
    assert after == SWOT.replace(
        "    'Central location',\n", "    'Central location',\n    'Late opening hours',\n"
    )

    def delete(plan: Plan) -> None:
        del plan.audit.swot.strengths[1]

    after = save_edit(tmp_path, SWOT, delete)
    # The entry goes with the comment line right above it; the others stay as written.
    assert after == SWOT.replace('    # next one is debatable\n    "Good coffee",\n', "")

    def move(plan: Plan) -> None:
        strengths = plan.audit.swot.strengths
        strengths.insert(0, strengths.pop(2))

    after = save_edit(tmp_path, SWOT, move)
    assert after == SWOT.replace(
        '    "Loyal regulars",   # our best point\n',
        "    'Central location',\n" + '    "Loyal regulars",   # our best point\n',
    ).replace("    \"Good coffee\",\n    'Central location',\n", '    "Good coffee",\n')


def test_a_one_line_list_keeps_its_separators(tmp_path: Path) -> None:
    def edit(plan: Plan) -> None:
        plan.audit.swot.weaknesses = ["Small team", "Slow app", "No parking"]

    after = save_edit(tmp_path, SWOT, edit)
    assert after == SWOT.replace('"No app"]', '"Slow app", "No parking"]')


def test_editing_the_title_beside_inline_goals_changes_only_the_title(tmp_path: Path) -> None:
    def edit(plan: Plan) -> None:
        plan.plan.title = "Kopi Senja 2027"

    after = save_edit(tmp_path, INLINE_GOALS, edit)
    assert only_changed(INLINE_GOALS, after) == ("", " 2027")


def test_one_value_of_an_inline_goal_changes_only_its_characters(tmp_path: Path) -> None:
    def target(plan: Plan) -> None:
        plan.goals[0].target = Decimal(20000)

    after = save_edit(tmp_path, INLINE_GOALS, target)
    assert only_changed(INLINE_GOALS, after) == ("18", "20")

    def statement(plan: Plan) -> None:
        plan.goals[1].statement = "TikTok views\nper week"

    after = save_edit(tmp_path, INLINE_GOALS, statement)
    # A literal string stays literal when the new text allows it.
    assert only_changed(INLINE_GOALS, after) == ("month", "week")

    def deadline(plan: Plan) -> None:
        plan.goals[2].deadline = dt.date(2027, 6, 30)

    after = save_edit(tmp_path, INLINE_GOALS, deadline)
    assert only_changed(INLINE_GOALS, after) == ("", ", deadline = 2027-06-30")

    def personas(plan: Plan) -> None:
        plan.goals[1].personas = []

    after = save_edit(tmp_path, INLINE_GOALS, personas)
    assert only_changed(INLINE_GOALS, after) == ("'rina'", "")


def test_adding_an_inline_goal_adds_one_line_in_the_same_style(tmp_path: Path) -> None:
    def add(plan: Plan) -> None:
        plan.goals.append(Goal(id="tt-sales", target=Decimal(40)))

    after = save_edit(tmp_path, INLINE_GOALS, add)
    assert after == INLINE_GOALS.replace(
        "target = 120 },\n]", 'target = 120 },\n  { id = "tt-sales", target = 40 },\n]'
    )


def test_moving_and_deleting_inline_goals_move_and_remove_their_lines(tmp_path: Path) -> None:
    first = (
        '  { id = "ig-followers", statement = "Grow Instagram followers to 18,000",'
        " target = 18000, deadline = 2027-06-30 },  # the big one\n"
    )
    second = (
        "  # the next goal is still a draft\n"
        "  { \"id\" = 'tt-views', statement = '''TikTok views\n"
        "per month''', target = 50000, personas = ['rina'] },\n"
    )
    third = "  { id = \"wa-orders\", statement = 'Orders over WhatsApp', target = 120 },\n"
    assert first + second + third in INLINE_GOALS

    def move(plan: Plan) -> None:
        plan.goals.reverse()

    after = save_edit(tmp_path, INLINE_GOALS, move)
    assert after == INLINE_GOALS.replace(first + second + third, third + second + first)

    def delete(plan: Plan) -> None:
        del plan.goals[1]

    after = save_edit(tmp_path, INLINE_GOALS, delete)
    assert after == INLINE_GOALS.replace(second, "")


def test_moving_the_last_item_of_a_list_without_trailing_comma_adds_only_a_comma(
    tmp_path: Path,
) -> None:
    text = SWOT.replace("'Central location',\n]", "'Central location'\n]")

    def move(plan: Plan) -> None:
        strengths = plan.audit.swot.strengths
        strengths.insert(0, strengths.pop())

    after = save_edit(tmp_path, text, move)
    assert after == text.replace(
        '    "Loyal regulars",', "    'Central location',\n    \"Loyal regulars\","
    ).replace("    'Central location'\n]", "]")


def test_a_file_without_a_final_newline_keeps_ending_without_one(tmp_path: Path) -> None:
    text = SWOT.rstrip("\n")

    def last_line(plan: Plan) -> None:
        plan.audit.swot.weaknesses = ["Small team", "Slow app"]

    after = save_edit(tmp_path, text, last_line)
    assert after == text.replace("No app", "Slow app")

    def new_table(plan: Plan) -> None:
        plan.goals.append(Goal(id="g1"))

    after = save_edit(tmp_path, text, new_table)
    assert not after.endswith("\n")
    assert after.startswith(text)

    def remove_last(plan: Plan) -> None:
        plan.audit.swot.weaknesses = []

    after = save_edit(tmp_path, text, remove_last)
    assert not after.endswith("\n")


def test_crlf_and_a_new_key_beside_dotted_keys(tmp_path: Path) -> None:
    text = INLINE_GOALS.replace("\n", "\r\n")

    def edit(plan: Plan) -> None:
        plan.plan.organization = "Kopi Senja CV"
        plan.goals[1].statement = "Two\nlines"

    after = save_edit(tmp_path, text, edit)
    assert "\n" not in after.replace("\r\n", "")
    assert "plan.currency = 'IDR'\r\nplan.organization = \"Kopi Senja CV\"\r\n" in after


def test_findings_point_at_the_items_own_line_and_at_table_headers(tmp_path: Path) -> None:
    text = INLINE_GOALS + '\n[[x-campaigns]]\nname = "Ramadan"\n'
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    plan_file = PlanFile.open(path)
    lines = text.splitlines()
    document = plan_file.document

    def line(needle: str) -> int:
        return next(n for n, line in enumerate(lines, start=1) if needle in line)

    assert document.line_of(("goals", 1, "target")) == line("per month")
    assert document.line_of(("goals", 1, "id")) == line("'tt-views'")
    assert document.line_of(("goals", 2)) == line("wa-orders")
    assert document.line_of(("goals", 2, "deadline")) == line("wa-orders")
    assert document.line_of(("x-campaigns",)) == line("[[x-campaigns]]")
    assert document.line_of(("plan", "currency")) == line("plan.currency")
