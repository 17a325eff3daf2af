"""The palette's CSV import, driven by keys: the preview first, then one undo step; checked on disk."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Static

from smplan.tui.screens.ask_path import AskPath
from smplan.tui.screens.confirm import ChoiceDialog
from tests.test_tui_calendar import (
    SIZE,
    calendar_app,
    calendar_open,
    calendar_plan,  # noqa: F401  (the fixture)
    calendar_settle,
    on_disk,
    titles,
)
from tests.tui_keys import keys_of

BULK = (
    "Date;Time;Network;Title;Message\r\n"
    '25/01/2027;09:30;Instagram;Imported one;"Two\nlines"\r\n'
    "03/02/2027;;Facebook;Imported two;\r\n"
    "31/02/2027;;Facebook;Bad day;\r\n"
)


async def _open_preview(pilot, app, name: str) -> ChoiceDialog:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await calendar_settle(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*keys_of("Import calendar items"))
    await pilot.pause(0.3)
    await pilot.press("enter")
    await calendar_settle(pilot, lambda: isinstance(app.screen, AskPath))
    await pilot.press(*keys_of(name))
    await pilot.press("enter")
    await calendar_settle(pilot, lambda: isinstance(app.screen, ChoiceDialog))
    assert isinstance(app.screen, ChoiceDialog)
    return app.screen


async def test_import_previews_then_adds_as_one_undo_step(calendar_plan: Path) -> None:  # noqa: F811
    before = calendar_plan.read_text(encoding="utf-8")
    (calendar_plan.parent / "bulk.csv").write_text(BULK, encoding="utf-8")
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        shown = titles(editor)
        dialog = await _open_preview(pilot, app, "bulk.csv")
        question = str(dialog.query_one(".dialog-text", Static).render())
        assert "2 item(s) from bulk.csv" in question
        assert "1 bad row(s)" in question
        assert "line 2: 2027-01-25 09:30 · instagram · Imported one" in question
        assert "31/02/2027" in question
        # Nothing is added while the preview shows.
        assert len(app.plan.calendar) == len(shown)
        await pilot.press("enter")
        await calendar_settle(pilot, lambda: len(titles(editor)) == len(shown) + 2)
        assert titles(editor)[-2:] == ["Imported one", "Imported two"]
        await pilot.press("ctrl+s")
        await calendar_settle(pilot)
        saved = on_disk(calendar_plan)["calendar"]
        assert [item.get("title") for item in saved[-2:]] == ["Imported one", "Imported two"]
        assert saved[-2]["caption"] == "Two\nlines"
        assert calendar_plan.read_text(encoding="utf-8").startswith(before.rstrip("\n"))
        # One undo takes the whole import back.
        await pilot.press("ctrl+z")
        await calendar_settle(pilot, lambda: len(titles(editor)) == len(shown))
        assert titles(editor) == shown
        await pilot.press("ctrl+s")
        await calendar_settle(pilot)
    assert len(on_disk(calendar_plan)["calendar"]) == len(shown)


async def test_cancelling_the_preview_adds_nothing(calendar_plan: Path) -> None:  # noqa: F811
    (calendar_plan.parent / "bulk.csv").write_text(BULK, encoding="utf-8")
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        count = len(titles(editor))
        await _open_preview(pilot, app, "bulk.csv")
        await pilot.press("escape")
        await calendar_settle(pilot)
        assert len(app.plan.calendar) == count
        assert not app.open_plan.session.can_undo
