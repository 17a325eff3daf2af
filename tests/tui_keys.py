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
from textual.command import CommandPalette
from textual.pilot import Pilot

from tests.tui_flow import settle, wait_for
from tests.typing_script import Text, Token

#: Key names for the characters that have one (Textual calls "?" question_mark).
NAMED = {"\t": "tab", "\n": "enter", " ": "space"}
#: Names Textual shortens (as in ``textual.keys``).
SHORTER = {"solidus": "slash", "reverse_solidus": "backslash", "commercial_at": "at",
           "hyphen_minus": "minus", "plus_sign": "plus", "low_line": "underscore"}  # fmt: skip


#: tmux key names (``tests/typing_script.py``) that Textual calls otherwise.
TMUX_NAMES = {"IC": "insert", "DC": "delete", "NPage": "pagedown", "PPage": "pageup",
              "BTab": "shift+tab", "C-\\": "ctrl+backslash"}  # fmt: skip


def from_tmux(tokens: Iterable[Token]) -> list[str]:
    """A typing script's keys as Textual names them, its texts as one key per character."""
    keys: list[str] = []
    for token in tokens:
        if isinstance(token, Text):
            keys += keys_of(token.value)
        elif token in TMUX_NAMES:
            keys.append(TMUX_NAMES[token])
        elif token.startswith("C-"):
            keys.append("ctrl+" + token.removeprefix("C-").lower())
        else:
            keys.append(token.lower())  # Enter, Tab, Escape, Up, End, F7, a
    return keys


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


async def palette_command(pilot: Pilot[Any], words: str) -> None:
    """Open the command palette, type ``words`` as a user does and run the first match."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*keys_of(words))
    await pilot.pause(0.3)  # the palette searches as it is typed
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette))
