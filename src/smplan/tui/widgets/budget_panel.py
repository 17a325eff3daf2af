"""The budget tracker: money and hours against what the plan has, with bars."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Static

from smplan.checks.budget import BudgetReport
from smplan.checks.rhythm import NetworkRhythm
from smplan.findings import Finding
from smplan.i18n import Lang, current_language, t
from smplan.presentation.budget import (
    bar,
    category_rows,
    month_rows,
    overview_rows,
    people_rows,
    percent_text,
    ratio,
    render_rows,
)
from smplan.presentation.rhythm import off_rhythm, rhythm_line
from smplan.tui.markup import escape

BUDGET_CODES = frozenset({"budget-over", "hours-over", "budget-unallocated", "budget-period"})
#: Width of the bars in the navigator's gauge.
GAUGE_WIDTH = 17


def gauge_lines(report: BudgetReport) -> list[str]:
    """The navigator's money and hours gauge, two lines each, readable without colour."""
    lang = current_language()
    money, hours = report.money, report.hours
    lines: list[str] = []
    if money.available is None:
        lines.append(f"{t('budget.label.budget')} {t('budget.label.not-set')}")
    else:
        used = ratio(money.committed, money.available)
        style = "$error" if money.over else "$success"
        mark = " !" if money.over else ""
        lines.append(f"{t('budget.label.budget')} {percent_text(used, lang)}{mark}")
        lines.append(f"[{style}]{bar(used, GAUGE_WIDTH)}[/]")
    used_hours = ratio(hours.assigned_total, hours.capacity_total)
    if used_hours is not None:
        over = bool(hours.over_people)
        style = "$error" if over else "$success"
        mark = " !" if over else ""
        lines.append(f"{t('budget.label.hours')} {percent_text(used_hours, lang)}{mark}")
        lines.append(f"[{style}]{bar(used_hours, GAUGE_WIDTH)}[/]")
    return lines


class BudgetPanel(Static):
    """Totals, categories, months and people, then the tracker's warnings."""

    def show(
        self,
        report: BudgetReport | None,
        findings: list[Finding],
        rhythm: Sequence[NetworkRhythm] = (),
    ) -> None:
        if report is None:
            self.update("")
            return
        lang = current_language()
        sections = [
            ("budget-ui.overview", overview_rows(report, lang)),
            ("budget-ui.categories", category_rows(report.money, lang)),
            ("budget-ui.people", people_rows(report.hours, lang)),
            ("budget-ui.months", month_rows(report.money, lang)),
        ]
        lines = [f"[b]{t('budget-ui.title')}[/b]"]
        warnings = [f for f in findings if f.code in BUDGET_CODES]
        for finding in warnings:
            style = "$error" if finding.level != "info" else "$text-muted"
            lines.append(f"[{style}]! {escape(finding.message)}[/]")
        for heading, rows in sections:
            rendered = render_rows(rows, bar_width=10)
            if rendered:
                lines.append(f"[b]{t(heading)}[/b]")
                lines.extend(escape(line) for line in rendered)
        lines.extend(rhythm_section(rhythm, lang))
        self.update("\n".join(lines))


def rhythm_section(networks: Sequence[NetworkRhythm], lang: Lang) -> list[str]:
    """The calendar against each network's ``posts_per_week``, one line per network
    (the weeks and gaps themselves are in the problems list)."""
    if not networks:
        return []
    lines = [f"[b]{t('budget-ui.rhythm')}[/b]"]
    for network in networks:
        text = escape(rhythm_line(network, lang))
        lines.append(f"[$warning]! {text}[/]" if off_rhythm(network) else f"  {text}")
    return lines
