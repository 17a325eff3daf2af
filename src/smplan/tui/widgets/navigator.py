"""The step navigator: the plan's details and the seven steps, each with how complete it is."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smplan.checks.structure.completeness import MARKS, step_completeness
from smplan.i18n import t
from smplan.model import Plan
from smplan.tui.type_ahead import TypeAhead
from smplan.tui.widgets.classes import COMPACT, compact_reactive

STEPS = tuple(range(0, 8))


class StepList(OptionList):
    """Digits jump to a step while the navigator has focus; letters find a step by name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(str(n), f"pick({n})", show=False) for n in STEPS
    ]

    compact = compact_reactive()

    def __init__(self, *options: Option) -> None:
        super().__init__(*options, compact=True, classes=COMPACT)
        self._type_ahead = TypeAhead()

    def on_key(self, event: events.Key) -> None:
        if not event.is_printable or event.character is None:
            return
        if event.key in self.screen.active_bindings:
            return  # the digits, and "?" for help
        event.stop()
        event.prevent_default()
        names = [t(f"step.{n}") for n in STEPS]
        found = self._type_ahead.find(event.character, names, self.highlighted)
        if found is not None:
            self.highlighted = found

    class Picked(Message):
        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    def action_pick(self, step: int) -> None:
        self.highlighted = step
        self.post_message(self.Picked(step))


class Navigator(Vertical):
    def compose(self) -> ComposeResult:
        yield StepList(*[Option(self._label(n, None), id=f"step-{n}") for n in STEPS])
        yield Static("", id="nav-summary")
        yield Static(t("progress.legend"), id="nav-legend")

    def _label(self, step: int, plan: Plan | None) -> str:
        mark = MARKS[step_completeness(plan, step)] if plan is not None else " "
        number = str(step) if step else "·"
        return f"{number} {mark} {t(f'step.{step}')}"

    def show(self, plan: Plan, current: int) -> None:
        # Runs on every edit: a replaced prompt redraws the list, so only changed ones.
        steps = self.query_one(StepList)
        for step in STEPS:
            label = self._label(step, plan)
            if str(steps.get_option_at_index(step).prompt) != label:
                steps.replace_option_prompt_at_index(step, label)
        if steps.highlighted != current:
            steps.highlighted = current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(StepList.Picked(event.option_index))

    def summary(self, lines: list[str]) -> None:
        # Runs on every edit: the same lines are left alone, and as many lines as
        # before need no new layout of the screen.
        text = "\n".join(lines)
        shown = self.query_one("#nav-summary", Static)
        before = str(shown.content)
        if text != before:
            shown.update(text, layout=text.count("\n") != before.count("\n"))
