"""Edits of a plan, with undo and redo.

The app never assigns to the model directly: it asks the session, which applies
the edit, remembers how to reverse it, and tells listeners what changed. Typing
in one field makes one undo step, not one per key.

The plan is unsaved only while it differs from what was last saved: an item
added then deleted, or an edit undone, leaves it clean again. The session
works that out from the edits between the save and now (see :attr:`EditSession.dirty`),
without comparing whole plans.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from smplan.keypath import KeyPath
from smplan.model import PlanTable
from smplan.store.diff import forget_origins

#: Keystrokes in the same field closer together than this merge into one undo step.
COALESCE_SECONDS = 1.5
#: How many undo steps are kept.
HISTORY = 500


@dataclass(slots=True)
class Edit:
    """One reversible change. ``step`` (1-7) is where it was made, for the app to go back to."""

    #: "set", "insert", "delete", "move", "group" (edits undone and redone as one,
    #: in ``new``: sets of one owner, or the parts of :meth:`EditSession.grouped`),
    #: "inserts" (inserts into one list, in ``new``: an import).
    kind: str
    owner: PlanTable
    name: str
    old: Any = None
    new: Any = None
    index: int = 0
    to: int = 0
    step: int = 0
    when: float = field(default_factory=time.monotonic)
    label: str = ""
    #: Where the value is in the plan (a set's field), to name it when it is undone.
    path: KeyPath = ()


Listener = Callable[[Edit, bool], None]


class EditSession:
    """Applies edits to a plan's model and keeps their history."""

    def __init__(self) -> None:
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []
        self._listeners: list[Listener] = []
        #: Increases with every change, undo and redo: cheap "has anything changed" checks.
        self.revision = 0
        #: Where the saved plan is in the history: the newest edit the file on disk
        #: contains (None: the file as opened)...
        self._saved: object = None
        #: ...and edits to do again from there, once that part of the redo history
        #: was dropped by a new edit (saved, undone, then something else typed).
        self._saved_after: list[Edit] = []
        #: The edit a save in progress took as its checkpoint (no typing merges into it).
        self._sealed: Edit | None = None
        #: When True every edit is refused (the plan is open read-only) and
        #: :attr:`on_refused` is called instead, so the app can say why.
        self.locked = False
        self.on_refused: Callable[[], None] | None = None
        #: The parts of the group being made (see :meth:`grouped`), None outside one.
        self._group: list[Edit] | None = None

    # -- listening ---------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self, edit: Edit, undoing: bool) -> None:
        self.revision += 1
        for listener in list(self._listeners):
            listener(edit, undoing)

    @property
    def dirty(self) -> bool:
        """True when the model differs from the last save (or the file as opened).

        Undoing back to the save is clean, and so is any series of edits that
        cancel out: an item added and deleted again, a value typed and typed back.
        """
        if self.checkpoint() is self._saved and not self._saved_after:
            return False
        way = self._way_to_saved()
        return way is None or _differs(way)

    def _way_to_saved(self) -> list[tuple[Edit, bool]] | None:
        """From the plan now to the plan as saved: each edit, and True to undo it
        (False: to do it again); None when the save is out of reach (history
        forgotten, a restored recovery copy)."""
        saved = self._saved
        way: list[tuple[Edit, bool]] | None = None
        if saved is None:
            way = [(edit, True) for edit in reversed(self._undo)]
        for index, edit in enumerate(self._undo):
            if edit is saved:
                way = [(e, True) for e in reversed(self._undo[index + 1 :])]
        for index, edit in enumerate(self._redo):
            if edit is saved:
                way = [(e, False) for e in reversed(self._redo[index:])]
        if way is None:
            return None
        return way + [(edit, False) for edit in self._saved_after]

    def checkpoint(self) -> Edit | None:
        """A token for the model as it is now, for :meth:`mark_saved` once it is on disk."""
        return self._undo[-1] if self._undo else None

    def seal(self) -> Edit | None:
        """:meth:`checkpoint` for a save that is starting: the edit it names is sealed.

        Typing that goes on while the save runs becomes a new edit instead of
        changing this one, so it is still unsaved when the save is done.
        """
        self._sealed = self.checkpoint()
        return self._sealed

    def mark_saved(self, checkpoint: Edit | None) -> None:
        self._saved = checkpoint
        self._saved_after = []

    def mark_dirty(self) -> None:
        self._saved = _OUT_OF_REACH
        self._saved_after = []

    def _refused(self) -> bool:
        if not self.locked:
            return False
        if self.on_refused is not None:
            self.on_refused()
        return True

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self.revision += 1
        self._saved = None
        self._saved_after = []

    # -- edits -------------------------------------------------------------

    def _record(self, edit: Edit) -> None:
        if self._group is not None:
            self._group.append(edit)  # recorded, and heard of, with its group
            return
        self._keep_saved_in_reach()
        self._undo.append(edit)
        forgotten = self._undo[:-HISTORY]
        if forgotten and (self._saved is None or any(e is self._saved for e in forgotten)):
            self.mark_dirty()  # the saved plan is out of reach: unsaved until the next save
        del self._undo[:-HISTORY]
        self._redo.clear()
        self._notify(edit, False)

    def _keep_saved_in_reach(self) -> None:
        """Before a new edit drops the redo history: if the save is in it, keep the way there."""
        for index, edit in enumerate(self._redo):
            if edit is self._saved:
                self._saved_after = list(reversed(self._redo[index:])) + self._saved_after
                self._saved = self.checkpoint()
                return

    def set(
        self,
        owner: PlanTable,
        name: str,
        value: Any,
        *,
        step: int = 0,
        label: str = "",
        path: KeyPath = (),
    ) -> bool:
        """Set ``owner.name`` to ``value``; False when it already held that value (or is locked)."""
        old = getattr(owner, name)
        if old == value and type(old) is type(value):
            return False
        if self._refused():
            return False
        setattr(owner, name, value)
        last = self._undo[-1] if self._undo else None
        now = time.monotonic()
        if (
            last is not None
            and last.kind == "set"
            and last.owner is owner
            and last.name == name
            and now - last.when < COALESCE_SECONDS
            and not self._redo
            and last is not self._saved
            and last is not self._sealed
            and self._group is None
        ):
            last.new = value
            last.when = now
            if last.old == value and type(last.old) is type(value):
                self._undo.pop()
            self._notify(last, False)
            return True
        self._record(
            Edit("set", owner, name, old, value, step=step, label=label, when=now, path=path)
        )
        return True

    def set_fields(
        self,
        owner: PlanTable,
        values: dict[str, Any],
        *,
        step: int = 0,
        label: str = "",
        path: KeyPath = (),
    ) -> tuple[str, ...]:
        """Set several fields of ``owner`` as one undo step; the names of those that changed.

        Advice applied to a goal sets its target and deadline together: one undo
        takes both back. Nothing is recorded when no value changes (or when locked).
        """
        sets = [
            Edit("set", owner, name, getattr(owner, name), value, step=step, label=name)
            for name, value in values.items()
            if not (getattr(owner, name) == value and type(getattr(owner, name)) is type(value))
        ]
        if not sets or self._refused():
            return ()
        for edit in sets:
            setattr(owner, edit.name, edit.new)
        self._record(Edit("group", owner, "", None, tuple(sets), step=step, label=label, path=path))
        return tuple(edit.name for edit in sets)

    @contextmanager
    def grouped(
        self,
        owner: PlanTable,
        name: str = "",
        *,
        step: int = 0,
        label: str = "",
        path: KeyPath = (),
    ) -> Iterator[None]:
        """The edits made inside are one undo step: one undo takes them all back.

        Listeners hear of them once, as a "group" edit of ``owner`` (and ``name``)
        whose ``new`` holds the parts, when the block ends; a block that changed
        nothing records nothing. A group inside a group joins the outer one.
        """
        if self._group is not None:
            yield
            return
        self._group = []
        try:
            yield
        finally:
            parts, self._group = tuple(self._group), None
            if parts:
                self._record(
                    Edit("group", owner, name, None, parts, step=step, label=label, path=path)
                )

    def items(self, owner: PlanTable, name: str) -> list[Any]:
        value = getattr(owner, name)
        assert isinstance(value, list)
        return value

    def insert(
        self, owner: PlanTable, name: str, index: int, item: Any, *, step: int = 0, label: str = ""
    ) -> None:
        if self._refused():
            return
        items = self.items(owner, name)
        index = max(0, min(index, len(items)))
        if isinstance(item, PlanTable):
            forget_origins(item)
        items.insert(index, item)
        self._record(Edit("insert", owner, name, None, item, index=index, step=step, label=label))

    def insert_many(
        self,
        owner: PlanTable,
        name: str,
        index: int,
        items: list[Any],
        *,
        step: int = 0,
        label: str = "",
    ) -> None:
        """Insert ``items`` from ``index`` on as one undo step (an import: one undo takes all back)."""
        if not items or self._refused():
            return
        existing = self.items(owner, name)
        index = max(0, min(index, len(existing)))
        parts = []
        for offset, item in enumerate(items):
            if isinstance(item, PlanTable):
                forget_origins(item)
            existing.insert(index + offset, item)
            parts.append(Edit("insert", owner, name, None, item, index=index + offset, step=step))
        self._record(Edit("inserts", owner, name, None, tuple(parts), step=step, label=label))

    def delete(
        self, owner: PlanTable, name: str, index: int, *, step: int = 0, label: str = ""
    ) -> Any:
        """Remove and return the item at ``index``; None when the session is locked."""
        if self._refused():
            return None
        items = self.items(owner, name)
        item = items.pop(index)
        self._record(Edit("delete", owner, name, item, None, index=index, step=step, label=label))
        return item

    def move(self, owner: PlanTable, name: str, index: int, to: int, *, step: int = 0) -> bool:
        if self._refused():
            return False
        items = self.items(owner, name)
        to = max(0, min(to, len(items) - 1))
        if to == index or not 0 <= index < len(items):
            return False
        items.insert(to, items.pop(index))
        self._record(Edit("move", owner, name, index=index, to=to, step=step))
        return True

    # -- history -----------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Edit | None:
        if not self._undo:
            return None
        edit = self._undo.pop()
        self._reverse(edit)
        self._redo.append(edit)
        self._notify(edit, True)
        return edit

    def redo(self) -> Edit | None:
        if not self._redo:
            return None
        edit = self._redo.pop()
        self._replay(edit)
        self._undo.append(edit)
        self._notify(edit, False)
        return edit

    def _reverse(self, edit: Edit) -> None:
        if edit.kind in ("group", "inserts"):
            for part in reversed(edit.new):
                self._reverse(part)
        elif edit.kind == "set":
            setattr(edit.owner, edit.name, edit.old)
        else:
            _reverse_in(self.items(edit.owner, edit.name), edit)

    def _replay(self, edit: Edit) -> None:
        if edit.kind in ("group", "inserts"):
            for part in edit.new:
                self._replay(part)
        elif edit.kind == "set":
            setattr(edit.owner, edit.name, edit.new)
        else:
            _replay_in(self.items(edit.owner, edit.name), edit)


