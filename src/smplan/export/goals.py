"""Step 4: objectives and SMART goals, with the checker's verdicts and a gantt chart.

The goals table holds one narrow row per goal (name, path from baseline to
target by the deadline, owner, the five SMART marks); each goal's statement,
KPI and what to fix follow below it. The verdicts are
:func:`smplan.checks.smart.check_goals`'s, judged on the export's reference
day (see :func:`smplan.export.context.reference_day`).
"""

from __future__ import annotations

from smplan.checks.smart import LETTER_KEYS, SmartVerdict
from smplan.export import mermaid
from smplan.export.blocks import bullets, heading, join, labelled
from smplan.export.context import ExportContext
from smplan.export.escape import block, inline
from smplan.export.summary import smart_marks
from smplan.i18n.places import in_words
from smplan.keypath import KeyPath
from smplan.model import Goal

#: How a letter that does not pass is named in the list of what to fix.
STATE_WORDS = {
    "warn": "export.state-warn",
    "fail": "export.state-fail",
    "unjudged": "export.state-unjudged",
}
LETTER_NAMES = {letter: f"smart.letter.{key}" for letter, key in LETTER_KEYS.items()}
#: Continuation lines of a list item's text line up under its first word.
ITEM_INDENT = "  "


def goals(ctx: ExportContext) -> str:
    parts = [objectives(ctx), goal_table(ctx), details(ctx), chart(ctx)]
    if not any(parts):
        parts.append(ctx.t("export.empty"))
    return join(heading(2, ctx.t("export.heading.goals")), *parts)


def objectives(ctx: ExportContext) -> str:
    """Each objective: its name, kind and statement, as a list."""
    listed = ctx.plan.objectives
    if not listed:
        return ""
    lines = []
    for objective in listed:
        name = inline(ctx.objective_name(objective.id)) or "-"
        kind = ctx.value("objective-kind", objective.kind)
        term = f"**{name}** ({kind})" if kind else f"**{name}**"
        text = block(objective.statement or "", ITEM_INDENT)
        lines.append(f"{term}: {text}" if text else term)
    return join(heading(3, ctx.t("export.sub.objectives")), bullets(lines))


def path_text(ctx: ExportContext, goal: Goal) -> str:
    """``120 → 180 donations per month by 31 Dec 2026``: where a goal goes, and by when."""
    moves = ctx.moves(goal.baseline, goal.target, goal.unit)
    if goal.deadline is None:
        return moves
    due = ctx.t("export.by-deadline", date=ctx.day(goal.deadline))
    return f"{moves} {due}" if moves else due


def goal_table(ctx: ExportContext) -> str:
    """One row per goal; the deadline in a column of its own keeps the path short."""
    listed = ctx.plan.goals
    if not listed:
        return ""
    headers = ctx.columns("number", "goal", "path", "deadline", "owner", "smart")
    rows = []
    for number, (goal, verdict) in enumerate(zip(listed, ctx.verdicts, strict=True), 1):
        rows.append(
            [
                str(number),
                inline(ctx.goal_name(goal)),
                ctx.moves(goal.baseline, goal.target, goal.unit),
                ctx.day(goal.deadline),
                ctx.first_name(goal.owner),
                smart_marks(verdict),
            ]
        )
    legend = ctx.t("export.legend")
    return join(heading(3, ctx.t("export.sub.goals")), ctx.table(headers, rows), legend)


def details(ctx: ExportContext) -> str:
    """Per goal: the statement, KPI, network and start, and each letter that does not pass."""
    blocks = []
    for number, (goal, verdict) in enumerate(zip(ctx.plan.goals, ctx.verdicts, strict=True), 1):
        blocks.append(goal_block(ctx, number, goal, verdict))
    if not blocks:
        return ""
    return join(heading(3, ctx.t("export.sub.goal-details")), *blocks)


def goal_block(ctx: ExportContext, number: int, goal: Goal, verdict: SmartVerdict) -> str:
    title = f"**{number}. {inline(ctx.goal_name(goal))}**"
    facts = [
        labelled(ctx.t("export.label.kpi"), ctx.value("kpi", goal.kpi)),
        labelled(ctx.t("export.label.network"), ctx.value("network", goal.network)),
        labelled(ctx.t("export.label.objective"), inline(ctx.objective_name(goal.objective or ""))),
        labelled(ctx.t("export.label.start"), ctx.date(goal.start)),
        labelled(
            ctx.t("export.label.personas"),
            ctx.names(ctx.persona_names.get(p, p) for p in goal.personas),
        ),
    ]
    problems = []
    for letter in verdict.letters:
        if letter.state == "pass":
            continue
        name = ctx.t(LETTER_NAMES[letter.letter])
        state = ctx.t(STATE_WORDS[letter.state])
        # The same words as the app's problems list: list names for the file's
        # tables, the field's label for its key.
        path: KeyPath = (
            ("goals", number - 1, letter.field) if letter.field else ("goals", number - 1)
        )
        reason = ctx.t(
            "export.reason",
            reason=in_words(letter.reason, path, ctx.lang).rstrip("."),
            fix=in_words(letter.fix, path, ctx.lang),
        )
        problems.append(f"**{name}** ({state}): {reason}")
    statement = block(goal.statement or "")
    verdict_line = "" if problems else ctx.t("export.goal-ok")
    return join(
        title,
        statement,
        bullets(line for line in [*facts, *problems] if line),
        verdict_line,
    )


def chart(ctx: ExportContext) -> str:
    """Goals from start (or the plan's start) to deadline, numbered and ordered as in the table."""
    default_start = ctx.plan.plan.period_start
    tasks: list[mermaid.Task] = []
    for number, goal in enumerate(ctx.plan.goals, 1):
        start = goal.start or default_start
        if start is None or goal.deadline is None or goal.deadline < start:
            continue
        group = ctx.objective_name(goal.objective) if goal.objective else ""
        # A goal due the day it starts is drawn one day long.
        days = (goal.deadline - start).days + 1
        tasks.append(mermaid.Task(number, group, ctx.goal_name(goal), start, days))
    source = mermaid.gantt(ctx.raw("export.chart.goals"), tasks, ctx.raw("export.sub.goals"))
    return (ctx.flavor.chart(source) or "") if source else ""


__all__ = ["chart", "details", "goal_table", "goals", "objectives", "path_text"]
