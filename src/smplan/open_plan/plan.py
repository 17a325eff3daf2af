"""The plan open in the app, owned in one place, without Textual.

:class:`OpenPlan` holds the plan file and its edit session (edits, list
changes, undo and redo), keeps the live SMART verdicts and the budget current
as edits come in, holds the findings (those made while reading the file stay
tied to their items until the value they were about is edited) and decides
what to check and when. It tells the interface what changed through one
:class:`PlanListener`; the app turns those calls into Textual signals and runs
the timers and worker threads the listener is asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from smplan.checks import sort_findings
from smplan.editing import Edit, EditSession
from smplan.editing.anchors import Anchored, anchor, located
from smplan.findings import Finding
from smplan.keypath import KeyPath
from smplan.model import CalendarItem, Goal, Plan, PlanTable
from smplan.open_plan.budget_state import BudgetState
from smplan.open_plan.plan_checks import (
    BACKGROUND_SIZE,
    FINDINGS_DELAY,
    CheckResult,
    check_plan,
    plan_size,
)
from smplan.open_plan.problems import Problem, problem_list, problems_under
from smplan.open_plan.references import RefKind, ref_choices
from smplan.open_plan.smart_state import SmartState
from smplan.schedule.detach import detach_occurrence
from smplan.schedule.occurrences import item_dates, repeats
from smplan.store import PlanFile
from smplan.store.plan_file import PendingSave

if TYPE_CHECKING:
    from smplan.checks.rhythm import NetworkRhythm

#: Work the owner asks to be run later: the full check, or the budget of a big plan.
Job = Literal["check", "budget"]
#: What reading the file again came to (a broken file raises ``PlanFileError``).
Reload = Literal["reloaded", "no-path", "gone"]


class PlanListener(Protocol):
    """What the owner tells the interface (the app publishes each as a signal)."""

    def plan_edited(self, edit: Edit, undoing: bool) -> None:
        """``edit`` was made, undone (``undoing``) or redone; SMART state is current."""

    def budget_changed(self) -> None:
        """The budget report was computed again."""

    def plan_checked(self) -> None:
        """The full check's findings, SMART verdicts and budget are in place."""

    def schedule(self, job: Job, delay: float | None) -> None:
        """Run ``job`` (:meth:`OpenPlan.run`) in ``delay`` seconds, instead of any
        pending one of that kind; None: cancel the pending one."""

    def edit_refused(self) -> None:
        """An edit was refused: the plan is open read-only (:meth:`OpenPlan.lock_edits`)."""


class _Quiet:
    """The listener of an owner nobody shows (tests, the command line)."""

    def plan_edited(self, edit: Edit, undoing: bool) -> None:
        pass

    def budget_changed(self) -> None:
        pass

    def plan_checked(self) -> None:
        pass

    def schedule(self, job: Job, delay: float | None) -> None:
        pass

    def edit_refused(self) -> None:
        pass


@dataclass(frozen=True, slots=True)
class Checked:
    """A full check's result and the plan it was worked out for."""

    plan: Plan
    result: CheckResult


@dataclass(frozen=True, slots=True)
class SaveSnapshot:
    """What a save writes (TOML text and model data, taken together) and where the
    history was then: edits typed while it is written stay unsaved."""

    pending: PendingSave
    checkpoint: Edit | None


