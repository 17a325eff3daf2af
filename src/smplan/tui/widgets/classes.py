"""Compact widgets created with the CSS classes they will have, so they are styled once.

A widget created inside a running app and then given a class has the whole
stylesheet applied to it there and then (about 3 ms), and again when it is
mounted. Textual's ``compact=True`` does that (a reactive whose default, false,
is applied first, then the true value), and an input does it again with its
first value (``-valid``): 19 times on the personas step's first visit, some
60 ms. Our compact widgets declare ``compact`` true from the start
(:func:`compact_reactive`) and are given the classes to the constructor
(:data:`COMPACT`, :data:`VALID`), so that setting them again changes nothing.
Should Textual rename a class, only that saving is lost.
"""

from __future__ import annotations

from textual.reactive import Reactive

#: What ``compact`` toggles (Textual 8.2: ``reactive(False, toggle_class=...)``).
COMPACT = "-textual-compact"
#: What an input without validators sets on its first value (Textual 8.2: ``Input.validate``).
VALID = "-valid"


def compact_reactive() -> Reactive[bool]:
    """Textual's ``compact`` reactive, true by default: declare it on a compact widget class."""
    return Reactive(True, toggle_class=COMPACT)
