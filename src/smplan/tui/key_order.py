"""Keys handled one at a time, in the order typed, by what has focus at that point.

Textual 8.2.8 reads keys into the app's queue and, in ``App.on_event``, hands
each one to the focused widget's own queue at once, then goes on to the next.
What a key does to focus happens later: Tab is a binding of the screen, run once
the key has bubbled up from the focused widget to the app; enter on a list and
``a`` are bindings of the list, run the same way; ``Widget.focus()`` itself is
queued behind the keys already read; a picker's choice travels up from its menu
as messages before the picker takes focus back. Over ssh and tmux a typed burst
arrives in one read, so the keys after a Tab still reach the field Tab was
leaving: ``1200<Tab>3.2<Tab>4`` ends as ``12003.24`` in one field. A bare
Textual 8.2.8 app with three inputs does the same.

Binding tab at the app with ``priority=True`` fixes Tab alone. The app here
lets one key travel at a time instead, which covers every key that moves focus
or opens something, the widgets' own keys included:

1. the key goes to the focused widget, followed by a :class:`KeyHandled` marker
   along the same way (queues keep their order, so the marker reaches the app
   once the key has passed every widget from the focused one up and the app has
   run its bindings);
2. then a few turns of the event loop and of the app's queue let the widgets
   finish what the key set off (a choice posted up, a focus asked for), and
   the screen is laid out again (Tab follows the widgets' places, which a form
   shown or a pane mounted by the key does not have before that);
3. code that moves focus after a longer wait (a step's pane being mounted, a
   dialog opening) holds the keys with :meth:`KeyOrderApp.holding_keys`.

Only then is the next key handed out. Keys that come while nothing is on its way
are handed out at once, so typing at a person's pace waits for nothing; and a
character typed into a text field (or backspace, an arrow...) moves no focus,
so the key after it need not wait either: a burst of text costs no more than
before.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from time import monotonic
from typing import Generic, TypeVar

from textual import events
from textual.app import App
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, TextArea

ReturnType = TypeVar("ReturnType")

#: Turns of the event loop per round: how many hops a message chain started by a
#: key (menu -> picker -> form) may take before the next key is handed out.
SPINS = 12
#: Rounds of those turns, each followed by the app's own queue (focus asked for
#: with ``focus()`` lands there).
ROUNDS = 2
#: Seconds after which keys are handed out even if the marker never came back
#: (the widget that had focus was removed before it saw the key).
STUCK_AFTER = 3.0

InputEvent = events.Key | events.Paste
#: Keys that edit the text of the focused field without leaving it.
EDITING_KEYS = frozenset({"backspace", "delete", "left", "right", "home", "end"})


class KeyHandled(Message):
    """Follows a key from the focused widget up to the app: the key has been dealt with."""

    def __init__(self, serial: int) -> None:
        super().__init__()
        self.serial = serial


class KeyOrderApp(App[ReturnType], Generic[ReturnType]):
    """An app that hands keys (and pastes) to widgets one at a time, in order."""

    def __init__(self) -> None:
        super().__init__()
        self._held: deque[InputEvent] = deque()
        #: The serial number of the key the next one waits for, or None.
        self._travelling: int | None = None
        #: The serial number of the last character typed into a field, until its
        #: marker is back: a key other than more typing waits for it.
        self._typing: int | None = None
        self._serial = 0
        self._sent_at = 0.0
        self._holds = 0
        #: The key on its way has arrived; the next one waits only for the holds to end.
        self._arrived = False
        self._watchdog: Timer | None = None

    @property
    def keys_waiting(self) -> int:
        """Keys read but not handed to a widget yet."""
        return len(self._held)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, InputEvent) and not event.is_forwarded and self.screen_stack:
            if self._travelling is not None or self._held or self._holds:
                self._held.append(event)
                self._watch()
                return
            await self._hand_out(event)
            return
        await super().on_event(event)

    def _types_text(self, event: InputEvent) -> bool:
        """True for a key that only edits the text of the focused field (or a paste into it)."""
        focused = self.focused
        if not isinstance(focused, Input | TextArea):
            return False
        if isinstance(focused, TextArea) and focused.read_only:
            return False
        if isinstance(event, events.Paste):
            return True
        return event.is_printable or event.key in EDITING_KEYS

    async def _hand_out(self, event: InputEvent) -> bool:
        """Give ``event`` to the focused widget now, or hold it; False when it is held."""
        if self._types_text(event):
            # Into the same field as the keys before it: nothing to wait for.
            await super().on_event(event)
            self._typing = self._mark()
            return True
        if self._typing is not None:
            # After text, any other key (ctrl+s, Tab) waits until the text is in the plan.
            self._travelling = self._typing
            self._held.appendleft(event)
            self._watch()
            return False
        self._travelling = self._serial + 1
        await super().on_event(event)
        # Priority bindings (F-keys, ctrl+s) have run here; others follow the key.
        if self._travelling == self._serial + 1:
            self._mark()
        return True

    def _mark(self) -> int:
        """Send a marker after the key just handed out, along the same way; its number."""
        self._serial += 1
        serial = self._serial
        self._sent_at = monotonic()
        target = self.focused or self.screen if self.screen_stack else None
        if target is None or not target.post_message(KeyHandled(serial)):
            self.call_later(self._marked, serial)
        return serial

    def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        self._marked(message.serial)

    def _marked(self, serial: int) -> None:
        if serial == self._typing:
            self._typing = None
        if serial == self._travelling:
            self.call_later(self._settle, serial, ROUNDS)

    async def _settle(self, serial: int, rounds: int) -> None:
        if serial != self._travelling:
            return
        for _ in range(SPINS):
            await asyncio.sleep(0)
        if rounds > 1:
            self.call_later(self._settle, serial, rounds - 1)
        else:
            # And once the screen is laid out again: Tab goes to the next widget by
            # position, and a form just shown (an item added) has none before that.
            self.call_after_refresh(self._laid_out, serial)

    async def _laid_out(self, serial: int) -> None:
        if serial != self._travelling:
            return
        if not self._holds:
            await self._next()
        else:
            self._arrived = True  # the last hold to end hands out the next key

    async def _next(self) -> None:
        self._travelling = None
        self._arrived = False
        while self._held and self.screen_stack and self._travelling is None:
            if not await self._hand_out(self._held.popleft()):
                break

    @contextmanager
    def holding_keys(self) -> Iterator[None]:
        """Keep keys waiting while the block runs (it moves focus when it is done)."""
        self.hold_keys()
        try:
            yield
        finally:
            self.release_keys()

    def hold_keys(self) -> None:
        """Keep keys waiting from now until :meth:`release_keys` (a screen being built)."""
        self._holds += 1

    def release_keys(self) -> None:
        """End a :meth:`hold_keys`; the keys go on once focus has moved."""
        self._holds = max(0, self._holds - 1)
        if not self._holds and (self._arrived or self._travelling is None) and self._held:
            # Focus has moved by now: a turn of the app's queue, then the next key.
            self.call_later(self._next)

    def _watch(self) -> None:
        if self._watchdog is None:
            self._watchdog = self.set_timer(STUCK_AFTER, self._unstick)

    async def _unstick(self) -> None:
        self._watchdog = None
        if not self._held:
            return
        waited = monotonic() - self._sent_at
        if waited < STUCK_AFTER:
            self._watchdog = self.set_timer(STUCK_AFTER - waited, self._unstick)
            return
        # Something kept the marker from coming back: go on rather than lose the keys.
        self._holds = 0
        self._typing = None
        await self._next()
        self._watch()