class OpenPlan:
    """One plan being edited: file, history, live checks and findings."""

    def __init__(self, plan_file: PlanFile | None = None) -> None:
        self._plan_file = plan_file
        self.listener: PlanListener = _Quiet()
        self.session = EditSession()
        self.session.subscribe(self._edited)
        self.session.on_refused = self._refused
        self.smart = SmartState()
        self.budget = BudgetState()
        self.findings: list[Finding] = []
        #: The posting rhythm per network as of the last full check.
        self.rhythm: list[NetworkRhythm] = []
        #: Values set since the file was read, (id of the owner, field): the findings
        #: made while reading them no longer apply.
        self._edited_values: set[tuple[int, str]] = set()
        #: The findings made while reading, tied to the items they are about.
        self._anchored: list[Anchored] = []

    # -- state -------------------------------------------------------------

    @property
    def opened_file(self) -> PlanFile | None:
        """The plan file, or None before one is open (a file that could not be read)."""
        return self._plan_file

    @property
    def plan_file(self) -> PlanFile:
        assert self._plan_file is not None
        return self._plan_file

    @property
    def plan(self) -> Plan:
        return self.plan_file.plan

    @property
    def dirty(self) -> bool:
        return self.session.dirty

    @property
    def revision(self) -> int:
        """Changes with every edit, undo and redo: cheap "has anything changed" checks."""
        return self.session.revision

    @property
    def edits_locked(self) -> bool:
        """True once :meth:`lock_edits` was called: every edit is refused."""
        return self.session.locked

    def lock_edits(self) -> None:
        """Refuse every edit from now on (another smplan holds the plan); each refusal
        is told to the listener, so the interface can say why."""
        self.session.locked = True

    def open(self, plan_file: PlanFile, *, dirty: bool = False) -> None:
        """Edit ``plan_file`` from now on: the first open, a reload, or a restored
        recovery copy (``dirty``: unsaved from the start). Run a check after it."""
        self._plan_file = plan_file
        self.session.clear()
        if dirty:
            self.session.mark_dirty()
        self._edited_values.clear()
        self._anchored = anchor(plan_file.plan, plan_file.load_findings)
        #: A full check of this plan has reported (until then, SMART verdicts are unknown).
        self.checked = False

    def reload(self) -> Reload:
        """Read the file again, dropping unsaved edits; raises ``PlanFileError`` when broken."""
        path = self.plan_file.path
        if path is None:
            return "no-path"
        if not path.exists() and not path.is_dir():
            return "gone"
        self.open(PlanFile.open(path))
        return "reloaded"

    # -- edits -------------------------------------------------------------

    def edit(self, target: PlanTable, name: str, value: Any, *, step: int, path: KeyPath) -> None:
        """Set a field; a plan whose edits are locked refuses (the listener hears of it)."""
        self._edited_values.add((id(target), name))
        self.session.set(target, name, value, step=step, label=name, path=path)

    def edit_fields(
        self, target: PlanTable, values: dict[str, Any], *, step: int, path: KeyPath
    ) -> tuple[str, ...]:
        """Set several fields as one undoable edit; the names of the fields that changed."""
        self._edited_values.update((id(target), name) for name in values)
        return self.session.set_fields(target, values, step=step, label="", path=path)

    def insert(
        self, owner: PlanTable, name: str, index: int, item: Any, *, step: int, label: str = ""
    ) -> None:
        self.session.insert(owner, name, index, item, step=step, label=label)

    def insert_many(
        self,
        owner: PlanTable,
        name: str,
        index: int,
        items: list[Any],
        *,
        step: int,
        label: str = "",
    ) -> None:
        """Insert several items as one undoable edit (an import)."""
        self.session.insert_many(owner, name, index, items, step=step, label=label)

    def detach(self, index: int, day: dt.date, *, step: int) -> CalendarItem | None:
        """Take ``day`` out of the repeating calendar item at ``index``, as one undoable edit.

        The new plain item on that day is returned (it is the last of the
        calendar); None when the plan is read-only. Raises ValueError when ``day``
        is not an occurrence of that item.
        """
        if self.edits_locked:
            self._refused()
            return None
        plan = self.plan
        item = plan.calendar[index]
        if not repeats(item) or day not in item_dates(item, day, day):
            raise ValueError(day, index)
        self._edited_values.add((id(item), "except_"))
        with self.session.grouped(
            plan, "calendar", step=step, label="calendar", path=("calendar", index)
        ):
            return detach_occurrence(plan, index, day, self.session)

    def delete(self, owner: PlanTable, name: str, index: int, *, step: int, label: str = "") -> Any:
        """Remove and return the item at ``index``; None when the plan is read-only."""
        return self.session.delete(owner, name, index, step=step, label=label)

    def move(self, owner: PlanTable, name: str, index: int, to: int, *, step: int) -> bool:
        return self.session.move(owner, name, index, to, step=step)

    def undo(self) -> Edit | None:
        return self.session.undo()

    def redo(self) -> Edit | None:
        return self.session.redo()

    def _edited(self, edit: Edit, undoing: bool) -> None:
        parts: tuple[Edit, ...] = edit.new if edit.kind == "group" else (edit,)
        if edit.kind in ("set", "group") and isinstance(edit.owner, Goal):
            # The one goal at once (well under a millisecond); the others when the check runs.
            for part in parts:
                self.smart.refresh_goal(self.plan, edit.owner, part.name)
        # A group may hold inserts and deletes too (a detached occurrence).
        if any(p.kind != "set" or self.budget.affects(p) for p in parts):
            self._budget_due()
        self.listener.plan_edited(edit, undoing)
        # Restarted by every keystroke: the full check waits for a pause in typing.
        self.listener.schedule("check", FINDINGS_DELAY)

    def _refused(self) -> None:
        self.listener.edit_refused()

    def _budget_due(self) -> None:
        """Recompute the tracker now, or once typing pauses when the plan is big."""
        delay = self.budget.delay()
        self.listener.schedule("budget", delay)
        if delay is None:
            self.refresh_budget()

    def refresh_budget(self) -> None:
        self.budget.refresh(self.plan)
        self.listener.budget_changed()

    def run(self, job: Job) -> None:
        """Run a job the listener scheduled; a check here is the one on this thread."""
        if job == "budget":
            self.refresh_budget()
        else:
            self.check_now()

    # -- the full check ----------------------------------------------------

    def check_in_background(self) -> bool:
        """True when a full check takes long enough to belong in a worker thread."""
        return plan_size(self.plan) > BACKGROUND_SIZE

    def check_now(self) -> None:
        """Work out SMART verdicts, budget and findings again, here and now."""
        self.apply_check(Checked(self.plan, check_plan(self.plan, self.smart.today)))

    def run_check(self) -> Checked | None:
        """The full check, safe in a worker thread (it only reads the model); None when
        the model changed under it (the edit that did it starts another check)."""
        plan_file = self.plan_file
        # Splitting the file's text for line numbers is the slow part of a first check.
        _ = plan_file.document
        try:
            return Checked(plan_file.plan, check_plan(plan_file.plan, self.smart.today))
        except (RuntimeError, ValueError, KeyError, IndexError):
            return None

    def apply_check(self, checked: Checked) -> bool:
        """Show a check's result; False (and nothing done) if another plan is open now."""
        if checked.plan is not self.plan:
            return False
        result = checked.result
        self.smart.take(result.smart)
        self.budget.report = result.budget
        self.rhythm = result.rhythm
        loaded = located(self.plan, self._anchored, self._edited_values)
        self.findings = sort_findings(self.plan_file.locate(loaded + result.findings))
        self.checked = True
        self.listener.plan_checked()
        return True

    # -- reading the findings ----------------------------------------------

    def problems_under(self, prefix: KeyPath) -> dict[KeyPath, str]:
        """Findings under ``prefix`` by key path (errors first), for marking fields."""
        return problems_under(self.findings, prefix)

    def problems(self) -> list[Problem]:
        """The findings as the problems list shows them, on the lines of the text saved now.

        Asked for before the first check has reported (it starts once the first
        screen is drawn), the check is run here first: the list is never empty
        only because it was opened early."""
        if not self.checked:
            self.check_now()
        return problem_list(self.plan_file, self.findings)

    def ref_choices(self, kind: RefKind) -> Sequence[tuple[str, str]]:
        """What a reference field can point at: (label, id) pairs of what exists."""
        return ref_choices(self.plan, kind)

    # -- saving ------------------------------------------------------------

    def snapshot_for_save(self, target: Path | None, *, force: bool = False) -> SaveSnapshot:
        """Take what a save writes, now, on this thread; the TOML and the Markdown are
        both rendered from it (:func:`smplan.open_plan.save.write_plan_and_export`).

        Raises ``SaveConflict`` when the file changed on disk (unless ``force``) and
        ``PlanFileError`` when the plan cannot be saved there.
        """
        checkpoint = self.session.seal()
        return SaveSnapshot(self.plan_file.prepare_save(target, force=force), checkpoint)

    def export_snapshot(self) -> dict[str, Any]:
        """The model's data as it is now, for a file written from it in a worker thread
        (``interchange.calendar_file``): edits typed meanwhile do not reach that file."""
        return self.plan.model_dump(by_alias=True)

    def save_finished(self, snapshot: SaveSnapshot, *, ok: bool) -> None:
        """The snapshot is on disk (``ok``) or not: the file and the history learn which."""
        self.plan_file.finish_save(snapshot.pending, ok=ok)
        if ok:
            self.session.mark_saved(snapshot.checkpoint)


__all__ = [
    "Checked",
    "Job",
    "OpenPlan",
    "PlanListener",
    "Reload",
    "SaveSnapshot",
]
