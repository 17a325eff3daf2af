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

    Textual's footer also waits for its next refresh before it composes the new
    keys. At start that put the first keys on screen some 200 ms after the first
    step, behind the step's layout and the plan's first check: this one composes
    its first keys at its next turn, so that they are laid out and drawn with the
    step. Later keys keep Textual's timing: composed sooner, they made the screen
    refresh before a step just shown was laid out, and the pane scrolled to its
    first field by an unfinished layout.
    """

    _shown: tuple[Shown, ...] | None = None
    #: What the keys were last composed for (``_shown`` then).
    _composed: tuple[Shown, ...] | None = None

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
        super().bindings_changed(screen)  # its own recompose comes after a refresh
        first = self._composed is None
        if first and self.is_attached and screen is self.screen and self.app.app_focus:
            self.call_later(self.recompose)

    async def recompose(self) -> None:
        if self._shown is not None and self._composed is self._shown:
            return  # the keys shown are those of the last change already
        self._composed = self._shown
        await super().recompose()
