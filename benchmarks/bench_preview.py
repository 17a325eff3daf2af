"""How fast the export preview (ctrl+r) opens and draws a page, on the 5,000-item year plan.

Run from the project root:

    PYTHONPATH=src python benchmarks/bench_preview.py [--runs 3] [--items 5000]

Everything runs headless through Textual's ``run_test`` (120 x 40), the way
tests drive the app, on the generated year plan (``generate_year_plan.py``).

- open: from ctrl+r until the first section is on the page and drawn (the
  sections are built in a worker thread first); median of ``--runs``.
- page: the preview's page widget set to each of the largest sections (the
  calendar's pages of 50 rows) until mounted and drawn; median of ``--runs``
  rounds.
- baseline, measured in the same run: Textual's own Markdown widget set to
  the same largest sections in a bare app, with the parser the preview uses
  (CommonMark, GFM tables) - what the page would cost drawn the stock way.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Markdown

from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.screens.export_preview import ExportPreview
from smplan.tui.widgets.export_markdown import ExportMarkdown

HERE = Path(__file__).resolve().parent
SIZE = (120, 40)
#: How many of the largest sections each "page" round draws.
PAGES = 3


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


class StockApp(App[None]):
    """The baseline: Textual's Markdown widget, scrolled like the preview's page."""

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(parser_factory=_parser, open_links=False)


async def _until(pilot: Pilot[Any], done: Callable[[], bool]) -> None:
    while not done():
        await pilot.pause(0.01)


async def _open_once(path: Path) -> tuple[float, list[str]]:
    """(seconds from ctrl+r to the first section drawn, the largest sections' Markdown)."""
    app = SmplanApp(path, PlanFile.open(path), None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("ctrl+r")
        await _until(pilot, lambda: isinstance(app.screen, ExportPreview))
        preview = app.screen
        assert isinstance(preview, ExportPreview)
        page = preview.query_one(ExportMarkdown)
        await _until(pilot, lambda: preview.shown == 0 and bool(page.children))
        await pilot.pause()
        elapsed = time.perf_counter() - started
        largest = sorted((md for _title, md in preview.sections), key=len, reverse=True)
        return elapsed, largest[:PAGES]


async def _pages(path: Path, pages: list[str], runs: int) -> float:
    """Median seconds to set the preview's page to one of ``pages`` and draw it."""
    app = SmplanApp(path, PlanFile.open(path), None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await _until(pilot, lambda: isinstance(app.screen, ExportPreview))
        preview = app.screen
        assert isinstance(preview, ExportPreview)
        await _until(pilot, lambda: preview.shown == 0)
        return await _draw(pilot, preview.query_one(ExportMarkdown).update, pages, runs)


async def _stock_pages(pages: list[str], runs: int) -> float:
    app = StockApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return await _draw(pilot, app.query_one(Markdown).update, pages, runs)


async def _draw(
    pilot: Pilot[Any], update: Callable[[str], Any], pages: list[str], runs: int
) -> float:
    times = []
    for _ in range(runs):
        for markdown in pages:
            started = time.perf_counter()
            await update(markdown)
            await pilot.pause()
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f} ms"


async def _main(runs: int, items: int) -> None:
    sys.path.insert(0, str(HERE))
    from generate_year_plan import generate

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "year.toml"
        path.write_text(generate(items), encoding="utf-8")
        opened = [await _open_once(path) for _ in range(runs)]
        pages = opened[0][1]
        page = await _pages(path, pages, runs)
        stock = await _stock_pages(pages, runs)
    sizes = ", ".join(f"{len(md):,}" for md in pages)
    print(f"year plan, {items} items; largest sections: {sizes} characters")
    print(f"open (ctrl+r to first section drawn):   {_ms(statistics.median(t for t, _ in opened))}")
    print(f"page (largest sections, preview widget): {_ms(page)}")
    print(f"page (same, Textual's Markdown widget):  {_ms(stock)}  (baseline)")
    print(f"preview page / stock Markdown: {page / stock:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--items", type=int, default=5000)
    args = parser.parse_args()
    asyncio.run(_main(args.runs, args.items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
