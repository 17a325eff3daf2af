"""What every step pane has: forms bound to plan objects and lists of items."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from smplan.checks.structure.completeness import MARKS, step_progress
from smplan.editing import Edit
from smplan.i18n import t
from smplan.keypath import KeyPath
from smplan.model import Plan, PlanTable
from smplan.tui.follow import follow
from smplan.tui.panes.reveal import reveal
from smplan.tui.widgets.form import Form
from smplan.tui.widgets.items import ItemsEditor, ListEditor
from smplan.tui.widgets.tracker_scroll import TrackerScroll

if TYPE_CHECKING:
    from smplan.tui.host import PlanEdited, PlanHost


class BoundForm(Form):
    """A form for one fixed object of the plan (``plan.plan``, ``plan.resources``...)."""

    def __init__(
        self,
        target: Callable[[Plan], PlanTable],
        path: KeyPath,
        specs: tuple,  # type: ignore[type-arg]
        *,
        step: int,
        id: str | None = None,
    ) -> None:
        super().__init__(specs, step=step, id=id)
        self.resolve = target
        self.bound_path = path

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.bind(self.resolve(self.smplan.plan), self.bound_path)


class StepPane(VerticalScroll):
    """A step of the method. Subclasses compose forms and item editors."""

    STEP: ClassVar[int] = 0

    def __init__(self) -> None:
        super().__init__(id=f"pane-{self.STEP}", classes="step-pane")
        #: What came while the step was hidden ("reload", "checked", "budget"): done
        #: when it is shown again (:meth:`shown_again`), once, however often it came.
        self._missed: set[str] = set()

    @property
    def smplan(self) -> PlanHost:
        return cast("PlanHost", self.app)

    def heading(self) -> ComposeResult:
        yield Static(f"[b]{t(f'step-title.{self.STEP}')}[/b]", classes="pane-title")
        yield Static(f"[dim]{t(f'step-intro.{self.STEP}')}[/dim]", classes="pane-intro")
        yield Static("", classes="pane-progress")

    def on_mount(self) -> None:
        host = self.smplan
        follow(host.edited_signal, self, self._plan_edited)
        follow(host.checked_signal, self, self._plan_checked)
        follow(host.budget_signal, self, self._budget_changed)
        follow(host.reload_signal, self, self._reload_asked)
        follow(host.refused_signal, self, self._edit_refused)
        self.refresh_progress()

    @property
    def is_current(self) -> bool:
        """True for the step shown now: only it follows the plan as it changes
        (the others are brought up to date when shown again)."""
        switcher = self.parent
        return isinstance(switcher, ContentSwitcher) and switcher.current == self.id

    def _plan_edited(self, news: PlanEdited) -> None:
        # An undo is shown by reloading every pane (the reload signal): no echo here.
        if not news.undoing and self.is_current:
            self.plan_edited(news.edit)

    def _plan_checked(self, _news: None) -> None:
        if not self.is_current:
            self._missed.add("checked")
            return
        for form in self.forms():
            if form.target is not None:
                form.mark_problems(self.smplan.open_plan.problems_under(form.path))
        self.plan_checked()

    def _reload_asked(self, _news: None) -> None:
        # A hidden step reloads when shown: an undo reloaded every step built so
        # far, a hidden calendar rebuilding its whole table.
        if self.is_current:
            self.reload()
        else:
            self._missed.add("reload")

    def shown_again(self) -> None:
        """The step is shown after another: catch up with what it skipped while hidden."""
        missed, self._missed = self._missed, set()
        if "reload" in missed:
            self.reload()
        if "checked" in missed:
            self._plan_checked(None)
        if "budget" in missed:
            self.budget_changed()

    def _edit_refused(self, _news: None) -> None:
        # The field shows what was typed: put the model's value back once typing settles.
        if self.is_current:
            self.set_timer(0.05, self.reload)

    def _budget_changed(self, _news: None) -> None:
        if self.is_current:
            self.budget_changed()
        else:
            self._missed.add("budget")

    def refresh_progress(self) -> None:
        """Say how far the step is written and, by the step's rule, what it still misses."""
        progress = step_progress(self.smplan.plan, self.STEP)
        mark = MARKS[progress.state]
        if progress.state == "complete":
            text = f"{mark} {t('progress.complete')}"
        else:
            items = ", ".join(progress.missing)
            state = t(f"progress.{progress.state}")
            text = f"{mark} {t('progress.missing', None, state=state, items=items)}"
        line = self.query_one(".pane-progress", Static)
        if str(line.content) != text:  # it runs on every keystroke
            line.update(text)

    def section(self, msg_id: str) -> Static:
        return Static(f"[b]{t(msg_id)}[/b]", classes="section-heading")

    def reload(self) -> None:
        """Show the model again (after undo, reload from disk, or a new plan)."""
        for form in self.query(BoundForm):
            form.reload()
        for editor in self.query(ItemsEditor):
            editor.reload()
        self.refresh_progress()

    def refresh_labels(self) -> None:
        for editor in self.query(ItemsEditor):
            editor.refresh_labels()

    def plan_edited(self, edit: Edit) -> None:
        """Called on every edit made in this pane: keep labels (and live widgets) current."""
        self.refresh_labels()
        self.refresh_progress()

    def plan_checked(self) -> None:
        """Called when the plan's findings have been worked out again after an edit."""

    def budget_changed(self) -> None:
        """Called when the budget tracker's report has been computed again."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Once laid out: a form shown by this very key (an item added) has no place yet.
        self.call_after_refresh(self.reveal, event.widget)

    def reveal(self, widget: Widget) -> None:
        """Scroll just enough to show ``widget`` whole, with its label, above docked panels."""
        if self.screen.focused is widget:
            reveal(self, widget)

    def focus_first(self) -> None:
        for widget in self.query("*"):
            # A scroll area of figures (the budget tracker) takes focus only when its
            # text overflows, which it learns once filled in: skipping it makes the
            # first field the same every time.
            if isinstance(widget, TrackerScroll):
                continue
            if widget.focusable and widget.display:
                # Scrolling now would use a layout still settling (a newly mounted
                # pane, the budget panel filling in): the pane would land at a
                # different place each time. Scroll once it is laid out.
                widget.focus(scroll_visible=False)
                self.call_after_refresh(self._reveal, widget)
                return

    def _reveal(self, widget: Widget) -> None:
        """Scroll just enough, from the top, to show ``widget``."""
        self.scroll_home(animate=False, immediate=True)
        reveal(self, widget)

    def editors(self) -> Sequence[ListEditor]:
        return list(self.query(ItemsEditor))

    def system_commands(self) -> Iterable[SystemCommand]:
        """Palette commands of this pane, offered while it is shown."""
        return ()

    def forms(self) -> list[Form]:
        return list(self.query(Form))
