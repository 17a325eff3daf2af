"""Step 6: the content calendar, a heading and a narrow table per month.

A month's table shows only the columns that have a value in that month; each
item's notes follow the table. Rows are built once and shared by the export
(one table a month), the split export (a page a month) and the app's preview
(pages of a few dozen rows, which a terminal renders quickly).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from smplan.export.blocks import bullets, heading, join
from smplan.export.context import ExportContext
from smplan.export.escape import block, inline
from smplan.model import CalendarItem

#: The columns a month may show, in order; a column none of the month's items fills is left out.
COLUMNS = ("date", "channel", "title", "status", "owner", "goal", "effort")
ITEM_INDENT = "  "


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[str, ...]
    #: The item's notes (Markdown), shown under the table; "" when none.
    notes: str
    #: What names the item before its notes: day and title.
    term: str


@dataclass(frozen=True, slots=True)
class Month:
    title: str
    #: The first day of the month; None for the items without a date.
    first: dt.date | None
    rows: list[Row]


def months(ctx: ExportContext) -> list[Month]:
    """The items by month of their date (undated last), each month in date and time order."""
    dated: dict[dt.date, list[tuple[dt.date, dt.time, int, CalendarItem]]] = {}
    undated: list[CalendarItem] = []
    for index, item in enumerate(ctx.plan.calendar):
        if item.date is None:
            undated.append(item)
        else:
            key = item.date.replace(day=1)
            dated.setdefault(key, []).append((item.date, item.time or dt.time.min, index, item))
    out = []
    for first in sorted(dated):
        entries = sorted(dated[first], key=lambda entry: entry[:3])
        out.append(Month(ctx.month(first), first, [_row(ctx, entry[3]) for entry in entries]))
    if undated:
        out.append(Month(ctx.raw("export.sub.no-date"), None, [_row(ctx, i) for i in undated]))
    return out


def _row(ctx: ExportContext, item: CalendarItem) -> Row:
    when = " ".join(p for p in (ctx.short_date(item.date), ctx.time(item.time)) if p)
    channel = " ".join(
        p for p in (ctx.value("network", item.network), ctx.value("format", item.format)) if p
    )
    title = inline(item.title or "")
    pillar = inline(item.pillar or "")
    if pillar:
        title = f"{title} · *{pillar}*" if title else f"*{pillar}*"
    # Zero hours or cost says nothing a reader needs; the tracker has the totals.
    effort = ", ".join(
        p
        for p in (
            ctx.hours(item.hours) if item.hours else "",
            ctx.money(item.cost) if item.cost else "",
        )
        if p
    )
    goal = str(ctx.goal_numbers.get(item.goal, "")) if item.goal else ""
    if item.goal and not goal:
        goal = inline(item.goal)
    cells = (
        when,
        channel,
        title,
        ctx.value("status", item.status),
        ctx.member(item.owner),
        goal,
        effort,
    )
    notes = block(item.notes or "", ITEM_INDENT)
    term = ", ".join(p for p in (ctx.short_date(item.date), inline(item.title or "")) if p)
    return Row(cells, notes, term or "-")


def month_table(ctx: ExportContext, rows: list[Row]) -> str:
    """The table of ``rows`` with only the columns that hold something, then the notes."""
    shown = [n for n, _name in enumerate(COLUMNS) if any(row.cells[n] for row in rows)]
    if not shown:
        return ""
    headers = ctx.columns(*(COLUMNS[n] for n in shown))
    body = [[row.cells[n] for n in shown] for row in rows]
    notes = [f"**{row.term}:** {row.notes}" for row in rows if row.notes]
    return join(ctx.table(headers, body), bullets(notes))


def goal_key(ctx: ExportContext) -> str:
    """The line that says which goal each number in the Goal column is."""
    if not any(item.goal for item in ctx.plan.calendar) or not ctx.plan.goals:
        return ""
    names = [
        f"{number} {inline(ctx.goal_name(goal))}" for number, goal in enumerate(ctx.plan.goals, 1)
    ]
    return ctx.t("export.goal-key") + " " + "; ".join(names)


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
    pages = []
    for m in grouped:
        for first in range(0, len(m.rows), page_rows):
            chunk = m.rows[first : first + page_rows]
            title = m.title
            if len(m.rows) > page_rows:
                title = ctx.raw(
                    "export.preview.page", title=m.title, first=first + 1, last=first + len(chunk)
                )
            pages.append((title, join(heading(3, inline(title)), month_table(ctx, chunk))))
    return pages
