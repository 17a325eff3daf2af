"""What panes, screens and widgets may ask of the app that holds the open plan.

They type ``self.app`` as this protocol instead of importing the app class, so
no widget module depends on ``smplan.tui.app`` (not even for typing) and the
interface between the two is written down in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from smplan.editing import EditSession
    from smplan.findings import Finding
    from smplan.keypath import KeyPath
    from smplan.model import Plan, PlanTable
    from smplan.open_plan.budget_state import BudgetState
    from smplan.open_plan.smart_state import SmartState
    from smplan.tui.widgets.fields import RefKind


class PlanHost(Protocol):
    """The open plan as the interface sees it (implemented by ``SmplanApp``)."""

    session: EditSession
    smart: SmartState
    budget: BudgetState
    findings: list[Finding]
    #: The user's key remaps from the settings file (binding id -> keys).
    user_keymap: dict[str, str]

    @property
    def plan(self) -> Plan: ...

    @property
    def file_label(self) -> str: ...

    @property
    def read_only(self) -> bool: ...

    def edit(
        self, target: PlanTable, name: str, value: Any, *, step: int, path: KeyPath
    ) -> None: ...

    def edit_fields(
        self, target: PlanTable, values: dict[str, Any], *, step: int, path: KeyPath
    ) -> tuple[str, ...]: ...

    def status_lines(self) -> list[str]: ...

    def problems_under(self, prefix: KeyPath) -> dict[KeyPath, str]: ...

    def ref_choices(self, kind: RefKind) -> Sequence[tuple[str, str]]: ...

    def step_changed(self) -> None:
        """The user went to another step (the recovery copy notes where they are)."""

    def holding_keys(self) -> AbstractContextManager[None]: ...

    def release_keys(self) -> None: ...


__all__ = ["PlanHost"]
