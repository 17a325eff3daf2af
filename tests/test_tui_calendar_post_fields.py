"""The post's own fields in the step-6 form (caption, hashtags, asset, URL, duration),
typed with keys as a person would and read back from the file on disk."""

from __future__ import annotations

from pathlib import Path

from smplan.tui.app import SmplanApp
from tests.test_tui_calendar import (
    SIZE,
    calendar_app,
    calendar_plan,
    calendar_settle,
    caption_of_first_item,
    on_disk,
)

__all__ = ["calendar_plan"]  # the fixture, shared with the calendar pane's tests


async def test_type_a_caption_hashtags_asset_url_and_duration_then_save(
    calendar_plan: Path,
) -> None:
    app: SmplanApp = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await caption_of_first_item(pilot)
        await pilot.press(*"Fresh today.", "enter", *"Come early!")
        await pilot.press("tab")
        assert app.focused is editor.form.query_one("#f-hashtags")
        await pilot.press(*"#kopi", "enter", *"#manualbrew")
        await pilot.press("tab", *"media/v60.mp4")
        await pilot.press("tab", *"https://example.com/p/1")
        await pilot.press("tab")
        assert app.focused is editor.form.query_one("#f-duration")
        await pilot.press(*"45")
        await calendar_settle(pilot)
        await pilot.press("ctrl+s")
        await calendar_settle(pilot)

    first = on_disk(calendar_plan)["calendar"][0]
    assert first["caption"] == "Fresh today.\nCome early!"
    assert first["hashtags"] == ["#kopi", "#manualbrew"]
    assert first["asset"] == "media/v60.mp4"
    assert first["url"] == "https://example.com/p/1"
    assert first["duration"] == 45
    assert first["title"] == "V60 in 60 seconds"
    text = calendar_plan.read_text(encoding="utf-8")
    assert "# Hand-written: keep the V60 series on Mondays." in text
    assert 'caption = """\nFresh today.\nCome early!"""' in text
