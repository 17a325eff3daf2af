"""Typing a :mod:`tests.typing_script` into a real terminal: slowly, or all at once."""

from __future__ import annotations

import time

from tests.tmux_driver import TmuxSession
from tests.typing_script import Text, Token

#: Seconds after a key that moves focus or opens something, when typing slowly:
#: the app is done with it before the next key.
SLOW = 0.3
#: Seconds after each character of a text typed slowly: a character only edits
#: the field it is typed into, which takes the app a few milliseconds.
SLOW_TEXT = 0.12
#: Seconds of quiet after an escape, typed slowly or not. Escape followed at once
#: by another key is how terminals send an alt chord (escape then tab reads as
#: shift+tab, escape then ``a`` as alt+a), so no terminal program can tell them
#: apart when they come close together. Textual takes a lone escape once nothing
#: has followed it for ESCDELAY (0.1 s), as its input thread sees time: that
#: thread looks every 0.1 s, and a busy machine can make it later still. People
#: do not type escape and the next key that fast.
AFTER_ESCAPE = 0.6


def type_slowly(session: TmuxSession, tokens: list[Token]) -> None:
    """One key at a time (each character of a text too), the app idle before each."""
    for token in tokens:
        if isinstance(token, Text):
            for character in token.value:
                session.send(f"literal:{character}")
                time.sleep(SLOW_TEXT)
        else:
            session.send(token)
            time.sleep(AFTER_ESCAPE if token == "Escape" else SLOW)


def bursts(tokens: list[Token]) -> list[list[str]]:
    """``tokens`` in as few ``send-keys`` calls as a terminal allows: an escape ends a call."""
    calls: list[list[str]] = [[]]
    for token in tokens:
        calls[-1].append(token.value if isinstance(token, Text) else token)
        if token == "Escape":
            calls.append([])
    return [call for call in calls if call]


def type_in_bursts(session: TmuxSession, tokens: list[Token]) -> None:
    """Everything at once, save for the quiet after each escape (see :data:`AFTER_ESCAPE`)."""
    for call in bursts(tokens):
        session.burst(*call)
        if call[-1] == "Escape":
            time.sleep(AFTER_ESCAPE)
