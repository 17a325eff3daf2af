"""Progress and pace of one goal, from its results.

The plan is a straight line from the baseline on the start to the target on
the deadline. The latest result (from the start on) says how far the goal has
come (``percent``: 0 at the baseline, 100 at the target) and how much of its
time has gone (``elapsed``); the difference, in points, is the verdict:

- ``reached``: a result on or before the deadline met the target;
- ``missed``: the deadline has passed (on the reference day) without that;
- ``ahead`` / ``on-track`` / ``behind``: more than, within, or less than
  ``tolerance`` points from the line (``pace_tolerance`` in the benchmark rules);
- ``not-started`` (no result yet and the start is still to come), ``no-results``,
  ``no-target``, ``no-baseline``, ``no-dates``: nothing to judge yet.

Paces are in KPI units per day: the pace so far runs from the baseline on the
start to the latest result, the pace needed from the latest result to the
target on the deadline. At the pace so far, the target is reached on
``projected``. Goals that lower a figure (cost per click, response time) work
the same way: progress is how far the figure fell toward its target.

Results before the start are the goal's history (``history``), not progress.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from smplan.model import Goal

Verdict = Literal[
    "reached",
    "missed",
    "ahead",
    "on-track",
    "behind",
    "not-started",
    "no-results",
    "no-target",
    "no-baseline",
    "no-dates",
]
Direction = Literal["up", "down"]
Reading = tuple[dt.date, Decimal]
_TENTH = Decimal("0.1")
_HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class GoalProgress:
    goal: Goal
    verdict: Verdict
    #: Which way the goal moves its figure: "down" when the target is below the baseline.
    direction: Direction
    #: The goal's start and deadline, else the plan period's.
    start: dt.date | None
    deadline: dt.date | None
    baseline: Decimal | None
    target: Decimal | None
    #: Results from the start on, oldest first, as (date, value).
    results: tuple[Reading, ...]
    #: Results before the start: history, not progress.
    history: tuple[Reading, ...]
    latest: Reading | None
    #: How far the latest result has come, in % of the way from baseline to target (to 0.1).
    percent: Decimal | None
    #: How much of the time from start to deadline had gone at the latest result, in %.
    elapsed: Decimal | None
    #: ``percent`` minus ``elapsed``, in points: below zero is behind the straight line.
    gap: Decimal | None
    #: How far the latest result falls short of the straight line, in KPI units (0.01);
    #: negative when it is ahead.
    shortfall: Decimal | None
    #: KPI units per day, from the baseline on the start to the latest result.
    pace_so_far: Decimal | None
    #: KPI units per day, from the latest result to the target on the deadline.
    pace_needed: Decimal | None
    #: The day the target is reached at the pace so far (None: never at that pace).
    projected: dt.date | None
    #: The first result on or before the deadline that met the target.
    reached_on: dt.date | None
    #: The first result after the deadline that met the target, when it was missed.
    reached_late: dt.date | None

    @property
    def judged(self) -> bool:
        """True when the verdict says something about the goal's pace or outcome."""
        return self.verdict in ("reached", "missed", "ahead", "on-track", "behind")


def _round(value: Decimal, step: Decimal) -> Decimal:
    rounded = value.quantize(step, rounding=ROUND_HALF_UP)
    return Decimal(0).quantize(step) if rounded.is_zero() else rounded


def share_of_way(
    value: Decimal, baseline: Decimal, target: Decimal, direction: Direction
) -> Decimal:
    """How far ``value`` has come, in % of the way from ``baseline`` to ``target`` (to 0.1).

    A target equal to its baseline is all the way (100) once met in ``direction``, else 0.
    """
    span = target - baseline
    if span:
        return _round((value - baseline) / span * 100, _TENTH)
    met = value >= target if direction == "up" else value <= target
    return Decimal(100) if met else Decimal(0)


