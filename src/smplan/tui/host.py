"""What panes, screens and widgets may ask of the app that holds the open plan.

They type ``self.app`` as this protocol instead of importing the app class, so
no widget module depends on ``smplan.tui.app`` (not even for typing) and the
interface between the two is written down in one place.

The three ways a widget deals with the open plan:

- **up**: a field edit is a :class:`~smplan.tui.widgets.form.Form.EditAsked`
  message, which the app hands to the plan's owner;
- **down**: the app publishes the owner's news as signals (:attr:`PlanHost.edited_signal`
  and the others); a widget subscribes in ``on_mount`` with
  :func:`smplan.tui.follow.follow` (at once, errors not swallowed) and checks
  that it is on screen before doing any work;
- **asked at once**: what a widget needs answered in the same call goes to
  :attr:`PlanHost.open_plan` (SMART verdicts, budget, findings, reference choices,
  the revision) and so do the list edits (insert, delete, move) and
  :meth:`PlanHost.edit_fields`, whose callers select or name what they changed
  straight after.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from smplan.editing import Edit

if TYPE_CHECKING:
    from textual.signal import Signal

    from smplan.keypath import KeyPath
    from smplan.model import Plan, PlanTable
    from smplan.open_plan.plan import OpenPlan


class PlanEdited(NamedTuple):
    """What :attr:`PlanHost.edited_signal` carries: the edit, and True when it was undone."""

    edit: Edit
    undoing: bool


class PlanHost(Protocol):
    """The open plan as the interface sees it (implemented by ``SmplanApp``)."""

    #: The user's key remaps from the settings file (binding id -> keys).
    user_keymap: dict[str, str]
    #: Build the steps not shown yet while the user is not typing (the program
    #: does; tests that drive the app build each step on its first visit).
    build_ahead: bool
    #: An edit was made, undone or redone (after the live SMART state was updated).
    edited_signal: Signal[PlanEdited]
    #: The full check is done: findings, SMART verdicts and budget are new.
    checked_signal: Signal[None]
    #: The budget report was computed again.
    budget_signal: Signal[None]
    #: The header and navigator should be drawn again (title, unsaved mark, gauges).
    status_signal: Signal[None]
    #: Every pane should read the plan again (an undo or redo, a reload from disk,
    #: an import, a language switch kept in the plan).
    reload_signal: Signal[None]
    #: An edit was refused (another instance holds the lock): the pane on screen
    #: shows the model's value again.
    refused_signal: Signal[None]

    @property
    def open_plan(self) -> OpenPlan:
        """The plan's owner, for reads and list edits answered at once."""

    @property
    def plan(self) -> Plan: ...

    @property
    def file_label(self) -> str: ...

    @property
    def read_only(self) -> bool: ...

    def edit_fields(
        self, target: PlanTable, values: dict[str, Any], *, step: int, path: KeyPath
    ) -> tuple[str, ...]:
        """Several fields as one undoable edit, at once: the names that changed."""

    def step_changed(self) -> None:
        """The user went to another step (the recovery copy notes where they are)."""

    def holding_keys(self) -> AbstractContextManager[None]: ...

    @property
    def keys_waiting(self) -> int:
        """Keys read but not handed to a widget yet."""

    @property
    def quiet_for(self) -> float:
        """Seconds since the last key or paste was read."""

    def release_keys(self) -> None: ...


__all__ = ["PlanEdited", "PlanHost"]
