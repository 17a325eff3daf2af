"""The export as a set of pages for a wiki: an index, a page per step, a page per calendar month.

``smplan export --split DIR`` writes these. Each wiki has its own rules for
page names and links (docs/export.md gives them with their sources):

- GitHub and GitLab repository files, ``plain``: relative links to ``.md``
  files, in one folder; the index is ``README.md``, which both show under the
  folder's file list.
- GitHub and GitLab wikis (``wiki=True``): links by page name, without
  ``.md`` (a link with it opens the raw file); the index is ``Home.md`` (GitHub)
  or ``home.md`` (GitLab), each wiki's front page. GitHub's wiki shows every
  page in one namespace, so all pages sit in one folder.
- Azure DevOps wiki: a page's file name is its title with ``-`` for spaces;
  subpages sit in a folder named like their parent page; a ``.order`` file in
  each folder lists the pages in order. The calendar's months are subpages of
  the calendar page. Links are relative paths to the ``.md`` files.
- Obsidian vault: notes named with their plain title; links are relative
  paths to the ``.md`` files with spaces percent-encoded.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import quote

from smplan.export.blocks import heading, join
from smplan.export.calendar import Month, goal_key, month_table, months
from smplan.export.context import ExportContext
from smplan.export.escape import inline
from smplan.export.overview import STEP_HEADINGS, contents, overview
from smplan.export.sections import step_sections
from smplan.export.summary import summary

#: Characters no wiki page name may hold (Azure refuses / \\ # and leading dots; file systems : * ? " < > |).
_UNSAFE = re.compile(r'[/\\#:*?"<>|%\x00-\x1f]+')
_FENCE = re.compile(r"^(```|~~~|:::)")


@dataclass(frozen=True, slots=True)
class Page:
    #: Where the page goes, relative to the export folder (``/`` separated).
    path: PurePosixPath
    title: str
    markdown: str


@dataclass(slots=True)
class SplitExport:
    pages: list[Page]
    #: Other files the wiki needs (Azure's ``.order``), path -> text.
    extra: dict[PurePosixPath, str] = field(default_factory=dict)


def page_name(words: str, flavor: str) -> str:
    """A page's file name (no ``.md``) for a title of plain words."""
    cleaned = " ".join(_UNSAFE.sub(" ", words).split()).strip(". ") or "page"
    if flavor == "obsidian":
        return cleaned
    return cleaned.replace(" ", "-")


class Layout:
    """File names and links of the pages under one flavor's rules."""

    def __init__(self, ctx: ExportContext, wiki: bool) -> None:
        self.ctx = ctx
        self.flavor = ctx.flavor.name
        self.wiki = wiki and self.flavor in ("github", "gitlab")

    def name(self, words: str) -> str:
        return page_name(words, self.flavor)

    def index(self) -> PurePosixPath:
        if self.flavor in ("azure", "obsidian"):
            return PurePosixPath(self.name(self.ctx.raw("export.split.index")) + ".md")
        if self.wiki:
            return PurePosixPath(("Home" if self.flavor == "github" else "home") + ".md")
        return PurePosixPath("README.md")

    def step(self, number: int, words: str) -> PurePosixPath:
        # Azure orders pages with .order; elsewhere the number keeps the file list in order.
        if self.flavor == "azure":
            return PurePosixPath(self.name(words) + ".md")
        return PurePosixPath(self.name(f"{number} {words}") + ".md")

    def month(self, calendar_page: PurePosixPath, words: str) -> PurePosixPath:
        if self.flavor == "azure":
            return PurePosixPath(calendar_page.stem) / (self.name(words) + ".md")
        joiner = " " if self.flavor == "obsidian" else "-"
        return PurePosixPath(calendar_page.stem + joiner + self.name(words) + ".md")

    def link(self, source: PurePosixPath, target: PurePosixPath) -> str:
        """The link from page ``source`` to page ``target``."""
        if self.wiki:
            return quote(target.stem, safe="-._~")
        relative = posixpath.relpath(str(target), str(source.parent))
        if self.flavor == "azure" and not relative.startswith("."):
            relative = "./" + relative
        return quote(relative, safe="/-._~")


