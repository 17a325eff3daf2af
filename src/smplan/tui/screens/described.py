"""Screens whose keys are described in the current language, wherever they are read.

A binding's description is fixed when its class is made (``BINDINGS``), so it
holds the name of its catalogue entry (see :mod:`smplan.tui.keys`). Textual's
footer and key panel read the keys of a screen through its public
``active_bindings``; :class:`DescribedKeys` answers there with each of smplan's
bindings described in the language of the moment, so a language switch needs
only ``refresh_bindings()`` for the footer to follow.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from textual.binding import ActiveBinding, Binding
from textual.screen import Screen

from smplan.i18n import Lang, current_language, t
from smplan.tui.keys import DESCRIPTIONS


@lru_cache(maxsize=512)
def described(binding: Binding, lang: Lang) -> Binding:
    """``binding`` described in ``lang``; Textual's own keys (no id of ours) as they are."""
    entry = DESCRIPTIONS.get(binding.id or "")
    if entry is None:
        return binding
    return replace(binding, description=t(entry, lang))


if TYPE_CHECKING:
    _Screen = Screen[Any]
else:
    # Not a node class itself: Textual takes a node's CSS type names from its
    # first node base, so ``ModalScreen`` must stay that (its dimmed backdrop).
    _Screen = object


class DescribedKeys(_Screen):
    """Put first among a screen's bases: ``class MainScreen(DescribedKeys, Screen[None])``."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        lang = current_language()
        return {
            key: ActiveBinding(
                active.node, described(active.binding, lang), active.enabled, active.tooltip
            )
            for key, active in super().active_bindings.items()
        }
