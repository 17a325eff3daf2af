"""At 80x24, in both languages, no word of the app is cut off on any step or dialog.

Each language opens a plan written in it; every step is shown as opened and again
with a new, empty item (so that the fields' hints show), then the help screen and
the dialogs. See tests/tui_fit.py for what counts as clipped.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from smplan.i18n import Lang, set_language
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.panes.calendar import CalendarEditor
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.screens.goto_step import GoToStep
from smplan.tui.screens.help import HelpScreen
from smplan.tui.screens.problems import ProblemsScreen
from tests.conftest import SAMPLES
from tests.tui_fit import clipped_labels
from tests.tui_flow import wait_for
from tests.tui_text import screen_text

PLANS: dict[Lang, str] = {"en": "northwind-nonprofit.toml", "id": "kopi-nusantara.toml"}
#: Steps with a list whose new item shows empty fields (and so their hints).
ADD_ON = (1, 2, 3, 4, 5, 6, 7)
CALENDAR_STEP = 6


def calendar_filled(app: SmplanApp) -> bool:
    editor = app.screen.query_one(CalendarEditor)
    return editor.built and not editor.table.pending


@pytest.mark.parametrize("lang", ["en", "id"])
async def test_no_label_is_clipped_at_80x24(lang: Lang, tmp_path: Path) -> None:
    path = tmp_path / PLANS[lang]
    path.write_bytes((SAMPLES / PLANS[lang]).read_bytes())
    set_language(lang)
    app = SmplanApp(path, PlanFile.open(path), None, step=0)
    problems: list[str] = []
    seen: set[str] = set()

    def look(where: str) -> None:
        for problem in clipped_labels(app):
            if problem not in seen:
                seen.add(problem)
                problems.append(f"{where}: {problem}")

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        for step in range(8):
            await app.action_goto(step)
            await pilot.pause(0.3)
            if step == CALENDAR_STEP:
                # The count line is measured once the table holds every row (a series
                # is a row per date) and the line has been laid out again.
                await wait_for(pilot, partial(calendar_filled, app))
                await pilot.pause(0.3)
            look(f"step {step}")
        for step in ADD_ON:
            pane = await app.main.show_step(step)  # type: ignore[union-attr]
            editors = pane.editors()
            for editor in editors:
                editor.add_item()
                await pilot.pause(0.2)
                # Hints are measured against their field wherever it is scrolled to.
                look(f"step {step}, new {editor.spec.kind}")
                # With the list focused the footer holds the list's keys too.
                listing = getattr(editor, "item_list", None) or getattr(editor, "table")  # noqa: B009
                listing.focus()
                await pilot.pause(0.2)
                look(f"step {step}, {editor.spec.kind} list focused")
        for screen in (HelpScreen(), GoToStep(), ProblemsScreen(app.problems())):
            app.push_screen(screen)
            await pilot.pause(0.2)
            look(type(screen).__name__)
            app.pop_screen()
        await pilot.press("ctrl+q")  # unsaved new items: the quit question
        await pilot.pause(0.2)
        assert isinstance(app.screen, ChoiceDialog)
        look("quit question")
        await pilot.press("escape")
        await pilot.pause(0.1)
        await pilot.press("f9")  # the other language, and the question to keep it
        await pilot.pause(0.3)
        assert isinstance(app.screen, ChoiceDialog), screen_text(app)
        look("language question")
    assert not problems, "\n".join(problems)
