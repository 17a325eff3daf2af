"""Reading the export back with GitHub's own parser, cmark-gfm (the ``cmarkgfm`` package).

The HTML it gives is read with the standard library's HTML parser into a
flat list of elements and text, which the tests compare and inspect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options

#: GitHub's extensions, less the autolinker: it acts on the rendered text (a bare
#: ``www.`` or e-mail address becomes a link), which no escaping can stop (docs/export.md).
EXTENSIONS = ["table", "strikethrough", "tagfilter"]
ALL_EXTENSIONS = [*EXTENSIONS, "autolink"]


def gfm_html(markdown: str, autolink: bool = True) -> str:
    """The page as GitHub's parser renders it (raw HTML left out, as GitHub sanitises it)."""
    return cmarkgfm.markdown_to_html_with_extensions(
        markdown,
        options=Options.CMARK_OPT_DEFAULT,
        extensions=ALL_EXTENSIONS if autolink else EXTENSIONS,
    )


def commonmark_html(markdown: str) -> str:
    """The page as a strict CommonMark renderer shows it (cmark, no extensions)."""
    return cmarkgfm.markdown_to_html(markdown)


@dataclass
class Node:
    kind: str  # a tag name, "/tag" for its end, or "TEXT"
    value: str = ""
    attrs: dict[str, str] = field(default_factory=dict)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[Node] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.nodes.append(Node(tag, attrs={k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.nodes.append(Node("/" + tag))

    def handle_data(self, data: str) -> None:
        if self.nodes and self.nodes[-1].kind == "TEXT":
            self.nodes[-1].value += data
        else:
            self.nodes.append(Node("TEXT", data))


def nodes(html: str) -> list[Node]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    # Whitespace between block elements is layout, not text.
    return [n for n in reader.nodes if n.kind != "TEXT" or n.value.strip()]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


def tables(html: str) -> list[Table]:
    out: list[Table] = []
    row: list[str] | None = None
    cell: list[str] | None = None
    head = False
    for node in nodes(html):
        if node.kind == "table":
            out.append(Table([], []))
        elif node.kind == "thead":
            head = True
        elif node.kind == "/thead":
            head = False
        elif node.kind == "tr":
            row = []
        elif node.kind in ("th", "td"):
            cell = []
        elif node.kind == "TEXT" and cell is not None:
            cell.append(node.value)
        elif node.kind in ("/th", "/td") and row is not None and cell is not None:
            row.append(" ".join("".join(cell).split()))
            cell = None
        elif node.kind == "/tr" and row is not None and out:
            (out[-1].header if head else out[-1].rows).extend([row] if not head else row)
            row = None
    return out


def headings(html: str) -> list[tuple[int, str]]:
    """(level, text) of every heading, in order."""
    out: list[tuple[int, str]] = []
    current: list[str] | None = None
    level = 0
    for node in nodes(html):
        if len(node.kind) == 2 and node.kind[0] == "h" and node.kind[1].isdigit():
            current, level = [], int(node.kind[1])
        elif node.kind == "TEXT" and current is not None:
            current.append(node.value)
        elif node.kind == f"/h{level}" and current is not None:
            out.append((level, "".join(current).strip()))
            current = None
    return out


def texts(html: str) -> list[str]:
    """Every text node outside code blocks and inline code."""
    out: list[str] = []
    inside = 0
    for node in nodes(html):
        if node.kind in ("pre", "code"):
            inside += 1
        elif node.kind in ("/pre", "/code"):
            inside -= 1
        elif node.kind == "TEXT" and not inside:
            out.append(node.value)
    return out
