"""The main screen is laid out no more often than what it shows changes.

Textual 8.2.8 lays a screen out again for every resize event it gets, also one of
the size it already has: the screen posts one to itself after its first layout,
and the app posts the terminal's size again once idle. At start each came after
the first step was built and laid out that step in full again, for nothing
(``MainScreen.on_resize`` lets only a new size through).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import Screen

from smplan.tui.app import SmplanApp
from smplan.tui.screens.main import MainScreen
from tests.tui_flow import SMALL, copy_sample, open_app, settle


async def test_the_first_step_is_laid_out_once_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each layout of the main screen until the first step is shown (FirstShown, which
    # starts the first check: its verdicts change the navigator, laid out again then).
    layouts: list[bool] = []  # for each: was the first step there yet?
    shown: list[int] = []  # how many layouts there had been when the step was shown
    mount = MainScreen.on_mount
    first_shown = SmplanApp.on_main_screen_first_shown

    def counting(self: MainScreen) -> None:
        def laid_out(_screen: Screen[object]) -> None:
            layouts.append(self.pane(self.step) is not None)

        self.screen_layout_refresh_signal.subscribe(self, laid_out, immediate=True)
        mount(self)

    def noting(self: SmplanApp) -> None:
        shown.append(len(layouts))
        first_shown(self)

    monkeypatch.setattr(MainScreen, "on_mount", counting)
    monkeypatch.setattr(SmplanApp, "on_main_screen_first_shown", noting)
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: bool(shown))
        assert isinstance(app.main, MainScreen)
        at_start = layouts[: shown[0]]
        # Once empty, as the screen comes up, then once with the step in it.
        assert at_start == [False, True], layouts
        # A new size is laid out, every widget at its new width.
        before = len(layouts)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert len(layouts) > before
        assert app.main.query_one("#body").size.width == 120
        pane = app.main.current_pane()
        assert pane is not None and pane.size.height > 24
