"""The text area of a field: Textual's, safe to draw once removed."""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class FieldArea(TextArea):
    """A field's text area.

    Textual 8.2.8 can draw a text area removed a moment before: a dialog draws the
    screen behind it from that screen's last layout, which still holds widgets
    removed since (a step built again in another language, then its question). By
    then the area's styles are gone and drawing it raised a ``KeyError`` that ended
    the app. Removed, it draws blank: the screen behind is laid out again, without
    it, as soon as it is shown.
    """

    def render_lines(self, crop: Region) -> list[Strip]:
        if not self.is_attached:
            return [Strip.blank(crop.width)] * crop.height
        return super().render_lines(crop)
