"""The export's Markdown read into a few styled blocks of text, one per widget.

The preview does not use Textual's Markdown widget: it lays out a table as one
widget per cell and a list as three widgets per item, and a page of a year
plan's calendar would then be hundreds of widgets to mount. Here the Markdown
is parsed with markdown-it (the parser the wikis' rendering is tested with:
CommonMark, GFM tables and strikethrough, raw HTML off) and each top-level
block becomes one :class:`Block` of :class:`~textual.content.Content`: a whole
table, a whole list (nested lists indented) or a whole block quote is one
block. Text is never read as markup, so ``[b]`` or ``\\`` shows as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from rich.cells import cell_len, set_cell_size
from textual.content import Content, Span

#: The widest a column of the preview's tables gets; longer cells end in "…".
MAX_COLUMN = 36
#: Bullets by depth of nesting (the deepest one repeats).
BULLETS = ("•", "◦", "▪")
#: How inline Markdown is drawn; links show their text, underlined.
INLINE_STYLES = {
    "em": "italic",
    "strong": "bold",
    "s": "strike",
    "link": "underline",
    "code_inline": "bold $text-accent",
}
#: The start of a list line: its indent and marker; wrapped text goes under what follows.
HANG = re.compile(r" *(?:[•◦▪] |\d+[.)] )?")


@dataclass(frozen=True)
class Block:
    """One block of the page: its kind, its text, and a heading's level (1-6).

    Kinds: heading, paragraph, list, table, code, quote, rule; the widget gives
    each its own look (CSS class ``md-<kind>``).
    """

    kind: str
    text: Content
    level: int = 0


def parser() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough, raw HTML off: how the wikis read the export."""
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def parse_blocks(markdown: str, md: MarkdownIt | None = None) -> list[Block]:
    """The page's blocks, in order."""
    tree = SyntaxTreeNode((md or parser()).parse(markdown))
    return [block for node in tree.children for block in _block(node)]


def _block(node: SyntaxTreeNode) -> list[Block]:
    kind = node.type
    if kind == "heading":
        return [Block("heading", _inline_of(node), int(node.tag[1:]))]
    if kind == "paragraph":
        return [Block("paragraph", _inline_of(node))]
    if kind in ("bullet_list", "ordered_list"):
        return [Block("list", _list(node, 0))]
    if kind == "table":
        return [Block("table", _table(node))]
    if kind in ("fence", "code_block"):
        return [Block("code", _code(node))]
    if kind == "blockquote":
        return [Block("quote", _nested(node.children, -1))]
    if kind == "hr":
        return [Block("rule", Content(""))]
    # Anything else markdown-it may add (raw HTML is off): its text, as written.
    return [Block("paragraph", Content(node.content))] if node.content else []


def _inline_of(node: SyntaxTreeNode) -> Content:
    """The text of a heading or paragraph (its one ``inline`` child)."""
    return inline_content(node.children[0].children if node.children else [])


def inline_content(nodes: Sequence[SyntaxTreeNode]) -> Content:
    """Inline Markdown as styled text: emphasis, code, strikethrough; links as their text."""
    text: list[str] = []
    spans: list[Span] = []
    length = 0

    def walk(children: Sequence[SyntaxTreeNode]) -> None:
        nonlocal length
        for child in children:
            start = length
            if child.type in ("text", "code_inline", "softbreak", "hardbreak"):
                piece = {"softbreak": " ", "hardbreak": "\n"}.get(child.type, child.content)
                text.append(piece)
                length += len(piece)
            else:
                # Emphasis, links and images hold their text (an image's is its alt text).
                walk(child.children)
            style = INLINE_STYLES.get(child.type)
            if style and length > start:
                spans.append(Span(start, length, style))

    walk(nodes)
    return Content("".join(text), spans)


def _nested(nodes: Sequence[SyntaxTreeNode], depth: int) -> Content:
    """Blocks inside a list item or a block quote, as one text (paragraphs one line apart)."""
    parts: list[Content] = []
    for node in nodes:
        if node.type in ("bullet_list", "ordered_list"):
            parts.append(_list(node, depth + 1))
        else:
            parts.extend(_as_text(block) for block in _block(node))
    return Content("\n").join(parts)


def _as_text(block: Block) -> Content:
    if block.kind == "heading":
        return block.text.stylize("bold")
    if block.kind == "rule":
        return Content("───")
    if block.kind == "code":
        return block.text.stylize("dim")
    return block.text


def _list(node: SyntaxTreeNode, depth: int) -> Content:
    """A list, nested ones indented under their item; continuation lines aligned to the text."""
    ordered = node.type == "ordered_list"
    start = int(node.attrs.get("start", 1)) if ordered else 1
    lines: list[Content] = []
    for number, item in enumerate(node.children, start):
        if ordered:
            marker = f"{number}{node.markup or '.'} "
        else:
            marker = BULLETS[min(depth, len(BULLETS) - 1)] + " "
        body = _nested(item.children, depth)
        # Later lines of an item (and its nested lists) start under its text.
        hang = Content(" " * cell_len(marker))
        for index, line in enumerate(body.split("\n")):
            lines.append((Content(marker) if index == 0 else hang) + line)
    return Content("\n").join(lines)


def _table(node: SyntaxTreeNode) -> Content:
    headers: list[str] = []
    rows: list[list[str]] = []
    for section in node.children:
        for row in section.children:
            cells = [inline_content(_inline_children(cell)).plain for cell in row.children]
            if section.type == "thead":
                headers = cells
            else:
                rows.append(cells)
    return grid_text(headers, rows)


def _inline_children(cell: SyntaxTreeNode) -> Sequence[SyntaxTreeNode]:
    return cell.children[0].children if cell.children else []


def _code(node: SyntaxTreeNode) -> Content:
    """A code block as written (Mermaid diagrams too: a terminal cannot draw them)."""
    return Content(node.content.rstrip("\n"))


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


def hang_wrap(text: Content, width: int) -> Content:
    """Lines wrapped at ``width``, the rest of a list item's line under its text, not its bullet.

    Textual wraps a Static's lines from the left edge; a list drawn as one
    Static would then have its long items run back under the bullets.
    """
    if width <= 0:
        return text
    out: list[Content] = []
    for line in text.split("\n", allow_blank=True):
        hang = HANG.match(line.plain)
        size = hang.end() if hang else 0
        if line.cell_length <= width or width - size < 10:
            out.append(line)
            continue
        pieces = line[size:].wrap(width - size)
        out.append(line[:size] + pieces[0].rstrip())
        out.extend(Content(" " * size) + piece.rstrip() for piece in pieces[1:])
    return Content("\n").join(out)
