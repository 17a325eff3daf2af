"""Property: on any hand-written plan, one edit through the store changes only its own bytes.

Plans come from :mod:`tests.hand_styles` (inline arrays of tables, dotted keys,
multi-line arrays with comments, the four string styles with tabs and control
characters, CRLF, no final line break, a byte-order mark). After a single edit
and a save:

- setting a value changes only the characters of that value;
- adding, moving or deleting a list item changes only that item's lines (plus,
  at most, a comma after the element that stopped being the last); a list
  written on one line keeps everything outside its brackets and the text of
  every other element;
- the file reads back (Python's ``tomllib``) as the edited model.
"""

from __future__ import annotations

import os
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smplan.model import Goal, Plan
from smplan.store import PlanFile
from tests.hand_styles import MULTILINE_TEXT, TEXT, hand_written_plan
from tests.hand_styles import Plan as Written

SETTINGS = settings(
    max_examples=int(os.environ.get("SMPLAN_HYPOTHESIS_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NEW_TEXT = st.one_of(TEXT, MULTILINE_TEXT)


def save(tmp_path: Path, written: Written, edit: Any) -> str:
    path = tmp_path / "plan.toml"
    path.write_bytes(written.text.encode("utf-8"))
    plan_file = PlanFile.open(path)
    assert plan_file.load_findings == []
    edit(plan_file.plan)
    plan_file.save()
    after = path.read_bytes().decode("utf-8")
    reread = Plan.model_validate(tomllib.loads(after.removeprefix("\ufeff")))
    assert reread.model_dump() == plan_file.plan.model_dump()
    assert after.startswith("\ufeff") == written.text.startswith("\ufeff")
    assert after.endswith("\n") == written.text.endswith("\n")
    line_breaks = after.count("\n")
    assert after.count("\r\n") == (line_breaks if written.newline == "\r\n" else 0)
    return after


def only_span_changed(before: str, after: str, span: tuple[int, int]) -> None:
    start, end = span
    assert after.startswith(before[:start])
    assert after.endswith(before[end:])
    assert len(after) >= start + len(before) - end


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def remove_block(lines: list[str], first: int, last: int) -> list[str]:
    return lines[:first] + lines[last + 1 :]


def equal_but_a_comma(a: list[str], b: list[str]) -> bool:
    """Same lines, except at most one line of ``b`` has one comma more than in ``a``."""
    if len(a) != len(b):
        return False
    different = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if not different:
        return True
    if len(different) > 1:
        return False
    x, y = different[0]
    return len(y) == len(x) + 1 and any(y == x[:i] + "," + x[i:] for i in range(len(x) + 1))


def has_block_removed(longer: list[str], shorter: list[str], size: int) -> bool:
    """``longer`` is ``shorter`` with ``size`` consecutive lines inserted somewhere."""
    return any(
        equal_but_a_comma(shorter, remove_block(longer, at, at + size - 1))
        for at in range(len(longer) - size + 1)
    )


def check_one_line_array(before: str, after: str, written: Written, path: Any, kept: list[int]):  # type: ignore[no-untyped-def]
    start, end = written.arrays[path]
    assert after.startswith(before[:start])
    tail = before[end:]
    assert after.endswith(tail)
    inside = after[start : len(after) - len(tail)]
    at = 0
    for index in kept:
        s, e = written.items[path][index].span
        found = inside.find(before[s:e], at)
        assert found >= 0, (before[s:e], inside)
        at = found + (e - s)


def item_lines(written: Written, path: Any, index: int) -> tuple[int, int]:
    item = written.items[path][index]
    return item.first_line, item.last_line


@st.composite
def plan_and_edit(draw: st.DrawFn) -> tuple[Written, tuple[Any, ...]]:
    written = draw(hand_written_plan())
    kinds = ["set", "set", "add-goal", "add-strength"]
    if written.goals > 1:
        kinds += ["move-goal", "delete-goal"]
    if written.strengths > 1:
        kinds += ["move-strength", "delete-strength"]
    kind = draw(st.sampled_from(kinds))
    if kind == "set":
        paths = [p for p in written.values if p[-1] != "id"]
        path = draw(st.sampled_from(sorted(paths, key=str)))
        if path[-1] == "target":
            value: Any = Decimal(draw(st.integers(0, 10**9)))
        elif path[0] == "audit":
            value = draw(TEXT)
        else:
            value = draw(NEW_TEXT)
        return written, (kind, path, value)
    count = written.goals if kind.endswith("goal") else written.strengths
    if kind.startswith("add"):
        return written, (kind, draw(TEXT))
    index = draw(st.integers(0, count - 1))
    to = draw(st.integers(0, count - 1).filter(lambda n: n != index))
    return written, (kind, index, to)


def apply(plan: Plan, edit: tuple[Any, ...]) -> None:
    kind = edit[0]
    strengths = list(plan.audit.swot.strengths)
    if kind == "set":
        _kind, path, value = edit
        if path[0] == "plan":
            setattr(plan.plan, path[1], value)
        elif path[0] == "goals":
            setattr(plan.goals[path[1]], path[2], value)
        else:
            strengths[path[-1]] = value
            plan.audit.swot.strengths = strengths
    elif kind == "add-goal":
        plan.goals.append(Goal(id=f"g{len(plan.goals)}", statement=edit[1]))
    elif kind == "delete-goal":
        del plan.goals[edit[1]]
    elif kind == "move-goal":
        plan.goals.insert(edit[2], plan.goals.pop(edit[1]))
    elif kind == "add-strength":
        plan.audit.swot.strengths = [*strengths, edit[1]]
    elif kind == "delete-strength":
        del strengths[edit[1]]
        plan.audit.swot.strengths = strengths
    elif kind == "move-strength":
        strengths.insert(edit[2], strengths.pop(edit[1]))
        plan.audit.swot.strengths = strengths


@SETTINGS
@given(case=plan_and_edit())
def test_one_edit_changes_only_its_own_bytes(tmp_path_factory, case) -> None:  # type: ignore[no-untyped-def]
    written, edit = case
    before = written.text
    after = save(tmp_path_factory.mktemp("plan"), written, lambda plan: apply(plan, edit))
    kind = edit[0]
    if kind == "set":
        only_span_changed(before, after, written.values[edit[1]])
        return
    path = ("goals",) if kind.endswith("goal") else ("audit", "swot", "strengths")
    layout = written.layout[path]
    old = lines_of(before)
    new = lines_of(after)
    count = len(written.items[path])
    if layout == "one-line":
        kept = list(range(count))
        if kind.startswith("delete"):
            kept.remove(edit[1])
        if kind.startswith("move"):
            kept.insert(edit[2], kept.pop(edit[1]))
        check_one_line_array(before, after, written, path, kept)
        return
    if kind.startswith("add"):
        assert has_block_removed(new, old, len(new) - len(old)), (before, after)
        return
    first, last = item_lines(written, path, edit[1])
    if layout == "tables" and edit[1] == 0:
        first += 1  # the blank line above the first table stays with the step
    without = remove_block(old, first, last)
    if kind.startswith("delete"):
        # A [[table]] leaves its comment above when it is the first (the step's banner).
        assert equal_but_a_comma(without, new) or (
            layout == "tables" and has_block_removed(old, new, len(old) - len(new))
        ), (before, after)
        return
    assert len(new) == len(old)
    if layout == "tables":
        # The comment above the first [[goals]] is the step's banner and stays on top:
        # the same lines, in another order, between the text before and after the goals.
        first_table = item_lines(written, path, 0)[0]
        last_table = item_lines(written, path, count - 1)[1]
        assert new[:first_table] == old[:first_table]
        assert new[last_table + 1 :] == old[last_table + 1 :]
        assert sorted(new) == sorted(old)
        return
    moved = old[first : last + 1]
    for at in range(len(new) - len(moved) + 1):
        if equal_but_a_comma(moved, new[at : at + len(moved)]) and equal_but_a_comma(
            without, remove_block(new, at, at + len(moved) - 1)
        ):
            return
    raise AssertionError(f"the item's lines did not move as a block:\n{before}\n---\n{after}")
