"""Step 5: content pillars and the role of each network."""

from __future__ import annotations

from smplan.export.blocks import bullets, heading, join, labelled
from smplan.export.context import ExportContext
from smplan.export.escape import block, inline
from smplan.model import NetworkStrategy

ITEM_INDENT = "  "


def strategy(ctx: ExportContext) -> str:
    data = ctx.plan.strategy
    parts = []
    pillars = [p for p in data.pillars if p.strip()]
    if pillars:
        parts.append(
            join(heading(3, ctx.t("export.sub.pillars")), bullets(inline(p) for p in pillars))
        )
    parts += [network(ctx, item) for item in data.networks]
    if not parts:
        parts.append(ctx.t("export.empty"))
    return join(heading(2, ctx.t("export.heading.strategy")), *parts)


def network(ctx: ExportContext, item: NetworkStrategy) -> str:
    paid = "" if item.paid is None else ctx.value("answer", "yes" if item.paid else "no")
    personas = ctx.names(ctx.persona_names.get(p, p) for p in item.personas)
    lines = [
        labelled(ctx.t("export.label.role"), block(item.role or "", ITEM_INDENT)),
        labelled(ctx.t("export.label.audience"), block(item.audience or "", ITEM_INDENT)),
        labelled(ctx.t("export.label.personas"), personas),
        labelled(ctx.t("export.label.tone"), inline(item.tone or "")),
        labelled(ctx.t("export.label.formats"), ctx.values("format", item.formats)),
        labelled(ctx.t("export.label.posts-per-week"), ctx.number(item.posts_per_week)),
        labelled(ctx.t("export.label.paid"), paid),
        labelled(ctx.t("export.label.notes"), block(item.notes or "", ITEM_INDENT)),
    ]
    name = ctx.value("network", item.network) or "-"
    return join(heading(3, name), bullets(line for line in lines if line))
