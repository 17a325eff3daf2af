"""Step 7: cadence, tools, KPI results per goal, and reviews."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message

from smplan.checks.progress.values import typed_value
from smplan.editing import Edit
from smplan.i18n.formats import format_date
from smplan.model import Goal, Plan, Result, Review
from smplan.presentation.goals import goal_name
from smplan.tui.keys import RESULT_KEYS, bindings
from smplan.tui.panes.base import BoundForm, StepPane
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.items import ItemsEditor, ListSpec, join_labels
from smplan.tui.widgets.progress_panel import ProgressPanel


def result_goal(result: Result, plan: Plan) -> Goal | None:
    """The goal a result is for, when the plan has it."""
    if not result.goal:
        return None
    return next((goal for goal in plan.goals if goal.id == result.goal), None)


def result_label(result: Result, plan: Plan) -> str:
    """``1 December 2026 · 3,500 followers · ig-followers · Grow Instagram followers…``:
    the date as the language writes it, the value in the goal's unit, then the goal
    as its picker names it. The figures come first: a goal's name is long, and a
    list narrower than the whole label cuts its end, which must not be the value."""
    goal = result_goal(result, plan)
    return join_labels(
        None if result.date is None else format_date(result.date),
        None if result.value is None else typed_value(result.value, goal),
        goal_name(goal) if goal is not None else result.goal,
    )


RESULTS = ListSpec(
    kind="results",
    owner=lambda plan: plan.measurement,
    name="results",
    path=("measurement", "results"),
    # A new result is for today; the goal is picked by name in the form.
    factory=lambda plan: Result(date=dt.date.today()),
    plan_label=result_label,
    fields=(
        F("goal", "ref", ref="goals"),
        F("date", "date"),
        F("value", "number"),
        F("notes", "long", height=2),
    ),
)

REVIEWS = ListSpec(
    kind="reviews",
    owner=lambda plan: plan.measurement,
    name="reviews",
    path=("measurement", "reviews"),
    factory=lambda plan: Review(),
    label=lambda r: join_labels(None if r.date is None else format_date(r.date), r.worked),
    fields=(
        F("date", "date"),
        F("worked", "long", height=3),
        F("did_not_work", "long", height=3),
        F("changes", "long", height=3),
    ),
)


class GoalResultsAsked(Message):
    """The person asked for the results of a goal, one by date (the screen opens them)."""

    def __init__(self, goal: str | None) -> None:
        super().__init__()
        #: The goal's id; None: the screen's own choice.
        self.goal = goal


class ResultsEditor(ItemsEditor):
    """The KPI results; a key shows every result of the highlighted one's goal."""

    # On the editor, not the list: the key works from the result's fields too.
    BINDINGS: ClassVar[list[BindingType]] = bindings(RESULT_KEYS)

    def __init__(self) -> None:
        super().__init__(RESULTS, step=MeasurementPane.STEP)

    def highlighted_goal(self) -> str | None:
        """The goal of the highlighted result, if it names one."""
        items = self.items
        if not 0 <= self.index < len(items):
            return None
        item = items[self.index]
        assert isinstance(item, Result)
        return item.goal or None

    def action_goal_results(self) -> None:
        self.post_message(GoalResultsAsked(self.highlighted_goal()))


class MeasurementPane(StepPane):
    STEP = 7
    #: Mounted and not yet shown: the show that follows has nothing new to draw.
    _just_built = False

    def compose(self) -> ComposeResult:
        yield from self.heading()
        yield BoundForm(
            lambda plan: plan.measurement,
            ("measurement",),
            (
                F("cadence", "choice", choices=("weekly", "monthly", "quarterly")),
                F("tools", "lines", label="field.measurement-tools", height=3),
            ),
            step=self.STEP,
        )
        yield ProgressPanel(id="progress-panel")
        yield ResultsEditor()
        yield ItemsEditor(REVIEWS, step=self.STEP)

    def on_mount(self) -> None:
        self._show_progress()
        # The first show follows at once: labels and progress are new already.
        self._just_built = True

    def on_show(self) -> None:
        if self._just_built:
            self._just_built = False
            return
        # A goal renamed or given another unit in step 4 reads so here too.
        self.results.refresh_labels(every=True)
        self._show_progress()

    @property
    def results(self) -> ResultsEditor:
        return self.query_one(ResultsEditor)

    def _show_progress(self) -> None:
        self.query_one(ProgressPanel).show_plan(self.smplan.plan, self.smplan.open_plan.smart.today)

    def plan_edited(self, edit: Edit) -> None:
        super().plan_edited(edit)
        self._show_progress()

    def plan_checked(self) -> None:
        self.results.refresh_labels(every=True)
        self._show_progress()

    def reload(self) -> None:
        super().reload()
        self._show_progress()
