"""Keys as a terminal delivers them: a whole burst at once, no pause between keys.

Pilot's ``press`` waits for the app to be idle after every key, which is kinder
than ssh, tmux or a paste. :func:`burst` puts every key in the app's queue at
once, as a terminal read of many bytes does, then waits for the app to settle.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from textual import events
from textual.pilot import Pilot

from tests.tui_flow import settle

#: Key names for the characters that have one (Textual calls "?" question_mark).
NAMED = {"\t": "tab", "\n": "enter", " ": "space"}
#: Names Textual shortens (as in ``textual.keys``).
SHORTER = {"solidus": "slash", "reverse_solidus": "backslash", "commercial_at": "at",
           "hyphen_minus": "minus", "plus_sign": "plus", "low_line": "underscore"}  # fmt: skip


def key_event(key: str) -> events.Key:
    """The event a terminal read of ``key`` (a key name or one character) gives."""
    if key in NAMED:
        key = NAMED[key]
    if len(key) == 1:
        return events.Key(key if key.isalnum() else character_key(key), key)
    character = {"space": " ", "tab": "\t", "enter": "\r"}.get(key)
    return events.Key(key, character)


def character_key(character: str) -> str:
    """Textual's name of a key that types ``character`` (``.`` is ``full_stop``)."""
    name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return SHORTER.get(name, name)


def keys_of(text: str) -> list[str]:
    """``text`` as keys: each character, newlines as enter."""
    return [NAMED.get(char, char) for char in text]


async def burst(pilot: Pilot[Any], keys: Iterable[str]) -> None:
    """Send ``keys`` all at once, then wait until the app has handled every one."""
    app = pilot.app
    for key in keys:
        app.post_message(key_event(key))
    await settle(pilot, lambda: getattr(app, "keys_waiting", 0) == 0)
    await pilot.pause()
    await pilot.pause()
