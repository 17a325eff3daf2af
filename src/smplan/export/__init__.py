"""The Markdown export of a plan: pure functions, no Textual.

``export_markdown`` is the document; ``export_sections`` the same document in
sections (the app's preview shows one at a time); ``write_export`` writes
``<plan>.md`` beside the plan when the plan asks for it (``[export] markdown``),
and ``write_markdown`` writes it whenever called (``smplan export``, the
preview's write key). The CLI and the app call these same functions.
See docs/export.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from smplan.export.errors import ExportError
from smplan.export.flavors import DEFAULT_FLAVOR, FLAVORS
from smplan.export.sections import Section, build_sections, context_for, join_sections
from smplan.export.split import SplitExport, split_export
from smplan.export.write import default_path, make_folder, write_text
from smplan.i18n import Lang, t
from smplan.model import SCHEMA_VERSION, Plan

if TYPE_CHECKING:
    from smplan.store import PlanFile

#: Calendar rows per page of the preview: a terminal lays out this many quickly.
PREVIEW_PAGE_ROWS = 50
#: A single-file export larger than this (bytes) is said to be too big for a wiki page:
#: GitHub shows Markdown files past about 512 KB as plain text (docs/export.md).
SIZE_LIMIT = 500 * 1000


def export_markdown(
    plan: Plan,
    flavor: str | None = DEFAULT_FLAVOR,
    lang: str | None = None,
    *,
    today: dt.date | None = None,
    plan_dir: Path | None = None,
    out_dir: Path | None = None,
) -> str:
    """The whole export of ``plan`` as Markdown, in ``lang`` (default: the plan's language).

    ``today`` is the day goals are judged on (default: the plan's reference
    day, so the same plan always gives the same text). ``plan_dir`` is the
    plan's folder: persona photos show only when their file is there (or they
    are web addresses); ``out_dir``, the folder the page goes to, for their
    relative paths.
    """
    ctx = context_for(plan, flavor, lang, today, plan_dir=plan_dir, out_dir=out_dir)
    return join_sections(build_sections(ctx))


def export_sections(
    plan: Plan,
    flavor: str | None = DEFAULT_FLAVOR,
    lang: str | None = None,
    *,
    today: dt.date | None = None,
) -> list[Section]:
    """(title, Markdown) of each section in the method's order; joined, the whole export."""
    return build_sections(context_for(plan, flavor, lang, today))


def preview_sections(
    plan: Plan,
    flavor: str | None = DEFAULT_FLAVOR,
    lang: str | None = None,
    page_rows: int = PREVIEW_PAGE_ROWS,
) -> list[Section]:
    """The sections with the calendar cut into pages of ``page_rows`` rows, for the preview."""
    return build_sections(context_for(plan, flavor, lang), page_rows)


def split_pages(
    plan: Plan,
    flavor: str | None = DEFAULT_FLAVOR,
    lang: str | None = None,
    *,
    wiki: bool = False,
    plan_dir: Path | None = None,
    out_dir: Path | None = None,
) -> SplitExport:
    """The export as wiki pages: an index, a page per step, a page per calendar month."""
    ctx = context_for(plan, flavor, lang, plan_dir=plan_dir, out_dir=out_dir)
    return split_export(ctx, wiki=wiki)


def size_warning(size: int, lang: Lang | None = None) -> str | None:
    """What to tell the user when a single-file export of ``size`` bytes is too big for a wiki."""
    if size <= SIZE_LIMIT:
        return None
    return t("export.too-large", lang, size=f"{size // 1000:,}", limit=SIZE_LIMIT // 1000)


def plan_flavor(plan: Plan, flavor: str | None = None) -> str:
    """The flavor asked for, else the plan's ``[export] flavor``, else github."""
    return flavor or plan.export.flavor or DEFAULT_FLAVOR


def check_exportable(plan: Plan, path: Path | None) -> None:
    """ExportError when the plan must not be exported (written by a newer smplan)."""
    schema = plan.schema_version
    if schema is not None and schema > SCHEMA_VERSION:
        raise ExportError(
            str(path or ""),
            t("export.error.schema-newer", None, found=schema, known=SCHEMA_VERSION),
        )


def write_markdown(
    plan_file: PlanFile,
    target: Path | None = None,
    flavor: str | None = None,
    lang: str | None = None,
) -> Path:
    """Write the export of ``plan_file`` to ``target`` (default: beside the plan); its path."""
    return write_plan_markdown(plan_file.plan, plan_file.path, target, flavor, lang)


def write_plan_markdown(
    plan: Plan,
    plan_path: Path | None,
    target: Path | None = None,
    flavor: str | None = None,
    lang: str | None = None,
) -> Path:
    """Write the export of ``plan`` (read from ``plan_path``) to ``target`` (default: beside it)."""
    check_exportable(plan, plan_path)
    if target is None:
        if plan_path is None:
            raise ExportError("", t("export.error.no-path"))
        target = default_path(plan_path)
    plan_dir = plan_path.parent if plan_path is not None else None
    text = export_markdown(
        plan, plan_flavor(plan, flavor), lang, plan_dir=plan_dir, out_dir=target.parent
    )
    return write_text(target, text, plan_path)


def write_split(
    plan: Plan,
    plan_path: Path | None,
    folder: Path,
    flavor: str | None = None,
    lang: str | None = None,
    *,
    wiki: bool = False,
) -> list[Path]:
    """Write the split export of ``plan`` (from ``plan_path``) into ``folder``; the paths written.

    The folder is made if missing; pages already there are overwritten, others left alone.
    """
    check_exportable(plan, plan_path)
    plan_dir = plan_path.parent if plan_path is not None else None
    split = split_pages(
        plan,
        plan_flavor(plan, flavor),
        lang,
        wiki=wiki,
        plan_dir=plan_dir,
        out_dir=folder,
    )
    if folder.exists() and not folder.is_dir():
        raise ExportError(str(folder), t("export.error.not-a-folder", None))
    written = []
    try:
        for sub in sorted({(folder / page.path).parent for page in split.pages}):
            make_folder(sub, plan_path)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(
            str(folder), t("export.error.write-failed", None, path=folder, reason=reason)
        ) from None
    for page in split.pages:
        written.append(write_text(folder / page.path, page.markdown, plan_path))
    for relative, text in split.extra.items():
        written.append(write_text(folder / relative, text, plan_path))
    return written


def write_export(plan_file: PlanFile) -> Path | None:
    """After a save: write ``<plan>.md`` beside the plan when ``[export] markdown`` is true.

    Returns the path written, or None when the plan does not ask for an export
    (or has no file yet). Raises ExportError (an OSError's words) on failure.
    """
    return write_plan_export(plan_file.plan, plan_file.path)


def write_plan_export(plan: Plan, plan_path: Path | None) -> Path | None:
    """:func:`write_export` for a plan model saved at ``plan_path`` (a save's snapshot)."""
    if not plan.export.markdown or plan_path is None:
        return None
    return write_plan_markdown(plan, plan_path)


__all__ = [
    "DEFAULT_FLAVOR",
    "FLAVORS",
    "PREVIEW_PAGE_ROWS",
    "SIZE_LIMIT",
    "ExportError",
    "Section",
    "SplitExport",
    "check_exportable",
    "default_path",
    "export_markdown",
    "export_sections",
    "plan_flavor",
    "preview_sections",
    "size_warning",
    "split_pages",
    "write_export",
    "write_markdown",
    "write_plan_export",
    "write_plan_markdown",
    "write_split",
]
