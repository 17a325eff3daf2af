"""Step 7: cadence, tools, KPI results per goal, and reviews."""

from __future__ import annotations

from textual.app import ComposeResult

from smplan.model import Result, Review
from smplan.tui.panes.base import BoundForm, StepPane
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.items import ItemsEditor, ListSpec, join_labels

RESULTS = ListSpec(
    kind="results",
    owner=lambda plan: plan.measurement,
    name="results",
    path=("measurement", "results"),
    factory=lambda plan: Result(),
    label=lambda r: join_labels(
        r.goal,
        None if r.date is None else r.date.isoformat(),
        None if r.value is None else str(r.value),
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
    label=lambda r: join_labels(None if r.date is None else r.date.isoformat(), r.worked),
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
        yield ItemsEditor(RESULTS, step=self.STEP)
        yield ItemsEditor(REVIEWS, step=self.STEP)
