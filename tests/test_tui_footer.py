"""The footer is built again when the keys it shows change, and only then."""

from __future__ import annotations

from pathlib import Path

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
