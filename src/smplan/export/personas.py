"""Step 2: buyer personas, one card each."""

from __future__ import annotations

from smplan.export.blocks import bullets, heading, join, labelled
from smplan.export.context import ExportContext
from smplan.export.escape import block, inline, safe_url
from smplan.model import Persona

#: Single-value fields of a card, in reading order, with their labels.
TEXT_FIELDS = (
    ("gender", "export.label.gender"),
    ("age_range", "export.label.age-range"),
    ("location", "export.label.location"),
    ("education", "export.label.education"),
    ("profession", "export.label.profession"),
    ("personality", "export.label.personality"),
)
LIST_FIELDS = (
    ("fears", "export.label.fears"),
    ("desires", "export.label.desires"),
    ("frustrations", "export.label.frustrations"),
    ("hobbies", "export.label.hobbies"),
    ("habits", "export.label.habits"),
)
LATE_FIELDS = (
    ("family", "export.label.family"),
    ("digital_behaviour", "export.label.digital-behaviour"),
)
#: Continuation lines of a list item's text line up under its first word.
ITEM_INDENT = "  "


def personas(ctx: ExportContext) -> str:
    cards = [card(ctx, persona) for persona in ctx.plan.personas]
    return (
        join(heading(2, ctx.t("export.heading.personas")), *cards)
        if cards
        else join(heading(2, ctx.t("export.heading.personas")), ctx.t("export.empty"))
    )


def card(ctx: ExportContext, persona: Persona) -> str:
    name = persona.name or persona.id or "-"
    lines = []
    for field, label in TEXT_FIELDS:
        lines.append(labelled(ctx.t(label), block(getattr(persona, field) or "", ITEM_INDENT)))
    for field, label in LIST_FIELDS:
        lines.append(labelled(ctx.t(label), ctx.words(getattr(persona, field), "; ")))
    for field, label in LATE_FIELDS:
        lines.append(labelled(ctx.t(label), block(getattr(persona, field) or "", ITEM_INDENT)))
    lines.append(labelled(ctx.t("export.label.networks"), ctx.words(persona.networks)))
    lines.append(labelled(ctx.t("export.label.sources"), ctx.words(persona.sources, "; ")))
    facts = bullets(line for line in lines if line)
    warning = (
        "" if any(s.strip() for s in persona.sources) else f"*{ctx.t('export.label.no-sources')}*"
    )
    return join(heading(3, inline(name)), photo(ctx, persona), facts, warning)


def photo(ctx: ExportContext, persona: Persona) -> str:
    """The photo as an image when it is a relative path or an http(s) URL, else its text."""
    if not persona.photo:
        return ""
    target = safe_url(persona.photo)
    if target is None or target.lower().startswith("mailto:"):
        return labelled(ctx.t("export.label.photo"), inline(persona.photo))
    alt = inline(persona.name or persona.id)
    return f"![{alt}]({target})"
