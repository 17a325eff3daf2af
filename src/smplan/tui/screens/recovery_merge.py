"""The three-way view of a recovery copy whose plan changed on disk since it was made.

Three parts, one under the other so that they fit 80 columns: your unsaved
edits (what the lost session changed), what changed in the plan since (another
save, ``git pull``), and the plan as it is now with your edits applied (what
"Apply my edits" gives, and the places where both sides changed the same value).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Static

from smplan.display import visible
from smplan.i18n import t
from smplan.store.merge import Conflict
from smplan.store.recovery import Recovery, unified_diff
from smplan.tui.keys import RECOVERY_MERGE_KEYS, bindings
from smplan.tui.screens.described import DescribedKeys
from smplan.tui.screens.recovery_diff import diff_markup


def conflict_line(conflict: Conflict) -> str:
    """One conflict, in words: where, and what was kept."""
    return t(
        f"recovery.conflict.{conflict.kind}",
        None,
        key=escape(conflict.key),
        mine=escape(visible(_shown(conflict.mine))),
        theirs=escape(visible(_shown(conflict.theirs))),
    )


def _hunks(lines: list[str]) -> list[str]:
    """A unified diff without its two file-name lines: each part has its own heading."""
    return lines[2:] if len(lines) > 2 and lines[0].startswith("---") else lines


def _shown(value: object) -> str:
    text = str(getattr(value, "id", None) or value)
    return text if len(text) <= 40 else text[:39] + "…"


class RecoveryMerge(DescribedKeys, ModalScreen[None], inherit_bindings=False):
    """Shows the three parts until escape (or q) goes back to the question."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(RECOVERY_MERGE_KEYS)

    def __init__(self, recovery: Recovery, result: str, conflicts: list[Conflict]) -> None:
        super().__init__()
        self.recovery = recovery
        self.result = result
        self.conflicts = conflicts

    def compose(self) -> ComposeResult:
        recovery = self.recovery
        name = escape(recovery.path.name)
        applied = unified_diff(recovery.saved, self.result, "now", "applied")
        with VerticalScroll(id="merge-body", classes="dialog"):
            yield Static(
                f"[b]{t('recovery.merge-title', None, name=name)}[/b]", classes="dialog-title"
            )
            yield Static(f"[b]{t('recovery.merge-yours')}[/b]", classes="section-heading")
            yield Static(diff_markup(_hunks(recovery.your_edits())), id="merge-yours")
            yield Static(f"[b]{t('recovery.merge-theirs')}[/b]", classes="section-heading")
            yield Static(diff_markup(_hunks(recovery.their_changes())), id="merge-theirs")
            yield Static(f"[b]{t('recovery.merge-result')}[/b]", classes="section-heading")
            if self.conflicts:
                lines = "\n".join(f"! {conflict_line(c)}" for c in self.conflicts)
                yield Static(lines, id="merge-conflicts", classes="merge-conflicts")
            yield Static(diff_markup(_hunks(applied)), id="merge-result")
            yield Static(t("recovery.diff-hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#merge-body").focus()
