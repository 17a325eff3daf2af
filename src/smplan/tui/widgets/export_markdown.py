"""Textual's Markdown widget with tables and flat lists drawn as one block each.

Textual lays out a Markdown table as one widget per cell and a list as three
widgets per item; a page of the export would then be hundreds of widgets, and
the app stalls while they mount. Here a table is one Static holding a Rich
table and a flat bullet list one Static of lines. Everything else is Textual's
own rendering.

Textual 8.2.8 exports only ``Markdown`` and ``MarkdownBlock`` publicly
(``textual.widgets.markdown``); the table, list and paragraph blocks this
module replaces, and their ``_blocks``/``_content``, have no public name. The
one import below and the two attribute reads in ``CompactBulletList`` are the
only private Textual names left in smplan (guarded by tests/test_import_rules.py).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Markdown, Static
from textual.widgets._markdown import (
    MarkdownBlock,
    MarkdownBulletList,
    MarkdownListItem,
    MarkdownParagraph,
    MarkdownTable,
)


class CompactTable(MarkdownTable):
    """A table as lines of text in columns (a Rich table re-measures every cell on each frame)."""

    DEFAULT_CSS = """
    CompactTable {
        height: auto;
        width: auto;
        margin-bottom: 1;
    }
    CompactTable > Static {
        width: auto;
        text-wrap: nowrap;
    }
    """

    def compose(self) -> ComposeResult:
        headers, rows = self._get_headers_and_rows()
        yield Static(grid_text([h.plain for h in headers], [[c.plain for c in r] for r in rows]))


#: The widest a column of the preview's tables gets; longer cells end in "…".
MAX_COLUMN = 36


def grid_text(headers: list[str], rows: list[list[str]]) -> Content:
    """Columns padded to their widest cell (at most :data:`MAX_COLUMN`), header in bold."""
    width = len(headers)
    cells = [[*row[:width], *[""] * (width - len(row))] for row in rows]
    sizes = [
        min(MAX_COLUMN, max([cell_len(headers[i]), *(cell_len(r[i]) for r in cells)]))
        for i in range(width)
    ]

    def line(values: list[str]) -> str:
        return "  ".join(_fit(v, size) for v, size in zip(values, sizes, strict=True)).rstrip()

    rule = "  ".join("─" * size for size in sizes)
    body = "\n".join(line(row) for row in cells)
    head = Content.styled(line(headers), "bold")
    return Content("\n").join([head, Content(rule), Content(body)]) if body else head


def _fit(text: str, size: int) -> str:
    if cell_len(text) > size:
        return set_cell_size(text, size - 1) + "…"
    return set_cell_size(text, size)


class CompactBulletList(MarkdownBulletList):
    DEFAULT_CSS = """
    CompactBulletList {
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        lines: list[Content] = []
        for item in self._blocks:
            paragraphs = item._blocks if isinstance(item, MarkdownListItem) else []
            if not paragraphs or not all(isinstance(p, MarkdownParagraph) for p in paragraphs):
                # A nested list or a code block: Textual's own layout.
                yield from super().compose()
                return
            body = Content("\n").join(p._content for p in paragraphs)
            lines.append(Content("• ") + body)
        self._blocks.clear()
        yield Static(Content("\n").join(lines), classes="compact-list")


class ExportMarkdown(Markdown):
    """The preview's Markdown: tables and flat lists drawn as one widget each."""

    BLOCKS: dict[str, type[MarkdownBlock]] = {  # noqa: RUF012 (Textual reads it per class)
        **Markdown.BLOCKS,
        "table_open": CompactTable,
        "bullet_list_open": CompactBulletList,
    }
