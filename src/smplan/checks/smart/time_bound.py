"""T: a start and a deadline, in order, inside the plan, of a sensible length, as the statement says.

A goal's length counts both its first and last day: 1 to 7 January is a week.
The deadline the statement names ("in 30 days", "pada bulan ini", "by the end
of the school year") is proposed exactly; a deadline field a few days off
still agrees with words that name a length ("within 3 months").
"""

from __future__ import annotations

from smplan.checks.smart.facts import GoalFacts
from smplan.checks.smart.statement import VAGUE_TIME
from smplan.checks.smart.verdict import LetterVerdict, Notes

_DAYS_PER_MONTH = 30.4375


def time_bound(facts: GoalFacts) -> LetterVerdict:
    notes = Notes("T", facts.lang)
    goal, context = facts.goal, facts.context
    start, deadline = goal.start, goal.deadline
    period_start, period_end = context.period
    bench = context.benchmarks
    stated = facts.stated_deadline()

    if deadline is None:
        if stated is not None:
            issue = notes.warn(
                "deadline-in-statement",
                "deadline",
                words=stated.words,
                iso=stated.exact.isoformat(),
            )
            issue.propose(stated.exact, "statement")
        else:
            suggested = period_end or facts.today
            issue = notes.fail("no-deadline", "deadline", example=suggested.isoformat())
            if period_end is not None:
                issue.propose(period_end, "period")
    if start is None:
        opening = facts.stated_start()
        if opening is not None:
            issue = notes.warn(
                "start-in-statement", "start", words=opening[1], iso=opening[0].isoformat()
            )
            issue.propose(opening[0], "statement")
        else:
            issue = notes.warn(
                "no-start", "start", example=(period_start or facts.today).isoformat()
            )
            if period_start is not None:
                issue.propose(period_start, "period")

    if start is not None and deadline is not None:
        days = (deadline - start).days + 1
        if days < 1:
            issue = notes.fail(
                "order", "deadline", start=facts.date(start), deadline=facts.date(deadline)
            )
            issue.propose(deadline, "plan", "start").propose(start, "plan", "deadline")
        elif days < bench.rule("min_days"):
            notes.fail("too-short", "deadline", days=days, min=facts.number(bench.rule("min_days")))
        elif days > bench.rule("max_days"):
            notes.warn("too-long", "deadline", months=round(days / _DAYS_PER_MONTH))

    if deadline is not None:
        if period_end is not None and deadline > period_end:
            issue = notes.fail(
                "after-period",
                "deadline",
                deadline=facts.date(deadline),
                end=facts.date(period_end),
            )
            issue.propose(period_end, "period")
        elif period_start is not None and deadline < period_start:
            notes.fail(
                "before-period",
                "deadline",
                deadline=facts.date(deadline),
                start=facts.date(period_start),
            )
        if deadline < facts.today and goal.id not in context.goals_with_results:
            notes.fail("past", "deadline", deadline=facts.date(deadline), id=goal.id)
        if stated is not None and not stated.first <= deadline <= stated.last:
            issue = notes.fail(
                "disagree", "deadline", words=stated.words, deadline=facts.date(deadline)
            )
            issue.propose(stated.exact, "statement")
    if start is not None and period_start is not None and start < period_start:
        issue = notes.warn(
            "starts-early", "start", start=facts.date(start), period=facts.date(period_start)
        )
        issue.propose(period_start, "period")

    statement = facts.statement
    vague = statement.first(VAGUE_TIME) if statement is not None else None
    if statement is not None and vague is not None:
        if statement.dates or statement.durations or statement.frames:
            notes.warn("vague-with-date", "statement", word=vague.word)
        else:
            when = deadline or period_end or facts.today
            notes.fail("vague", "statement", word=vague.word, example=facts.date(when))

    days_total = (deadline - start).days + 1 if start and deadline else 0
    return notes.verdict(
        start=facts.date(start) if start else "",
        deadline=facts.date(deadline) if deadline else "",
        days=days_total,
    )
