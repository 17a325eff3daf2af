"""Reading the export back the way a wiki does: markdown-it, CommonMark with tables."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token


def parser(html: bool = False) -> MarkdownIt:
    """CommonMark plus GFM tables and strikethrough; raw HTML on or off."""
    return MarkdownIt("commonmark", {"html": html}).enable(["table", "strikethrough"])


def tokens(markdown: str, html: bool = False) -> list[Token]:
    return parser(html).parse(markdown)


def flat(markdown: str, html: bool = False) -> list[Token]:
    """Every token, inline children included, in document order."""
    out: list[Token] = []
    for token in tokens(markdown, html):
        out.append(token)
        if token.children:
            out.extend(token.children)
    return out


def inline_text(token: Token) -> str:
    """What an inline token shows: its text, breaks as spaces, image alt text included."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(inline_text(child))
    return "".join(parts)


def headings(markdown: str, level: int) -> list[str]:
    found = tokens(markdown)
    return [
        inline_text(found[i + 1])
        for i, token in enumerate(found)
        if token.type == "heading_open" and token.tag == f"h{level}"
    ]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


def tables(markdown: str) -> list[Table]:
    """Every table, cells as the text they show."""
    out: list[Table] = []
    current: Table | None = None
    row: list[str] | None = None
    in_head = False
    for token in tokens(markdown):
        if token.type == "table_open":
            current = Table([], [])
            out.append(current)
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and current is not None and row is not None:
            if in_head:
                current.header = row
            else:
                current.rows.append(row)
        elif token.type == "inline" and row is not None and current is not None:
            row.append(inline_text(token))
        elif token.type == "table_close":
            current, row = None, None
    return out


def table_after(markdown: str, heading: str) -> Table:
    """The first table after the heading that reads ``heading``."""
    found = tokens(markdown)
    seen = False
    count = 0
    for i, token in enumerate(found):
        if token.type == "heading_open" and inline_text(found[i + 1]) == heading:
            seen = True
        if token.type == "table_open":
            if seen:
                return tables(markdown)[count]
            count += 1
    raise AssertionError(f"no table after {heading!r}")


def normalise(text: str) -> str:
    """Whitespace runs as one space, ends trimmed: how a cell or a line shows text."""
    return " ".join(text.split())
