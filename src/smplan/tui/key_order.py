"""Keys handled one at a time, in the order typed, by what has focus at that point.

Textual 8.2.8 reads keys into the app's queue and, in ``App.on_event``, hands
each one to the focused widget's own queue at once, then goes on to the next.
What a key does to focus happens later: Tab is a binding of the screen, run once
the key has bubbled up from the focused widget to the app; enter on a list and
``a`` are bindings of the list, run the same way; ``Widget.focus()`` itself is
queued behind the keys already read; Textual's Select takes a choice from its
menu by messages that travel up before it takes focus back (smplan's picker keeps
focus instead: ``widgets/picker.py``). Over ssh and tmux a typed burst
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
character typed into a text field moves no focus, so the key after it need not
wait either: a burst of text costs no more than before.

Backspace, delete, the arrows, home and end in a text field move no focus
either, but they are bindings of the field, run when the key has gone up to the
app, while a character is taken by the field itself as soon as it reads it:
``home M`` handed out together put the M at the end, before home had moved the
cursor. A character after such a key waits for its marker, no more (nothing
was laid out again); more of those keys go on at once, as their bindings run in
the order the keys reach the app.
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
from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.widgets import Input, TextArea

ReturnType = TypeVar("ReturnType")

#: Turns of the event loop per round: how many hops a message chain started by a
#: key (menu -> picker -> form) may take before the next key is handed out.
SPINS = 12
#: Rounds of those turns, each followed by the app's own queue (focus asked for
#: with ``focus()`` lands there).
ROUNDS = 2
#: Seconds after which keys are handed out when the marker cannot come back: the
#: widget it was sent to (the one that had focus) was removed before it saw it.
STUCK_AFTER = 3.0
#: Seconds after which keys are handed out whatever holds them. A marker still on
#: its way is waited for until then: on a loaded machine a key and the layout it
#: sets off can take longer than STUCK_AFTER, and handing out the next keys early
#: sent them to the field the key was leaving.
GIVE_UP_AFTER = 30.0

InputEvent = events.Key | events.Paste
#: Keys that edit the text of the focused field without leaving it: bindings of
#: the field, run once the key has reached the app.
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
        #: The serial number of the last key that changed a field's text (a
        #: character, backspace...), until its marker is back: a key other than
        #: more typing waits for it.
        self._typing: int | None = None
        #: The serial number of the last editing key (backspace, an arrow in a
        #: field), until its marker is back: a character waits for it.
        self._editing: int | None = None
        #: The key on its way waits for a marker only, not for the screen.
        self._quick = False
        self._serial = 0
        self._sent_at = 0.0
        #: Where the last marker was sent, until it is back.
        self._marker_to: MessagePump | None = None
        self._holds = 0
        #: The key on its way has arrived; the next one waits only for the holds to end.
        self._arrived = False
        self._watchdog: Timer | None = None
        #: When the last key (or paste) was read.
        self._input_at = monotonic()

    @property
    def keys_waiting(self) -> int:
        """Keys read but not handed to a widget yet."""
        return len(self._held)

    @property
    def quiet_for(self) -> float:
        """Seconds since the last key or paste was read (since the start, before any)."""
        return monotonic() - self._input_at

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, InputEvent) and not event.is_forwarded and self.screen_stack:
            self._input_at = monotonic()
            if self._travelling is not None or self._held or self._holds:
                self._held.append(event)
                self._watch()
                return
            await self._hand_out(event)
            return
        await super().on_event(event)

    def _in_text_field(self) -> bool:
        focused = self.focused
        if not isinstance(focused, Input | TextArea):
            return False
        return not (isinstance(focused, TextArea) and focused.read_only)

    def _types_text(self, event: InputEvent) -> bool:
        """True for a character typed (or a paste) into the focused field, which takes it at once."""
        if not self._in_text_field():
            return False
        return isinstance(event, events.Paste) or event.is_printable

    def _edits_text(self, event: InputEvent) -> bool:
        """True for a key that edits the focused field's text by a binding (backspace, arrows)."""
        return isinstance(event, events.Key) and event.key in EDITING_KEYS and self._in_text_field()

    async def _hand_out(self, event: InputEvent) -> bool:
        """Give ``event`` to the focused widget now, or hold it; False when it is held."""
        if self._types_text(event):
            if self._editing is not None:
                # The field takes it as it reads it: only once backspace or an
                # arrow before it has run, at the app.
                return self._wait_for(self._editing, event, quick=True)
            # Into the same field as the keys before it: nothing to wait for.
            await super().on_event(event)
            self._typing = self._mark()
            return True
        if self._edits_text(event):
            # A binding run when the key reaches the app, behind the keys before it.
            await super().on_event(event)
            self._typing = self._editing = self._mark()
            return True
        if self._typing is not None:
            # After text, any other key (ctrl+s, Tab) waits until the text is in the plan.
            return self._wait_for(self._typing, event)
        self._travelling = self._serial + 1
        await super().on_event(event)
        # Priority bindings (F-keys, ctrl+s) have run here; others follow the key.
        if self._travelling == self._serial + 1:
            self._mark()
        return True

    def _wait_for(self, serial: int, event: InputEvent, *, quick: bool = False) -> bool:
        """Hold ``event`` (first in line) until the marker ``serial`` is back; False."""
        self._travelling = serial
        self._quick = quick
        self._held.appendleft(event)
        self._watch()
        return False

    def _mark(self) -> int:
        """Send a marker after the key just handed out, along the same way; its number."""
        self._serial += 1
        serial = self._serial
        self._sent_at = monotonic()
        target = self.focused or self.screen if self.screen_stack else None
        if target is None or not target.post_message(KeyHandled(serial)):
            self._marker_to = None
            self.call_later(self._marked, serial)
        else:
            self._marker_to = target
        return serial

    def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        self._marked(message.serial)

    def _marked(self, serial: int) -> None:
        if serial == self._serial:
            self._marker_to = None
        if serial == self._typing:
            self._typing = None
        if serial == self._editing:
            self._editing = None
        if serial == self._travelling:
            if self._quick:
                # An editing key's binding has run: it moved no focus, laid nothing out.
                self._quick = False
                self.call_later(self._laid_out, serial)
            else:
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
        lost = self._marker_to is not None and not self._marker_to.is_attached
        if waited < STUCK_AFTER or (not lost and waited < GIVE_UP_AFTER):
            # Slow is not stuck: the key is still on its way (or being laid out).
            self._watchdog = self.set_timer(max(STUCK_AFTER - waited, 0.5), self._unstick)
            return
        # The marker cannot come back: go on rather than lose the keys.
        self._marker_to = None
        self._holds = 0
        self._typing = None
        self._editing = None
        self._quick = False
        await self._next()
        self._watch()
