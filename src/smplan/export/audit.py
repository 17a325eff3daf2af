"""Step 1: where we stand. Networks, the audit questions, competitors, SWOT."""

from __future__ import annotations

from smplan.export.blocks import heading, join, table
from smplan.export.context import ExportContext
from smplan.export.escape import block, inline
from smplan.model import AUDIT_QUESTIONS, SWOT_QUADRANTS

#: The catalogue's wording of each audit question, by field of ``[audit.answers]``.
QUESTIONS = {
    "worked_well": "export.question.worked-well",
    "mistakes": "export.question.mistakes",
    "competition": "export.question.competition",
    "best_content": "export.question.best-content",
    "campaign_results": "export.question.campaign-results",
    "what_people_say": "export.question.what-people-say",
    "most_engagement": "export.question.most-engagement",
    "most_active_network": "export.question.most-active-network",
    "persona_behaviour": "export.question.persona-behaviour",
    "past_tools": "export.question.past-tools",
}
QUADRANTS = {
    "strengths": "export.column.strengths",
    "weaknesses": "export.column.weaknesses",
    "opportunities": "export.column.opportunities",
    "threats": "export.column.threats",
}
#: Items of a SWOT quadrant share one cell (a table cell holds no line breaks).
ITEM_MARK = "•"


def audit(ctx: ExportContext) -> str:
    data = ctx.plan.audit
    parts = [
        heading(2, ctx.t("export.heading.audit")),
        block(data.summary or ""),
        networks(ctx),
        answers(ctx),
        competitors(ctx),
        swot(ctx),
    ]
    if not any(parts[1:]):
        parts.append(ctx.t("export.empty"))
    return join(*parts)


def networks(ctx: ExportContext) -> str:
    profiles = ctx.plan.audit.profiles
    if not profiles:
        return ""
    headers = ctx.columns("network", "handle", "followers", "engagement", "posts-per-week", "notes")
    rows = [
        [
            inline(p.network or ""),
            inline(p.handle or ""),
            ctx.number(p.followers),
            ctx.percent(p.engagement_rate),
            ctx.number(p.posts_per_week),
            inline(p.notes or ""),
        ]
        for p in profiles
    ]
    return join(heading(3, ctx.t("export.sub.networks")), table(headers, rows))


def answers(ctx: ExportContext) -> str:
    given = ctx.plan.audit.answers
    parts = []
    for name in AUDIT_QUESTIONS:
        text = block(getattr(given, name) or "")
        if text:
            parts.append(join(f"**{ctx.t(QUESTIONS[name])}**", text))
    if not parts:
        return ""
    return join(heading(3, ctx.t("export.sub.answers")), *parts)


def competitors(ctx: ExportContext) -> str:
    listed = ctx.plan.audit.competitors
    if not listed:
        return ""
    headers = ctx.columns("name", "networks", "notes")
    rows = [[inline(c.name or ""), ctx.words(c.networks), inline(c.notes or "")] for c in listed]
    return join(heading(3, ctx.t("export.sub.competitors")), table(headers, rows))


def swot(ctx: ExportContext) -> str:
    """The four quadrants as a 2x2 table: internal on top, external below."""
    data = ctx.plan.audit.swot
    cells = {name: _items(getattr(data, name)) for name in SWOT_QUADRANTS}
    if not any(cells.values()):
        return ""
    headers = [ctx.t(QUADRANTS["strengths"]), ctx.t(QUADRANTS["weaknesses"])]
    rows = [
        [cells["strengths"], cells["weaknesses"]],
        [f"**{ctx.t(QUADRANTS['opportunities'])}**", f"**{ctx.t(QUADRANTS['threats'])}**"],
        [cells["opportunities"], cells["threats"]],
    ]
    return join(heading(3, ctx.t("export.sub.swot")), table(headers, rows))


def _items(values: list[str]) -> str:
    return " ".join(f"{ITEM_MARK} {inline(v)}" for v in values if v.strip())