def goal_progress(
    goal: Goal,
    readings: Iterable[Reading],
    *,
    today: dt.date,
    period: tuple[dt.date | None, dt.date | None] = (None, None),
    tolerance: Decimal = Decimal(5),
    better: Direction = "up",
) -> GoalProgress:
    """The progress and pace of ``goal`` from its ``readings`` (date, value), on ``today``.

    ``period``: the plan's start and end, for a goal without dates; ``better``:
    the KPI's direction, for a goal whose target equals its baseline.
    """
    start = goal.start or period[0]
    deadline = goal.deadline or period[1]
    ordered = sorted(readings, key=lambda reading: reading[0])
    history = tuple(r for r in ordered if start is not None and r[0] < start)
    results = tuple(r for r in ordered if start is None or r[0] >= start)
    latest = results[-1] if results else None
    baseline, target = goal.baseline, goal.target

    def made(verdict: Verdict, direction: Direction = better, **values: object) -> GoalProgress:
        fields: dict[str, object] = {
            "percent": None,
            "elapsed": None,
            "gap": None,
            "shortfall": None,
            "pace_so_far": None,
            "pace_needed": None,
            "projected": None,
            "reached_on": None,
            "reached_late": None,
        }
        fields.update(values)
        return GoalProgress(
            goal, verdict, direction, start, deadline, baseline, target, results, history,
            latest, **fields,  # type: ignore[arg-type]
        )  # fmt: skip

    if target is None:
        return made("no-target")
    if baseline is None:
        return made("no-baseline")
    direction: Direction = "down" if target < baseline else "up" if target > baseline else better
    sign = Decimal(1) if direction == "up" else Decimal(-1)

    def met(value: Decimal) -> bool:
        return sign * (value - target) >= 0

    on_time = [r for r in results if deadline is None or r[0] <= deadline]
    reached_on = next((day for day, value in on_time if met(value)), None)
    late = [r for r in results if deadline is not None and r[0] > deadline]
    reached_late = None if reached_on else next((day for day, value in late if met(value)), None)
    if latest is None:
        verdict: Verdict = "not-started" if start is not None and today < start else "no-results"
        return made(verdict, direction)

    span = target - baseline
    moved = latest[1] - baseline
    percent = share_of_way(latest[1], baseline, target, direction)
    pace_so_far = pace_needed = None
    projected = None
    if start is not None and (latest[0] - start).days > 0:
        pace_so_far = moved / (latest[0] - start).days
    if deadline is not None and (deadline - latest[0]).days > 0:
        pace_needed = (target - latest[1]) / (deadline - latest[0]).days
    if met(latest[1]):
        projected = reached_on or reached_late or latest[0]
    elif start is not None and (latest[0] - start).days > 0 and sign * moved > 0:
        # Exact: what is left over what has moved, times the days it took.
        days = math.ceil((target - latest[1]) * (latest[0] - start).days / moved)
        try:
            projected = latest[0] + dt.timedelta(days=days)
        except OverflowError:
            projected = None
    values: dict[str, object] = {
        "percent": percent,
        "pace_so_far": pace_so_far,
        "pace_needed": pace_needed,
        "projected": projected,
        "reached_on": reached_on,
        "reached_late": reached_late,
    }
    if reached_on is not None:
        return made("reached", direction, **values)
    if deadline is not None and today > deadline:
        return made("missed", direction, **values)
    if start is None or deadline is None or deadline <= start:
        return made("no-dates", direction, **values)
    elapsed = _round(Decimal((latest[0] - start).days) / (deadline - start).days * 100, _TENTH)
    gap = percent - elapsed
    planned = span * Decimal((latest[0] - start).days) / (deadline - start).days
    values |= {
        "elapsed": elapsed,
        "gap": gap,
        "shortfall": _round(sign * (planned - moved), _HUNDREDTH),
    }
    if gap < -tolerance:
        return made("behind", direction, **values)
    if gap > tolerance:
        return made("ahead", direction, **values)
    return made("on-track", direction, **values)
