"""The plan's problems (errors and warnings), where they are and on which line; enter goes there.

Each problem says where it is in the app's own words ("Goals › Grow Instagram
followers › Deadline"), then what is wrong; the line is the one the next save
writes it on, so it matches the file once saved.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smplan.display import visible
from smplan.findings import Finding
from smplan.i18n import t
from smplan.open_plan.problems import Problem
from smplan.tui.keys import PROBLEMS_KEYS, bindings
from smplan.tui.markup import escape
from smplan.tui.screens.described import DescribedKeys

LEVEL_MARK = {"error": "✖", "warning": "▲", "info": "·"}
LEVEL_STYLE = {"error": "$error", "warning": "$warning", "info": "$text-muted"}


class ProblemsScreen(DescribedKeys, ModalScreen[Finding | None], inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = bindings(PROBLEMS_KEYS)

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="problems-dialog"):
            levels = [problem.finding.level for problem in self.problems]
            yield Static(
                t(
                    "problems.title",
                    None,
                    errors=levels.count("error"),
                    warnings=levels.count("warning"),
                ),
                classes="dialog-title",
            )
            if not self.problems:
                yield Static(t("problems.none"))
            yield OptionList(*[Option(_entry(p)) for p in self.problems], id="problems-list")
            yield Static(t("problems.hint"), classes="dialog-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.problems[event.option_index].finding)


def _entry(problem: Problem) -> str:
    """``▲ Goals › Grow Instagram followers › Owner · line 10``, then the message.

    The marks read without colour (✖ error, ▲ warning); the message starts its
    own line, so that it wraps under itself.
    """
    level = problem.finding.level
    head = f"[{LEVEL_STYLE[level]}]{LEVEL_MARK[level]}[/] "
    head += f"[b]{escape(visible(problem.place))}[/b]" if problem.place else t(f"level.{level}")
    if problem.line:
        head += f" [dim]· {t('problems.line')} {problem.line}[/dim]"
    return f"{head}\n{escape(visible(problem.message))}"
