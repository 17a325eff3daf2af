"""The export as a list of sections, in the method's order; joined, they are the document."""

from __future__ import annotations

import datetime as dt

from smplan.export.audit import audit
from smplan.export.calendar import calendar, calendar_pages
from smplan.export.context import ExportContext, reference_day
from smplan.export.flavors import flavor_named
from smplan.export.goals import goals
from smplan.export.measurement import measurement
from smplan.export.overview import overview, title_text
from smplan.export.personas import personas
from smplan.export.resources import resources
from smplan.export.strategy import strategy
from smplan.i18n import Lang, as_language
from smplan.model import Plan

Section = tuple[str, str]


def context_for(
    plan: Plan, flavor: str | None, lang: str | None, today: dt.date | None = None
) -> ExportContext:
    language: Lang = as_language(lang) or plan.language
    return ExportContext(plan, language, flavor_named(flavor), today or reference_day(plan))


def build_sections(ctx: ExportContext, page_rows: int | None = None) -> list[Section]:
    """(title, Markdown) of each section; with ``page_rows``, the calendar in pages."""
    out: list[Section] = [
        (title_text(ctx), overview(ctx)),
        (ctx.raw("export.heading.audit"), audit(ctx)),
        (ctx.raw("export.heading.personas"), personas(ctx)),
        (ctx.raw("export.heading.resources"), resources(ctx)),
        (ctx.raw("export.heading.goals"), goals(ctx)),
        (ctx.raw("export.heading.strategy"), strategy(ctx)),
    ]
    if page_rows is None:
        out.append((ctx.raw("export.heading.calendar"), calendar(ctx)))
    else:
        out += calendar_pages(ctx, page_rows)
    out.append((ctx.raw("export.heading.measurement"), measurement(ctx)))
    return out


def join_sections(sections: list[Section]) -> str:
    """The document: sections one blank line apart, ending in one newline."""
    return "\n\n".join(markdown for _title, markdown in sections) + "\n"
