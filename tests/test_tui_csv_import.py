"""The palette's CSV import, driven by keys: the preview first, then one undo step; checked on disk."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Static

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
from tests.tui_keys import keys_of, palette_command

BULK = (
    "Date;Time;Network;Title;Message\r\n"
    '25/01/2027;09:30;Instagram;Imported one;"Two\nlines"\r\n'
    "03/02/2027;;Facebook;Imported two;\r\n"
    "31/02/2027;;Facebook;Bad day;\r\n"
)


async def _open_preview(pilot, app, name: str) -> ChoiceDialog:  # type: ignore[no-untyped-def]
    await palette_command(pilot, "Import calendar items")
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
        # 25/01/2027 tells that the day comes first: nothing to choose.
        assert not dialog.query("#answer-dmy") and not dialog.query("#answer-mdy")
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


# -- dates that read both ways ----------------------------------------------------

#: Every date reads as day/month and as month/day; 07/07 reads the same both ways.
AMBIGUOUS = (
    "Date,Network,Title\n"
    "03/04/2027,Instagram,First\n"
    "05/06/2027 09:30,Facebook,Second\n"
    "07/07/2027,Instagram,Third\n"
)


def _question_of(dialog: ChoiceDialog) -> str:
    return str(dialog.query_one(".dialog-text", Static).render())


def _answers_of(dialog: ChoiceDialog) -> list[str]:
    return [str(button.id) for button in dialog.query(Button)]


async def _next_dialog(pilot, app, before: ChoiceDialog) -> ChoiceDialog:  # type: ignore[no-untyped-def]
    await calendar_settle(
        pilot, lambda: isinstance(app.screen, ChoiceDialog) and app.screen is not before
    )
    assert isinstance(app.screen, ChoiceDialog) and app.screen is not before
    return app.screen


def _dates_on_disk(path: Path, count: int) -> list[tuple[str, str]]:
    saved = on_disk(path)["calendar"][-count:]
    return [(item["title"], str(item["date"])) for item in saved]


async def test_ambiguous_dates_ask_which_comes_first_and_import_month_first(
    calendar_plan: Path,  # noqa: F811
) -> None:
    (calendar_plan.parent / "sheet.csv").write_text(AMBIGUOUS, encoding="utf-8")
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        shown = titles(editor)
        asked = await _open_preview(pilot, app, "sheet.csv")
        question = _question_of(asked)
        # Both readings of the first such date, and nothing to add before the choice.
        assert "03/04/2027" in question
        assert "3 April 2027" in question and "4 March 2027" in question
        assert _answers_of(asked) == ["answer-dmy", "answer-mdy", "answer-cancel"]
        assert app.focused is asked.query_one("#answer-dmy")
        # The arrow to "Month first", enter: the preview again, read that way.
        await pilot.press("right", "enter")
        preview = await _next_dialog(pilot, app, asked)
        text = _question_of(preview)
        assert "read month first" in text
        assert "3 item(s) from sheet.csv" in text
        assert "2027-03-04" in text and "2027-05-06 09:30" in text
        assert _answers_of(preview) == ["answer-add", "answer-dmy", "answer-cancel"]
        assert len(app.plan.calendar) == len(shown)
        await pilot.press("enter")
        await calendar_settle(pilot, lambda: len(titles(editor)) == len(shown) + 3)
        await pilot.press("ctrl+s")
        await calendar_settle(pilot, lambda: not app.open_plan.dirty)
    assert _dates_on_disk(calendar_plan, 3) == [
        ("First", "2027-03-04"),
        ("Second", "2027-05-06"),
        ("Third", "2027-07-07"),
    ]
    assert on_disk(calendar_plan)["calendar"][-2]["time"].isoformat() == "09:30:00"


async def test_day_first_then_the_other_way_before_adding(
    calendar_plan: Path,  # noqa: F811
) -> None:
    (calendar_plan.parent / "sheet.csv").write_text(AMBIGUOUS, encoding="utf-8")
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        await calendar_open(pilot)
        count = len(app.plan.calendar)
        asked = await _open_preview(pilot, app, "sheet.csv")
        await pilot.press("enter")  # day first, the default
        day_first = await _next_dialog(pilot, app, asked)
        assert "read day first" in _question_of(day_first)
        assert "2027-04-03" in _question_of(day_first)
        # Tab to "Month first" in this preview: read again the other way.
        await pilot.press("tab", "enter")
        month_first = await _next_dialog(pilot, app, day_first)
        assert "2027-03-04" in _question_of(month_first)
        assert len(app.plan.calendar) == count
        await pilot.press("enter")
        await calendar_settle(pilot, lambda: len(app.plan.calendar) == count + 3)
        await pilot.press("ctrl+s")
        await calendar_settle(pilot, lambda: not app.open_plan.dirty)
    assert _dates_on_disk(calendar_plan, 3)[0] == ("First", "2027-03-04")


async def test_escape_at_the_date_question_adds_nothing(calendar_plan: Path) -> None:  # noqa: F811
    before = calendar_plan.read_bytes()
    (calendar_plan.parent / "sheet.csv").write_text(AMBIGUOUS, encoding="utf-8")
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        await calendar_open(pilot)
        await _open_preview(pilot, app, "sheet.csv")
        await pilot.press("escape")
        await calendar_settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        assert not app.open_plan.session.can_undo
        await pilot.press("ctrl+s")
        await calendar_settle(pilot)
    assert calendar_plan.read_bytes() == before
