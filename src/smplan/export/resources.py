"""Step 3: what we have. Team, tools, allocations and the budget tracker's summary.

The tracker's figures are the app's: :mod:`smplan.presentation.budget` rows of
the report :func:`smplan.checks.budget.report.compute_budget` made.
"""

from __future__ import annotations

from collections.abc import Sequence

from smplan.checks.budget.apportion import ZERO
from smplan.checks.budget.money import CATEGORIES
from smplan.export import mermaid
from smplan.export.blocks import heading, join, labelled, table
from smplan.export.context import ExportContext
from smplan.export.escape import inline
from smplan.presentation.budget import (
    SummaryRow,
    category_label,
    category_rows,
    overview_rows,
    people_rows,
)


def resources(ctx: ExportContext) -> str:
    data = ctx.plan.resources
    parts = [
        labelled(ctx.t("export.label.budget"), ctx.money(data.budget)),
        team(ctx),
        tools(ctx),
        allocations(ctx),
    ]
    empty = not any(parts)
    if empty:
        parts.append(ctx.t("export.empty"))
    # A plan with no money and no people yet has nothing to track.
    counted = not empty or (data.budget is not None or data.team or ctx.budget.money.committed > 0)
    return join(
        heading(2, ctx.t("export.heading.resources")), *parts, tracker(ctx) if counted else ""
    )


def team(ctx: ExportContext) -> str:
    members = ctx.plan.resources.team
    if not members:
        return ""
    headers = ctx.columns("id", "name", "role", "hours-per-week", "skills")
    rows = [
        [
            inline(m.id),
            inline(m.name or ""),
            inline(m.role or ""),
            ctx.hours(m.hours_per_week),
            ctx.words(m.skills),
        ]
        for m in members
    ]
    return join(heading(3, ctx.t("export.sub.team")), table(headers, rows))


def tools(ctx: ExportContext) -> str:
    listed = ctx.plan.resources.tools
    if not listed:
        return ""
    headers = ctx.columns("name", "cost", "per")
    rows = [[inline(x.name or ""), ctx.money(x.cost), ctx.choice(x.per)] for x in listed]
    return join(heading(3, ctx.t("export.sub.tools")), table(headers, rows))


def allocations(ctx: ExportContext) -> str:
    listed = ctx.plan.resources.allocations
    if not listed:
        return ""
    headers = ctx.columns("name", "amount", "network", "goal", "start", "end")
    rows = [
        [
            inline(a.name or ""),
            ctx.money(a.amount),
            inline(a.network or ""),
            inline(a.goal or ""),
            ctx.date(a.start),
            ctx.date(a.end),
        ]
        for a in listed
    ]
    return join(heading(3, ctx.t("export.sub.allocations")), table(headers, rows))


def tracker(ctx: ExportContext) -> str:
    """Money and hours, used and remaining; money by category; hours by person; a pie."""
    report = ctx.budget
    lang = ctx.lang
    parts = [
        heading(3, ctx.t("export.sub.budget")),
        _rows_table(ctx, overview_rows(report, lang)),
    ]
    if report.money.committed > 0:
        parts += [
            heading(4, ctx.t("export.sub.by-category")),
            _rows_table(ctx, category_rows(report.money, lang)),
        ]
        slices = [
            (category_label(name, lang), report.money.by_category.get(name, ZERO))
            for name in CATEGORIES
        ]
        source = mermaid.pie(ctx.raw("export.chart.budget"), [(n, a) for n, a in slices if a])
        if source:
            parts.append(ctx.flavor.chart(source) or "")
    people = people_rows(report.hours, lang)
    if people:
        parts += [heading(4, ctx.t("export.sub.by-person")), _rows_table(ctx, people)]
    return join(*parts)


def _rows_table(ctx: ExportContext, rows: Sequence[SummaryRow]) -> str:
    headers = ctx.columns("item", "value", "share")
    over = ctx.raw("export.over")
    body = [
        [
            inline(row.label),
            inline(row.value),
            inline(
                f"{row.share} ({over})"
                if row.over and row.share
                else (over if row.over else row.share)
            ),
        ]
        for row in rows
    ]
    return table(headers, body)
