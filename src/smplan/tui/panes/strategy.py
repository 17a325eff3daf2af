"""Step 5: content pillars and one card per network."""

from __future__ import annotations

from textual.app import ComposeResult

from smplan.i18n import current_language
from smplan.i18n.values import display_name
from smplan.model import NetworkStrategy
from smplan.tui.panes.base import BoundForm, StepPane
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.items import ItemsEditor, ListSpec, join_labels

NETWORKS = ListSpec(
    kind="networks",
    owner=lambda plan: plan.strategy,
    name="networks",
    path=("strategy", "networks"),
    factory=lambda plan: NetworkStrategy(),
    label=lambda n: join_labels(display_name("network", n.network, current_language()), n.role),
    fields=(
        F("network", "ref", ref="networks"),
        F("role", "long", label="field.network-role", height=2),
        F("audience", "long", height=2),
        F("personas", "refs", ref="personas", height=4),
        F("tone"),
        F("formats", "lines", height=2),
        F("posts_per_week", "number"),
        F("paid", "bool"),
        F("notes", "long", height=2),
    ),
)


class StrategyPane(StepPane):
    STEP = 5

    def compose(self) -> ComposeResult:
        yield from self.heading()
        yield BoundForm(
            lambda plan: plan.strategy,
            ("strategy",),
            (F("pillars", "lines", height=4),),
            step=self.STEP,
            id="pillars",
        )
        yield ItemsEditor(NETWORKS, step=self.STEP)
