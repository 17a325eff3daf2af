"""The results of one goal by date: value, change since the result before, share of
the way from baseline to target, and the goal's verdict and pace as step 7 states them.

The goals are listed at the top: the arrows go from one goal's results to the
next; escape closes. Nothing here changes the plan.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from smplan.checks.progress import GoalProgress, plan_progress
from smplan.i18n import current_language, t
from smplan.model import Plan
from smplan.presentation.goals import goal_name
from smplan.presentation.progress import progress_rows, result_rows, results_table
from smplan.tui.keys import GOAL_RESULTS_KEYS, bindings
from smplan.tui.markup import escape
from smplan.tui.screens.described import DescribedKeys
from smplan.tui.widgets.progress_panel import row_lines


class GoalResultsScreen(DescribedKeys, ModalScreen[None], inherit_bindings=False):
    """Opens on ``goal`` (an id), else on the first goal with a result."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(GOAL_RESULTS_KEYS)

    def __init__(self, plan: Plan, goal: str | None, today: dt.date) -> None:
        super().__init__(id="goal-results")
        self.currency = plan.plan.currency or ""
        # Worked out once, as the progress panel does for the same day: the view
        # and the panel cannot disagree.
        self.progress: list[GoalProgress] = [
            item for item in plan_progress(plan, today) if item.goal.id
        ]
        ids = [item.goal.id for item in self.progress]
        with_results = [i for i, item in enumerate(self.progress) if item.results or item.history]
        if goal in ids:
            self.shown = ids.index(goal)
        else:
            self.shown = with_results[0] if with_results else 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="goal-results-dialog"):
            yield Static("", classes="dialog-title", id="goal-results-title")
            if not self.progress:
                yield Static(t("pace.results.no-goals"))
            else:
                yield OptionList(
                    *[Option(escape(goal_name(item.goal))) for item in self.progress],
                    id="goal-results-goals",
                    compact=True,
                )
                with VerticalScroll(id="goal-results-body"):
                    yield Static("", id="goal-results-table")
                yield Static("", id="goal-results-pace")
            yield Static(t("pace.results.hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        if self.progress:
            goals = self.query_one("#goal-results-goals", OptionList)
            goals.highlighted = self.shown
            goals.focus()
        self.show_goal(self.shown)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.show_goal(event.option_index)

    def show_goal(self, index: int) -> None:
        """Show the results and pace of the goal at ``index`` in the list."""
        if not self.progress:
            self.query_one("#goal-results-title", Static).update(f"[b]{t('key.goal-results')}[/b]")
            return
        self.shown = index
        item = self.progress[index]
        lang = current_language()
        title = t("pace.results.title", None, goal=item.goal.id)
        self.query_one("#goal-results-title", Static).update(f"[b]{escape(title)}[/b]")
        rows = result_rows(item, lang)
        if rows:
            head, *lines = results_table(rows, lang)
            table = "\n".join([f"[b]{escape(head)}[/b]", *(escape(line) for line in lines)])
        else:
            table = f"[dim]{escape(t('pace.results.none'))}[/dim]"
        self.query_one("#goal-results-table", Static).update(table)
        (row,) = progress_rows([item], self.currency, lang)
        self.query_one("#goal-results-pace", Static).update("\n".join(row_lines(row)))
