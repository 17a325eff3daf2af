"""Posting rhythm: the calendar against each network card's ``posts_per_week``.

For every card of the strategy with ``posts_per_week``, the occurrences planned
on its network are counted per ISO week of the plan period (rules in
docs/calendar.md):

- a week the period covers whole asks for ``posts_per_week`` posts; an edge
  week it covers in part asks for that share of them (``per_week * days / 7``).
  A week is below the rhythm when it has fewer than the share rounded down, and
  above it when it has more than the share rounded up (2.5 a week: 2 or 3 are
  both on rhythm). Consecutive weeks with the same count and the same verdict
  make one finding (``calendar-rhythm``), so an empty quarter is one line;
- two posts more than ``ceil(7 / per_week) * 2`` days apart are a gap
  (``calendar-gap``): twice the longest wait the rhythm allows. Only the days
  between two planned posts count, and only when every week the gap crosses
  is on rhythm or above it: a week below the rhythm already says to add posts
  there, so a gap finding is for posts that bunch up in some weeks and leave
  a hole across others. A network with no post at all is a rhythm finding.

Every item counts, whatever its status: an idea on the calendar is a post the
plan means to make. Nothing is checked without a plan period (both dates).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from smplan.checks.budget.periods import resolve_period, week_days
from smplan.findings import Finding
from smplan.i18n import Lang, t
from smplan.i18n.formats import format_date, format_number
from smplan.i18n.values import display_name
from smplan.keypath import KeyPath
from smplan.model import Plan
from smplan.schedule.occurrences import item_dates

Direction = Literal["below", "above"]


@dataclass(frozen=True, slots=True)
class WeekRun:
    """Consecutive weeks off the rhythm with the same count."""

    direction: Direction
    #: First and last day of the run inside the plan period.
    first: dt.date
    last: dt.date
    weeks: int
    #: Posts planned in each of these weeks.
    count: int
    #: What each of these weeks asks for: the share rounded down (below) or up (above).
    expected: int
    #: Days of the plan period in the week, for an edge week it covers in part (never merged).
    part_days: int | None = None


@dataclass(frozen=True, slots=True)
class Gap:
    #: The post before the gap and the one after it.
    after: dt.date
    before: dt.date

    @property
    def days(self) -> int:
        return (self.before - self.after).days


@dataclass(frozen=True, slots=True)
class NetworkRhythm:
    network: str
    #: The index of the card in ``strategy.networks``.
    card: int
    per_week: Decimal
    #: Longest distance between two posts the rule accepts (None: no gap check).
    gap_limit: int | None
    #: Posts planned on the network within the plan period.
    posts: int
    #: ISO weeks the plan period touches.
    weeks_total: int
    runs: tuple[WeekRun, ...]
    gaps: tuple[Gap, ...]

    def weeks(self, direction: Direction) -> int:
        return sum(run.weeks for run in self.runs if run.direction == direction)


#: The message of a run: (direction, a single week).
_MESSAGES: dict[tuple[Direction, bool], str] = {
    ("below", True): "finding.rhythm-below-week",
    ("below", False): "finding.rhythm-below-weeks",
    ("above", True): "finding.rhythm-above-week",
    ("above", False): "finding.rhythm-above-weeks",
}


def gap_limit(per_week: Decimal) -> int | None:
    """``ceil(7 / per_week) * 2`` days, or None for a network that should not post."""
    if per_week <= 0:
        return None
    return math.ceil(Decimal(7) / per_week) * 2


def rhythm(plan: Plan) -> list[NetworkRhythm]:
    """The rhythm of each network card with ``posts_per_week``, in the strategy's order."""
    period = resolve_period(plan)
    if period.source != "plan":
        return []
    cards: dict[str, tuple[int, Decimal]] = {}
    for index, card in enumerate(plan.strategy.networks):
        if card.network and card.posts_per_week is not None and card.network not in cards:
            cards[card.network] = (index, card.posts_per_week)
    if not cards:
        return []
    dates: dict[str, list[dt.date]] = defaultdict(list)
    start, end = period.start, period.end
    # The calendar's hot loop: plain items need no call; repeating ones expand.
    for item in plan.calendar:
        network, day = item.network, item.date
        if day is None or network not in cards:
            continue
        if item.repeat is not None and item.repeat.every is not None:
            dates[network].extend(item_dates(item, start, end))
        elif start <= day <= end:
            dates[network].append(day)
    for found in dates.values():
        found.sort()
    weeks = week_days(period.start, period.end)
    out = []
    for network, (index, per_week) in cards.items():
        days = dates.get(network, [])
        limit = gap_limit(per_week)
        runs = _runs(days, weeks, per_week, period.start, period.end)
        out.append(
            NetworkRhythm(
                network=network,
                card=index,
                per_week=per_week,
                gap_limit=limit,
                posts=len(days),
                weeks_total=len(weeks),
                runs=tuple(runs),
                gaps=tuple(_gaps(days, limit, _weeks_below(runs))),
            )
        )
    return out


