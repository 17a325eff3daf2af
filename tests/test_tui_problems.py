"""The problems list: where each problem is in the app's words, on the line the next save writes."""

from __future__ import annotations

from pathlib import Path

from smplan.findings import Finding
from smplan.i18n import set_language
from smplan.store import PlanFile
from smplan.tui.screens.problems import ProblemsScreen
from tests.tui_flow import (
    SMALL,
    copy_sample,
    editor_of,
    focus,
    open_app,
    save,
    screen_text,
    settle,
    type_text,
)

KPI = ("goals", 1, "kpi")


def line_on_disk(path: Path, key: tuple[str | int, ...]) -> int | None:
    plan_file = PlanFile.open(path)
    return plan_file.locate([Finding("warning", "x", "x", key)])[0].line


async def test_problems_speak_the_apps_words_and_follow_the_text(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=2)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: any(f.path == KPI for f in app.findings))
        await pilot.press("ctrl+l")
        await settle(pilot, lambda: isinstance(app.screen, ProblemsScreen))
        shown = screen_text(app)
        assert "Goals › Raise volunteer shift sign-ups… › KPI" in shown
        assert "goals[" not in shown and "\\[" not in shown
        before = next(p for p in app.screen.problems if p.finding.path == KPI).line  # type: ignore[attr-defined]
        await pilot.press("escape")
        # A persona added above the goals moves their lines down.
        personas = editor_of(app, "personas")
        await focus(pilot, personas.item_list)
        await pilot.press("insert")
        await settle(pilot, lambda: len(personas.items) == 5)
        await type_text(pilot, "sam")
        await pilot.press("ctrl+l")
        await settle(pilot, lambda: isinstance(app.screen, ProblemsScreen))
        after = next(p for p in app.screen.problems if p.finding.path == KPI).line  # type: ignore[attr-defined]
        assert before is not None and after is not None and after > before
        # Enter goes to the field itself.
        index = next(i for i, p in enumerate(app.screen.problems) if p.finding.path == KPI)  # type: ignore[attr-defined]
        listing = app.screen.query_one("#problems-list")
        listing.highlighted = index  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot, lambda: app.main is not None and app.main.step == 4)
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "f-kpi"
        await save(pilot)
    assert line_on_disk(path, KPI) == after


async def test_problems_in_indonesian(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, "kopi-nusantara.toml")
    set_language("id")
    app = open_app(path, step=1)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: bool(app.findings))
        await pilot.press("ctrl+l")
        await settle(pilot, lambda: isinstance(app.screen, ProblemsScreen))
        shown = screen_text(app)
        assert "Sasaran ›" in shown
        assert "baris" in shown
        assert "goals[" not in shown


async def test_the_undo_notice_names_the_field_in_words(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=1)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        answers = app.screen.query_one("#audit-answers")
        field = next(r for r in answers.query("FieldRow") if r.spec.name == "worked_well")  # type: ignore[attr-defined]
        await focus(pilot, field.editor)  # type: ignore[attr-defined]
        await type_text(pilot, "Reels. ")
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: bool(app._notifications))
        notices = [str(n.message) for n in app._notifications]
        assert any("What did we do well?" in n for n in notices), notices
        assert not any("field." in n for n in notices)
