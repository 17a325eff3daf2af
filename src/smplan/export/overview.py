"""The title block: the plan's name, who it is for, when, in which currency; then the contents."""

from __future__ import annotations

from smplan.export.blocks import bullets, heading, join, labelled
from smplan.export.context import ExportContext
from smplan.export.escape import inline

#: The export's sections after the title block, by catalogue id, in the method's order.
STEP_HEADINGS = (
    "export.heading.audit",
    "export.heading.personas",
    "export.heading.resources",
    "export.heading.goals",
    "export.heading.strategy",
    "export.heading.calendar",
    "export.heading.measurement",
)


def title_text(ctx: ExportContext) -> str:
    return ctx.plan.plan.title or ctx.raw("export.untitled")


def overview(ctx: ExportContext) -> str:
    info = ctx.plan.plan
    period = ""
    if info.period_start and info.period_end:
        period = ctx.t(
            "export.range",
            start=ctx.raw_date(info.period_start),
            end=ctx.raw_date(info.period_end),
        )
    else:
        period = ctx.date(info.period_start or info.period_end)
    owner = ""
    if info.owner:
        name = ctx.member_names.get(info.owner)
        owner = inline(f"{name} ({info.owner})" if name and name != info.owner else info.owner)
    facts = [
        labelled(ctx.t("export.label.organization"), inline(info.organization or "")),
        labelled(ctx.t("export.label.owner"), owner),
        labelled(ctx.t("export.label.period"), period),
        labelled(ctx.t("export.label.currency"), inline(ctx.plan.currency)),
    ]
    return join(
        heading(1, inline(title_text(ctx))),
        bullets(fact for fact in facts if fact),
        ctx.t("export.as-of", date=ctx.raw_date(ctx.today)),
        contents(ctx),
    )


def contents(ctx: ExportContext) -> str:
    """The table of contents: links where the wiki gives headings anchors, else plain words."""
    lines = []
    for number, msg_id in enumerate(STEP_HEADINGS, 1):
        words = ctx.raw(msg_id)
        target = ctx.flavor.anchor(words)
        entry = f"[{inline(words)}]({target})" if target else inline(words)
        lines.append(f"{number}. {entry}")
    return join(heading(2, ctx.t("export.heading.contents")), "\n".join(lines))
