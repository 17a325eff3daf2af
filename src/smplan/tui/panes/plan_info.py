"""The plan's own details: title, owner, period, currency, language and export settings."""

from __future__ import annotations

from textual.app import ComposeResult

from smplan.tui.panes.base import BoundForm, StepPane
from smplan.tui.widgets.fields import FieldSpec as F


class PlanPane(StepPane):
    STEP = 0

    def compose(self) -> ComposeResult:
        yield from self.heading()
        yield BoundForm(
            lambda plan: plan.plan,
            ("plan",),
            (
                F("title"),
                F("organization"),
                F("owner", "ref", ref="team"),
                F("period_start", "date"),
                F("period_end", "date"),
                F("currency", label="field.currency"),
                F("language", "choice", choices=("en", "id")),
            ),
            step=self.STEP,
            id="plan-form",
        )
        yield self.section("section.export")
        yield BoundForm(
            lambda plan: plan.export,
            ("export",),
            (
                F("markdown", "bool", label="field.export-markdown"),
                F("ics", "bool", label="field.export-ics"),
                F("flavor", "choice", choices=("github", "gitlab", "azure", "obsidian", "plain")),
            ),
            step=self.STEP,
            id="export-form",
        )
