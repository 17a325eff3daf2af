"""Merge-conflict markers that git left inside a multi-line text: valid TOML, so a warning with its line."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from smplan.store import PlanFile
from smplan.tui.screens.problems import ProblemsScreen
from tests.helpers import run_cli
from tests.tui_flow import notes, open_app, wait_for

PLAN = '''\
schema = 1

[plan]
title = "Kopi Senja"

[[goals]]
id = "ig"
statement = """
<<<<<<< HEAD
Grow Instagram followers to 18,000 by June 2027
=======
Grow Instagram followers to 20,000 by June 2027
>>>>>>> teammate
"""
'''


def test_markers_inside_a_string_are_a_warning_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    plan_file = PlanFile.open(path)
    found = [f for f in plan_file.load_findings if f.code == "conflict-marker"]
    assert [(f.level, f.line, f.key) for f in found] == [
        ("warning", 9, "goals[0].statement"),
        ("warning", 11, "goals[0].statement"),
        ("warning", 13, "goals[0].statement"),
    ]
    assert "<<<<<<<" in found[0].message and "merge" in found[0].message
    result = run_cli("check", path, "--lang", "en")
    assert f"{path}:9: warning conflict-marker:" in result.stdout
    assert f"{path}:13: warning conflict-marker:" in result.stdout


def test_a_line_of_equals_signs_in_prose_is_not_a_marker(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN.replace("=======\n", "======== (a ruler)\n"), encoding="utf-8")
    plan_file = PlanFile.open(path)
    assert [f.line for f in plan_file.load_findings if f.code == "conflict-marker"] == [9, 13]


async def test_the_app_says_so_when_it_opens_the_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    app = open_app(path, step=None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for(pilot, lambda: "merge-conflict markers" in notes(app))
        assert "line 9, 11, 13" in notes(app)
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, ProblemsScreen))
        listed = app.screen.query_one("#problems-list", OptionList)
        shown = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        markers = [line for line in shown if "merge-conflict marker" in line]
        # Each names its own line of the file and the field, in the app's words.
        assert [line.split("\n")[1].split()[1] for line in markers] == ["9", "11", "13"]
        assert all("› Goal statement" in line for line in markers)