#: A save that no history leads back to.
_OUT_OF_REACH = object()


def _differs(way: list[tuple[Edit, bool]]) -> bool:
    """Whether the plan at the end of ``way`` differs from the plan now.

    Each value compares its value now with the one it has at the end; each list
    compares its items, by identity, with the list rebuilt along the way. Values
    of items that come or go along the way do not count on their own: their list
    differs, or the item is in neither plan.
    """
    values: dict[tuple[int, str], tuple[Edit, Any]] = {}
    lists: dict[tuple[int, str], tuple[Edit, list[Any]]] = {}
    passing: set[int] = set()
    steps = [
        (part, undo)
        for edit, undo in way
        for part in (
            (reversed(edit.new) if undo else edit.new)
            if edit.kind in ("group", "inserts")
            else (edit,)
        )
    ]
    for edit, undo in steps:
        key = (id(edit.owner), edit.name)
        if edit.kind == "set":
            values[key] = (edit, edit.old if undo else edit.new)
            continue
        if key not in lists:
            lists[key] = (edit, list(getattr(edit.owner, edit.name)))
        (_reverse_in if undo else _replay_in)(lists[key][1], edit)
        for item in (edit.new, edit.old):
            if item is not None:
                passing.add(id(item))
    for edit, value in values.values():
        now = getattr(edit.owner, edit.name)
        if id(edit.owner) not in passing and not (now == value and type(now) is type(value)):
            return True
    for edit, there in lists.values():
        now = getattr(edit.owner, edit.name)
        if len(there) != len(now) or any(a is not b for a, b in zip(there, now, strict=True)):
            return True
    return False


def _reverse_in(items: list[Any], edit: Edit) -> None:
    if edit.kind == "insert":
        items.pop(edit.index)
    elif edit.kind == "delete":
        items.insert(edit.index, edit.old)
    elif edit.kind == "move":
        items.insert(edit.index, items.pop(edit.to))


def _replay_in(items: list[Any], edit: Edit) -> None:
    if edit.kind == "insert":
        items.insert(edit.index, edit.new)
    elif edit.kind == "delete":
        items.pop(edit.index)
    elif edit.kind == "move":
        items.insert(edit.to, items.pop(edit.index))
