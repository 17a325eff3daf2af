"""Typing a :mod:`tests.typing_script` into a real terminal: slowly, or all at once."""

from __future__ import annotations

import time

from tests.tmux_driver import TmuxSession
from tests.typing_script import Text, Token

#: Seconds between keys when typing slowly: the app is idle before each key.
SLOW = 0.3
#: Seconds after an escape before the next key: Textual reads an escape followed
#: within ESCDELAY (0.1 s) by another key as the start of that key's alt chord.
AFTER_ESCAPE = 0.25


def type_slowly(session: TmuxSession, tokens: list[Token], pause: float = SLOW) -> None:
    """One key at a time, ``pause`` seconds apart (each character of a text too)."""
    for token in tokens:
        for key in token.value if isinstance(token, Text) else [token]:
            session.send(f"literal:{key}" if isinstance(token, Text) else key)
            time.sleep(pause)


def bursts(tokens: list[Token]) -> list[list[str]]:
    """``tokens`` in as few ``send-keys`` calls as a terminal allows.

    Escape ends a call: escape followed at once by another key is how terminals
    send an alt chord (``escape`` then ``a`` is alt+a), so no terminal program
    can tell them apart when they come close together; Textual waits ESCDELAY
    (0.1 s) after an escape for the rest of a chord. People do not type escape
    and the next key that fast.
    """
    calls: list[list[str]] = [[]]
    for token in tokens:
        calls[-1].append(token.value if isinstance(token, Text) else token)
        if token == "Escape":
            calls.append([])
    return [call for call in calls if call]


def type_in_bursts(session: TmuxSession, tokens: list[Token]) -> None:
    """Everything at once, save for the breaks :func:`bursts` needs."""
    for call in bursts(tokens):
        session.burst(*call)
        if call[-1] == "Escape":
            time.sleep(AFTER_ESCAPE)
