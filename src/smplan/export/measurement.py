"""Step 7: the latest result of each goal against its target, and the reviews."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from smplan.checks.progress import GoalProgress, plan_progress
from smplan.checks.progress.findings import DAYS_PER_MONTH
from smplan.export import mermaid
from smplan.export.blocks import bullets, heading, join, labelled
from smplan.export.cells import ROW_WIDTH, fitted, row_width
from smplan.export.context import ExportContext
from smplan.export.escape import block, inline
from smplan.model import Goal, Result
from smplan.presentation.budget import percent_text
from smplan.presentation.progress import day_text

#: Longest goal name beside its number in the results table, and the shortest it is cut to.
GOAL_WIDTH = 24
GOAL_LEAST = 10


def measurement(ctx: ExportContext) -> str:
    data = ctx.plan.measurement
    parts = [
        labelled(ctx.t("export.label.cadence"), ctx.value("cadence", data.cadence)),
        labelled(ctx.t("export.label.tools"), ctx.words(data.tools)),
    ]
    facts = "\n".join(f"- {p}" for p in parts if p)
    body = [facts, results(ctx), reviews(ctx)]
    if not any(body):
        body.append(ctx.t("export.empty"))
    return join(heading(2, ctx.t("export.heading.measurement")), *body)


def latest_results(ctx: ExportContext) -> list[tuple[Goal | None, str, Result]]:
    """The newest dated result of each goal (file order breaks ties), goals in the plan's order."""
    newest: dict[str, tuple[int, Result]] = {}
    for index, result in enumerate(ctx.plan.measurement.results):
        if not result.goal or result.date is None or result.value is None:
            continue
        kept = newest.get(result.goal)
        if kept is None or kept[1].date is None or result.date >= kept[1].date:
            newest[result.goal] = (index, result)
    goals = {g.id: g for g in ctx.plan.goals if g.id}
    order = {goal_id: n for n, goal_id in enumerate(goals)}
    ranked = sorted(newest, key=lambda gid: (order.get(gid, len(order)), newest[gid][0]))
    return [(goals.get(gid), gid, newest[gid][1]) for gid in ranked]


def results(ctx: ExportContext) -> str:
    """The latest result of each goal with its progress and pace (``checks.progress``,
    as of the export's reference day), notes below the table, then a chart per goal."""
    progress = {item.goal.id: item for item in plan_progress(ctx.plan, ctx.today) if item.goal.id}
    rows = []
    notes = []
    for goal, goal_id, result in latest_results(ctx):
        unit = goal.unit if goal is not None else None
        assert result.value is not None
        item = progress.get(goal_id) if goal is not None else None
        share = item.percent / 100 if item is not None and item.percent is not None else None
        name = ctx.goal_ref(goal_id)
        cells = [
            ctx.day(result.date),
            ctx.moves(result.value, goal.target if goal is not None else None, unit),
            inline(percent_text(share, ctx.lang)),
            inline(ctx.t(f"pace.verdict.{item.verdict}")) if item is not None else "",
            inline(_pace(ctx, item)),
        ]
        rows.append([_goal_cell(ctx, goal, goal_id, cells), *cells])
        said = []
        if item is not None and item.projected is not None and _moving(item):
            said.append(f"{ctx.t('export.column.projected')}: {ctx.date(item.projected)}.")
        text = block(result.notes or "", "  ")
        if text:
            said.append(text)
        if said:
            notes.append(f"**{name}:** {' '.join(said)}")
    if not rows:
        return ""
    # Narrow rows (a wiki page at 1,000 px): the latest result and the target share a
    # cell and their unit, the day the target is reached at this pace and the notes
    # go below the table.
    headers = ctx.columns("goal", "date", "latest-target", "progress", "verdict", "pace")
    charts = [chart for item in progress.values() if (chart := _chart(ctx, item))]
    return join(
        heading(3, ctx.t("export.sub.results")), ctx.table(headers, rows), bullets(notes), *charts
    )


def _goal_cell(ctx: ExportContext, goal: Goal | None, goal_id: str, cells: list[str]) -> str:
    """The goal's number and its name, cut to the room the row's other cells leave
    (the number names it whole in the goals table)."""
    number = ctx.goal_numbers.get(goal_id)
    if goal is None or number is None:
        return ctx.goal_ref(goal_id)
    room = ROW_WIDTH - row_width(["", *cells]) - len(f"{number} ")
    if not ctx.flavor.tables:
        room = GOAL_WIDTH
    name, _cut = fitted(ctx.goal_name(goal), room, GOAL_WIDTH, GOAL_LEAST)
    return f"{number} {name}"


def _moving(item: GoalProgress) -> bool:
    return item.verdict in ("ahead", "on-track", "behind")


def _pace(ctx: ExportContext, item: GoalProgress | None) -> str:
    """``112 / 424``: units a month so far and needed, for goals still under way."""
    if item is None or not _moving(item):
        return ""
    so_far = abs(item.pace_so_far or Decimal(0)) * DAYS_PER_MONTH
    needed = abs(item.pace_needed or Decimal(0)) * DAYS_PER_MONTH
    return f"{ctx.number(_rounded(so_far))} / {ctx.number(_rounded(needed))}"


def _rounded(number: Decimal) -> Decimal:
    """Whole from 10 up, one decimal from 1 up, two below: a pace needs no more."""
    step = Decimal(1) if number >= 10 else Decimal("0.1") if number >= 1 else Decimal("0.01")
    return number.quantize(step, rounding=ROUND_HALF_UP)


def _chart(ctx: ExportContext, item: GoalProgress) -> str:
    """Results from the start on against the straight line from baseline to target."""
    baseline, target, start, deadline = item.baseline, item.target, item.start, item.deadline
    if not item.results or None in (baseline, target, start, deadline):
        return ""
    assert baseline is not None and target is not None
    assert start is not None and deadline is not None
    days = [start, *(day for day, _ in item.results)]
    found = [baseline, *(value for _, value in item.results)]
    length = max((deadline - start).days, 1)
    line = [
        baseline + (target - baseline) * Decimal(min(max((d - start).days, 0), length)) / length
        for d in days
    ]
    line = [value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for value in line]
    source = mermaid.xy_lines(
        ctx.raw("export.chart.results", goal=item.goal.id),
        [day_text(day, ctx.lang) for day in days],
        mermaid.label(item.goal.unit or "") or item.goal.kpi or "",
        [found, line],
    )
    return (ctx.flavor.chart(source) or "") if source else ""


def reviews(ctx: ExportContext) -> str:
    listed = ctx.plan.measurement.reviews
    if not listed:
        return ""
    ordered = sorted(
        enumerate(listed),
        key=lambda pair: (pair[1].date is None, pair[1].date or dt.date.min, pair[0]),
    )
    parts = []
    for _index, review in ordered:
        title = ctx.date(review.date) or ctx.t("export.sub.no-date")
        fields = [
            labelled(ctx.t("export.label.worked"), block(review.worked or "")),
            labelled(ctx.t("export.label.did-not-work"), block(review.did_not_work or "")),
            labelled(ctx.t("export.label.changes"), block(review.changes or "")),
        ]
        parts.append(join(heading(4, title), *fields))
    return join(heading(3, ctx.t("export.sub.reviews")), *parts)
