"""The calendar by day, for the month and week views of step 6 (no Textual).

:class:`CalendarDays` expands the plan's items into their occurrences once (an
edit of a date, a network or a repeat rule, or a new check, makes a new one);
moving the cursor only reads it. The month grid and the week list are drawn as
lines of (text, style) segments, so their layout can be tested without a
terminal; the widget turns them into Rich text.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from smplan.checks.budget.hours import HoursReport
from smplan.checks.budget.periods import week_key
from smplan.checks.rhythm import rhythm
from smplan.display import visible
from smplan.i18n import Lang, t
from smplan.i18n.formats import MONTHS, format_date
from smplan.i18n.values import display_name
from smplan.model import Plan
from smplan.presentation.calendar import shown_occurrences
from smplan.schedule.occurrences import Occurrence

View = str
#: The views step 6 cycles through with one key, in order.
VIEWS: tuple[View, ...] = ("table", "month", "week")
#: Item fields whose change moves an item to other days (or networks): the days
#: are worked out again; any other edit only redraws the titles.
DAY_FIELDS = frozenset({"date", "network", "repeat", "except", "except_", "owner", "hours"})
#: Weekdays, Monday first (ISO weeks), as the catalogue names them.
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: The marks of a day cell: a network over its rhythm, an owner over their hours.
RHYTHM_FLAG = "▲"
HOURS_FLAG = "◆"
#: A day cell's narrowest width: "31▲◆" and a network count.
CELL_MIN = 5
#: Narrowest column of a network in the week view.
WEEK_COLUMN = 16
#: Mark of items without a network.
NO_NETWORK = "?"

Segment = tuple[str, str]
Line = list[Segment]


def next_view(view: View) -> View:
    """The view after ``view``: table -> month -> week -> table."""
    return VIEWS[(VIEWS.index(view) + 1) % len(VIEWS)]


def network_marks(networks: Iterable[str | None], lang: Lang) -> dict[str | None, str]:
    """A one-letter mark per network: the first letter of its name not taken yet."""
    marks: dict[str | None, str] = {}
    taken: set[str] = set()
    for network in networks:
        if network in marks:
            continue
        if network is None:
            marks[None] = NO_NETWORK
            continue
        name = visible(display_name("network", network, lang)) or network
        letters = [c.upper() for c in name if c.isalnum()]
        letters += [str(n) for n in range(1, 10)]
        mark = next((c for c in letters if c not in taken), "+")
        taken.add(mark)
        marks[network] = mark
    return marks


class CalendarDays:
    """The plan's occurrences by day, the networks' marks and the flagged weeks."""

    def __init__(self, plan: Plan, hours: HoursReport | None, lang: Lang) -> None:
        self.lang = lang
        self.period = (plan.plan.period_start, plan.plan.period_end)
        self.by_day: dict[dt.date, list[Occurrence]] = defaultdict(list)
        for occurrence in shown_occurrences(plan):
            self.by_day[occurrence.date].append(occurrence)
        # Networks in the strategy's order, then those only the items name.
        order: list[str | None] = [card.network for card in plan.strategy.networks]
        order += [item.network for item in plan.calendar]
        self.marks = network_marks(order, lang)
        self.networks: list[str | None] = list(self.marks)
        self.over_rhythm: dict[dt.date, set[str]] = defaultdict(set)
        for found in rhythm(plan):
            for run in found.runs:
                if run.direction != "above":
                    continue
                week = week_key(run.first)
                while week <= run.last:
                    self.over_rhythm[week].add(found.network)
                    week += dt.timedelta(days=7)
        self.over_hours: dict[dt.date, set[str]] = defaultdict(set)
        for person in hours.people if hours is not None else ():
            for week in person.over_weeks:
                self.over_hours[week].add(person.name or person.member_id)

    def on(self, day: dt.date) -> list[Occurrence]:
        """What happens on ``day``, in file order."""
        return self.by_day.get(day, [])

    def counts(self, day: dt.date) -> list[tuple[str, int]]:
        """(network mark, items) of ``day``, networks in the legend's order."""
        found: dict[str | None, int] = defaultdict(int)
        for occurrence in self.on(day):
            found[occurrence.item.network] += 1
        return [(self.marks[n], found[n]) for n in self.networks if found.get(n)]

    def rhythm_flag(self, day: dt.date) -> bool:
        """A network whose items are over its rhythm in ``day``'s week posts that day."""
        over = self.over_rhythm.get(week_key(day), set())
        return bool(over) and any(o.item.network in over for o in self.on(day))

    def hours_flag(self, day: dt.date) -> bool:
        """An owner is over their hours in ``day``'s week."""
        return bool(self.over_hours.get(week_key(day)))

    def in_period(self, day: dt.date) -> bool:
        start, end = self.period
        return (start is None or day >= start) and (end is None or day <= end)


