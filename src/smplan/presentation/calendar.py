"""Which calendar items the table shows, in which order, and how each cell reads.

Pure functions over the plan model (no Textual), so the filters, the sort and
the column layout can be tested and timed on their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Literal

from smplan.checks.budget.periods import resolve_period
from smplan.i18n import Lang, current_language, t
from smplan.i18n.formats import MONTHS_SHORT, format_money, format_month, format_number
from smplan.i18n.values import display_name
from smplan.model import CalendarItem, Plan
from smplan.presentation.field_values import display_value
from smplan.schedule.occurrences import Occurrence, item_dates, occurrences, repeats

#: Filter value meaning "items where this field is not set".
MISSING = ""
#: The publishing workflow, in order: sorting by status follows it, not the alphabet.
STATUSES = ("idea", "planned", "draft", "scheduled", "published")

SortKey = Literal["file", "date", "network", "status", "owner", "cost"]
#: What ``s`` cycles through; "file" is the order of the plan file.
SORT_KEYS: tuple[SortKey, ...] = ("file", "date", "network", "status", "owner", "cost")

Column = Literal[
    "date", "time", "network", "format", "title", "status", "owner", "goal", "hours", "cost"
]
#: Columns in the order they appear, left to right.
COLUMNS: tuple[Column, ...] = (
    "date", "time", "network", "format", "title", "status", "owner", "goal", "hours", "cost",
)  # fmt: skip
#: The order in which columns earn their place when the table is narrow: the
#: first five always show (80 columns); the others appear as the width allows.
PRIORITY: tuple[Column, ...] = (
    "date", "network", "title", "status", "owner", "cost", "time", "format", "goal", "hours",
)  # fmt: skip
ESSENTIAL = 5
#: Narrowest and widest title column; other columns take their content's width. At
#: 80 columns, dates like "16 Oct 2026" leave the title 12 cells beside the essentials.
TITLE_MIN = 12
TITLE_MAX = 48
#: The title width an optional column must leave: titles matter more than goals.
TITLE_ROOMY = 24
#: Columns whose values read best right-aligned.
NUMERIC: frozenset[Column] = frozenset({"hours", "cost"})
#: Before the title of a row that is one date of a repeating item: one cell wide,
#: so that it costs the narrow title column at 80 columns almost nothing.
SERIES_MARK = "↻"


@dataclass(frozen=True, slots=True, eq=False)
class CalendarRow:
    """One row of the table: a plain item, or one occurrence of a repeating item.

    Rows compare by identity; the item is the model's own (edits go to it).
    """

    item: CalendarItem
    #: The date of the occurrence the row stands for (None: the item's own date).
    occurrence: dt.date | None = None
    #: True for a row of a repeating item (it stands for one date of the series).
    series: bool = False

    @property
    def day(self) -> dt.date | None:
        """The date the row shows: its occurrence's, else the item's own (as it is now)."""
        return self.occurrence if self.occurrence is not None else self.item.date


def occurrence_window(plan: Plan) -> tuple[dt.date, dt.date]:
    """The dates within which repeating items are shown as their occurrences.

    The period the budget counts over (the plan period, or what stands for it
    when the plan has none: ``checks.budget.periods.resolve_period``), so that
    the table, the month and week grids, money, hours, the rhythm and the
    export all see the same dates of a series, and none past the plan's end.
    """
    period = resolve_period(plan)
    return period.start, period.end


def shown_occurrences(plan: Plan) -> list[Occurrence]:
    """What the month and week grids show: every dated plain item on its date,
    wherever it falls, and each repeating item on its dates in :func:`occurrence_window`."""
    return occurrences(plan, *occurrence_window(plan), one_offs_anywhere=True)


def calendar_rows(
    items: Sequence[CalendarItem], window: tuple[dt.date, dt.date]
) -> list[CalendarRow]:
    """The table's rows in file order: a repeating item gives a row per date in ``window``.

    A repeating item with no date in the window (every one skipped) keeps one row
    on its own date, so that it can still be found and edited.
    """
    rows: list[CalendarRow] = []
    start, end = window
    for item in items:
        if not repeats(item):
            rows.append(CalendarRow(item))
            continue
        dates = item_dates(item, start, end)
        if dates:
            rows.extend(CalendarRow(item, day, True) for day in dates)
        else:
            rows.append(CalendarRow(item, None, True))
    return rows


def plain_rows(items: Iterable[CalendarItem]) -> list[CalendarRow]:
    """One row per item on its own date (no repeat expanded)."""
    return [CalendarRow(item) for item in items]


@dataclass(frozen=True, slots=True)
class CalendarQuery:
    """The filters and sort of the table. ``None`` in a filter means "any"."""

    month: str | None = None  # "2027-06", or MISSING for undated items
    network: str | None = None
    status: str | None = None
    owner: str | None = None
    text: str = ""
    sort: SortKey = "file"
    descending: bool = False

    @property
    def filtered(self) -> bool:
        return any(
            v is not None for v in (self.month, self.network, self.status, self.owner)
        ) or bool(self.text.strip())

    def cleared(self) -> CalendarQuery:
        """The same sort, no filters."""
        return CalendarQuery(sort=self.sort, descending=self.descending)

    def with_filter(self, field: str, value: str | None) -> CalendarQuery:
        """The same query with the filter ``field`` (month, network, status, owner) set."""
        if field not in ("month", "network", "status", "owner"):
            raise ValueError(field)
        return replace(self, **{field: value})  # type: ignore[arg-type]

    def with_sort(self, sort: SortKey, descending: bool = False) -> CalendarQuery:
        return replace(self, sort=sort, descending=descending)


def month_of(day: dt.date | None) -> str:
    return f"{day.year:04d}-{day.month:02d}" if day else MISSING


def matches(row: CalendarRow, query: CalendarQuery, needle: str = "") -> bool:
    """True when ``row`` passes every filter of ``query`` (``needle``: folded search text)."""
    if query.month is not None and month_of(row.day) != query.month:
        return False
    item = row.item
    if query.network is not None and (item.network or MISSING) != query.network:
        return False
    if query.status is not None and (item.status or MISSING) != query.status:
        return False
    if query.owner is not None and (item.owner or MISSING) != query.owner:
        return False
    return not needle or needle in (item.title or "").casefold()


def _by_date(row: CalendarRow) -> tuple[Any, ...]:
    # Undated items after dated ones; an item without a time comes first on its day.
    item = row.item
    return (
        row.day is None,
        row.day or dt.date.min,
        item.time is not None,
        item.time or dt.time.min,
    )


def _sort_value(sort: SortKey) -> Callable[[CalendarRow], Any]:
    if sort == "network":
        return lambda row: row.item.network.casefold() if row.item.network else None
    if sort == "status":
        return lambda row: STATUSES.index(row.item.status) if row.item.status in STATUSES else None
    if sort == "owner":
        return lambda row: row.item.owner.casefold() if row.item.owner else None
    if sort == "cost":
        return lambda row: row.item.cost
    return lambda row: row.day


def visible_rows(rows: Sequence[CalendarRow], query: CalendarQuery) -> list[CalendarRow]:
    """The rows that pass the filters, sorted; ties keep date order, then file order.

    Rows without a value for the sort key come last in both directions. The
    occurrences of a repeating item are sorted by their own dates, among the rest.
    """
    needle = query.text.strip().casefold()
    chosen = [row for row in rows if matches(row, query, needle)] if query.filtered else list(rows)
    if query.sort == "file":
        return chosen[::-1] if query.descending else chosen
    # Python's sort is stable: sorting by date first makes date the tie-breaker.
    chosen.sort(key=_by_date)
    if query.sort == "date":
        dated = [row for row in chosen if row.day is not None]
        undated = [row for row in chosen if row.day is None]
        return (dated[::-1] if query.descending else dated) + undated
    value = _sort_value(query.sort)
    keyed = [(value(row), row) for row in chosen]
    present = [pair for pair in keyed if pair[0] is not None]
    present.sort(key=lambda pair: pair[0], reverse=query.descending)
    return [row for _v, row in present] + [row for v, row in keyed if v is None]


def visible_items(items: Sequence[CalendarItem], query: CalendarQuery) -> list[CalendarItem]:
    """:func:`visible_rows` of the items on their own dates (no repeat expanded)."""
    return [row.item for row in visible_rows(plain_rows(items), query)]


# -- filter choices ------------------------------------------------------------


def month_choices(
    items: Sequence[CalendarItem] | Sequence[CalendarRow], lang: Lang | None = None
) -> list[tuple[str, str]]:
    """(label, value) for every month that has items (or rows), in date order; undated last."""
    days = [r.day if isinstance(r, CalendarRow) else r.date for r in items]
    months = {(d.year, d.month) for d in days if d is not None}
    undated = any(d is None for d in days)
    choices = [
        (format_month(dt.date(y, m, 1), lang), f"{y:04d}-{m:02d}") for y, m in sorted(months)
    ]
    if undated:
        choices.append((t("calendar.no-date", lang), MISSING))
    return choices


def value_choices(
    items: Iterable[CalendarItem], field: Literal["network", "owner"], lang: Lang | None = None
) -> list[tuple[str, str]]:
    """(label, value) for every value of ``field`` in use, alphabetically; "not set" last."""
    values = {getattr(item, field) or MISSING for item in items}
    choices = [(value, value) for value in sorted(values - {MISSING}, key=str.casefold)]
    if MISSING in values:
        choices.append((t("calendar.not-set", lang), MISSING))
    return choices


def status_choices(lang: Lang | None = None) -> list[tuple[str, str]]:
    return [
        (display_name("status", status, lang or current_language()), status) for status in STATUSES
    ] + [(t("calendar.not-set", lang), MISSING)]


# -- cells ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CellFormat:
    """What cell texts depend on besides the item: the plan's currency and years."""

    currency: str
    lang: Lang
    #: Dates show their year only when the items span more than one year.
    with_year: bool = False

    def date(self, day: dt.date | None) -> str:
        if day is None:
            return ""
        text = f"{day.day:>2} {MONTHS_SHORT[self.lang][day.month - 1]}"
        return f"{text} {day.year}" if self.with_year else text

    def cell(self, item: CalendarItem, column: Column) -> str:
        """The text of one cell (plain text, never markup)."""
        if column == "date":
            return self.date(item.date)
        if column == "time":
            return display_value("time", item.time)
        if column == "status":
            return display_name("status", item.status, self.lang)
        if column == "hours":
            return "" if item.hours is None else format_number(item.hours, self.lang)
        if column == "cost":
            return "" if item.cost is None else format_money(item.cost, self.currency, self.lang)
        if column in ("network", "format"):
            return display_name(column, getattr(item, column), self.lang)
        value = getattr(item, column)
        return "" if value is None else str(value)


