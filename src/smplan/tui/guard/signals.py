"""Ending on SIGHUP or SIGTERM: the SSH connection dropped, or the process is asked to stop.

The unsaved edits go to the recovery copy and the lock is let go (the
``finish`` given), then the app exits with 128 + the signal's number.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smplan.tui.app import SmplanApp

#: Seconds a signalled app gets to close the terminal cleanly before it is ended.
EXIT_GRACE = 3.0
#: Signals that end a session: the SSH connection dropped, or the process is asked to stop.
ENDING_SIGNALS = (signal.SIGHUP, signal.SIGTERM)


class EndingSignals:
    """The handlers of :data:`ENDING_SIGNALS` while the plan is open."""

    def __init__(self, app: SmplanApp, finish: Callable[[], None]) -> None:
        self.app = app
        self._finish = finish
        self._installed: list[int] = []

    def install(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for number in ENDING_SIGNALS:
                loop.add_signal_handler(number, self._on_signal, number)
                self._installed.append(number)
        except (RuntimeError, ValueError, NotImplementedError):
            return  # not the main thread, or no signals here: nothing to hook

    def remove(self) -> None:
        with contextlib.suppress(RuntimeError, ValueError):
            loop = asyncio.get_running_loop()
            for number in self._installed:
                loop.remove_signal_handler(number)
        self._installed.clear()

    def _on_signal(self, number: int) -> None:
        """SIGHUP or SIGTERM: keep the edits in the recovery copy, let go of the lock, exit."""
        self._finish()
        code = 128 + number
        # After SIGHUP the terminal is gone and closing it may hang: end regardless.
        ender = threading.Timer(EXIT_GRACE, os._exit, (code,))
        ender.daemon = True
        ender.start()
        self.app.exit(code)
