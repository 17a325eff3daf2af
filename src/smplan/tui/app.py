"""The smplan app: one plan file, edited step by step from the keyboard."""

from __future__ import annotations

import asyncio
import os
import shlex
import subprocess
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from textual import on
from textual.app import SuspendNotSupported, SystemCommand
from textual.binding import Binding, BindingType
from textual.markup import escape
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer
from textual.worker import get_current_worker

from smplan.editing import Edit, EditSession
from smplan.findings import Finding
from smplan.i18n import t
from smplan.i18n.places import place, step_of
from smplan.interchange.formats import CALENDAR_FORMATS, CalendarFormat
from smplan.keypath import KeyPath
from smplan.model import Plan, PlanTable
from smplan.open_plan.budget_state import BudgetState
from smplan.open_plan.plan import Job, OpenPlan
from smplan.open_plan.problems import Problem
from smplan.open_plan.references import RefKind
from smplan.open_plan.save import write_export_of, write_plan_and_export
from smplan.open_plan.smart_state import SmartState
from smplan.store import PlanFile, PlanFileError, SaveConflict
from smplan.store.plan_file import identity_warning
from smplan.tui.collector import CollectorPolicy
from smplan.tui.guard import PlanGuard
from smplan.tui.host import PlanEdited
from smplan.tui.key_order import KeyOrderApp
from smplan.tui.keys import APP_BINDINGS, KEY_DISPLAY, bindings, remappable
from smplan.tui.language import save_in_plan, switch_and_offer
from smplan.tui.screens.ask_path import AskPath
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.screens.goto_step import GoToStep
from smplan.tui.screens.help import HelpScreen
from smplan.tui.screens.main import MainScreen
from smplan.tui.screens.open_error import OpenErrorScreen
from smplan.tui.screens.problems import ProblemsScreen
from smplan.tui.styles import stylesheets
from smplan.tui.terminal_cursor import FieldCursorApp
from smplan.tui.widgets.form import Form

#: Seconds a quit waits for a step's pane being mounted before the app ends anyway.
EXIT_BUILD_WAIT = 5.0
#: Where each list lives: (step, list kind) for the palette's "Add ..." commands.
LISTS: tuple[tuple[int, str], ...] = (
    (1, "profiles"),
    (1, "competitors"),
    (2, "personas"),
    (3, "team"),
    (3, "tools"),
    (3, "allocations"),
    (4, "objectives"),
    (4, "goals"),
    (5, "networks"),
    (6, "calendar"),
    (7, "results"),
    (7, "reviews"),
)


