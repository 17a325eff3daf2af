"""Typing a :mod:`tests.typing_script` into a real terminal: slowly, or all at once."""

from __future__ import annotations

import time

from tests.terminal.session import TmuxSession
from tests.typing_script import Text, Token

#: Seconds between keys when typing slowly, a quick typist's pace: the app is idle
#: before each key (a key acts in 5-50 ms, a tab or a letter in a field well under
#: that). Should a busy machine make a key take longer, the next one lands in a
#: burst of two, which must save the same plan anyway.
SLOW = 0.1
#: Seconds after a key that builds a step or a calendar view, typed slowly: a first
#: visit takes 0.1-0.4 s on a busy machine, and the next key should find it built.
AFTER_BUILD = 0.6
#: The keys that build: a step's function key, the calendar's view key, enter (which
#: opens a step from the navigator or a day's list from a grid).
BUILDING = frozenset({*(f"F{n}" for n in range(1, 10)), "C-\\", "Enter"})
#: Seconds of quiet after an escape, typed slowly or not. Escape followed at once
#: by another key is how terminals send an alt chord (escape then tab reads as
#: shift+tab, escape then ``a`` as alt+a), so no terminal program can tell them
#: apart when they come close together. Textual takes a lone escape once nothing
#: has followed it for ESCDELAY (0.1 s), as its input thread sees time: that
#: thread looks every 0.1 s, and a busy machine can make it later still. People
#: do not type escape and the next key that fast.
AFTER_ESCAPE = 0.6


def type_slowly(session: TmuxSession, tokens: list[Token]) -> None:
    """One key at a time (each character of a text too), :data:`SLOW` seconds apart."""
    for token in tokens:
        for key in token.value if isinstance(token, Text) else [token]:
            session.send(f"literal:{key}" if isinstance(token, Text) else key)
            time.sleep(pause_after(token))


def pause_after(token: Token) -> float:
    """How long slow typing waits after ``token`` (a text's characters: :data:`SLOW`)."""
    if token == "Escape":
        return AFTER_ESCAPE
    return AFTER_BUILD if token in BUILDING else SLOW


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
