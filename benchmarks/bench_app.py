"""How fast the app feels: start-up to the first screen, and key press to screen updated.

Run from the project root:

    PYTHONPATH=src python benchmarks/bench_app.py [--runs 3] [--keys 30] [--items 5000]

Everything runs headless through Textual's ``run_test``, the way tests drive the
app, on the Northwind sample plan and on the generated year plan
(``generate_year_plan.py``, 5,000 calendar items). The baselines are measured in
the same run and started the same way: a bare Textual app with one Static and one
Input, so the ratios say what smplan adds to Textual itself.

- start-up: from creating the app (plan file opened included) until the step's
  pane is on screen; median of ``--runs``.
- typing: one character typed into a text field until the screen has been
  refreshed with it; median of ``--keys``.
- step switch: a function key until the other step's pane is shown and drawn;
  median of ``--keys`` (the panes are already built, as after a first visit).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, Static

from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.screens.main import MainScreen

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_plans" / "northwind-nonprofit.toml"
SIZE = (80, 24)


class BareApp(App[None]):
    """The baseline: what Textual costs with nothing of ours in it."""

    def compose(self) -> ComposeResult:
        yield Static("smplan")
        yield Input(id="field")


async def _until(pilot: Pilot[Any], done: Callable[[], bool]) -> None:
    while not done():
        await pilot.pause(0)


async def _start(make: Callable[[], App[Any]], ready: Callable[[App[Any]], bool]) -> float:
    started = time.perf_counter()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: ready(app))
        await pilot.pause(0)
        elapsed = time.perf_counter() - started
    return elapsed


def _smplan(path: Path) -> Callable[[], App[Any]]:
    return lambda: SmplanApp(path, PlanFile.open(path), None)


def _smplan_ready(app: App[Any]) -> bool:
    screen = app.screen
    return isinstance(screen, MainScreen) and screen.current_pane() is not None


def _bare_ready(app: App[Any]) -> bool:
    return bool(app.screen.query(Static))


async def _median(runs: int, measure: Callable[[], Awaitable[float]]) -> float:
    return statistics.median([await measure() for _ in range(runs)])


async def _typing(pilot: Pilot[Any], field: Input, keys: int) -> float:
    """Median seconds from a key press to the field holding it and the screen redrawn."""
    times = []
    for index in range(keys):
        char = "abcdefghij"[index % 10]
        before = len(field.value)
        started = time.perf_counter()
        await pilot.press(char)
        await _until(pilot, lambda before=before: len(field.value) > before)
        await pilot.pause(0)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


async def _bare_typing(keys: int) -> float:
    app = BareApp()
    async with app.run_test(size=SIZE) as pilot:
        field = app.query_one("#field", Input)
        field.focus()
        await pilot.pause()
        return await _typing(pilot, field, keys)


async def _smplan_keys(path: Path, keys: int) -> tuple[float, float]:
    """(typing, step switch) medians in seconds on the plan at ``path``."""
    app = SmplanApp(path, PlanFile.open(path), None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g", "0")
        await _until(pilot, lambda: isinstance(app.focused, Input))
        field = app.focused
        assert isinstance(field, Input)
        await pilot.press("end")
        typing = await _typing(pilot, field, keys)
        main = app.main
        assert main is not None
        # Visit each step once: switching is then between built panes.
        for step in (2, 4, 6, 3):
            await pilot.press(f"f{step + 1}")
            await _until(pilot, lambda step=step: main.step == step)
            await pilot.pause()
        times = []
        for index in range(keys):
            step = (2, 4, 6, 3)[index % 4]
            started = time.perf_counter()
            await pilot.press(f"f{step + 1}")
            await _until(pilot, lambda step=step: main.step == step)
            await pilot.pause(0)
            times.append(time.perf_counter() - started)
        return typing, statistics.median(times)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


async def run(runs: int, keys: int, items: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate_year_plan import generate

    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / SAMPLE.name
        sample.write_bytes(SAMPLE.read_bytes())
        year = Path(folder) / "year-plan.toml"
        year.write_text(generate(items=items), encoding="utf-8")

        bare_start = await _median(runs, lambda: _start(BareApp, _bare_ready))
        sample_start = await _median(runs, lambda: _start(_smplan(sample), _smplan_ready))
        year_start = await _median(runs, lambda: _start(_smplan(year), _smplan_ready))
        bare_typing = await _bare_typing(keys)
        sample_typing, sample_switch = await _smplan_keys(sample, keys)
        year_typing, year_switch = await _smplan_keys(year, keys)

    size = f"{SIZE[0]}x{SIZE[1]}"
    print(f"smplan app, headless run_test at {size}; medians (start-up of {runs}, keys of {keys})")
    print(f"  baseline start-up (bare Textual app)         {_ms(bare_start)}")
    print(
        f"  start-up, sample plan ({SAMPLE.name})  {_ms(sample_start)}"
        f"  x{sample_start / bare_start:.1f} baseline"
    )
    print(
        f"  start-up, year plan ({items} calendar items)  {_ms(year_start)}"
        f"  x{year_start / bare_start:.1f} baseline"
    )
    print(f"  baseline typing (bare Textual app)           {_ms(bare_typing)}")
    print(
        f"  typing in a field, sample plan               {_ms(sample_typing)}"
        f"  x{sample_typing / bare_typing:.1f} baseline"
    )
    print(
        f"  typing in a field, year plan                 {_ms(year_typing)}"
        f"  x{year_typing / bare_typing:.1f} baseline"
    )
    print(f"  switching steps, sample plan                 {_ms(sample_switch)}")
    print(f"  switching steps, year plan                   {_ms(year_switch)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="start-ups per figure")
    parser.add_argument("--keys", type=int, default=30, help="key presses per figure")
    parser.add_argument("--items", type=int, default=5000, help="calendar items of the year plan")
    args = parser.parse_args(argv)
    asyncio.run(run(args.runs, args.keys, args.items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