class SmplanApp(KeyOrderApp[int], FieldCursorApp[int], CollectorPolicy, inherit_bindings=False):
    """Shows one plan, owned by :attr:`open_plan` (edits, undo, checks), and runs its
    timers, workers and dialogs.

    Widgets ask for field edits with :class:`Form.EditAsked` messages and follow
    the plan through the signals below (subscribed with ``immediate=True``: they
    run in the order published, inside the edit, as the direct calls they replace did).
    """

    # Only ours, not App's defaults (ctrl+q quits at once, ctrl+c tells how to
    # quit): ours ask before quitting, and set the command palette's key too.
    BINDINGS: ClassVar[list[BindingType]] = bindings(APP_BINDINGS)

    CSS_PATH = stylesheets()  # type: ignore[assignment]
    TITLE = "smplan"

    def __init__(
        self,
        path: Path | None,
        plan_file: PlanFile | None,
        open_error: PlanFileError | None = None,
        step: int | None = None,
        keymap: dict[str, str] | None = None,
        *,
        build_ahead: bool = False,
    ) -> None:
        super().__init__()
        #: The user's remapped keys, by binding id (from the settings file).
        self.user_keymap = dict(keymap or {})
        #: Build the steps not shown yet while the user does not type (screens/main.py).
        self.build_ahead = build_ahead
        self.path = path
        self.open_error = open_error
        #: The step to open on; None: the plan's details for a new plan, else the audit.
        self.first_step = step
        self.open_plan = OpenPlan(plan_file)
        self.open_plan.listener = self
        #: An edit was made or undone: the pane on screen follows it.
        self.edited_signal: Signal[PlanEdited] = Signal(self, "plan-edited")
        #: The full check is done: the pane on screen marks fields and verdicts again.
        self.checked_signal: Signal[None] = Signal(self, "plan-checked")
        #: The budget was computed again: the pane on screen shows the tracker again.
        self.budget_signal: Signal[None] = Signal(self, "budget-changed")
        #: The header and the navigator should be drawn again (title, unsaved, gauges).
        self.status_signal: Signal[None] = Signal(self, "status-changed")
        #: Every pane should read the plan again (the main screen reloads them all).
        self.reload_signal: Signal[None] = Signal(self, "reload-all")
        #: An edit was refused (the plan is open read-only): the guard says why.
        self.refused_signal: Signal[None] = Signal(self, "edit-refused")
        self._findings_timer: Timer | None = None
        self._budget_timer: Timer | None = None
        #: A save started from the keyboard is running (perhaps waiting for an answer).
        self._save_running = False
        #: The first check waits for the first screen to be drawn (see _start).
        self._check_when_shown = False
        #: The first check of an opened plan tells how many errors it has, if any.
        self._tell_errors = False
        #: Recovery copy, lock, changes on disk and failed saves (see tui/guard).
        self.guard = PlanGuard(self)

    def get_key_display(self, binding: Binding) -> str:
        return KEY_DISPLAY.get(binding.key, super().get_key_display(binding))

    # -- state -------------------------------------------------------------
    # The open plan's parts, read through its owner (the guard and tests use them).

    @property
    def plan_file(self) -> PlanFile:
        return self.open_plan.plan_file

    @property
    def opened_file(self) -> PlanFile | None:
        """The plan file, or None before one is open (the open error screen)."""
        return self.open_plan.opened_file

    @property
    def plan(self) -> Plan:
        return self.open_plan.plan

    @property
    def session(self) -> EditSession:
        return self.open_plan.session

    @property
    def smart(self) -> SmartState:
        return self.open_plan.smart

    @smart.setter
    def smart(self, smart: SmartState) -> None:
        self.open_plan.smart = smart

    @property
    def budget(self) -> BudgetState:
        return self.open_plan.budget

    @property
    def findings(self) -> list[Finding]:
        return self.open_plan.findings

    @property
    def file_label(self) -> str:
        path = self.plan_file.path
        if path is None:
            return t("header.untitled")
        return path.name if self.plan_file.exists else t("header.new-file", None, name=path.name)

    @property
    def read_only(self) -> bool:
        return self.plan_file.read_only_reason is not None or self.guard.read_only

    @property
    def main(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    # -- start -------------------------------------------------------------

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(remappable(self.user_keymap))
        if self.open_error is not None:
            self._show_open_error(self.open_error)
        else:
            self._start()

    def on_unmount(self) -> None:
        self.guard.finish()

    def _start(self) -> None:
        self.open_plan.open(self.plan_file)
        # The first check starts once the first screen is drawn: a big plan's runs in
        # a thread, which would compete with drawing for the interpreter, and a small
        # plan's would load the checks (some 50 ms of imports) before anything shows.
        # The screen shows the plan at once; its verdicts and gauges follow.
        self._check_when_shown = True
        # A new plan starts with its own details (title, period, currency, language),
        # typing into the title; an existing one opens on the audit, navigator focused.
        new = not self.plan_file.exists
        step = self.first_step if self.first_step is not None else (0 if new else 1)
        # Keys typed while the screen is being built wait for it (the main screen
        # lets them go once its step is shown and focused).
        self.hold_keys()
        self.push_screen(MainScreen(step, focus_first=new))
        self.guard.start()
        reason = self.plan_file.read_only_reason
        if reason:
            self.notify(reason, severity="error", timeout=15)
        # Whether the plan has errors is known once the first check reports.
        self._tell_errors = not reason
        markers = [f.line for f in self.plan_file.load_findings if f.code == "conflict-marker"]
        if markers:
            lines = ", ".join(str(line) for line in markers)
            self.notify(
                t("app.conflict-markers", None, lines=lines), severity="warning", timeout=15
            )

    def on_main_screen_first_shown(self) -> None:
        self.started()
        if self._check_when_shown:
            self._check_when_shown = False
            self.check_plan()

    def _show_open_error(self, error: PlanFileError) -> None:
        def answered(choice: str | None) -> None:
            if choice == "editor":
                self._edit_externally(then=self._retry_open)
            elif choice == "retry":
                self._retry_open()
            else:
                self.exit(2)

        self.started()
        self.push_screen(OpenErrorScreen(error), answered)

    def _retry_open(self) -> None:
        # The error screen is gone already: it dismissed itself with the answer.
        assert self.path is not None
        try:
            plan_file = PlanFile.open(self.path)
        except PlanFileError as error:
            self._show_open_error(error)
            return
        self.open_plan.open(plan_file)
        self.open_error = None
        self._start()

    # -- editing -----------------------------------------------------------

    def step_changed(self) -> None:
        """The user went to another step: the recovery copy notes where they are."""
        self.guard.step_changed()

    def edit(self, target: PlanTable, name: str, value: Any, *, step: int, path: KeyPath) -> None:
        """Set a field; read-only plans refuse with a message."""
        self.open_plan.edit(target, name, value, step=step, path=path)

    @on(Form.EditAsked)
    def _edit_asked(self, event: Form.EditAsked) -> None:
        event.stop()
        self.open_plan.edit(event.target, event.name, event.value, step=event.step, path=event.path)

    def edit_fields(
        self, target: PlanTable, values: dict[str, Any], *, step: int, path: KeyPath
    ) -> tuple[str, ...]:
        """Set several fields as one undoable edit; the names of the fields that changed.

        A call, not a message: the goal pane reloads the goal and says what was set at once.
        """
        return self.open_plan.edit_fields(target, values, step=step, path=path)

    # -- the owner's news, as signals (PlanListener) ---------------------------

    def plan_edited(self, edit: Edit, undoing: bool) -> None:
        self.edited_signal.publish(PlanEdited(edit, undoing))
        self.status_signal.publish(None)

    def budget_changed(self) -> None:
        self.status_signal.publish(None)
        self.budget_signal.publish(None)

    def plan_checked(self) -> None:
        self.checked_signal.publish(None)
        self.status_signal.publish(None)
        if self._tell_errors:
            self._tell_errors = False
            count = sum(1 for f in self.findings if f.level == "error")
            if count:
                self.notify(
                    t("app.opened-with-errors", None, count=count), severity="warning", timeout=8
                )

    def schedule(self, job: Job, delay: float | None) -> None:
        timer = self._findings_timer if job == "check" else self._budget_timer
        if timer is not None:
            timer.stop()
        if delay is not None:
            work = self.check_plan if job == "check" else partial(self.open_plan.run, job)
            timer = self.set_timer(delay, work)
        else:
            timer = None
        if job == "check":
            self._findings_timer = timer
        else:
            self._budget_timer = timer

    def edit_refused(self) -> None:
        self.refused_signal.publish(None)

    def check_plan(self) -> None:
        """Work out SMART verdicts, budget and findings again, after an edit or a load."""
        if self.open_plan.check_in_background():
            self.run_worker(self._check_in_thread, thread=True, exclusive=True, group="checks")
        else:
            self.open_plan.check_now()

    def _check_in_thread(self) -> None:
        worker = get_current_worker()
        checked = self.open_plan.run_check()
        if checked is not None and not worker.is_cancelled:
            self.call_from_thread(self.open_plan.apply_check, checked)

    def problems(self) -> list[Problem]:
        return self.open_plan.problems()

    def ref_choices(self, kind: RefKind) -> Sequence[tuple[str, str]]:
        return self.open_plan.ref_choices(kind)

    # -- actions -----------------------------------------------------------

    async def action_goto(self, step: int) -> None:
        main = self.main
        if main is not None and self.screen is main:
            await main.show_step(step)

    def action_goto_step(self) -> None:
        if self.screen is not self.main:
            return

        async def chosen(step: int | None) -> None:
            if step is not None:
                await self.action_goto(step)

        self.push_screen(GoToStep(), chosen)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_undo(self) -> None:
        edit = self.open_plan.undo()
        await self._after_history(edit, "history.undone", "history.nothing-to-undo")

    async def action_redo(self) -> None:
        edit = self.open_plan.redo()
        await self._after_history(edit, "history.redone", "history.nothing-to-redo")

    async def _after_history(self, edit: Edit | None, done: str, nothing: str) -> None:
        main = self.main
        if edit is None or main is None:
            self.notify(t(nothing), timeout=2)
            return
        if self.screen is main and edit.step != main.step:
            await main.show_step(edit.step, focus=False)
        self.reload_signal.publish(None)
        if edit.kind in ("set", "group"):
            what = place(self.plan, edit.path) if edit.path else ""
        else:
            what = t(f"item.{edit.label}") if edit.label else ""
        self.notify(t(done, None, what=what or t("history.an-edit")), timeout=2)

    def action_problems(self) -> None:
        if self.screen is not self.main:
            return

        async def chosen(finding: Finding | None) -> None:
            if finding is not None:
                await self.go_to_finding(finding)

        self.push_screen(ProblemsScreen(self.problems()), chosen)

    async def action_goal_results(self) -> None:
        """The palette's "Results of a goal": one goal's results by date."""
        main = self.main
        if main is not None and self.screen is main:
            await main.open_goal_results(None)

    async def go_to_finding(self, finding: Finding) -> None:
        """Show the step, item and field a finding is about."""
        main = self.main
        if main is None or not finding.path:
            return
        step = step_of(finding.path)
        pane = await main.show_step(step, focus=False)
        for editor in pane.editors():
            depth = len(editor.spec.path)
            if finding.path[:depth] == editor.spec.path and len(finding.path) > depth:
                index = finding.path[depth]
                if isinstance(index, int) and 0 <= index < len(editor.items):
                    editor.select(index)
                    self._focus_field(editor.form, finding.path[depth + 1 :])
                    return
        for form in pane.forms():
            if finding.path[: len(form.path)] == form.path and form.path:
                self._focus_field(form, finding.path[len(form.path) :])
                return

    def _focus_field(self, form: Any, rest: KeyPath) -> None:
        for row in form.rows():
            if rest and row.spec.name == rest[0]:
                row.focus_editor()
                return
        form.focus_first()

    def action_save(self) -> None:
        if self._save_running:
            return  # its question (changed on disk, path) is open: one is enough
        # In a worker: a save can ask a question (changed on disk, path) and wait for it.
        self.run_worker(self._save_from_key(), group="save")

    async def _save_from_key(self) -> None:
        self._save_running = True
        try:
            await self.save_plan()
        finally:
            self._save_running = False

    async def save_plan(self, force: bool = False) -> bool:
        """Save now; True when the file on disk holds the plan."""
        refusal = self.guard.save_refusal()
        if refusal:
            self.notify(refusal, severity="error", timeout=10)
            return False
        if self.guard.asking:
            # A question about the plan is open (changed on disk, a recovery copy):
            # its answer decides what saving means, and two dialogs must not stack.
            self.notify(t("save.answer-first", None, name=escape(self.file_label)), timeout=5)
            return False
        with self.guard.saving():
            return await self._save_plan(force)

    async def _save_plan(self, force: bool) -> bool:
        plan_file = self.plan_file
        if plan_file.read_only_reason:
            self.notify(plan_file.read_only_reason, severity="error", timeout=10)
            return False
        target = plan_file.path
        if target is None:
            answer = await self.push_screen_wait(AskPath(t("save.ask-path"), "plan.toml"))
            if not answer:
                return False
            target = Path(answer).expanduser()
            self.path = target
        try:
            snapshot = self.open_plan.snapshot_for_save(target, force=force)
        except SaveConflict:
            return await self._save_conflict()
        except PlanFileError as error:
            self.notify(error.message, severity="error", timeout=10)
            return False
        pending = snapshot.pending
        try:
            result = await asyncio.to_thread(write_plan_and_export, pending)
        except PlanFileError as error:
            self.open_plan.save_finished(snapshot, ok=False)
            self.notify(self.guard.save_failed(error), severity="error", timeout=20)
            return False
        self.open_plan.save_finished(snapshot, ok=True)
        self.guard.saved()
        written = result.written
        names = [path.name for path in (result.export, result.ics) if path is not None]
        exported = ", ".join(names) if names else None
        if result.export_error is not None:
            self.notify(
                t("save.export-failed", None, reason=result.export_error), severity="warning"
            )
        if result.ics_error is not None:
            self.notify(t("save.ics-failed", None, reason=result.ics_error), severity="warning")
        self.status_signal.publish(None)
        name = pending.path.name
        message = (
            t("save.done-export", None, name=name, export=exported)
            if exported
            else t("save.done", None, name=name)
        )
        self.notify(message, timeout=3)
        if result.export is not None:
            self._warn_if_too_big(result.export)
        warning = identity_warning(written, name)
        if warning:
            self.notify(escape(warning), severity="warning", timeout=20)
        return True

    async def _write_export(self) -> str | None:
        from smplan.export import size_warning

        raw = self.open_plan.export_snapshot()
        try:
            written = await asyncio.to_thread(write_export_of, raw, self.plan_file.path)
            size = written.stat().st_size if written is not None else 0
        except (OSError, ValueError) as error:
            self.notify(t("save.export-failed", None, reason=str(error)), severity="warning")
            return None
        too_big = size_warning(size)
        if too_big:
            self.notify(too_big, severity="warning", timeout=10)
        return written.name if written is not None else None

    def _warn_if_too_big(self, exported: Path) -> None:
        """After a save wrote ``exported``: say so when it is too big for a wiki page."""
        from smplan.export import size_warning

        try:
            too_big = size_warning(exported.stat().st_size)
        except OSError:
            return
        if too_big:
            self.notify(too_big, severity="warning", timeout=10)

    async def _save_conflict(self) -> bool:
        choice = await self.push_screen_wait(
            ChoiceDialog(
                t("conflict.question", None, name=self.file_label),
                [
                    ("overwrite", t("conflict.overwrite")),
                    ("reload", t("conflict.reload")),
                    ("cancel", t("conflict.cancel")),
                ],
                default="cancel",
            )
        )
        if choice == "overwrite":
            return await self.save_plan(force=True)
        if choice == "reload":
            self.reload_from_disk()
        return False

    def reload_from_disk(self) -> bool:
        """Read the file again, dropping unsaved edits; False (and a message) if it is broken."""
        try:
            outcome = self.open_plan.reload()
        except PlanFileError as error:
            self.notify(error.message, severity="error", timeout=15)
            return False
        if outcome == "gone":
            name = escape(self.file_label)
            self.notify(t("disk.gone-reload", None, name=name), severity="warning", timeout=15)
        if outcome != "reloaded":
            return False
        self._plan_replaced()
        return True

    def use_plan(self, plan_file: PlanFile, *, dirty: bool = False) -> None:
        """Edit ``plan_file`` from now on (a reload, or a restored recovery copy if ``dirty``)."""
        self.open_plan.open(plan_file, dirty=dirty)
        self._plan_replaced()

    def _plan_replaced(self) -> None:
        self.check_plan()
        self.reload_signal.publish(None)
        self.guard.plan_replaced()

    def action_request_quit(self) -> None:
        if not self.session.dirty or self.open_error is not None:
            self.exit(0)
            return
        self.run_worker(self._ask_quit(), exclusive=True, group="quit")

    async def _ask_quit(self) -> None:
        choice = await self.push_screen_wait(
            ChoiceDialog(
                t("quit.question"),
                [
                    ("save", t("quit.save")),
                    ("discard", t("quit.discard")),
                    ("cancel", t("quit.cancel")),
                ],
                default="save",
            )
        )
        if choice == "save":
            if await self.save_plan():
                self.exit(0)
        elif choice == "discard":
            self.guard.discard()
            self.exit(0)

    def exit(
        self,
        result: int | None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        """End the app (every way out comes here), once no step's pane is half built.

        Textual 8.2.8 closes the widgets of a pane still being mounted while their
        own Mount handlers wait in their queues; those handlers then run and find
        their children gone (a traceback instead of the exit: a quit pressed while a
        step was built ahead). So no step is built ahead from now on, and one under
        way is let finish, a tenth of a second or two, before Textual ends the app.
        """
        main = self.main
        if main is not None:
            main.stop_building_ahead()
            if main.building:
                worker = self._exit_once_built(main, result, return_code, message)
                self.run_worker(worker, group="exit")
                return
        super().exit(result, return_code, message)

    async def _exit_once_built(
        self,
        main: MainScreen,
        result: int | None,
        return_code: int,
        message: RenderableType | None,
    ) -> None:
        # Bounded: a pane that never finishes mounting must not keep the app open.
        with suppress(TimeoutError):
            await asyncio.wait_for(main.panes_built(), EXIT_BUILD_WAIT)
        super().exit(result, return_code, message)

    def action_edit_in_editor(self) -> None:
        if self.plan_file.path is None:
            self.notify(t("editor.needs-path"), severity="warning")
            return
        if self.session.dirty:
            self.run_worker(self._ask_before_editor(), exclusive=True, group="editor")
        else:
            self._edit_externally(then=self._after_editor)

    async def _ask_before_editor(self) -> None:
        choice = await self.push_screen_wait(
            ChoiceDialog(
                t("editor.unsaved"),
                [
                    ("save", t("quit.save")),
                    ("discard", t("editor.discard")),
                    ("cancel", t("quit.cancel")),
                ],
                default="save",
            )
        )
        if choice == "save" and not await self.save_plan():
            return
        if choice in ("save", "discard"):
            self._edit_externally(then=self._after_editor)

    def _edit_externally(self, then: Callable[[], None]) -> None:
        opened = self.opened_file
        path = opened.path if opened is not None else self.path
        if path is None:
            return
        command = [*editor_command(), str(path)]
        try:
            with self.suspend():
                subprocess.run(command, check=False)
        except (OSError, subprocess.SubprocessError, SuspendNotSupported) as error:
            self.notify(
                t("editor.failed", None, editor=command[0], reason=str(error)), severity="error"
            )
        then()

    def _after_editor(self) -> None:
        if self.reload_from_disk():
            self.notify(t("editor.reloaded"), timeout=3)

    async def action_switch_language(self) -> None:
        if self.screen is self.main:
            await switch_and_offer(self)

    def action_export_preview(self) -> None:
        from smplan.tui.screens.export_preview import ExportPreview

        if self.screen is self.main:
            self.push_screen(ExportPreview(self.plan_file))

    async def add_to_list(self, step: int, kind: str) -> None:
        main = self.main
        if main is None:
            return
        pane = await main.show_step(step, focus=False)
        for editor in pane.editors():
            if editor.spec.kind == kind:
                editor.add_item()
                return

    # -- command palette ---------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        if not isinstance(screen, MainScreen):
            return
        for step in range(0, 8):
            yield SystemCommand(
                t("cmd.goto", None, step=t(f"step.{step}")),
                t("cmd.goto-help"),
                partial(self.action_goto, step),
            )
        for step, kind in LISTS:
            yield SystemCommand(
                t(f"add.{kind}"),
                t("cmd.add-help", None, step=t(f"step.{step}")),
                partial(self.add_to_list, step, kind),
            )
        pane = screen.current_pane()
        if pane is not None:
            yield from pane.system_commands()
        yield SystemCommand(t("key.save"), t("cmd.save-help"), self.action_save)
        yield SystemCommand(t("cmd.export"), t("cmd.export-help"), self.action_export_now)
        yield SystemCommand(t("cmd.tables"), t("cmd.tables-help"), self.action_expand_tables)
        yield SystemCommand(t("csvapp.cmd"), t("csvapp.cmd-help"), self.action_import_csv)
        for fmt in CALENDAR_FORMATS:
            yield SystemCommand(
                t(f"calexport.cmd-{fmt}"),
                t(f"calexport.cmd-{fmt}-help"),
                partial(self.action_export_calendar, fmt),
            )
        yield SystemCommand(
            t("key.export-preview"), t("cmd.export-preview-help"), self.action_export_preview
        )
        yield SystemCommand(t("key.help"), t("cmd.help-help"), self.action_help)
        yield SystemCommand(t("key.undo"), t("cmd.undo-help"), self.action_undo)
        yield SystemCommand(t("key.redo"), t("cmd.redo-help"), self.action_redo)
        yield SystemCommand(t("key.problems"), t("cmd.problems-help"), self.action_problems)
        yield SystemCommand(
            t("key.goal-results"), t("cmd.goal-results-help"), self.action_goal_results
        )
        yield SystemCommand(
            t("key.edit-in-editor"), t("cmd.editor-help"), self.action_edit_in_editor
        )
        yield SystemCommand(t("cmd.language"), t("cmd.language-help"), self.action_switch_language)
        yield SystemCommand(
            t("cmd.language-keep"), t("cmd.language-keep-help"), partial(save_in_plan, self)
        )
        yield SystemCommand(t("cmd.theme"), t("cmd.theme-help"), self.action_change_theme)
        yield SystemCommand(t("key.quit"), t("cmd.quit-help"), self.action_request_quit)

    async def action_expand_tables(self) -> None:
        """Rewrite the plan's inline lists of tables as [[tables]] (the palette's command)."""
        from smplan.open_plan.expand_tables import expanded_plan, plan_expansion, write_expansion

        plan_file = self.plan_file
        refusal = self.guard.save_refusal() or plan_file.read_only_reason
        if refusal:
            self.notify(refusal, severity="error", timeout=10)
            return
        expansion = plan_expansion(plan_file, dirty=self.open_plan.dirty)
        if expansion == "save-first":
            self.notify(escape(t("tables.save-first")), severity="warning", timeout=8)
            return
        if expansion == "changed-on-disk":
            self.notify(escape(t("tables.changed-on-disk", None, name=self.file_label)))
            return
        if expansion == "nothing":
            self.notify(escape(t("tables.nothing", None, path=self.file_label)), timeout=5)
            return
        path = expansion.path
        with self.guard.saving():
            try:
                await asyncio.to_thread(write_expansion, expansion)
            except OSError as error:
                reason = error.strerror or str(error)
                message = t("error.write-failed", None, path=path, reason=reason)
                self.notify(escape(message), severity="error", timeout=15)
                return
            self.use_plan(expanded_plan(expansion))
        names = ", ".join(expansion.converted)
        self.notify(escape(t("tables.done", None, path=path.name, names=names)))

    def action_import_csv(self) -> None:
        """The palette's "Import calendar items from CSV..."."""
        from smplan.tui.csv_import import ask_csv_import

        if self.screen is self.main:
            ask_csv_import(self)

    def action_export_calendar(self, fmt: CalendarFormat) -> None:
        """The palette's "Export the calendar to iCalendar / CSV..."."""
        from smplan.tui.calendar_export import ask_calendar_export

        if self.screen is self.main:
            ask_calendar_export(self, fmt)

    def action_export_now(self) -> None:
        # In a worker: keys go on being handled while the export is written.
        self.run_worker(self._export_now(), group="export-now")

    async def _export_now(self) -> None:
        exported = await self._write_export()
        if exported:
            self.notify(t("export.written", None, name=exported))
        else:
            self.notify(t("export.unavailable"), severity="warning")


def editor_command() -> list[str]:
    """The user's editor: $VISUAL, then $EDITOR, then vi."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            return shlex.split(value)
    return ["vi"]


if TYPE_CHECKING:
    from smplan.tui.host import PlanHost

    def _plan_host(app: SmplanApp) -> PlanHost:
        """mypy checks here that the app offers all that widgets ask of it."""
        return app
