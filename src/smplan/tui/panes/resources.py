"""Step 3: money, people, time and tools."""

from __future__ import annotations

from textual.app import ComposeResult

from smplan.i18n import current_language
from smplan.i18n.values import display_name
from smplan.model import Allocation, TeamMember, Tool
from smplan.tui.panes.base import BoundForm, StepPane
from smplan.tui.widgets.budget_panel import BudgetPanel
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.items import ItemsEditor, ListSpec, join_labels, unique_id
from smplan.tui.widgets.tracker_scroll import TrackerScroll

TEAM = ListSpec(
    kind="team",
    owner=lambda plan: plan.resources,
    name="team",
    path=("resources", "team"),
    factory=lambda plan: TeamMember(id=unique_id(plan.resources.team, "member")),
    label=lambda m: join_labels(m.id, m.name, m.role),
    id_field="id",
    fields=(
        F("id"),
        F("name"),
        F("role"),
        F("hours_per_week", "number"),
        F("skills", "lines", height=2),
    ),
)

TOOLS = ListSpec(
    kind="tools",
    owner=lambda plan: plan.resources,
    name="tools",
    path=("resources", "tools"),
    factory=lambda plan: Tool(per="month"),
    label=lambda tool: join_labels(
        tool.name,
        None
        if tool.cost is None
        else f"{tool.cost} {display_name('tool-period', tool.per or '?', current_language())}",
    ),
    fields=(F("name"), F("cost", "money"), F("per", "choice", choices=("month", "year", "once"))),
)

ALLOCATIONS = ListSpec(
    kind="allocations",
    owner=lambda plan: plan.resources,
    name="allocations",
    path=("resources", "allocations"),
    factory=lambda plan: Allocation(),
    label=lambda a: join_labels(a.name, None if a.amount is None else str(a.amount)),
    fields=(
        F("name"),
        F("amount", "money"),
        F("network", "ref", ref="networks"),
        F("goal", "ref", ref="goals"),
        F("start", "date"),
        F("end", "date"),
    ),
)


class ResourcesPane(StepPane):
    STEP = 3

    def compose(self) -> ComposeResult:
        yield from self.heading()
        # On a short terminal the tracker gets a few rows of its own to scroll in,
        # so the budget and the lists below it are not pushed out of sight.
        with TrackerScroll(id="budget-scroll"):
            yield BudgetPanel(id="budget-tracker")
        yield BoundForm(
            lambda plan: plan.resources,
            ("resources",),
            (F("budget", "money"),),
            step=self.STEP,
            id="budget-form",
        )
        yield ItemsEditor(TEAM, step=self.STEP)
        yield ItemsEditor(TOOLS, step=self.STEP)
        yield ItemsEditor(ALLOCATIONS, step=self.STEP)

    def on_mount(self) -> None:
        self.budget_changed()

    def budget_changed(self) -> None:
        owner = self.smplan.open_plan
        self.query_one(BudgetPanel).show(owner.budget.report, owner.findings, owner.rhythm)

    def plan_checked(self) -> None:
        self.budget_changed()
