"""Step 4: objectives, and SMART goals with every field and a live scorecard."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from smplan.display import one_line
from smplan.editing import Edit
from smplan.i18n import t
from smplan.model import Goal, Objective, PlanTable
from smplan.tui.markup import escape
from smplan.tui.panes.base import StepPane
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.items import ItemsEditor, ListSpec, join_labels, unique_id
from smplan.tui.widgets.scorecard import Scorecard, badge_markup

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


#: Rows the pane needs to show the full SMART card beside the list and the fields;
#: fewer (80x24 has 22), and the card is one line.
CARD_ROOM = 30


class GoalsEditor(ItemsEditor):
    """The goal list shows each goal's five letters before its id."""

    def _prompt(self, item: PlanTable) -> str:
        assert isinstance(item, Goal)
        verdict = self.smplan.smart.verdict(self.smplan.plan, item)
        return f"{badge_markup(verdict)}  {escape(one_line(self.spec.label(item)))}"


class GoalsPane(StepPane):
    STEP = 4

    def compose(self) -> ComposeResult:
        yield from self.heading()
        yield Static("", id="smart-summary")
        yield ItemsEditor(OBJECTIVES, step=self.STEP)
        yield GoalsEditor(GOALS, step=self.STEP)
        yield Scorecard(id="scorecard")

    def on_mount(self) -> None:
        self._show_summary()

    def on_resize(self) -> None:
        # Room for the card or not: the goal list and a goal's fields come first.
        self.query_one(Scorecard).set_compact(self.size.height < CARD_ROOM)

    @property
    def goals(self) -> GoalsEditor:
        return self.query_one(GoalsEditor)

    def selected_goal(self) -> Goal | None:
        goals = self.smplan.plan.goals
        index = self.goals.index
        return goals[index] if 0 <= index < len(goals) else None

    def _show_summary(self) -> None:
        full, total = self.smplan.smart.summary(self.smplan.plan)
        text = t("smart-ui.summary", None, full=full, total=total) if total else ""
        summary = self.query_one("#smart-summary", Static)
        if str(summary.content) != text:  # it runs on every keystroke in a goal field
            summary.update(text)

    def _show_scorecard(self) -> None:
        goal = self.selected_goal()
        card = self.query_one(Scorecard)
        card.display = goal is not None
        card.show(self.smplan.smart.verdict(self.smplan.plan, goal) if goal is not None else None)

    @on(ItemsEditor.Shown)
    def _goal_shown(self, event: ItemsEditor.Shown) -> None:
        if event.editor is self.goals:
            self._show_scorecard()

    def plan_edited(self, edit: Edit) -> None:
        super().plan_edited(edit)
        self._show_scorecard()
        self._show_summary()

    def plan_checked(self) -> None:
        self.goals.refresh_labels(every=True)
        self._show_scorecard()
        self._show_summary()

    def reload(self) -> None:
        super().reload()
        self._show_summary()


def is_goal(target: Any) -> bool:
    return isinstance(target, Goal)
