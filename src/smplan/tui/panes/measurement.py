"""Step 7: cadence, tools, KPI results per goal, and reviews."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult

from smplan.editing import Edit
from smplan.i18n.formats import format_date, format_number
from smplan.model import Result, Review
from smplan.tui.panes.base import BoundForm, StepPane
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.items import ItemsEditor, ListSpec, join_labels
from smplan.tui.widgets.progress_panel import ProgressPanel

RESULTS = ListSpec(
    kind="results",
    owner=lambda plan: plan.measurement,
    name="results",
    path=("measurement", "results"),
    # A new result is for today; the goal is picked by name in the form.
    factory=lambda plan: Result(date=dt.date.today()),
    label=lambda r: join_labels(
        r.goal,
        None if r.date is None else format_date(r.date),
        None if r.value is None else format_number(r.value),
    ),
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


class MeasurementPane(StepPane):
    STEP = 7

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
        yield ItemsEditor(RESULTS, step=self.STEP)
        yield ItemsEditor(REVIEWS, step=self.STEP)

    def on_mount(self) -> None:
        self._show_progress()

    def _show_progress(self) -> None:
        self.query_one(ProgressPanel).show_plan(self.smplan.plan, self.smplan.smart.today)

    def plan_edited(self, edit: Edit) -> None:
        super().plan_edited(edit)
        self._show_progress()

    def plan_checked(self) -> None:
        self._show_progress()

    def reload(self) -> None:
        super().reload()
        self._show_progress()
