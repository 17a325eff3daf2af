"""The budget tracker's own scroll area: a few rows on a short terminal, all of it on a tall one."""

from __future__ import annotations

from textual.containers import VerticalScroll


class TrackerScroll(VerticalScroll):
    """Takes focus (arrows scroll it) only when the tracker does not fit its rows."""

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0