def spans_years(rows: Iterable[CalendarRow]) -> bool:
    years: set[int] = set()
    for row in rows:
        if row.day is not None:
            years.add(row.day.year)
            if len(years) > 1:
                return True
    return False


def content_widths(items: Sequence[CalendarItem], cells: CellFormat) -> dict[Column, int]:
    """The width each column needs for ``items`` (headers included), within sensible caps.

    Widths come from the longest values, found without formatting every cell:
    the largest cost is the widest amount, ids and names are measured as they are.
    """
    widest: dict[Column, int] = {}
    for column in COLUMNS:
        widest[column] = len(t(f"calendar.column.{column}", cells.lang))

    def longest(values: Iterable[str | None]) -> int:
        return max((len(v) for v in values if v), default=0)

    widest["date"] = max(widest["date"], len(cells.date(dt.date(2000, 12, 30))))
    widest["time"] = max(widest["time"], 5)
    for column, cap in (("network", 12), ("format", 10), ("owner", 10), ("goal", 14)):
        found = longest(getattr(item, column) for item in items)
        widest[column] = min(max(widest[column], found), cap)
    widest["status"] = max(
        widest["status"], *(len(display_name("status", s, cells.lang)) for s in STATUSES)
    )
    costs = [abs(item.cost) for item in items if item.cost is not None]
    if costs:
        widest["cost"] = max(widest["cost"], len(cells.cell(CalendarItem(cost=max(costs)), "cost")))
    widest["hours"] = max(widest["hours"], 5)
    widest["title"] = TITLE_MAX
    return widest


