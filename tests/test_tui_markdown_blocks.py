"""The export preview's Markdown reader: blocks, tables, lists, code, inline styles, literal text."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content

from smplan.tui.widgets.export_markdown import ExportMarkdown
from smplan.tui.widgets.markdown_blocks import (
    INLINE_STYLES,
    MAX_COLUMN,
    Block,
    hang_wrap,
    parse_blocks,
)
from tests.tui_text import screen_text


def only(markdown: str) -> Block:
    blocks = parse_blocks(markdown)
    assert len(blocks) == 1, blocks
    return blocks[0]


def styled(content: Content, style: str) -> list[str]:
    """The pieces of text that carry ``style``."""
    return [content.plain[s.start : s.end] for s in content.spans if s.style == style]


def test_a_page_reads_into_its_blocks_in_order() -> None:
    markdown = (
        "# One\n\n## Two\n\ntext\n\n- a\n\n| x |\n|---|\n| 1 |\n\n```\ncode\n```\n\n> said\n\n---\n"
    )
    blocks = parse_blocks(markdown)
    assert [b.kind for b in blocks] == [
        "heading",
        "heading",
        "paragraph",
        "list",
        "table",
        "code",
        "quote",
        "rule",
    ]
    assert [(b.text.plain, b.level) for b in blocks[:2]] == [("One", 1), ("Two", 2)]
    assert blocks[6].text.plain == "said"


def test_a_table_is_columns_with_a_bold_header() -> None:
    long = "x" * (MAX_COLUMN + 10)
    block = only(f"| Date | Channel |\n|---|---|\n| 1 Oct | Instagram |\n| 12 Oct | {long} |\n")
    assert block.kind == "table"
    head, rule, first, second = block.text.plain.split("\n")
    assert styled(block.text, "bold") == [head]
    # Every line's second column starts where the header's does.
    column = head.index("Channel")
    assert first[column:] == "Instagram"
    assert second[column - 2 : column] == "  " and second[:column].rstrip() == "12 Oct"
    assert rule.split("  ") == ["─" * len("12 Oct"), "─" * MAX_COLUMN]
    # A cell longer than a column is cut, and says so.
    assert second[column:] == "x" * (MAX_COLUMN - 1) + "…"
    assert "|" not in block.text.plain


def test_a_table_cell_shows_its_text_without_markup() -> None:
    block = only("| A |\n|---|\n| **bold** and `code` and [link](https://example.org) |\n")
    assert block.text.plain.split("\n")[2] == "bold and code and link"


def test_nested_lists_are_indented_under_their_item() -> None:
    block = only("- a\n- b\n  - c\n    1. d\n    2. e\n- f\n")
    assert block.kind == "list"
    assert block.text.plain.split("\n") == ["• a", "• b", "  ◦ c", "    1. d", "    2. e", "• f"]


def test_an_ordered_list_keeps_its_start_and_marker() -> None:
    assert only("3) three\n4) four\n").text.plain == "3) three\n4) four"


def test_a_list_item_of_two_paragraphs_keeps_the_second_under_the_text() -> None:
    block = only("- first\n\n  second\n- next\n")
    assert block.text.plain.split("\n") == ["• first", "  second", "• next"]


def test_a_fenced_block_is_shown_as_written() -> None:
    source = "flowchart LR\n  A[Plan] --> B{{Check}}\n  %% [b]not markup[/b]"
    block = only(f"```mermaid\n{source}\n```\n")
    assert block.kind == "code"
    assert block.text.plain == source
    assert block.text.spans == []


def test_inline_emphasis_code_and_links_are_styles_on_the_text() -> None:
    block = only("Plain *lean* **strong** `code` ~~gone~~ [the site](https://example.org).")
    assert block.text.plain == "Plain lean strong code gone the site."
    assert styled(block.text, "italic") == ["lean"]
    assert styled(block.text, "bold") == ["strong"]
    assert styled(block.text, "strike") == ["gone"]
    assert styled(block.text, "underline") == ["the site"]
    assert styled(block.text, INLINE_STYLES["code_inline"]) == ["code"]
    assert "example.org" not in block.text.plain


def test_markup_like_text_and_backslashes_show_literally() -> None:
    block = only("Costs [b]50[/b] \\\\ per post, [link text] and a\\*star\\*.")
    assert block.text.plain == "Costs [b]50[/b] \\ per post, [link text] and a*star*."
    assert block.text.spans == []
    listed = only("- [red]alert[/red] \\\\ done\n")
    assert listed.text.plain == "• [red]alert[/red] \\ done"


def test_long_list_lines_wrap_under_their_text() -> None:
    text = Content("• " + " ".join(["word"] * 12) + "\n  ◦ " + " ".join(["more"] * 12))
    lines = hang_wrap(text, 30).plain.split("\n")
    assert len(lines) > 2
    assert all(len(line) <= 30 for line in lines)
    bullet = lines.index(next(line for line in lines if line.startswith("  ◦ ")))
    assert lines[0].startswith("• ") and all(line.startswith("  word") for line in lines[1:bullet])
    assert all(line.startswith("    more") for line in lines[bullet + 1 :])
    # The words are all there, in order.
    assert " ".join(hang_wrap(text, 30).plain.split()) == " ".join(text.plain.split())


class PageApp(App[None]):
    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield ExportMarkdown(id="page")


async def test_the_page_draws_its_blocks_as_text_on_screen() -> None:
    markdown = (
        "## Costs [b]not bold[/b]\n\n"
        "| Item | Cost |\n|---|---|\n| Ads \\\\ boost | 100 |\n\n"
        "- outer\n  - inner item\n\n"
        "```\nA --> B\n```\n"
    )
    app = PageApp()
    async with app.run_test(size=(80, 30)) as pilot:
        page = app.query_one(ExportMarkdown)
        await page.update(markdown)
        await pilot.pause()
        assert len(page.children) == 4
        lines = screen_text(app).splitlines()
        assert any("Costs [b]not bold[/b]" in line for line in lines)
        row = next(line for line in lines if "Ads \\ boost" in line)
        header = next(line for line in lines if "Item" in line)
        assert row.index("100") == header.index("Cost")
        assert any(line.strip() == "• outer" for line in lines)
        inner = next(line for line in lines if "inner item" in line)
        assert inner.index("◦") > next(line for line in lines if "outer" in line).index("•")
        assert any(line.strip() == "A --> B" for line in lines)
        # A new page replaces the old one.
        await page.update("Only this.")
        await pilot.pause()
        assert len(page.children) == 1
        assert "outer" not in screen_text(app)


async def test_each_heading_level_has_its_own_look() -> None:
    app = PageApp()
    async with app.run_test(size=(60, 20)) as pilot:
        page = app.query_one(ExportMarkdown)
        await page.update("# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\ntext\n")
        await pilot.pause()
        looks = [widget.rich_style for widget in page.children]
        assert len(looks) == 6
        assert len(set(looks)) == 6, looks
