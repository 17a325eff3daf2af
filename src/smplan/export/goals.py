"""Step 4: objectives and SMART goals, with the checker's verdicts and a gantt chart.

The verdicts are :func:`smplan.checks.smart.check_goals`'s, judged on the
export's reference day (see :func:`smplan.export.context.reference_day`).
"""

from __future__ import annotations

import datetime as dt

from smplan.checks.smart import LETTER_KEYS, LETTERS, MARKS
from smplan.export import mermaid
from smplan.export.blocks import bullets, heading, join, table
from smplan.export.context import ExportContext
from smplan.export.escape import inline

#: How a letter that does not pass is named in the list of what to fix; the goal
#: table shows the checker's MARKS, which the legend explains.
STATE_WORDS = {
    "warn": "export.state-warn",
    "fail": "export.state-fail",
    "unjudged": "export.state-unjudged",
}
LETTER_NAMES = {letter: f"smart.letter.{key}" for letter, key in LETTER_KEYS.items()}


def goals(ctx: ExportContext) -> str:
    parts = [objectives(ctx), goal_table(ctx), to_fix(ctx), chart(ctx)]
    if not any(parts):
        parts.append(ctx.t("export.empty"))
    return join(heading(2, ctx.t("export.heading.goals")), *parts)


def objectives(ctx: ExportContext) -> str:
    listed = ctx.plan.objectives
    if not listed:
        return ""
    headers = ctx.columns("id", "kind", "statement")
    rows = [[inline(o.id), ctx.choice(o.kind), inline(o.statement or "")] for o in listed]
    return join(heading(3, ctx.t("export.sub.objectives")), table(headers, rows))


def goal_table(ctx: ExportContext) -> str:
    listed = ctx.plan.goals
    if not listed:
        return ""
    headers = [
        *ctx.columns(
            "goal", "statement", "kpi", "baseline", "target", "start", "deadline", "owner"
        ),
        *LETTERS,
    ]
    rows = []
    for goal, verdict in zip(listed, ctx.verdicts, strict=True):
        rows.append(
            [
                inline(goal.id),
                inline(goal.statement or ""),
                inline(goal.kpi or ""),
                ctx.number(goal.baseline, goal.unit),
                ctx.number(goal.target, goal.unit),
                ctx.date(goal.start),
                ctx.date(goal.deadline),
                ctx.member(goal.owner),
                *(MARKS[letter.state] for letter in verdict.letters),
            ]
        )
    legend = ctx.t("export.legend")
    return join(heading(3, ctx.t("export.sub.goals")), table(headers, rows), legend)


def to_fix(ctx: ExportContext) -> str:
    """Each goal's letters that warn or fail, with the checker's reason and fix."""
    blocks = []
    for index, (goal, verdict) in enumerate(zip(ctx.plan.goals, ctx.verdicts, strict=True)):
        lines = []
        for letter in verdict.letters:
            if letter.state == "pass":
                continue
            name = ctx.t(LETTER_NAMES[letter.letter])
            state = ctx.t(STATE_WORDS[letter.state])
            reason = ctx.t("export.reason", reason=letter.reason.rstrip("."), fix=letter.fix)
            lines.append(f"**{name}** ({state}): {reason}")
        if lines:
            title = inline(goal.id or f"goals[{index}]")
            blocks.append(join(f"**{title}**", bullets(lines)))
    if not ctx.plan.goals:
        return ""
    if not blocks:
        blocks.append(ctx.t("export.no-goal-ok"))
    return join(heading(3, ctx.t("export.sub.to-fix")), *blocks)


def chart(ctx: ExportContext) -> str:
    """Goals from start (or the plan's start) to deadline, grouped by objective."""
    default_start = ctx.plan.plan.period_start
    tasks: list[tuple[str, str, dt.date, dt.date]] = []
    for goal in ctx.plan.goals:
        start = goal.start or default_start
        if start is None or goal.deadline is None or goal.deadline < start:
            continue
        group = goal.objective or ctx.raw("export.sub.goals")
        tasks.append((group, goal.id, start, goal.deadline))
    # Goals of one objective side by side, objectives in the order they first appear.
    order = {group: n for n, group in enumerate(dict.fromkeys(task[0] for task in tasks))}
    tasks.sort(key=lambda task: order[task[0]])
    source = mermaid.gantt(ctx.raw("export.chart.goals"), tasks)
    return (ctx.flavor.chart(source) or "") if source else ""
