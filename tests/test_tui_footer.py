"""The footer is built again when the keys it shows change, and only then."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget

from smplan.tui.app import SmplanApp
from smplan.tui.widgets.footer import SteadyFooter
from smplan.tui.widgets.navigator import StepList
from tests.tui_flow import SMALL, copy_sample, open_app, settle


def footer_keys(app: SmplanApp) -> list[Widget]:
    """The footer's key widgets (Textual's FooterKey, found by its name)."""
    return list(app.screen.query_one(SteadyFooter).query("FooterKey"))


def actions(keys: list[Widget]) -> set[str]:
    return {str(getattr(key, "action", "")) for key in keys}


async def test_the_footer_follows_the_keys_and_keeps_its_widgets_otherwise(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, StepList)
        on_steps = footer_keys(app)
        assert on_steps
        # Tab into the audit's first field and on to the next one: the same keys.
        await pilot.press("tab")
        await settle(pilot)
        in_field = footer_keys(app)
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is not None and not isinstance(app.focused, StepList)
        # Nothing to show differently: the footer's key widgets are the same ones.
        assert footer_keys(app) == in_field
        # Step 2 opens on its list of personas: the list's keys (delete) are shown,
        # which the step list did not have.
        assert "delete_item" not in actions(on_steps)
        await pilot.press("f3")
        await settle(pilot, lambda: app.main is not None and app.main.step == 2)
        await settle(pilot)
        assert "delete_item" in actions(footer_keys(app))


async def test_the_keys_are_laid_out_with_the_first_step_before_the_first_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual's footer composes new keys only after its next refresh: at start that
    # was behind the step's layout and the plan's first check (some 100 ms on the UI
    # thread for a small plan), and the keys showed 200 ms after the step.
    seen: list[tuple[int, bool, bool]] = []
    check_plan = SmplanApp.check_plan

    def first_check(self: SmplanApp) -> None:
        if not seen:
            keys = footer_keys(self)
            pane = self.main.current_pane() if self.main is not None else None
            seen.append(
                (
                    len(keys),
                    all(key.region.width > 0 for key in keys),
                    pane is not None and pane.region.height > 0,
                )
            )
        check_plan(self)

    monkeypatch.setattr(SmplanApp, "check_plan", first_check)
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: bool(seen))
        count, keys_placed, step_placed = seen[0]
        assert count >= 4  # save, quit, help, go to: on the screen already
        assert keys_placed and step_placed
