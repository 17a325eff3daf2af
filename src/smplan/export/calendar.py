"""Step 6: the content calendar, one table per month in date order.

Rows are built once and shared by the export (one table a month) and the
app's preview (pages of a few dozen rows, which a terminal renders quickly).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from smplan.export.blocks import heading, join, table
from smplan.export.context import ExportContext
from smplan.export.escape import inline
from smplan.model import CalendarItem


@dataclass(frozen=True, slots=True)
class Month:
    title: str
    rows: list[list[str]]


def headers(ctx: ExportContext) -> list[str]:
    return ctx.columns(
        "date",
        "time",
        "network",
        "format",
        "pillar",
        "title",
        "status",
        "owner",
        "goal",
        "hours",
        "cost",
        "notes",
    )


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
        out.append(Month(ctx.month(first), [_row(ctx, entry[3]) for entry in entries]))
    if undated:
        out.append(Month(ctx.raw("export.sub.no-date"), [_row(ctx, item) for item in undated]))
    return out


def _row(ctx: ExportContext, item: CalendarItem) -> list[str]:
    return [
        ctx.short_date(item.date),
        ctx.time(item.time),
        inline(item.network or ""),
        inline(item.format or ""),
        inline(item.pillar or ""),
        inline(item.title or ""),
        ctx.choice(item.status),
        ctx.member(item.owner),
        inline(item.goal or ""),
        ctx.hours(item.hours),
        ctx.money(item.cost),
        inline(item.notes or ""),
    ]


def calendar(ctx: ExportContext, grouped: list[Month] | None = None) -> str:
    grouped = months(ctx) if grouped is None else grouped
    head = headers(ctx)
    parts = [join(heading(3, inline(m.title)), table(head, m.rows)) for m in grouped]
    if not parts:
        parts.append(ctx.t("export.empty"))
    return join(heading(2, ctx.t("export.heading.calendar")), *parts)


def calendar_pages(ctx: ExportContext, page_rows: int) -> list[tuple[str, str]]:
    """The calendar as (title, Markdown) pages of at most ``page_rows`` rows, for the preview."""
    grouped = months(ctx)
    if not grouped:
        return [(ctx.raw("export.heading.calendar"), calendar(ctx, grouped))]
    head = headers(ctx)
    pages = []
    for m in grouped:
        for first in range(0, len(m.rows), page_rows):
            chunk = m.rows[first : first + page_rows]
            title = m.title
            if len(m.rows) > page_rows:
                title = ctx.raw(
                    "export.preview.page", title=m.title, first=first + 1, last=first + len(chunk)
                )
            pages.append((title, join(heading(3, inline(title)), table(head, chunk))))
    return pages
