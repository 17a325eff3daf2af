"""The title block: the plan's name, who it is for, when, in which currency; then the contents."""

from __future__ import annotations

from collections.abc import Sequence

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
    """The title, the plan's facts and the day its goals are judged on."""
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
    facts = [
        labelled(ctx.t("export.label.organization"), inline(info.organization or "")),
        labelled(ctx.t("export.label.owner"), ctx.member(info.owner)),
        labelled(ctx.t("export.label.period"), period),
        labelled(ctx.t("export.label.currency"), inline(ctx.plan.currency)),
    ]
    return join(
        heading(1, inline(title_text(ctx))),
        bullets(fact for fact in facts if fact),
        ctx.t("export.as-of", date=ctx.raw_date(ctx.today)),
    )


def contents(ctx: ExportContext, targets: Sequence[str | None]) -> str:
    """The table of contents: a link to each step where the wiki gives it one, else its words.

    ``targets`` are the link targets of the steps, in order (computed from the
    page's headings, see :mod:`smplan.export.anchors`), None for no link.
    """
    lines = []
    for number, (msg_id, target) in enumerate(zip(STEP_HEADINGS, targets, strict=True), 1):
        words = inline(ctx.raw(msg_id))
        entry = f"[{words}]({target})" if target else words
        lines.append(f"{number}. {entry}")
    return join(heading(2, ctx.t("export.heading.contents")), "\n".join(lines))
