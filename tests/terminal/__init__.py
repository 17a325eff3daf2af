"""Real programs in real terminals (tmux), for the end-to-end tests and the benchmarks.

One concern per file:

- ``session.py``: :class:`TmuxSession`, one program in its own tmux server: type
  keys, read the screen (with colours too), wait for text, the cursor or a
  selection, send SIGHUP by closing the window, read the exit status;
- ``keystrokes.py``: typing a script slowly (:data:`SLOW` between keys) or in
  bursts, with :data:`AFTER_ESCAPE` of quiet after every escape;
- ``program.py``: the real ``smplan``: the environment it sees, opening a plan
  from its folder, typing a script into a plan and reading what it saved, and
  the ``needs_tmux`` mark;
- ``processes.py``: whether a process still runs, how it ended, a pid that has
  ended, waiting for what another process writes.

Tests import from here: ``from tests.terminal import TmuxSession, type_slowly``.
"""

from tests.terminal.keystrokes import AFTER_ESCAPE, SLOW, bursts, type_in_bursts, type_slowly
from tests.terminal.processes import alive, dead_pid, wait_for_file, wait_until_gone
from tests.terminal.program import (
    UNSAVED,
    Command,
    app_env,
    needs_tmux,
    open_in_tmux,
    plan_copy,
    ready,
    saved,
    type_and_save,
)
from tests.terminal.session import ScreenTimeout, TmuxSession, tmux_available

__all__ = [
    "AFTER_ESCAPE",
    "SLOW",
    "UNSAVED",
    "Command",
    "ScreenTimeout",
    "TmuxSession",
    "alive",
    "app_env",
    "bursts",
    "dead_pid",
    "needs_tmux",
    "open_in_tmux",
    "plan_copy",
    "ready",
    "saved",
    "tmux_available",
    "type_and_save",
    "type_in_bursts",
    "type_slowly",
    "wait_for_file",
    "wait_until_gone",
]
