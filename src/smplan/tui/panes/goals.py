"""Step 4: objectives, and SMART goals with every field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from smplan.model import Goal, Objective
from smplan.tui.panes.base import StepPane
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.items import ItemsEditor, ListSpec, join_labels, unique_id

OBJECTIVES = ListSpec(
    kind="objectives",
    owner=lambda plan: plan,
    name="objectives",
    path=("objectives",),
    factory=lambda plan: Objective(id=unique_id(plan.objectives, "objective"), kind="marketing"),
    label=lambda o: join_labels(o.id, o.kind, o.statement),
    id_field="id",
    fields=(
        F("id"),
        F("kind", "choice", choices=("marketing", "communication")),
        F("statement", "long", label="field.objective-statement", height=2),
    ),
)

GOAL_FIELDS = (
    F("id"),
    F("statement", "long", label="field.goal-statement", height=3),
    F("objective", "ref", ref="objectives"),
    F("network", "ref", ref="networks"),
    F("kpi"),
    F("baseline", "number"),
    F("target", "number"),
    F("unit"),
    F("start", "date"),
    F("deadline", "date"),
    F("owner", "ref", ref="team"),
    F("personas", "refs", ref="personas", height=4),
    F("hours_per_week", "number", label="field.goal-hours"),
)

GOALS = ListSpec(
    kind="goals",
    owner=lambda plan: plan,
    name="goals",
    path=("goals",),
    factory=lambda plan: Goal(id=unique_id(plan.goals, "goal")),
    label=lambda g: join_labels(g.id, g.statement),
    id_field="id",
    fields=GOAL_FIELDS,
)


class GoalsPane(StepPane):
    STEP = 4

    def compose(self) -> ComposeResult:
        yield self.heading()
        yield ItemsEditor(OBJECTIVES, step=self.STEP)
        with Horizontal(id="goals-area"):
            yield ItemsEditor(GOALS, step=self.STEP)
            yield Vertical(id="goal-side")
