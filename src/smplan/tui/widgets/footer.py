"""Textual's footer, built again only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

#: What the footer shows of one key: key, how it is written, description, action,
#: enabled, tooltip.
Shown = tuple[str, str, str, str, bool, str]


class SteadyFooter(Footer):
    """Textual's footer composes itself again (every key widget, mounted and styled)
    each time the screen's bindings are updated, which is at every focus move: six
    times while a step is switched, most of them to show the same keys (Textual
    8.2.8). This one passes an update on only when what it would show has changed.
    """

    _shown: tuple[Shown, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        palette = self.app.COMMAND_PALETTE_BINDING
        shown = tuple(
            (
                key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip,
            )
            for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette
        )
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
