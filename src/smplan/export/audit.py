"""Step 1: where we stand. Networks, the audit questions, competitors, SWOT."""

from __future__ import annotations

from smplan.export.blocks import bullets, heading, join
from smplan.export.context import ExportContext
from smplan.export.escape import block, inline
from smplan.model import AUDIT_QUESTIONS, SWOT_QUADRANTS

#: Each quadrant's name; each question is worded as the app shows it (``question.<field>``).
QUADRANTS = {
    "strengths": "export.column.strengths",
    "weaknesses": "export.column.weaknesses",
    "opportunities": "export.column.opportunities",
    "threats": "export.column.threats",
}
#: Continuation lines of a list item's text line up under its first word.
ITEM_INDENT = "  "


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
    """One narrow row per network; the notes below the table."""
    profiles = ctx.plan.audit.profiles
    if not profiles:
        return ""
    headers = ctx.columns("network", "handle", "followers", "engagement", "posts-per-week")
    rows = [
        [
            ctx.value("network", p.network),
            inline(p.handle or ""),
            ctx.number(p.followers),
            ctx.percent(p.engagement_rate),
            ctx.number(p.posts_per_week),
        ]
        for p in profiles
    ]
    notes = [
        f"**{ctx.value('network', p.network) or '-'}:** {block(p.notes, ITEM_INDENT)}"
        for p in profiles
        if p.notes and block(p.notes)
    ]
    return join(heading(3, ctx.t("export.sub.networks")), ctx.table(headers, rows), bullets(notes))


def answers(ctx: ExportContext) -> str:
    given = ctx.plan.audit.answers
    parts = []
    for name in AUDIT_QUESTIONS:
        text = block(getattr(given, name) or "")
        if text:
            parts.append(join(f"**{ctx.t(f'question.{name}')}**", text))
    if not parts:
        return ""
    return join(heading(3, ctx.t("export.sub.answers")), *parts)


def competitors(ctx: ExportContext) -> str:
    """Each competitor: name, networks, notes, as a list."""
    listed = ctx.plan.audit.competitors
    if not listed:
        return ""
    lines = []
    for c in listed:
        term = f"**{inline(c.name or '') or '-'}**"
        where = ctx.values("network", c.networks)
        if where:
            term += f" ({where})"
        notes = block(c.notes or "", ITEM_INDENT)
        lines.append(f"{term}: {notes}" if notes else term)
    return join(heading(3, ctx.t("export.sub.competitors")), bullets(lines))


def swot(ctx: ExportContext) -> str:
    """The four quadrants, each a list: internal (strengths, weaknesses) first."""
    data = ctx.plan.audit.swot
    parts = []
    for name in SWOT_QUADRANTS:
        items = [inline(v) for v in getattr(data, name) if inline(v)]
        if items:
            parts.append(join(f"**{ctx.t(QUADRANTS[name])}**", bullets(items)))
    if not parts:
        return ""
    return join(heading(3, ctx.t("export.sub.swot")), *parts)