def choose_columns(
    available: int, widths: dict[Column, int], padding: int = 2, every: bool = False
) -> dict[Column, int]:
    """The columns that fit in ``available`` cells, in display order, with their widths.

    The essential columns always show (the table scrolls sideways when even they
    do not fit); the others join in order of :data:`PRIORITY` while the title keeps
    at least :data:`TITLE_ROOMY` cells. The title then takes what is left, up to
    :data:`TITLE_MAX`. With ``every``, all columns show and the table scrolls.
    """
    chosen = list(PRIORITY[:ESSENTIAL])

    def used(columns: list[Column]) -> int:
        return sum(widths[c] + padding for c in columns if c != "title") + padding

    if every:
        chosen = list(COLUMNS)
    else:
        for column in PRIORITY[ESSENTIAL:]:
            if used([*chosen, column]) + TITLE_ROOMY <= available:
                chosen.append(column)
    title = max(TITLE_MIN, min(TITLE_MAX, available - used(chosen)))
    return {c: (title if c == "title" else widths[c]) for c in COLUMNS if c in chosen}


def cost_total(rows: Iterable[CalendarRow]) -> Decimal:
    """What the rows cost: each occurrence of a repeating item costs the item's cost."""
    return sum((row.item.cost for row in rows if row.item.cost is not None), Decimal(0))


def items_of(rows: Iterable[CalendarRow]) -> int:
    """How many items ``rows`` show (a series counts once)."""
    return len({id(row.item) for row in rows})
