"""Step 2: buyer personas, one card each."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

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
    name = persona.name or ctx.raw("export.unnamed-persona")
    lines = []
    for field, label in TEXT_FIELDS:
        lines.append(labelled(ctx.t(label), block(getattr(persona, field) or "", ITEM_INDENT)))
    for field, label in LIST_FIELDS:
        lines.append(labelled(ctx.t(label), ctx.words(getattr(persona, field), "; ")))
    for field, label in LATE_FIELDS:
        lines.append(labelled(ctx.t(label), block(getattr(persona, field) or "", ITEM_INDENT)))
    lines.append(labelled(ctx.t("export.label.networks"), ctx.values("network", persona.networks)))
    lines.append(labelled(ctx.t("export.label.sources"), ctx.words(persona.sources, "; ")))
    facts = bullets(line for line in lines if line)
    warning = (
        "" if any(s.strip() for s in persona.sources) else f"*{ctx.t('export.label.no-sources')}*"
    )
    return join(heading(3, inline(name)), photo(ctx, persona), facts, warning)


def photo(ctx: ExportContext, persona: Persona) -> str:
    """The photo, when it can show: an http(s) URL, or a file that exists beside the plan.

    A relative path is rewritten for the folder the page is written to. A
    missing file shows nothing here (`smplan check` warns about it); the alt
    text says whose photo it is.
    """
    target = photo_target(persona.photo, ctx.plan_dir, ctx.out_dir)
    if target is None:
        return ""
    who = persona.name or ctx.raw("export.unnamed-persona")
    return f"![{ctx.t('export.photo-alt', name=who)}]({target})"


def photo_target(value: str | None, plan_dir: Path | None, out_dir: Path | None) -> str | None:
    """The link target of a persona photo for a page in ``out_dir``, or None when it cannot show."""
    if not value:
        return None
    url = safe_url(value)
    if url is None or url.lower().startswith("mailto:"):
        return None
    if "://" in url:
        return url
    if plan_dir is None:
        return None
    source = plan_dir / value.strip()
    if not source.is_file():
        return None
    if out_dir is None or _same_dir(out_dir, plan_dir):
        return url
    relative = os.path.relpath(source.resolve(), out_dir.resolve())
    return safe_url(PurePosixPath(Path(relative)).as_posix())


def _same_dir(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
