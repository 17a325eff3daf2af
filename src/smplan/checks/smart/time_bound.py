"""T: a start and a deadline, in order, inside the plan, of a sensible length, as the statement says."""

from __future__ import annotations

import datetime as dt

from smplan.checks.smart.facts import GoalFacts
from smplan.checks.smart.statement import VAGUE_TIME
from smplan.checks.smart.verdict import LetterVerdict, Notes

_DAYS_PER_MONTH = 30.4375


def _stated_deadline(facts: GoalFacts) -> tuple[dt.date, dt.date, str] | None:
    """Earliest and latest deadline the statement allows, and the words that say so."""
    statement = facts.statement
    if statement is None:
        return None
    mention = statement.deadline
    if mention is not None:
        span = mention.span(facts.statement_dates_anchor())
        return (*span, mention.text) if span else None
    start = facts.goal.start or facts.context.period[0]
    if statement.durations and start is not None:
        duration = statement.durations[0]
        span = duration.deadline(start)
        return (*span, duration.text) if span else None
    return None


def time_bound(facts: GoalFacts) -> LetterVerdict:
    notes = Notes("T", facts.lang)
    goal, context = facts.goal, facts.context
    start, deadline = goal.start, goal.deadline
    period_start, period_end = context.period
    bench = context.benchmarks
    stated = _stated_deadline(facts)

    if deadline is None:
        if stated is not None:
            notes.warn(
                "deadline-in-statement", "deadline", words=stated[2], iso=stated[1].isoformat()
            )
        else:
            suggested = period_end or facts.today
            notes.fail("no-deadline", "deadline", example=suggested.isoformat())
    if start is None:
        notes.warn("no-start", "start", example=(period_start or facts.today).isoformat())

    if start is not None and deadline is not None:
        days = (deadline - start).days
        if days < 0:
            notes.fail("order", "deadline", start=facts.date(start), deadline=facts.date(deadline))
        elif days < bench.rule("min_days"):
            notes.fail("too-short", "deadline", days=days, min=facts.number(bench.rule("min_days")))
        elif days > bench.rule("max_days"):
            notes.warn("too-long", "deadline", months=round(days / _DAYS_PER_MONTH))

    if deadline is not None:
        if period_end is not None and deadline > period_end:
            notes.fail(
                "after-period",
                "deadline",
                deadline=facts.date(deadline),
                end=facts.date(period_end),
            )
        elif period_start is not None and deadline < period_start:
            notes.fail(
                "before-period",
                "deadline",
                deadline=facts.date(deadline),
                start=facts.date(period_start),
            )
        if deadline < facts.today and goal.id not in context.goals_with_results:
            notes.fail("past", "deadline", deadline=facts.date(deadline), id=goal.id)
        if stated is not None and not stated[0] <= deadline <= stated[1]:
            notes.fail("disagree", "deadline", words=stated[2], deadline=facts.date(deadline))
    if start is not None and period_start is not None and start < period_start:
        notes.warn(
            "starts-early", "start", start=facts.date(start), period=facts.date(period_start)
        )

    statement = facts.statement
    vague = statement.first(VAGUE_TIME) if statement is not None else None
    if statement is not None and vague is not None:
        if statement.dates or statement.durations:
            notes.warn("vague-with-date", "statement", word=vague.word)
        else:
            when = deadline or period_end or facts.today
            notes.fail("vague", "statement", word=vague.word, example=facts.date(when))

    days_total = (deadline - start).days if start and deadline else 0
    return notes.verdict(
        start=facts.date(start) if start else "",
        deadline=facts.date(deadline) if deadline else "",
        days=days_total,
    )
