"""Control characters shown as symbols are written back as the characters they stand for.

A one-line field shows a tab as ``␉`` and ESC as ``␛`` (so the terminal is safe);
editing the field must store the tab, not U+2409. The same for a list edited
line by line: the entries the user did not touch keep their bytes in the file.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from smplan.tui.panes.plan_info import PlanPane
from tests.tui_flow import focus, on_disk, open_app, row_in, save, settle

PLAN = """\
schema = 1

[plan]
title = "Plan\twith a tab"   # typed in vim
organization = "Kopi \\u001b Senja"

[audit.swot]
strengths = [
    "Loyal\tregulars",  # a tab, kept
    "Good coffee",
]
"""


async def test_editing_a_field_with_a_tab_keeps_the_tab(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    app = open_app(path, step=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: bool(app.screen.query(PlanPane)))
        pane = app.screen.query_one(PlanPane)
        title = row_in(pane, "title").editor
        assert isinstance(title, Input)
        assert title.value == "Plan␉with a tab"  # shown as a symbol
        await focus(pilot, title)
        await pilot.press("end", *" 2027")
        organization = row_in(pane, "organization").editor
        assert isinstance(organization, Input)
        await focus(pilot, organization)
        await pilot.press("home", "delete", "delete", "delete", "delete", *"Toko")
        await settle(pilot, lambda: app.plan.plan.organization == "Toko \x1b Senja")
        await save(pilot)
        await pilot.press("ctrl+g", "1")
        await settle(pilot, lambda: app.main is not None and app.main.step == 1)
        strengths = row_in(app.screen, "strengths").editor
        assert isinstance(strengths, TextArea)
        assert strengths.text == "Loyal\tregulars\nGood coffee"
        await focus(pilot, strengths)
        strengths.move_cursor((1, len("Good coffee")))
        await pilot.press(*" beans")
        await settle(pilot, lambda: app.plan.audit.swot.strengths[-1] == "Good coffee beans")
        await save(pilot)
    data = on_disk(path)
    assert data["plan"]["title"] == "Plan\twith a tab 2027"
    assert data["plan"]["organization"] == "Toko \x1b Senja"
    assert data["audit"]["swot"]["strengths"] == ["Loyal\tregulars", "Good coffee beans"]
    text = path.read_text(encoding="utf-8")
    assert "\u2409" not in text and "\u241b" not in text
    assert '    "Loyal\tregulars",  # a tab, kept\n    "Good coffee beans",\n' in text
    assert 'title = "Plan\twith a tab 2027"   # typed in vim\n' in text
