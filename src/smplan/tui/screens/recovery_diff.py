"""The difference between a saved plan and its recovery copy, as a unified diff."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Static

from smplan.i18n import t
from smplan.tui.keys import RECOVERY_DIFF_KEYS, bindings
from smplan.tui.screens.described import DescribedKeys


def diff_markup(lines: list[str]) -> str:
    """Diff lines as markup: removals red, additions green, hunk headers dim."""
    shown: list[str] = []
    for line in lines:
        text = escape(line)
        if line.startswith(("+++", "---")):
            shown.append(f"[b]{text}[/b]")
        elif line.startswith("@@"):
            shown.append(f"[dim]{text}[/dim]")
        elif line.startswith("+"):
            shown.append(f"[green]{text}[/green]")
        elif line.startswith("-"):
            shown.append(f"[red]{text}[/red]")
        else:
            shown.append(text)
    return "\n".join(shown) if shown else t("recovery.diff-same")


class RecoveryDiff(DescribedKeys, ModalScreen[None], inherit_bindings=False):
    """Shows the diff until escape (or q) goes back to the question."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(RECOVERY_DIFF_KEYS)

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="diff-body", classes="dialog"):
            yield Static(f"[b]{escape(self.title_text)}[/b]", classes="dialog-title")
            yield Static(diff_markup(self.lines), id="diff-text")
            yield Static(t("recovery.diff-hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#diff-body").focus()
