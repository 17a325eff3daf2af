"""Step 7's progress of every goal: bar, verdict, pace and a small chart per goal."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from smplan.checks.progress import plan_progress
from smplan.i18n import current_language, t
from smplan.i18n.formats import format_date
from smplan.model import Plan
from smplan.presentation.progress import ProgressRow, progress_rows
from smplan.tui.markup import escape

#: Colours on top of the verdict words, which read without colour.
STYLES = {
    "reached": "$success",
    "ahead": "$success",
    "on-track": "$success",
    "behind": "$warning",
    "missed": "$error",
}


class ProgressPanel(Static):
    """Two lines per goal; shown again when the plan has been checked after an edit."""

    def show_plan(self, plan: Plan, today: dt.date) -> None:
        lang = current_language()
        rows = progress_rows(plan_progress(plan, today), plan.plan.currency or "", lang)
        title = t("pace.view.title", None, date=format_date(today, lang))
        lines = [f"[b]{escape(title)}[/b]"]
        if not rows:
            lines.append(f"[dim]{escape(t('pace.view.none'))}[/dim]")
        for row in rows:
            lines += row_lines(row)
        text = "\n".join(lines)
        if str(self.content) != text:
            self.update(text)


def row_lines(row: ProgressRow) -> list[str]:
    """One goal's lines as the panel shows them (markup): id, bar and verdict; chart
    and latest result; pace and outlook. The per-goal results view ends with them."""
    style = STYLES.get(row.verdict, "$text-muted")
    lines = [f"[b]{escape(row.goal)}[/b]  [{style}]{escape(row.head)}[/]"]
    for part in ("  ".join(p for p in (row.chart, row.latest) if p), row.figures):
        if part:
            lines.append(f"  {escape(part)}")
    return lines
