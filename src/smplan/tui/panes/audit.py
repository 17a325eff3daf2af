"""Step 1: audit of our networks, the ten questions, competitors and SWOT."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid

from smplan.model import AUDIT_QUESTIONS, Competitor, Profile
from smplan.tui.panes.base import BoundForm, StepPane
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.items import ItemsEditor, ListSpec, join_labels

PROFILES = ListSpec(
    kind="profiles",
    owner=lambda plan: plan.audit,
    name="profiles",
    path=("audit", "profiles"),
    factory=lambda plan: Profile(),
    label=lambda p: join_labels(
        p.network, p.handle, None if p.followers is None else str(p.followers)
    ),
    fields=(
        F("network", "ref", ref="networks"),
        F("handle"),
        F("followers", "int"),
        F("engagement_rate", "percent"),
        F("posts_per_week", "number"),
        F("notes", "long", height=2),
    ),
)

COMPETITORS = ListSpec(
    kind="competitors",
    owner=lambda plan: plan.audit,
    name="competitors",
    path=("audit", "competitors"),
    factory=lambda plan: Competitor(),
    label=lambda c: join_labels(c.name, ", ".join(c.networks)),
    fields=(
        F("name"),
        F("networks", "lines", label="field.competitor-networks", height=2),
        F("notes", "long", height=2),
    ),
)


class AuditPane(StepPane):
    STEP = 1

    def compose(self) -> ComposeResult:
        yield from self.heading()
        yield BoundForm(
            lambda plan: plan.audit, ("audit",), (F("summary", "long", height=2),), step=self.STEP
        )
        yield ItemsEditor(PROFILES, step=self.STEP)
        yield self.section("section.audit-answers")
        yield BoundForm(
            lambda plan: plan.audit.answers,
            ("audit", "answers"),
            tuple(F(q, "long", label=f"question.{q}", height=2) for q in AUDIT_QUESTIONS),
            step=self.STEP,
            id="audit-answers",
        )
        yield ItemsEditor(COMPETITORS, step=self.STEP)
        yield self.section("section.swot")
        with Grid(id="swot"):
            for quadrant in ("strengths", "weaknesses", "opportunities", "threats"):
                yield BoundForm(
                    lambda plan: plan.audit.swot,
                    ("audit", "swot"),
                    (F(quadrant, "lines", label=f"swot.{quadrant}", height=4),),
                    step=self.STEP,
                    id=f"swot-{quadrant}",
                )
