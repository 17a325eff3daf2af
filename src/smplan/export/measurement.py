"""Step 7: the latest result of each goal against its target, and the reviews."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from smplan.export.blocks import heading, join, labelled, table
from smplan.export.context import ExportContext
from smplan.export.escape import block, inline
from smplan.model import Goal, Result
from smplan.presentation.budget import percent_text, ratio


def measurement(ctx: ExportContext) -> str:
    data = ctx.plan.measurement
    parts = [
        labelled(ctx.t("export.label.cadence"), ctx.choice(data.cadence)),
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


def progress(goal: Goal | None, value: Decimal) -> Decimal | None:
    """How far ``value`` has come from the baseline (or zero) toward the target, 0 = none, 1 = there."""
    if goal is None or goal.target is None:
        return None
    start = goal.baseline if goal.baseline is not None else Decimal(0)
    span = goal.target - start
    if span == 0:
        return None
    if span < 0:
        # A goal to lower a figure (cost per click): progress is how much it fell.
        return ratio(start - value, -span)
    return ratio(value - start, span)


def results(ctx: ExportContext) -> str:
    rows = []
    for goal, goal_id, result in latest_results(ctx):
        unit = goal.unit if goal is not None else None
        assert result.value is not None
        share = progress(goal, result.value)
        rows.append(
            [
                inline(goal_id),
                ctx.date(result.date),
                ctx.number(result.value, unit),
                ctx.number(goal.baseline, unit) if goal is not None else "",
                ctx.number(goal.target, unit) if goal is not None else "",
                inline(percent_text(share, ctx.lang)),
                inline(result.notes or ""),
            ]
        )
    if not rows:
        return ""
    headers = ctx.columns("goal", "date", "latest", "baseline", "target", "progress", "notes")
    return join(heading(3, ctx.t("export.sub.results")), table(headers, rows))


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
