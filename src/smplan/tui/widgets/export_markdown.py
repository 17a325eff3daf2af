"""The export preview's page: Markdown drawn as one widget per block.

The blocks come from :mod:`smplan.tui.widgets.markdown_blocks` (markdown-it,
as the wikis read the export); here each becomes one Static (a rule is a
Rule), styled by kind. A whole table or list is one widget, so a page of a
year plan's calendar mounts a few dozen widgets, not one per cell as
Textual's Markdown widget would. Only public Textual API is used.
"""

from __future__ import annotations

from textual.await_complete import AwaitComplete
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Rule, Static

from smplan.tui.widgets.markdown_blocks import Block, hang_wrap, parse_blocks, parser


class HangingText(Static):
    """A list or quote: long lines wrapped under their item's text, not under its bullet."""

    def __init__(self, text: Content, classes: str) -> None:
        super().__init__(text, classes=classes)
        self.text = text
        self._wrapped: tuple[int, Content] = (-1, text)

    def wrapped(self, width: int) -> Content:
        if self._wrapped[0] != width:
            self._wrapped = (width, hang_wrap(self.text, width))
        return self._wrapped[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.wrapped(width).plain.split("\n"))

    def render(self) -> Content:
        return self.wrapped(self.content_size.width)


def block_widget(block: Block) -> Widget:
    """The widget that shows one block."""
    if block.kind == "rule":
        return Rule(classes="md-rule")
    classes = f"md-{block.kind}"
    if block.kind == "heading":
        classes += f" md-h{block.level}"
    if block.kind in ("list", "quote"):
        return HangingText(block.text, classes)
    return Static(block.text, classes=classes)


class ExportMarkdown(Widget):
    """A page of the export, set with :meth:`update`; the screen around it scrolls."""

    DEFAULT_CSS = """
    ExportMarkdown {
        height: auto;
        layout: vertical;
        padding: 0 2 0 1;
    }
    ExportMarkdown > Static {
        height: auto;
        margin-bottom: 1;
    }
    /* Each level its own look, so a page's outline reads at a glance. */
    ExportMarkdown > .md-h1 {
        text-style: bold;
        text-align: center;
        color: $text;
        background: $primary-muted;
    }
    ExportMarkdown > .md-h2 {
        text-style: bold underline;
        color: $text-primary;
    }
    ExportMarkdown > .md-h3 {
        text-style: bold;
        color: $text-primary;
    }
    ExportMarkdown > .md-h4 {
        text-style: bold;
        color: $text-secondary;
    }
    ExportMarkdown > .md-h5, ExportMarkdown > .md-h6 {
        text-style: italic;
        color: $text-muted;
    }
    ExportMarkdown > .md-table, ExportMarkdown > .md-code {
        width: auto;
        text-wrap: nowrap;
    }
    ExportMarkdown > .md-code {
        background: $boost;
        padding: 0 1;
    }
    ExportMarkdown > .md-quote {
        border-left: outer $primary;
        padding-left: 1;
        color: $text-muted;
    }
    ExportMarkdown > .md-rule {
        margin: 0 0 1 0;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parser = parser()
        #: The Markdown on the page.
        self.markdown = ""

    def update(self, markdown: str) -> AwaitComplete:
        """Show ``markdown`` in place of the page; await it to know the blocks are mounted."""
        self.markdown = markdown
        widgets = [block_widget(block) for block in parse_blocks(markdown, self._parser)]
        with self.app.batch_update():
            removed = self.remove_children()
            mounted = self.mount_all(widgets)
        return AwaitComplete(removed, mounted)
