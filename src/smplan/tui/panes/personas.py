"""Step 2: buyer personas, a list and the selected persona's profile."""

from __future__ import annotations

from textual.app import ComposeResult

from smplan.model import Persona, Plan
from smplan.tui.panes.base import StepPane
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.items import ItemsEditor, ListSpec, join_labels, unique_id


def _new_persona(plan: Plan) -> Persona:
    return Persona(id=unique_id(plan.personas, "persona"))


PERSONAS = ListSpec(
    kind="personas",
    owner=lambda plan: plan,
    name="personas",
    path=("personas",),
    factory=_new_persona,
    label=lambda p: join_labels(p.id, p.name),
    id_field="id",
    fields=(
        F("id"),
        F("name"),
        F("photo"),
        F("gender"),
        F("age_range"),
        F("location"),
        F("education"),
        F("profession"),
        F("personality", "long", height=2),
        F("fears", "lines"),
        F("desires", "lines"),
        F("frustrations", "lines"),
        F("hobbies", "lines"),
        F("habits", "lines"),
        F("family", "long", height=2),
        F("digital_behaviour", "long", height=2),
        F("networks", "refs", label="field.persona-networks", ref="networks", height=4),
        F("sources", "lines"),
    ),
)


class PersonasPane(StepPane):
    STEP = 2

    def compose(self) -> ComposeResult:
        yield from self.heading()
        yield ItemsEditor(PERSONAS, step=self.STEP)
