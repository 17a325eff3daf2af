"""Step 6: the content calendar."""

from __future__ import annotations

from textual.app import ComposeResult

from smplan.model import CalendarItem
from smplan.tui.panes.base import StepPane
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.items import ItemsEditor, ListSpec, join_labels

CALENDAR_FIELDS = (
    F("date", "date"),
    F("time", "time"),
    F("network", "ref", ref="networks"),
    F("format"),
    F("pillar", "ref", ref="pillars"),
    F("title"),
    F("status", "choice", choices=("idea", "planned", "draft", "scheduled", "published")),
    F("owner", "ref", ref="team"),
    F("goal", "ref", ref="goals"),
    F("hours", "number"),
    F("cost", "money"),
    F("notes", "long", height=2),
)

CALENDAR = ListSpec(
    kind="calendar",
    owner=lambda plan: plan,
    name="calendar",
    path=("calendar",),
    factory=lambda plan: CalendarItem(status="idea"),
    label=lambda i: join_labels(None if i.date is None else i.date.isoformat(), i.network, i.title),
    fields=CALENDAR_FIELDS,
)


class CalendarPane(StepPane):
    STEP = 6

    def compose(self) -> ComposeResult:
        yield self.heading()
        yield ItemsEditor(CALENDAR, step=self.STEP)