def month_weeks(day: dt.date) -> list[list[dt.date]]:
    """The weeks (Monday first) that show ``day``'s month, each seven days."""
    first = day.replace(day=1)
    monday = first - dt.timedelta(days=first.weekday())
    weeks: list[list[dt.date]] = []
    while monday.month == first.month or monday < first:
        weeks.append([monday + dt.timedelta(days=n) for n in range(7)])
        monday += dt.timedelta(days=7)
    return weeks


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), kept within the shorter month."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = (following - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def cell_width(width: int) -> int:
    """Width of one day in a month grid ``width`` cells wide (a space between days)."""
    return max(CELL_MIN, (width - 6) // 7)


def _fit(text: str, width: int) -> str:
    if len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text.ljust(width)


def _day_style(days: CalendarDays, day: dt.date, cursor: dt.date, today: dt.date) -> str:
    styles = []
    if day == cursor:
        styles.append("reverse")
    if day == today:
        styles.append("bold underline")
    if not days.in_period(day):
        styles.append("dim")
    return " ".join(styles)


def month_lines(days: CalendarDays, cursor: dt.date, today: dt.date, width: int) -> list[Line]:
    """The month of ``cursor`` as a grid: a title, weekday names, two lines per week, a legend."""
    lang = days.lang
    size = cell_width(width)
    lines: list[Line] = [[(f"{MONTHS[lang][cursor.month - 1]} {cursor.year}", "bold")]]
    names = [_fit(t(f"calendar.weekday.{key}", lang), size) for key in WEEKDAY_KEYS]
    lines.append([(" ".join(names), "bold")])
    for week in month_weeks(cursor):
        top: Line = []
        bottom: Line = []
        for n, day in enumerate(week):
            gap = [] if n == 0 else [(" ", "")]
            style = _day_style(days, day, cursor, today)
            if day.month != cursor.month:
                top += [*gap, (" " * size, "")]
                bottom += [*gap, (" " * size, "")]
                continue
            flags = (RHYTHM_FLAG if days.rhythm_flag(day) else "") + (
                HOURS_FLAG if days.hours_flag(day) else ""
            )
            number = f"{day.day:>2}"
            top += [*gap, (number, style), (_fit(flags, size - 2), f"red {style}".strip())]
            counts = "".join(f"{mark}{count}" for mark, count in days.counts(day))
            bottom += [*gap, (_fit(counts, size), style)]
        lines += [top, bottom]
    lines += legend_lines(days, width)
    return lines


def legend_lines(days: CalendarDays, width: int) -> list[Line]:
    """The legend, wrapped between its parts to lines ``width`` cells wide."""
    lines: list[Line] = []
    current = ""
    for part in legend(days):
        joined = f"{current} · {part}" if current else part
        if current and len(joined) > width:
            lines.append([(_fit(current, width), "dim")])
            current = part
        else:
            current = joined
    if current:
        lines.append([(_fit(current, max(width, 1)), "dim")])
    return lines


def legend(days: CalendarDays) -> list[str]:
    """What the marks stand for: each network's letter, then the two flags."""
    parts = [
        f"{mark} {visible(display_name('network', n, days.lang)) if n else t('calendar.not-set', days.lang)}"
        for n, mark in days.marks.items()
    ]
    parts.append(f"{RHYTHM_FLAG} {t('calendar.grid.over-rhythm', days.lang)}")
    parts.append(f"{HOURS_FLAG} {t('calendar.grid.over-hours', days.lang)}")
    return parts


def week_of(day: dt.date) -> list[dt.date]:
    monday = week_key(day)
    return [monday + dt.timedelta(days=n) for n in range(7)]


def week_lines(days: CalendarDays, cursor: dt.date, today: dt.date, width: int) -> list[Line]:
    """``cursor``'s week: a line per day, a column per network with the titles."""
    lang = days.lang
    label = 10
    # The networks posting this week, then others of the legend as far as they fit.
    week = {o.item.network for day in week_of(cursor) for o in days.on(day)}
    active = [n for n in days.networks if n in week]
    fits = max(1, (width - label) // WEEK_COLUMN)
    networks = (active + [n for n in days.networks if n not in week])[: max(len(active), fits)]
    column = max(6, (width - label) // max(1, len(networks)) - 1)
    first, last = week_of(cursor)[0], week_of(cursor)[-1]
    title = t("calendar.grid.week", lang, first=format_date(first, lang),
              last=format_date(last, lang))  # fmt: skip
    lines: list[Line] = [[(title, "bold")]]
    heads = [
        _fit(f"{days.marks[n]} {visible(display_name('network', n, lang)) if n else ''}", column)
        for n in networks
    ]
    lines.append([(" " * label, ""), (" ".join(heads), "bold")])
    for day in week_of(cursor):
        name = t(f"calendar.weekday.{WEEKDAY_KEYS[day.weekday()]}", lang)
        flags = (RHYTHM_FLAG if days.rhythm_flag(day) else "") + (
            HOURS_FLAG if days.hours_flag(day) else ""
        )
        line: Line = [(_fit(f"{name} {day.day}", label - 2), _day_style(days, day, cursor, today))]
        line.append((_fit(flags, 2), "red"))
        for n, network in enumerate(networks):
            titles = [
                visible(o.item.title or "") or t("list.unnamed", lang)
                for o in days.on(day)
                if o.item.network == network
            ]
            text = "; ".join(titles)
            line.append(((" " if n else "") + _fit(text, column), "" if titles else "dim"))
        lines.append(line)
    lines += legend_lines(days, width)
    return lines


def day_entries(days: CalendarDays, day: dt.date) -> Sequence[Occurrence]:
    """The items listed when a day is opened (enter), in file order."""
    return days.on(day)