def _runs(
    days: list[dt.date],
    weeks: dict[dt.date, int],
    per_week: Decimal,
    start: dt.date,
    end: dt.date,
) -> list[WeekRun]:
    # Keyed by the ordinal of the week's Monday: a year plan counts thousands of posts.
    counts: dict[int, int] = defaultdict(int)
    for day in days:
        counts[day.toordinal() - day.weekday()] += 1
    runs: list[WeekRun] = []
    # Only the edge weeks differ in length: each length's bounds are worked out once.
    bounds: dict[int, tuple[int, int]] = {}
    for monday, length in weeks.items():
        found = bounds.get(length)
        if found is None:
            share = per_week * length / 7
            found = bounds[length] = (math.floor(share), math.ceil(share))
        low, high = found
        count = counts.get(monday.toordinal(), 0)
        if low <= count <= high:
            continue
        direction: Direction = "below" if count < low else "above"
        expected = low if direction == "below" else high
        first = max(monday, start)
        last = min(monday + dt.timedelta(days=6), end)
        part = length if length < 7 else None
        previous = runs[-1] if runs else None
        if (
            part is None
            and previous is not None
            and previous.part_days is None
            and previous.direction == direction
            and previous.count == count
            and previous.expected == expected
            and (first - previous.last).days == 1
        ):
            runs[-1] = WeekRun(direction, previous.first, last, previous.weeks + 1, count, expected)
        else:
            runs.append(WeekRun(direction, first, last, 1, count, expected, part))
    return runs


def _weeks_below(runs: list[WeekRun]) -> set[int]:
    """Ordinals of the Mondays of the weeks below the rhythm."""
    out: set[int] = set()
    for run in runs:
        if run.direction == "below":
            first = run.first.toordinal() - run.first.weekday()
            out.update(range(first, run.last.toordinal() + 1, 7))
    return out


def _gaps(days: list[dt.date], limit: int | None, below: set[int]) -> list[Gap]:
    if limit is None:
        return []
    found = []
    for before, after in itertools.pairwise(days):
        if (after - before).days <= limit:
            continue
        # The weeks of the empty days between the two posts.
        first = before.toordinal() + 1
        last = after.toordinal() - 1
        mondays = range(first - dt.date.fromordinal(first).weekday(), last + 1, 7)
        if not any(monday in below for monday in mondays):
            found.append(Gap(before, after))
    return found


def rhythm_findings(
    plan: Plan, lang: Lang | None = None, networks: Sequence[NetworkRhythm] | None = None
) -> list[Finding]:
    """A ``calendar-rhythm`` warning per run of weeks off the rhythm, a ``calendar-gap`` per gap.

    ``networks``: ``rhythm(plan)`` already worked out (the app shows it in the tracker too).
    """
    language: Lang = lang or plan.language
    found = []
    for network in rhythm(plan) if networks is None else networks:
        name = display_name("network", network.network, language)
        per_week = format_number(network.per_week, language)
        path: KeyPath = ("strategy", "networks", network.card, "posts_per_week")
        for run in network.runs:
            if run.part_days is None:
                ask = t("finding.rhythm-ask", language, per_week=per_week)
            else:
                ask = t(
                    "finding.rhythm-ask-part",
                    language,
                    per_week=per_week,
                    expected=run.expected,
                    days=run.part_days,
                )
            key = _MESSAGES[run.direction, run.weeks == 1]
            message = t(
                key,
                language,
                network=name,
                count=run.count,
                ask=ask,
                weeks=run.weeks,
                start=format_date(run.first, language),
                end=format_date(run.last, language),
            )
            found.append(
                Finding("warning", "calendar-rhythm", message, path, subject=network.network)
            )
        for gap in network.gaps:
            message = t(
                "finding.rhythm-gap",
                language,
                network=name,
                days=gap.days,
                after=format_date(gap.after, language),
                before=format_date(gap.before, language),
                per_week=per_week,
                limit=network.gap_limit,
            )
            found.append(Finding("warning", "calendar-gap", message, path, subject=network.network))
    return found
