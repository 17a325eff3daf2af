"""Switching the interface language while a plan is open keeps edits, undo and place."""

from __future__ import annotations

import asyncio
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Footer, Input, TextArea

from smplan.i18n import current_language, t
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.widgets.navigator import Navigator
from tests.conftest import SAMPLES
from tests.tui_text import field_row, screen_text


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    target = tmp_path / "northwind.toml"
    target.write_bytes((SAMPLES / "northwind-nonprofit.toml").read_bytes())
    return target


def on_disk(path: Path) -> dict:  # type: ignore[type-arg]
    with path.open("rb") as handle:
        return tomllib.load(handle)


async def wait_for(pilot, predicate) -> None:  # type: ignore[no-untyped-def]
    for _ in range(100):
        if predicate():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never got there")


async def test_switch_keeps_the_unsaved_edit_undo_and_focus(plan_path: Path) -> None:
    before = on_disk(plan_path)
    followers = before["audit"]["profiles"][0]["followers"]
    assert before["plan"]["language"] == "en"
    app = SmplanApp(plan_path, PlanFile.open(plan_path), None, step=1)
    async with app.run_test(size=(80, 24)) as pilot:
        row = field_row(app.screen, "followers")
        editor = row.editor
        assert isinstance(editor, Input)
        editor.focus()
        editor.value = ""
        await pilot.press(*"12,345")
        await pilot.pause()
        assert app.plan.audit.profiles[0].followers == 12345
        assert "Save" in screen_text(app) and "Simpan" not in screen_text(app)

        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert current_language() == "id"
        dialog_text = screen_text(app)
        assert "Bahasa Indonesia" in dialog_text and "Hanya kali ini" in dialog_text
        await pilot.click("#answer-cancel")
        await wait_for(pilot, lambda: app.screen is app.main)

        text = screen_text(app)
        # The footer, the navigator, the pane's heading and labels are Indonesian now.
        for words in ("Simpan", "Keluar", "Sumber daya", "Langkah 1 · Audit", "Pengikut"):
            assert words in text, words
        for words in ("Save", "Resources", "Followers"):
            assert words not in text, words
        # The edit is still there, shown in Indonesian figures, and the field has focus.
        row = field_row(app.screen, "followers")
        assert isinstance(row.editor, Input) and row.editor.value == "12.345"
        assert app.screen.focused is row.editor
        assert app.session.dirty and app.plan.plan.language == "en"

        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
        assert on_disk(plan_path)["audit"]["profiles"][0]["followers"] == 12345
        assert on_disk(plan_path)["plan"]["language"] == "en"

        # Undo reaches the edit made before the switch.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.audit.profiles[0].followers == followers
        row = field_row(app.screen, "followers")
        assert isinstance(row.editor, Input) and row.editor.value == f"{followers:,}".replace(
            ",", "."
        )


async def test_keeping_the_language_in_the_plan_is_an_undoable_saved_edit(
    plan_path: Path,
) -> None:
    app = SmplanApp(plan_path, PlanFile.open(plan_path), None, step=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.click("#answer-save")
        await wait_for(pilot, lambda: app.plan.plan.language == "id")
        assert app.session.dirty
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
        assert on_disk(plan_path)["plan"]["language"] == "id"
        # The step stayed, in Indonesian.
        assert t("step-title.4", "id") in screen_text(app)

        # Back to English: the plan now says Indonesian, so the question comes again.
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert current_language() == "en"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main)
        assert app.plan.plan.language == "id"
        assert t("step-title.4", "en") in screen_text(app)

        # The palette's command keeps English instead; ctrl+z takes it back.
        await app.run_action("app.command_palette")
        await pilot.pause()
        await pilot.press(*t("cmd.language-keep", "en"))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.plan.plan.language == "en")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.plan.language == "id"


async def test_calendar_filters_and_selection_survive_a_switch(plan_path: Path) -> None:
    from smplan.tui.panes.calendar import CalendarEditor

    app = SmplanApp(plan_path, PlanFile.open(plan_path), None, step=6)
    async with app.run_test(size=(100, 40)) as pilot:
        editor = app.screen.query_one(CalendarEditor)
        await wait_for(pilot, lambda: editor.built)
        editor.set_sort("network", descending=True)
        editor.select(5)
        await pilot.pause()
        chosen = editor.current
        query = editor.query_state
        await app.run_action("app.switch_language")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main)
        fresh = app.screen.query_one(CalendarEditor)
        assert fresh is not editor
        await wait_for(pilot, lambda: fresh.built)
        assert fresh.query_state == query
        assert fresh.current is chosen
        # The old editor no longer follows the edits; the new one does.
        before = editor._synced
        app.edit(app.plan.plan, "title", "Kopi v2", step=0, path=("plan", "title"))
        assert editor._synced == before
        assert fresh._synced == (id(app.plan), app.session.revision)
        assert t("calendar.column.network", "id") in screen_text(app)


