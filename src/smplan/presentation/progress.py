"""Text views of goals' progress and pace (step 7), in the plan's words. Pure: no Textual.

Each goal gets a head line (id, a bar of how far it has come, the percentage,
the verdict) and a line of figures (latest result and date, pace so far against
pace needed per month, the date the target is reached at this pace) with a
small chart: its results as block characters, against the straight line from
baseline to target drawn under them (``·`` where a result lies below the line
for a rising goal, above it for a falling one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from smplan.checks.budget.text import short_date
from smplan.checks.progress import GoalProgress, share_of_way
from smplan.checks.progress.findings import DAYS_PER_MONTH
from smplan.checks.progress.values import goal_value, typed_value
from smplan.i18n import Lang, t
from smplan.i18n.formats import format_date, format_number
from smplan.presentation.budget import bar

#: Eight heights of a chart cell.
SPARKS = "▁▂▃▄▅▆▇█"
#: Cells of the bar of how far a goal has come.
BAR_WIDTH = 8
#: Results shown in the chart (the latest ones).
CHART_POINTS = 12


@dataclass(frozen=True, slots=True)
class ProgressRow:
    goal: str
    verdict: str
    #: Verdict word and figures, ready to show.
    head: str
    #: The latest result and its day.
    latest: str
    #: Pace so far and needed, and when the target is reached at this pace.
    figures: str
    chart: str


def day_text(day: dt.date, lang: Lang) -> str:
    """``31 Oct 2026``: dates short enough for two lines a goal at 80 columns."""
    return f"{short_date(day, lang)} {day.year}"


def progress_rows(items: list[GoalProgress], currency: str, lang: Lang) -> list[ProgressRow]:
    return [_row(item, currency, lang) for item in items]


def _row(item: GoalProgress, currency: str, lang: Lang) -> ProgressRow:
    goal = item.goal

    def value(number: Decimal) -> str:
        return goal_value(number, goal, currency, lang)

    verdict = t(f"pace.verdict.{item.verdict}", lang)
    if item.verdict in ("behind", "ahead", "on-track") and item.gap is not None:
        verdict += " " + t("pace.view.gap", lang, points=format_number(abs(item.gap), lang, 1))
    percent = item.percent
    if percent is not None:
        fraction = max(Decimal(0), min(Decimal(1), percent / 100))
        shown = f"{format_number(percent, lang, 1)}%"
        head = f"{bar(fraction, BAR_WIDTH)} {shown:>6}  {verdict}"
    else:
        head = verdict
    latest = ""
    if item.latest is not None:
        day, number = item.latest
        latest = t("pace.view.latest", lang, value=value(number), date=day_text(day, lang))
    parts: list[str] = []
    if item.judged and item.verdict not in ("reached", "missed"):
        parts.append(
            t(
                "pace.view.pace",
                lang,
                so_far=_per_month(item.pace_so_far, lang),
                needed=_per_month(item.pace_needed, lang),
            )
        )
        if item.target is not None:
            if item.projected is not None:
                parts.append(t("pace.view.projected", lang, date=day_text(item.projected, lang)))
            else:
                parts.append(t("pace.view.never", lang))
    if item.verdict == "reached" and item.reached_on is not None:
        parts.append(t("pace.view.reached-on", lang, date=day_text(item.reached_on, lang)))
    return ProgressRow(
        goal=goal.id,
        verdict=item.verdict,
        head=head,
        latest=latest,
        figures=" · ".join(parts),
        chart=chart(item),
    )


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One result of a goal in its per-goal view, ready to show."""

    date: str
    #: The value in the goal's unit, as typed.
    value: str
    #: Since the result before, signed (a word unit is in ``value`` only); "" for the first.
    change: str
    #: Of the way from baseline to target, as the progress panel counts it;
    #: "" for a result before the goal's start (history) or a goal without both ends.
    share: str


def result_rows(item: GoalProgress, lang: Lang) -> list[ResultRow]:
    """The goal's results oldest first: history before its start, then progress."""
    goal = item.goal
    rows: list[ResultRow] = []
    previous: Decimal | None = None
    progress = set(item.results)
    for day, number in (*item.history, *item.results):
        change = ""
        if previous is not None:
            moved = number - previous
            sign = "+" if moved > 0 else "-" if moved < 0 else "±"
            # The unit once, in the value: "+12" beside "1,300 followers". A rate moves
            # by points: 2.0% to 2.4% is "+0.4 pts", not a change of 0.4 percent.
            change = sign + typed_value(abs(moved), None, lang)
            if (goal.unit or "").strip() == "%":
                change += f" {t('pace.results.points', lang)}"
        share = ""
        if (day, number) in progress and item.baseline is not None and item.target is not None:
            percent = share_of_way(number, item.baseline, item.target, item.direction)
            share = f"{format_number(percent, lang, 1)}%"
        rows.append(
            ResultRow(format_date(day, lang), typed_value(number, goal, lang), change, share)
        )
        previous = number
    return rows


def results_table(rows: list[ResultRow], lang: Lang) -> list[str]:
    """The rows as aligned columns under a header line: dates left, figures right."""
    header = ResultRow(
        t("pace.results.date", lang),
        t("pace.results.value", lang),
        t("pace.results.change", lang),
        t("pace.results.share", lang),
    )
    cells = [(r.date, r.value, r.change or "–", r.share or "–") for r in (header, *rows)]
    widths = [max(len(row[column]) for row in cells) for column in range(4)]
    lines = []
    for row in cells:
        date, *figures = row
        parts = [date.ljust(widths[0])]
        parts += [text.rjust(width) for text, width in zip(figures, widths[1:], strict=True)]
        lines.append("  ".join(parts).rstrip())
    return lines


def _per_month(pace: Decimal | None, lang: Lang) -> str:
    """A pace in the KPI's units a month, without the unit (units such as
    "donations per month" would read twice): whole from 10 on (``388``), else
    to two decimals (``0.15``)."""
    number = abs(pace or Decimal(0)) * DAYS_PER_MONTH
    if number >= 10:
        return format_number(number.quantize(Decimal(1), rounding=ROUND_HALF_UP), lang)
    rounded = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format_number(rounded.normalize() if rounded else Decimal(0), lang)


def chart(item: GoalProgress) -> str:
    """The goal's latest results as cells from ▁ to █, scaled between the lowest and
    highest of results, baseline and target; "" with no result."""
    points = list(item.results)[-CHART_POINTS:]
    if not points:
        return ""
    figures = [number for _, number in points]
    ends = [n for n in (item.baseline, item.target) if n is not None]
    low, high = min(figures + ends), max(figures + ends)
    span = high - low
    cells = []
    for day, number in points:
        level = 0 if span == 0 else int((number - low) / span * (len(SPARKS) - 1))
        cell = SPARKS[max(0, min(len(SPARKS) - 1, level))]
        line = _line_on(item, day)
        below = line is not None and (number < line if item.direction == "up" else number > line)
        cells.append(cell + ("·" if below else " "))
    return "".join(cells).rstrip()


def _line_on(item: GoalProgress, day: dt.date) -> Decimal | None:
    """Where the straight line from baseline to target is on ``day``."""
    if None in (item.baseline, item.target, item.start, item.deadline):
        return None
    assert item.baseline is not None and item.target is not None
    assert item.start is not None and item.deadline is not None
    length = (item.deadline - item.start).days
    if length <= 0:
        return item.target
    share = Decimal(min(max((day - item.start).days, 0), length)) / Decimal(length)
    return item.baseline + (item.target - item.baseline) * share
