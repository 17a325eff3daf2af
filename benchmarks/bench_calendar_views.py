"""How fluid step 6's month and week views are with the 5,000-item year plan.

    PYTHONPATH=src python benchmarks/bench_calendar_views.py [--items 5000] [--runs 15]

Headless, at 80x24, with Textual's test driver: each figure is the time from a
key sent to the screen composed with its effect (including the wait for the
next frame). Baselines run in the same process, on the same plan: the table
view's own page down and its return from the grid (the table is not rebuilt).

- month, first open: the view key on the table, the items expanded into days;
- month, open again: the view key from the table once the days are known;
- month, next month: page down on the grid;
- week, next week: page down on the week;
- the days alone: building ``CalendarDays`` from the plan, without a screen
  (what an edit of a date or a check costs the grid once).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from smplan.checks.budget.report import compute_budget
from smplan.presentation.calendar_grid import CalendarDays
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.panes.calendar import CalendarEditor

VIEW_KEY = "ctrl+backslash"


def year_plan(folder: Path, items: int) -> Path:
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    try:
        from generate_year_plan import generate  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    path = folder / "year.toml"
    path.write_text(str(generate(items=items)), encoding="utf-8")
    return path


async def timed(pilot: Pilot[Any], *keys: str) -> float:
    started = time.perf_counter()
    await pilot.press(*keys)
    await pilot.pause()
    return time.perf_counter() - started


def ms(values: list[float]) -> str:
    values = sorted(values)
    median = statistics.median(values) * 1000
    worst = values[-1] * 1000
    return f"median {median:7.1f} ms   worst {worst:7.1f} ms   (n={len(values)})"


async def measure(path: Path, runs: int) -> dict[str, list[float]]:
    app = SmplanApp(path, PlanFile.open(path), None, step=6)
    figures: dict[str, list[float]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        editor = app.screen.query_one(CalendarEditor)
        for _ in range(400):
            await pilot.pause(0.05)
            if editor.built and not editor.table.pending:
                break
        await app.workers.wait_for_complete()
        editor.table.focus()
        await pilot.pause(0.2)
        figures["table, page down (baseline)"] = [
            await timed(pilot, "pagedown") for _ in range(runs)
        ]
        figures["month, first open"] = [await timed(pilot, VIEW_KEY)]
        figures["month, next month"] = [await timed(pilot, "pagedown") for _ in range(runs)]
        figures["week, open"] = [await timed(pilot, VIEW_KEY)]
        figures["week, next week"] = [await timed(pilot, "pagedown") for _ in range(runs)]
        back, again = [], []
        for _ in range(runs):
            back.append(await timed(pilot, VIEW_KEY))  # week -> table
            again.append(await timed(pilot, VIEW_KEY))  # table -> month
            await timed(pilot, VIEW_KEY)  # month -> week
        figures["table, back from the grid (baseline)"] = back
        figures["month, open again"] = again
    return figures


def days_alone(path: Path, runs: int) -> list[float]:
    plan = PlanFile.open(path).plan
    hours = compute_budget(plan).hours
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        CalendarDays(plan, hours, "en")
        out.append(time.perf_counter() - started)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = year_plan(Path(folder), args.items)
        figures = asyncio.run(measure(path, args.runs))
        figures["the days alone (CalendarDays)"] = days_alone(path, args.runs)
    print(f"{args.items} calendar items, 80x24")
    for name, values in figures.items():
        print(f"  {name:40} {ms(values)}")


if __name__ == "__main__":
    main()
