"""Step 3: what we have. Team, tools, allocations and the budget tracker's summary.

The tracker's figures are the app's: :mod:`smplan.presentation.budget` rows of
the report :func:`smplan.checks.budget.report.compute_budget` made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from smplan.checks.budget.apportion import ZERO
from smplan.checks.budget.money import CATEGORIES
from smplan.export import mermaid
from smplan.export.blocks import bullets, heading, join, labelled
from smplan.export.cells import ROW_WIDTH, fitted, row_width
from smplan.export.context import ExportContext
from smplan.export.escape import inline, one_line
from smplan.i18n import Lang
from smplan.i18n.values import display_name
from smplan.presentation.budget import (
    SummaryRow,
    category_rows,
    overview_rows,
    people_rows,
)

#: Longest allocation name a cell shows; one cut to fit its row is whole in the list below.
NAME_WIDTH = 60
#: Longest goal name beside its number in an allocation's row.
GOAL_WIDTH = 20


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
    """Name, role and hours a week in the table; each member's skills in a list below it."""
    members = ctx.plan.resources.team
    if not members:
        return ""
    headers = ctx.columns("name", "role", "hours-per-week")
    rows = [
        [inline(m.name or m.id), inline(m.role or ""), ctx.hours(m.hours_per_week)] for m in members
    ]
    skills = [
        f"**{inline(m.name or m.id) or '-'}:** {ctx.words(m.skills)}"
        for m in members
        if ctx.words(m.skills)
    ]
    said = ctx.t("export.column.skills") + ":" if skills else ""
    return join(
        heading(3, ctx.t("export.sub.team")), ctx.table(headers, rows), said, bullets(skills)
    )


def tools(ctx: ExportContext) -> str:
    listed = ctx.plan.resources.tools
    if not listed:
        return ""
    headers = ctx.columns("name", "cost")
    rows = [
        [
            inline(x.name or ""),
            " ".join(p for p in (ctx.money(x.cost), ctx.value("tool-period", x.per)) if p),
        ]
        for x in listed
    ]
    return join(heading(3, ctx.t("export.sub.tools")), ctx.table(headers, rows))


def allocations(ctx: ExportContext) -> str:
    """One row per allocation; a name cut to fit its row is given whole in a list below."""
    listed = ctx.plan.resources.allocations
    if not listed:
        return ""
    headers = ctx.columns("name", "amount", "network", "goal", "dates")
    rows = []
    whole = []
    for a in listed:
        cells = [
            ctx.money(a.amount),
            ctx.value("network", a.network),
            ctx.goal_ref(a.goal, GOAL_WIDTH),
            ctx.day_range(a.start, a.end, short=True),
        ]
        room = ROW_WIDTH - row_width(["", *cells]) if ctx.flavor.tables else NAME_WIDTH
        name, cut = fitted(a.name or "", room, NAME_WIDTH)
        rows.append([name, *cells])
        if cut:
            whole.append(f"**{inline(one_line(a.name or ''))}**")
    return join(
        heading(3, ctx.t("export.sub.allocations")), ctx.table(headers, rows), bullets(whole)
    )


def tracker(ctx: ExportContext) -> str:
    """Money and hours, used and remaining; money by category; hours by person; a pie."""
    report = ctx.budget
    lang = ctx.lang
    parts = [
        heading(3, ctx.t("export.sub.budget")),
        _rows_table(ctx, overview_rows(report, lang, rounded=True)),
    ]
    if report.money.committed > 0:
        parts += [
            heading(4, ctx.t("export.sub.by-category")),
            _rows_table(ctx, _named_categories(category_rows(report.money, lang), lang)),
        ]
        slices = [
            (display_name("category", name, lang), report.money.by_category.get(name, ZERO))
            for name in CATEGORIES
        ]
        source = mermaid.pie(ctx.raw("export.chart.budget"), [(n, a) for n, a in slices if a])
        if source:
            parts.append(ctx.flavor.chart(source) or "")
    people = people_rows(report.hours, lang, rounded=True)
    if people:
        parts += [heading(4, ctx.t("export.sub.by-person")), _rows_table(ctx, people)]
    return join(*parts)


def _named_categories(rows: Sequence[SummaryRow], lang: Lang) -> list[SummaryRow]:
    """The rows of money by category (in ``CATEGORIES`` order) under the categories' display names."""
    return [
        replace(row, label=display_name("category", name, lang))
        for row, name in zip(rows, CATEGORIES, strict=True)
    ]


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
    return ctx.table(headers, body)
