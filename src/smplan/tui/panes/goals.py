"""Step 4: objectives, and SMART goals with every field and a live scorecard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import ClassVar

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.widgets import Static

from smplan.checks.smart import Proposal, draft_statement, fill_from_statement
from smplan.display import one_line
from smplan.editing import Edit
from smplan.i18n import current_language, t
from smplan.i18n.formats import format_date, format_number
from smplan.i18n.values import display_name
from smplan.model import Goal, Objective, PlanTable
from smplan.tui.keys import SMART_KEYS, bindings
from smplan.tui.markup import escape
from smplan.tui.panes.base import StepPane
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.items import ItemsEditor, ListSpec, join_labels, unique_id
from smplan.tui.widgets.scorecard import Scorecard, applicable, badge_markup

OBJECTIVES = ListSpec(
    kind="objectives",
    owner=lambda plan: plan,
    name="objectives",
    path=("objectives",),
    factory=lambda plan: Objective(id=unique_id(plan.objectives, "objective"), kind="marketing"),
    label=lambda o: join_labels(
        o.id, display_name("objective-kind", o.kind, current_language()), o.statement
    ),
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
        verdict = self.smplan.open_plan.smart.verdict(self.smplan.plan, item)
        return f"{badge_markup(verdict)}  {escape(one_line(self.item_label(item)))}"


class GoalsPane(StepPane):
    STEP = 4
    BINDINGS: ClassVar[list[BindingType]] = bindings(SMART_KEYS)

    def compose(self) -> ComposeResult:
        yield from self.heading()
        yield Static("", id="smart-summary")
        yield ItemsEditor(OBJECTIVES, step=self.STEP)
        yield GoalsEditor(GOALS, step=self.STEP)
        yield Scorecard(id="scorecard")

    def on_mount(self) -> None:
        remapped = self.smplan.user_keymap.get("apply-advice")
        if remapped:
            self.query_one(Scorecard).apply_key = remapped.split(",")[0].strip()
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
        full, total = self.smplan.open_plan.smart.summary(self.smplan.plan)
        text = t("smart-ui.summary", None, full=full, total=total) if total else ""
        summary = self.query_one("#smart-summary", Static)
        if str(summary.content) != text:  # it runs on every keystroke in a goal field
            summary.update(text)

    def _show_scorecard(self) -> None:
        goal = self.selected_goal()
        card = self.query_one(Scorecard)
        card.display = goal is not None
        card.show(
            self.smplan.open_plan.smart.verdict(self.smplan.plan, goal)
            if goal is not None
            else None
        )

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

    # -- advice into fields ---------------------------------------------------

    def system_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            t("key.apply-advice"), t("smart-ui.cmd-apply-help"), self.action_apply_advice
        )
        yield SystemCommand(
            t("key.fill-from-statement"),
            t("smart-ui.cmd-fill-help"),
            self.action_fill_from_statement,
        )
        yield SystemCommand(
            t("key.write-statement"), t("smart-ui.cmd-write-help"), self.action_write_statement
        )

    def action_apply_advice(self) -> None:
        """Set the values of the first letter that does not pass and proposes some."""
        goal = self._chosen_goal()
        if goal is None:
            return
        verdict = self.smplan.open_plan.smart.verdict(self.smplan.plan, goal)
        wanted = applicable(verdict)
        letter = next((v for v in verdict.letters if v.letter == wanted), None)
        if letter is None:
            self.notify(t("smart-ui.nothing-to-apply", None, goal=goal.id), timeout=4)
            return
        changed = self._set(goal, letter.proposals)
        if changed:
            fields = self._described(goal, changed)
            self.notify(t("smart-ui.applied", None, letter=letter.letter, fields=fields), timeout=4)
        else:
            self.notify(t("smart-ui.nothing-to-apply", None, goal=goal.id), timeout=4)

    def action_fill_from_statement(self) -> None:
        goal = self._chosen_goal()
        if goal is None:
            return
        smart = self.smplan.open_plan.smart
        proposals = fill_from_statement(goal, self.smplan.plan, today=smart.today)
        changed = self._set(goal, proposals)
        if changed:
            fields = self._described(goal, changed)
            self.notify(t("smart-ui.filled", None, fields=fields), timeout=5)
        else:
            self.notify(t("smart-ui.nothing-to-fill", None, goal=goal.id), timeout=4)

    def action_write_statement(self) -> None:
        goal = self._chosen_goal()
        if goal is None:
            return
        draft = draft_statement(goal, self.smplan.plan)
        if draft is None:
            self.notify(t("smart-ui.no-draft"), severity="warning", timeout=4)
            return
        if draft == goal.statement:
            self.notify(t("smart-ui.same-draft"), timeout=3)
            return
        self._set(goal, (Proposal("statement", draft, "plan"),))
        self.notify(t("smart-ui.drafted"), timeout=5)

    def _chosen_goal(self) -> Goal | None:
        goal = self.selected_goal()
        if goal is None:
            self.notify(t("smart-ui.no-goal-chosen"), timeout=3)
        return goal

    def _set(self, goal: Goal, proposals: Iterable[Proposal]) -> tuple[str, ...]:
        """Set the proposed values as one undoable edit and show them in the fields."""
        values = {
            p.field: list(p.value) if isinstance(p.value, tuple) else p.value for p in proposals
        }
        index = self.smplan.plan.goals.index(goal)
        changed = self.smplan.edit_fields(goal, values, step=self.STEP, path=("goals", index))
        if changed:
            self.goals.reload(index)
        return changed

    @staticmethod
    def _described(goal: Goal, names: Iterable[str]) -> str:
        """``target 3,600, deadline 31 January 2027``, as the fields' labels say."""
        parts = []
        for name in names:
            value = getattr(goal, name)
            if isinstance(value, dt.date):
                shown = format_date(value)
            elif isinstance(value, Decimal | int | float):
                shown = format_number(value)
            elif isinstance(value, list):
                shown = ", ".join(value)
            else:
                shown = str(value)
            parts.append(f"{t(f'field.{name}')} {shown}")
        return ", ".join(parts)