async def test_text_not_yet_taken_is_read_again_in_the_new_language(plan_path: Path) -> None:
    app = SmplanApp(plan_path, PlanFile.open(plan_path), None, step=1)
    async with app.run_test(size=(80, 24)) as pilot:
        followers = app.plan.audit.profiles[0].followers
        row = field_row(app.screen, "followers")
        assert isinstance(row.editor, Input)
        row.editor.value = "1.500"  # pasted: 1.5 or 1,500 in English, so refused
        await pilot.pause()
        assert row.unread and app.plan.audit.profiles[0].followers == followers

        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main)
        # In Indonesian 1.500 is fifteen hundred: the field's text is taken now.
        await wait_for(pilot, lambda: app.plan.audit.profiles[0].followers == 1500)
        row = field_row(app.screen, "followers")
        assert isinstance(row.editor, Input) and row.editor.value == "1.500"
        assert not row.unread


async def test_keeping_the_language_shows_it_in_a_step_not_on_screen(plan_path: Path) -> None:
    app = SmplanApp(plan_path, PlanFile.open(plan_path), None, step=4)
    async with app.run_test(size=(80, 24)) as pilot:
        # In Indonesian for now only ("not now"): the plan still says otherwise.
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("escape")
        main = app.main
        await wait_for(pilot, lambda: app.screen is main)
        assert main is not None and app.plan.plan.language != "id"
        # Step 0 visited, then left: its pane stays mounted, hidden, and only the
        # step on screen follows an edit.
        await main.show_step(0)
        details = main.pane(0)
        assert details is not None
        assert getattr(field_row(details, "language").editor, "value", None) != "id"
        await main.show_step(4)
        await app.run_action("app.command_palette")
        await pilot.pause()
        await pilot.press(*t("cmd.language-keep", "id"))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.plan.plan.language == "id")
        assert main.pane(0) is details and main.step == 4
        # The hidden step reads the plan again when it is shown.
        await main.show_step(0)
        assert main.pane(0) is details
        assert getattr(field_row(details, "language").editor, "value", None) == "id"


async def test_the_footer_fits_the_terminal_at_start_after_a_switch_and_a_resize(
    plan_path: Path,
) -> None:
    # Fitted when the screen is built (and built again in the other language), before
    # its widgets are mounted; a resize fits it again.
    def fitted(compact: bool, palette: bool, short: bool) -> bool:
        footer = app.main.query_one(Footer)
        return (
            footer.compact is compact
            and footer.show_command_palette is palette
            and app.main.has_class("-short") is short
        )

    app = SmplanApp(plan_path, PlanFile.open(plan_path), None, step=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen is app.main)
        assert fitted(compact=True, palette=False, short=True)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.click("#answer-cancel")
        await wait_for(pilot, lambda: app.screen is app.main and "Simpan" in screen_text(app))
        assert fitted(compact=True, palette=False, short=True)
        await pilot.resize_terminal(130, 40)
        await wait_for(pilot, lambda: fitted(compact=False, palette=True, short=False))


@pytest.mark.parametrize("burst", [True, False], ids=["burst", "slowly"])
@pytest.mark.parametrize("key", ["backspace", "x"])
async def test_a_key_and_the_switch_in_one_burst_switch_cleanly(
    plan_path: Path, key: str, burst: bool
) -> None:
    # Sent together, as they come over ssh: the dialog then drew the screen behind it
    # from a layout that still held the removed text area (a traceback, status 1).
    # Typed slowly, the same keys must leave the same plan and screen.
    app = SmplanApp(plan_path, PlanFile.open(plan_path), None, step=1)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#f-summary", TextArea).focus()
        await pilot.pause()
        before = app.plan.audit.summary
        if burst:
            app.simulate_key(key)
            app.simulate_key("f9")
        else:
            await pilot.press(key)
            await pilot.pause(0.2)
            await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.pause(0.3)
        assert app.is_running and app.return_code is None
        assert current_language() == "id"
        assert t("step-title.1", "id") in screen_text(app)
        assert app.plan.audit.summary == (("x" + before) if key == "x" else before)


async def test_news_that_comes_while_every_widget_is_built_again_is_shown_after(
    plan_path: Path,
) -> None:
    # A check finishing or an edit's status in the middle of a switch: the header and
    # the navigator are gone for a moment, and drawing them then was a traceback.
    app = SmplanApp(plan_path, PlanFile.open(plan_path), None, step=1)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.main
        assert main is not None
        rebuild = asyncio.create_task(main.rebuild(1))
        for _ in range(100_000):
            if not main.query(Navigator):
                break
            await asyncio.sleep(0)
        assert not main.query(Navigator)  # between the old widgets and the new
        app.status_signal.publish(None)
        app.reload_signal.publish(None)
        await rebuild
        await pilot.pause(0.2)
        assert app.is_running and app.return_code is None
        assert main.query_one(Navigator).display
