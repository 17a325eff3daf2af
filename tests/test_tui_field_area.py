"""A field's text area removed a moment ago draws blank instead of ending the app."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import TextArea

from smplan.tui.widgets.field_area import FieldArea
from smplan.tui.widgets.lines_area import LinesArea


class Areas(App[None]):
    def compose(self) -> ComposeResult:
        yield FieldArea("a summary", id="long")
        yield LinesArea("one\ntwo", id="lines")


async def test_a_removed_field_area_draws_blank() -> None:
    # What a dialog does when it draws the screen behind it from a layout taken
    # before the area was removed (Textual 8.2.8): Textual's own area raised KeyError.
    app = Areas()
    async with app.run_test(size=(40, 10)) as pilot:
        for area in app.query(TextArea):
            drawn = area.render_lines(Region(0, 0, 12, 2))
            assert "".join(segment.text for segment in drawn[0]).strip()
        areas = list(app.query(TextArea))
        for area in areas:
            await area.remove()
        await pilot.pause()
        for area in areas:
            assert not area.is_attached
            drawn = area.render_lines(Region(0, 0, 12, 2))
            assert len(drawn) == 2
            assert all(strip.cell_length == 12 and not strip.text.strip() for strip in drawn)
