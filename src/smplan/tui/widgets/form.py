"""A form: the field rows of one model object, bound to whichever object is edited."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message

from smplan.keypath import KeyPath
from smplan.model import PlanTable
from smplan.tui.widgets.fields import FieldRow, FieldSpec

if TYPE_CHECKING:
    from smplan.tui.host import PlanHost


class Form(Vertical):
    """Edits the fields ``specs`` of ``target``; every valid edit goes up as :class:`EditAsked`."""

    class EditAsked(Message):
        """Set ``target.name`` to ``value`` (the app hands it to the plan's owner)."""

        def __init__(
            self, target: PlanTable, name: str, value: Any, *, step: int, path: KeyPath
        ) -> None:
            super().__init__()
            self.target = target
            self.name = name
            self.value = value
            self.step = step
            self.path = path

    def __init__(self, specs: Iterable[FieldSpec], *, step: int, id: str | None = None) -> None:
        super().__init__(id=id, classes="form")
        self.specs = tuple(specs)
        self.step = step
        self.target: PlanTable | None = None
        self.path: KeyPath = ()

    @property
    def smplan(self) -> PlanHost:
        return cast("PlanHost", self.app)

    def compose(self) -> ComposeResult:
        for spec in self.specs:
            yield FieldRow(spec, self.smplan.open_plan.ref_choices)

    def rows(self) -> list[FieldRow]:
        return list(self.query(FieldRow))

    def bind(self, target: PlanTable | None, path: KeyPath) -> None:
        """Show ``target``'s values (or nothing, disabled, when None)."""
        self.target = target
        self.path = path
        self.disabled = target is None
        for row in self.rows():
            row.show(getattr(target, row.spec.name) if target is not None else None)
        problems = self.smplan.open_plan.problems_under(path) if target is not None else {}
        self.mark_problems(problems)

    def mark_problems(self, problems: Mapping[KeyPath, str]) -> None:
        """Mark each row whose key path has a finding."""
        for row in self.rows():
            here = (*self.path, row.spec.name)
            message = next((m for p, m in problems.items() if p[: len(here)] == here), None)
            row.mark_finding(message)

    def focus_first(self) -> None:
        rows = self.rows()
        if rows:
            rows[0].focus_editor()

    @on(FieldRow.Edited)
    def _edited(self, event: FieldRow.Edited) -> None:
        event.stop()
        if self.target is None:
            return
        name = event.row.spec.name
        path = (*self.path, name)
        # Up through the pane and the screen, behind the keys before it (their order holds).
        self.post_message(self.EditAsked(self.target, name, event.value, step=self.step, path=path))
