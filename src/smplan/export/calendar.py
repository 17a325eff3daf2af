"""Step 6: the content calendar, a heading and a narrow table per month.

A month's table shows only the columns that have a value in that month; each
item's notes and cost follow the table. Rows stay within
:data:`~smplan.export.cells.ROW_WIDTH` characters of source so the table reads
at a wiki's width: the day without its month (the heading names it), the
owner's first name when no one else in the team has it, hours as a number
under an "Hours" header, the pillar as a letter beside the goal number (both
keyed above the tables), and the title cut at a word to the room its row
leaves and the table's other columns leave, each counted at its widest cell
(at most :data:`TITLE_WIDTH` characters; the whole title heads the
item's line under the table). Rows are built once and shared by the export
(one table a month), the split export (a page a month) and the app's preview
(pages of a few dozen rows, which a terminal renders quickly).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from smplan.export.blocks import bullets, heading, join
from smplan.export.cells import ROW_WIDTH, cut_at_word, fitted, row_width
from smplan.export.context import ExportContext
from smplan.export.escape import block, inline, one_line, safe_url
from smplan.model import WEEKDAYS, CalendarItem
from smplan.schedule.occurrences import item_dates, repeat_interval, repeats

#: The columns a month may show, in order; a column none of the month's items fills is left out.
COLUMNS = ("date", "channel", "title", "status", "owner", "goal", "hours")
TITLE = COLUMNS.index("title")
ITEM_INDENT = "  "
#: Longest title a table cell shows, in characters of the title's text.
TITLE_WIDTH = 40
#: Between a goal number and a pillar letter in one cell.
GOAL_PILLAR = " · "


@dataclass(frozen=True, slots=True)
class Row:
    #: The cells; the title's is "" until the month's table fits it to its row.
    cells: tuple[str, ...]
    #: The item's title on one line, as written.
    title: str
    #: What the line under the table says of the item besides its title: cost and notes.
    notes: str
    #: What names the item before its notes: day and whole title.
    term: str
    #: The goal column holds a pillar letter (or name).
    pillar: bool = False


@dataclass(frozen=True, slots=True)
class Month:
    title: str
    #: The first day of the month; None for the items without a date.
    first: dt.date | None
    rows: list[Row]


def months(ctx: ExportContext) -> list[Month]:
    """The items by month of their date (undated last), each month in date and time order.

    A repeating item is a row on each of its dates in the plan period (the
    budget's period); its details follow the first of them only. A rule with
    no date in the period shows once, on its own date.
    """
    dated: dict[dt.date, list[tuple[dt.date, dt.time, int, bool, CalendarItem]]] = {}
    undated: list[CalendarItem] = []
    budget = ctx.budget
    for index, item in enumerate(ctx.plan.calendar):
        if item.date is None:
            undated.append(item)
            continue
        days = [item.date]
        if repeats(item):
            days = item_dates(item, budget.period_start, budget.period_end) or days
        moment = item.time or dt.time.min
        for number, day in enumerate(days):
            entry = (day, moment, index, number == 0, item)
            dated.setdefault(day.replace(day=1), []).append(entry)
    letters = pillar_letters(ctx)
    out = []
    for first in sorted(dated):
        entries = sorted(dated[first], key=lambda entry: entry[:3])
        rows = [_row(ctx, item, letters, day, whole) for day, _t, _i, whole, item in entries]
        out.append(Month(ctx.month(first), first, rows))
    if undated:
        rows = [_row(ctx, i, letters, None, True) for i in undated]
        out.append(Month(ctx.raw("export.sub.no-date"), None, rows))
    return out


def short_title(text: str) -> str:
    """``text`` on one line, cut after a whole word to :data:`TITLE_WIDTH` characters with "…"."""
    return cut_at_word(text, TITLE_WIDTH)


def pillar_letters(ctx: ExportContext) -> dict[str, str]:
    """The strategy's pillars by name -> A, B, ..., Z, AA, AB...: the calendar's pillar key."""
    out: dict[str, str] = {}
    for index, name in enumerate(p for p in ctx.plan.strategy.pillars if p):
        letters = ""
        number = index + 1
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("A") + rest) + letters
        out.setdefault(name, letters)
    return out


def _row(
    ctx: ExportContext,
    item: CalendarItem,
    letters: dict[str, str],
    date: dt.date | None,
    whole: bool,
) -> Row:
    """The row of ``item`` on ``date``; ``whole``: its details follow the table."""
    day = str(date.day) if date is not None else ""
    when = " ".join(p for p in (day, ctx.time(item.time)) if p)
    channel = " ".join(
        p for p in (ctx.value("network", item.network), ctx.value("format", item.format)) if p
    )
    full_title = item.title or ""
    # Zero hours say nothing a reader needs; the tracker has the totals.
    hours = ctx.bare_hours(item.hours) if item.hours else ""
    goal = str(ctx.goal_numbers.get(item.goal, "")) if item.goal else ""
    if item.goal and not goal:
        goal = inline(short_title(item.goal))
    pillar = letters.get(item.pillar or "", "") or inline(short_title(item.pillar or ""))
    cells = (
        when,
        channel,
        "",
        ctx.value("status", item.status),
        ctx.first_name(item.owner),
        GOAL_PILLAR.join(p for p in (goal, pillar) if p),
        hours,
    )
    said = _details(ctx, item) if whole else []
    term = ", ".join(p for p in (ctx.short_date(date), inline(full_title)) if p)
    return Row(cells, one_line(full_title), " ".join(said), term or "-", bool(pillar))


def _details(ctx: ExportContext, item: CalendarItem) -> list[str]:
    """What the line under the table says of an item: cost, length, rule, post and notes."""
    said = []
    if item.cost:
        said.append(f"{ctx.t('export.column.cost')} {ctx.money(item.cost)}.")
    if item.duration:
        said.append(ctx.t("export.label.duration", minutes=item.duration) + ".")
    if repeats(item):
        said.append(repeat_words(ctx, item) + ".")
    caption = block(item.caption or "", ITEM_INDENT)
    if caption:
        said.append(f"{ctx.t('export.label.caption')}: {caption}")
    if item.hashtags:
        said.append(" ".join(inline(tag) for tag in item.hashtags if tag))
    for label, value in (("export.label.asset", item.asset), ("export.label.url", item.url)):
        if value:
            said.append(f"{ctx.t(label)}: {_address(value)}")
    notes = block(item.notes or "", ITEM_INDENT)
    if notes:
        said.append(notes)
    return said


def _address(value: str) -> str:
    """A web address as a link; anything else (a path beside the plan) as text."""
    text = inline(one_line(value))
    url = safe_url(value, allow_relative=False)
    if url is None or "://" not in url:
        return text
    return f"[{text}]({url})"


def repeat_words(ctx: ExportContext, item: CalendarItem) -> str:
    """``Repeats every 2 weeks on Tuesday, Friday until 30 June 2027, except 2 March 2027``."""
    rule = item.repeat
    assert rule is not None and item.date is not None
    interval = repeat_interval(item)
    if rule.every == "week":
        names = sorted(set(rule.on or [WEEKDAYS[item.date.weekday()]]), key=WEEKDAYS.index)
        days = ", ".join(ctx.raw(WEEKDAY_NAMES[name]) for name in names)
        key = "export.label.repeat-week" if interval == 1 else "export.label.repeat-weeks"
        words = ctx.raw(key, interval=interval, days=days)
    else:
        day = rule.day if rule.day is not None else item.date.day
        key = "export.label.repeat-month" if interval == 1 else "export.label.repeat-months"
        words = ctx.raw(key, interval=interval, day=day)
    if rule.until is not None:
        words += " " + ctx.raw("export.label.repeat-until", date=ctx.raw_date(rule.until))
    if item.except_:
        dates = ", ".join(ctx.raw_date(day) for day in sorted(item.except_))
        words += ", " + ctx.raw("export.label.repeat-except", dates=dates)
    return inline(words)


#: The catalogue names of the days a weekly rule repeats on.
WEEKDAY_NAMES = {
    "mon": "export.weekday.mon",
    "tue": "export.weekday.tue",
    "wed": "export.weekday.wed",
    "thu": "export.weekday.thu",
    "fri": "export.weekday.fri",
    "sat": "export.weekday.sat",
    "sun": "export.weekday.sun",
}


#: The widest a table may be, counted as one row made of each column's widest
#: cell (characters of source): a browser gives every column the width of its
#: widest cell, whichever row it is in. 115 such characters render within 1,000 px
#: with GitHub's stylesheet (measured in Chromium: docs/export.md).
TABLE_WIDTH = 115


def title_room(ctx: ExportContext, rows: list[Row], headers: list[str], shown: list[int]) -> int:
    """The characters every title of a month's table may take.

    Each row stays within :data:`~smplan.export.cells.ROW_WIDTH` of source, and
    the table within :data:`TABLE_WIDTH` counted at each column's widest cell
    (header included): a channel named at length in one row and a long title in
    another would otherwise add up to a table wider than the page. Without
    tables (``plain``: a list item per row) there is no row to fit, only
    :data:`TITLE_WIDTH`.
    """
    if not ctx.flavor.tables:
        return TITLE_WIDTH
    widest = [
        "" if n == TITLE else max([header, *(row.cells[n] for row in rows)], key=len)
        for n, header in zip(shown, headers, strict=True)
    ]
    return TABLE_WIDTH - row_width(widest)


def month_table(ctx: ExportContext, rows: list[Row]) -> str:
    """The table of ``rows`` with only the columns that hold something, then the notes."""
    shown = [
        n
        for n, _name in enumerate(COLUMNS)
        if any(row.title if n == TITLE else row.cells[n] for row in rows)
    ]
    if not shown:
        return ""
    names = [COLUMNS[n] for n in shown]
    if any(row.pillar for row in rows) and "goal" in names:
        names[names.index("goal")] = "goal-pillar"
    headers = ctx.columns(*names)
    body = []
    lines = []
    table_room = title_room(ctx, rows, headers, shown)
    for row in rows:
        title, cut = ("", False)
        if TITLE in shown:
            room = min(table_room, ROW_WIDTH - row_width([row.cells[n] for n in shown]))
            room = room if ctx.flavor.tables else TITLE_WIDTH
            title, cut = fitted(row.title, room, TITLE_WIDTH)
        body.append([title if n == TITLE else row.cells[n] for n in shown])
        # Each item whose notes, cost or whole title the table does not show, in table order.
        if row.notes:
            lines.append(f"**{row.term}:** {row.notes}")
        elif cut:
            lines.append(f"**{row.term}**")
    return join(ctx.table(headers, body), bullets(lines))


def goal_key(ctx: ExportContext) -> str:
    """The lines that say which goal each number, and which pillar each letter, stands for."""
    lines = []
    if any(item.goal for item in ctx.plan.calendar) and ctx.plan.goals:
        names = [
            f"{number} {inline(ctx.goal_name(goal))}"
            for number, goal in enumerate(ctx.plan.goals, 1)
        ]
        lines.append(ctx.t("export.goal-key") + " " + "; ".join(names))
    letters = pillar_letters(ctx)
    used = {item.pillar for item in ctx.plan.calendar if item.pillar}
    if letters and used & letters.keys():
        pillars = [f"{letter} {inline(name)}" for name, letter in letters.items()]
        lines.append(ctx.t("export.pillar-key") + " " + "; ".join(pillars))
    return "\n\n".join(lines)


def month_section(ctx: ExportContext, month: Month, level: int = 3) -> str:
    return join(heading(level, inline(month.title)), month_table(ctx, month.rows))


def calendar(ctx: ExportContext, grouped: list[Month] | None = None) -> str:
    grouped = months(ctx) if grouped is None else grouped
    parts = [month_section(ctx, m) for m in grouped]
    if not parts:
        parts.append(ctx.t("export.empty"))
    return join(heading(2, ctx.t("export.heading.calendar")), goal_key(ctx), *parts)


def calendar_pages(ctx: ExportContext, page_rows: int) -> list[tuple[str, str]]:
    """The calendar as (title, Markdown) pages of at most ``page_rows`` rows, for the preview."""
    grouped = months(ctx)
    if not grouped:
        return [(ctx.raw("export.heading.calendar"), calendar(ctx, grouped))]
    pages: list[tuple[str, str]] = []
    for m in grouped:
        for first in range(0, len(m.rows), page_rows):
            chunk = m.rows[first : first + page_rows]
            title = m.title
            if len(m.rows) > page_rows:
                title = ctx.raw(
                    "export.preview.page", title=m.title, first=first + 1, last=first + len(chunk)
                )
            # The keys of the goal numbers and pillar letters open the first page.
            key = "" if pages else goal_key(ctx)
            pages.append((title, join(heading(3, inline(title)), key, month_table(ctx, chunk))))
    return pages
