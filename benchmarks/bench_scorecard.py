"""Key press to SMART scorecard redrawn, in the app, on a sample plan and the year plan.

Run from the project root:

    PYTHONPATH=src python benchmarks/bench_scorecard.py

Budget (issue 4): no visible typing lag, a key press to the scorecard updated
under 50 ms. Keys go in through the driver as a terminal's would (not through
the test pilot, whose own waits would be counted), and the time is taken at the
first frame that shows the effect. The baseline, measured in the same run, is a
bare Textual app with one input: key press to the typed character on screen.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
from pathlib import Path
from typing import Any

from rich.console import RenderableType
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input

from bench_calendar import Probe, ProbedSmplan, press, settle, year_plan
from smplan.store import PlanFile
from smplan.tui.panes.goals import GoalsEditor
from smplan.tui.widgets.scorecard import Scorecard

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 0.050
DIGITS = "1234567890"


class ProbedInput(App[None]):
    probe = Probe()

    def compose(self) -> ComposeResult:
        yield Input(id="field")

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None:
            self.probe.frame()


async def bare_typing(keys: int) -> list[float]:
    app = ProbedInput()
    times: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.query_one(Input)
        field.focus()
        await pilot.pause()
        for index in range(keys):
            char = DIGITS[index % len(DIGITS)]
            wanted = field.value + char
            times.append(
                await app.probe.measure(press(app, char, char), lambda w=wanted: field.value == w)
            )
    return times


async def scorecard_typing(path: Path, keys: int) -> list[float]:
    """Digits typed at the end of the first goal's target; each must reach the scorecard."""
    app = ProbedSmplan(path, PlanFile.open(path), None)
    times: list[float] = []
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await app.action_goto(4)
        await settle(app)
        goals = app.screen.query_one(GoalsEditor)
        card = app.screen.query_one(Scorecard)
        field = app.screen.query_one("#items-goals #f-target", Input)
        field.focus()
        field.value = "1"
        await settle(app)
        field.action_end()
        for index in range(keys):
            char = DIGITS[index % len(DIGITS)]
            if len(field.value) > 9:  # keep the target a plausible number
                field.value = "1"
                await settle(app)
                field.action_end()
            wanted = field.value + char
            shown = f"{int(wanted):,}"

            def updated(wanted: str = wanted, shown: str = shown) -> bool:
                goal = app.plan.goals[goals.index]
                return str(goal.target) == wanted and shown in str(card.content)

            times.append(await app.probe.measure(press(app, char, char), updated))
    return times


def line(name: str, samples: list[float], baseline: float | None = None) -> str:
    median = statistics.median(samples)
    worst = max(samples)
    text = f"  {name:<44} median {median * 1000:6.1f} ms  max {worst * 1000:6.1f} ms"
    if baseline:
        text += f"  {median / baseline:5.2f}x baseline"
    return text


async def run(keys: int) -> int:
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "northwind.toml"
        sample.write_bytes((ROOT / "sample_plans" / "northwind-nonprofit.toml").read_bytes())
        year = Path(folder) / "year.toml"
        year.write_text(year_plan(5000)[0], encoding="utf-8")
        bare = await bare_typing(keys)
        small = await scorecard_typing(sample, keys)
        big = await scorecard_typing(year, keys)
    base = statistics.median(bare)
    print(f"key press to screen, {keys} keys each, headless 100x40")
    print(line("baseline: bare app, key to character shown", bare))
    print(line("sample plan: key in target to scorecard", small, base))
    print(line("year plan (5,000 items): key to scorecard", big, base))
    worst = max(statistics.median(small), statistics.median(big))
    ok = worst < BUDGET
    print(f"budget {BUDGET * 1000:.0f} ms (median): {'ok' if ok else 'MISSED'}")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=30)
    return asyncio.run(run(parser.parse_args().keys))


if __name__ == "__main__":
    raise SystemExit(main())
