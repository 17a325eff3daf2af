"""Subscribing a widget to one of the app's plan signals, run at once and failing loudly.

``immediate=True``: the callback runs inside ``Signal.publish``, so inside the
edit that published it, in the order the app publishes (as the direct calls
these signals replaced did; keystroke order under bursts depends on it).

Textual 8.2.8's ``Signal.publish`` logs and drops an exception raised by a
callback; a pane that failed to follow an edit would then go on showing the
plan wrong, silently. The error is raised again from the widget's own queue
instead, where Textual ends the app with the traceback, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode
from textual.signal import Signal

News = TypeVar("News")


def follow(signal: Signal[News], node: DOMNode, callback: Callable[[News], object]) -> None:
    """Call ``callback`` with every news ``signal`` publishes while ``node`` is mounted."""

    def run(news: News) -> None:
        try:
            callback(news)
        except Exception as error:  # re-raised below, where Textual does not swallow it
            node.call_next(_raise, error)

    signal.subscribe(node, run, immediate=True)


def _raise(error: Exception) -> None:
    raise error
