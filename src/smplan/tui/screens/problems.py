"""The plan's problems (errors and warnings), with their lines; enter goes to the field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smplan.display import visible
from smplan.findings import Finding
from smplan.i18n import t
from smplan.tui.markup import escape

LEVEL_MARK = {"error": "✖", "warning": "▲", "info": "·"}


class ProblemsScreen(ModalScreen[Finding | None]):
    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self._bindings = BindingsMap([Binding("escape,ctrl+l", "dismiss(None)", t("key.close"))])
        self.findings = findings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="problems-dialog"):
            errors = sum(1 for f in self.findings if f.level == "error")
            warnings = sum(1 for f in self.findings if f.level == "warning")
            yield Static(
                t("problems.title", None, errors=errors, warnings=warnings), classes="dialog-title"
            )
            if not self.findings:
                yield Static(t("problems.none"))
            options = []
            for finding in self.findings:
                line = f"{finding.line}" if finding.line else "-"
                text = (
                    f"{LEVEL_MARK[finding.level]} {t(f'level.{finding.level}')} "
                    f"{t('problems.line')} {line}: {escape(visible(finding.message))} "
                    f"[dim]{escape(visible(finding.key))}[/dim]"
                )
                options.append(Option(text))
            yield OptionList(*options, id="problems-list")
            yield Static(t("problems.hint"), classes="dialog-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.findings[event.option_index])
