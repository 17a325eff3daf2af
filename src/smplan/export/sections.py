"""The export as a list of sections, in the method's order; joined, they are the document."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from smplan.export.anchors import heading_ids, headings
from smplan.export.audit import audit
from smplan.export.calendar import calendar, calendar_pages
from smplan.export.context import ExportContext, reference_day
from smplan.export.flavors import flavor_named
from smplan.export.goals import goals
from smplan.export.measurement import measurement
from smplan.export.overview import contents, overview, title_text
from smplan.export.personas import personas
from smplan.export.resources import resources
from smplan.export.strategy import strategy
from smplan.export.summary import summary
from smplan.i18n import Lang, as_language
from smplan.model import Plan

Section = tuple[str, str]


def context_for(
    plan: Plan,
    flavor: str | None,
    lang: str | None,
    today: dt.date | None = None,
    *,
    plan_dir: Path | None = None,
    out_dir: Path | None = None,
) -> ExportContext:
    language: Lang = as_language(lang) or plan.language
    return ExportContext(
        plan,
        language,
        flavor_named(flavor),
        today or reference_day(plan),
        plan_dir=plan_dir,
        out_dir=out_dir,
    )


def step_sections(ctx: ExportContext, page_rows: int | None = None) -> list[Section]:
    """(title, Markdown) of the seven steps; with ``page_rows``, the calendar in pages."""
    out: list[Section] = [
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


def step_targets(ctx: ExportContext, head: list[str], steps: list[str]) -> list[str | None]:
    """The link target of each step's heading on a page of ``head`` parts then ``steps``.

    Ids are computed over every heading of the page in document order, so a
    persona or network named like a step cannot take the step's id.
    """
    ids = heading_ids([*head, *steps], ctx.flavor.slug_rule)[len(head) :]
    targets: list[str | None] = []
    for part, part_ids in zip(steps, ids, strict=True):
        first = next(headings(part), None)
        if first is None or not part_ids:
            targets.append(None)
        else:
            targets.append(ctx.flavor.anchor(first[1], part_ids[0]))
    return targets


def build_sections(ctx: ExportContext, page_rows: int | None = None) -> list[Section]:
    """(title, Markdown) of each section: title block and summary, contents, the steps."""
    top = overview(ctx)
    brief = summary(ctx)
    steps = step_sections(ctx, page_rows)
    # The contents heading comes before the steps; its own id is counted too.
    head = [top, brief, contents(ctx, [None] * 7)]
    if page_rows is None:
        targets = step_targets(ctx, head, [markdown for _title, markdown in steps])
    else:
        # The preview shows one section at a time; its contents need no links.
        targets = [None] * 7
    toc = contents(ctx, targets)
    first = (title_text(ctx), "\n\n".join(p for p in (top, brief, toc) if p))
    return [first, *steps]


def join_sections(sections: list[Section]) -> str:
    """The document: sections one blank line apart, ending in one newline."""
    return "\n\n".join(markdown for _title, markdown in sections) + "\n"
