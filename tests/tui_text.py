"""Reading what the app shows, for tests: the screen as text, a field's editor."""

from __future__ import annotations

from textual.app import App
from textual.widget import Widget

from smplan.tui.widgets.fields import FieldRow


def screen_text(app: App[object]) -> str:
    """Every line of the screen as a person sees it (what is cut off is not there)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def field_row(root: Widget, name: str) -> FieldRow:
    """The first shown form row of field ``name`` under ``root``."""
    return next(row for row in root.query(FieldRow) if row.spec.name == name and row.display)
