"""The summary a stakeholder reads first: goals, money and hours, the next four weeks.

Each part is a small function returning its lines; :func:`summary` puts them
under one heading. Another part (progress and pace, say) is one more function
in ``PARTS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from smplan.checks.progress import plan_progress
from smplan.checks.rhythm import rhythm
from smplan.checks.smart import MARKS, SmartVerdict
from smplan.export.blocks import bullets, heading, join
from smplan.export.context import ExportContext
from smplan.export.escape import inline
from smplan.export.measurement import latest_results
from smplan.i18n.formats import format_number
from smplan.i18n.values import unit_name
from smplan.model import CalendarItem
from smplan.presentation.budget import money_text, percent_text, ratio
from smplan.presentation.rhythm import rhythm_line
from smplan.schedule.occurrences import occurrences

#: How far ahead "the next weeks" look, from the export's reference day.
AHEAD_DAYS = 28
#: Titles named per week; the rest are counted.
TITLES_PER_WEEK = 3


def smart_marks(verdict: SmartVerdict) -> str:
    """``S✓ M✓ A? R✓ T✓``: the five letters with their state."""
    return " ".join(f"{v.letter}{MARKS[v.state]}" for v in verdict.letters)


def goal_lines(ctx: ExportContext) -> str:
    """One line per goal: its latest result toward the target, SMART state, deadline."""
    latest = {goal_id: result for _goal, goal_id, result in latest_results(ctx)}
    # The same progress and verdict as the results table and step 7 of the app.
    progress = {item.goal.id: item for item in plan_progress(ctx.plan, ctx.today)}
    lines = []
    for number, (goal, verdict) in enumerate(zip(ctx.plan.goals, ctx.verdicts, strict=True), 1):
        result = latest.get(goal.id)
        item = progress.get(goal.id)
        if result is not None and result.value is not None:
            percent = item.percent if item is not None else None
            share = percent / 100 if percent is not None else None
            state = ctx.t(
                "export.summary.latest",
                value=_raw_number(
                    ctx, result.value, goal.unit if goal.unit in ("%", "x") else None
                ),
                target=_raw_number(ctx, goal.target, goal.unit) or "-",
                share=percent_text(share, ctx.lang) or "-",
            )
        else:
            state = ctx.t(
                "export.summary.no-result",
                target=_raw_number(ctx, goal.target, goal.unit) or "-",
            )
        due = ctx.t("export.summary.due", date=ctx.raw_date(goal.deadline)) if goal.deadline else ""
        judged = item is not None and result is not None and result.value is not None
        verdict_word = ctx.t(f"pace.verdict.{item.verdict}") if judged and item else ""
        parts = [state, verdict_word, f"SMART {smart_marks(verdict)}", due]
        name = inline(ctx.goal_name(goal))
        lines.append(f"{number}. **{name}**: " + " · ".join(p for p in parts if p))
    if not lines:
        return ""
    return join(heading(3, ctx.t("export.summary.goals")), "\n".join(lines))


def _raw_number(ctx: ExportContext, value: Decimal | None, unit: str | None) -> str:
    """A goal value with its unit, not escaped (it fills a message escaped as a whole)."""
    if value is None:
        return ""
    text = format_number(value, ctx.lang)
    if not unit:
        return text
    shown = unit_name(unit, ctx.lang)
    return f"{text}{shown}" if shown in ("%", "x") else f"{text} {shown}"


def budget_lines(ctx: ExportContext) -> str:
    """The budget headline (planned, allocated, left) and the team's hours."""
    money = ctx.budget.money
    hours = ctx.budget.hours
    lines = []
    if money.available is not None:
        left = money.remaining if money.remaining is not None else money.available
        lines.append(
            ctx.t(
                "export.summary.money",
                planned=_money(ctx, money.available),
                allocated=_money(ctx, money.committed),
                left=_money(ctx, left),
                share=percent_text(ratio(left, money.available), ctx.lang) or "-",
            )
        )
    elif money.committed > 0:
        lines.append(
            ctx.t("export.summary.money-no-budget", allocated=_money(ctx, money.committed))
        )
    if hours.capacity_total > 0 or hours.assigned_total > 0:
        lines.append(
            ctx.t(
                "export.summary.hours",
                used=ctx.raw_hours(hours.assigned_total),
                capacity=ctx.raw_hours(hours.capacity_total),
                share=percent_text(ratio(hours.assigned_total, hours.capacity_total), ctx.lang)
                or "-",
            )
        )
    if not lines:
        return ""
    return join(heading(3, ctx.t("export.summary.budget")), bullets(lines))


def _money(ctx: ExportContext, amount: Decimal) -> str:
    return money_text(amount, ctx.plan.currency, ctx.lang)


def weeks_ahead(ctx: ExportContext) -> str:
    """The calendar of the four weeks from the reference day, a line per week."""
    start = ctx.today
    end = start + dt.timedelta(days=AHEAD_DAYS)
    # Each occurrence of a repeating item is a post of its week.
    coming: list[tuple[dt.date, dt.time, int, CalendarItem]] = [
        (o.date, o.item.time or dt.time.min, o.index, o.item)
        for o in occurrences(ctx.plan, start, end - dt.timedelta(days=1))
    ]
    coming.sort(key=lambda entry: entry[:3])
    title = heading(3, ctx.t("export.summary.ahead"))
    if not coming:
        if not ctx.plan.calendar:
            return ""
        return join(title, ctx.t("export.summary.ahead-none", date=ctx.raw_date(start)))
    weeks: dict[dt.date, list[CalendarItem]] = {}
    for day, _time, _index, item in coming:
        monday = day - dt.timedelta(days=day.weekday())
        weeks.setdefault(monday, []).append(item)
    lines = []
    for monday, items in weeks.items():
        named = [_item_words(ctx, item) for item in items[:TITLES_PER_WEEK]]
        more = len(items) - len(named)
        listed = "; ".join(named)
        if more:
            listed += "; " + ctx.t("export.summary.more", count=more)
        week = ctx.t("export.summary.week", date=ctx.raw_short_date(monday), count=len(items))
        lines.append(f"**{week}**: {listed}")
    return join(title, bullets(lines))


def _item_words(ctx: ExportContext, item: CalendarItem) -> str:
    title = inline(item.title or "") or ctx.t("export.untitled-item")
    where = ctx.value("network", item.network)
    return f"{title} ({where})" if where else title


def rhythm_lines(ctx: ExportContext) -> str:
    """One line per network card with ``posts_per_week``: how the calendar keeps its rhythm."""
    lines = [inline(rhythm_line(network, ctx.lang)) for network in rhythm(ctx.plan)]
    if not lines:
        return ""
    return join(heading(3, ctx.t("export.summary.rhythm")), bullets(lines))


#: The parts of the summary, in reading order.
PARTS: tuple[Callable[[ExportContext], str], ...] = (
    goal_lines,
    budget_lines,
    rhythm_lines,
    weeks_ahead,
)


def summary(ctx: ExportContext) -> str:
    parts = [part(ctx) for part in PARTS]
    if not any(parts):
        return ""
    return join(heading(2, ctx.t("export.heading.summary")), *parts)