def promote(markdown: str) -> str:
    """Every heading one level up (``##`` -> ``#``): a step is the page's own title."""
    out = []
    fence: str | None = None
    for line in markdown.split("\n"):
        if fence is not None:
            if line.strip() == fence:
                fence = None
        elif _FENCE.match(line):
            fence = line[:3]
        elif line.startswith("##"):
            line = line[1:]
        out.append(line)
    return "\n".join(out)


def _nav(
    ctx: ExportContext,
    layout: Layout,
    page: PurePosixPath,
    up: tuple[PurePosixPath, str],
    previous: tuple[PurePosixPath, str] | None,
    following: tuple[PurePosixPath, str] | None,
) -> tuple[str, str]:
    """The line above a page (back up) and the line below it (previous and next)."""
    top = f"[{inline(up[1])}]({layout.link(page, up[0])})"
    steps = []
    if previous is not None:
        steps.append(
            ctx.t("export.split.previous")
            + f" [{inline(previous[1])}]({layout.link(page, previous[0])})"
        )
    if following is not None:
        steps.append(
            ctx.t("export.split.next")
            + f" [{inline(following[1])}]({layout.link(page, following[0])})"
        )
    return top, " · ".join(steps)


def split_export(ctx: ExportContext, *, wiki: bool = False) -> SplitExport:
    """The pages of the plan under ``ctx``'s flavor (``wiki``: GitHub or GitLab wiki links)."""
    layout = Layout(ctx, wiki)
    index = layout.index()
    index_title = ctx.raw("export.split.index")
    steps = step_sections(ctx)
    step_words = [ctx.raw(msg_id) for msg_id in STEP_HEADINGS]
    step_paths = [layout.step(n, words) for n, words in enumerate(step_words, 1)]
    calendar_at = STEP_HEADINGS.index("export.heading.calendar")
    grouped = months(ctx)
    month_paths = [layout.month(step_paths[calendar_at], m.title) for m in grouped]

    pages: list[Page] = []
    # The index: title block, summary, a contents list linking every page.
    toc = contents(ctx, [layout.link(index, path) for path in step_paths])
    pages.append(Page(index, index_title, join(overview(ctx), summary(ctx), toc) + "\n"))

    for n, ((_title, markdown), path) in enumerate(zip(steps, step_paths, strict=True)):
        previous = (step_paths[n - 1], step_words[n - 1]) if n > 0 else None
        following = (step_paths[n + 1], step_words[n + 1]) if n + 1 < len(step_paths) else None
        top, bottom = _nav(ctx, layout, path, (index, index_title), previous, following)
        if n == calendar_at:
            body = _calendar_page(ctx, layout, path, grouped, month_paths)
        else:
            body = promote(markdown)
        pages.append(Page(path, step_words[n], join(top, body, bottom) + "\n"))

    for n, (month, path) in enumerate(zip(grouped, month_paths, strict=True)):
        previous = (month_paths[n - 1], grouped[n - 1].title) if n > 0 else None
        following = (month_paths[n + 1], grouped[n + 1].title) if n + 1 < len(grouped) else None
        top, bottom = _nav(
            ctx,
            layout,
            path,
            (step_paths[calendar_at], step_words[calendar_at]),
            previous,
            following,
        )
        body = join(heading(1, inline(month.title)), goal_key(ctx), month_table(ctx, month.rows))
        pages.append(Page(path, month.title, join(top, body, bottom) + "\n"))

    extra: dict[PurePosixPath, str] = {}
    if ctx.flavor.name == "azure":
        extra[PurePosixPath(".order")] = "\n".join(p.stem for p in [index, *step_paths]) + "\n"
        if month_paths:
            folder = month_paths[0].parent
            extra[folder / ".order"] = "\n".join(p.stem for p in month_paths) + "\n"
    return SplitExport(pages, extra)


def _calendar_page(
    ctx: ExportContext,
    layout: Layout,
    path: PurePosixPath,
    grouped: list[Month],
    month_paths: list[PurePosixPath],
) -> str:
    """The calendar step's own page: the goal key and a link to each month's page with its count."""
    lines = [
        f"- [{inline(m.title)}]({layout.link(path, p)}): "
        + ctx.t("export.split.items", count=len(m.rows))
        for m, p in zip(grouped, month_paths, strict=True)
    ]
    body = "\n".join(lines) if lines else ctx.t("export.empty")
    return join(heading(1, ctx.t("export.heading.calendar")), goal_key(ctx), body)


__all__ = ["Layout", "Page", "SplitExport", "page_name", "promote", "split_export"]
