"""What handing out keys one at a time costs when they arrive in a burst.

Run from the project root:

    PYTHONPATH=src python benchmarks/bench_bursts.py [--runs 5]

Headless (``run_test``, 80x24) on the Northwind sample. Each scenario puts all
its keys in the app's queue at once, as a terminal read of a burst does, and
times until the plan holds what was typed. The baseline, measured in the same
run, is the same app with keys handed out as Textual 8.2.8 does by itself (all
at once), timed until it has handled every key: the cost of Textual alone. It
gets the Tab scenario wrong (all the text lands in the first field), which is
why the key order exists.

- text: 200 characters typed into one field (they go on at once: no wait);
- tabs: 20 times Tab and three characters, through a goal's fields (each Tab
  waits until the key before it is handled and the screen laid out);
- edits: 30 times ``a b left c end backspace`` into the KPI (a character
  after left or backspace waits until that key's binding has run; the
  baseline types the characters before the bindings move the cursor).
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

from textual import events
from textual.app import App
from textual.pilot import Pilot

from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.widgets.fields import FieldRow

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_plans" / "northwind-nonprofit.toml"
SIZE = (80, 24)
TEXT = "Grow followers by 25 percent " * 7  # 203 characters
#: Each round leaves "ac": "ab", the cursor back before "b", "c", then the "b" deleted.
EDITS = ["a", "b", "left", "c", "end", "backspace"] * 30
FIELDS = ("kpi", "unit")


class UnorderedApp(SmplanApp):
    """The baseline: every key handed to the focused widget as soon as it is read."""

    async def on_event(self, event: events.Event) -> None:
        await App.on_event(self, event)


def key(character: str) -> events.Key:
    if len(character) > 1:  # a key's name
        return events.Key(character, None)
    return events.Key(character if character.isalnum() else "space", character)


async def _until(pilot: Pilot[Any], done: Callable[[], bool], limit: float = 60) -> None:
    deadline = time.perf_counter() + limit
    while not done() and time.perf_counter() < deadline:
        await pilot.pause(0)


async def _run(kind: type[SmplanApp], scenario: str, folder: Path) -> tuple[float, bool]:
    path = folder / f"{scenario}-{kind.__name__}-{time.perf_counter_ns()}.toml"
    path.write_bytes(SAMPLE.read_bytes())
    app = kind(path, PlanFile.open(path), None, step=4)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        goals = app.screen.query_one("#items-goals")
        rows = {row.spec.name: row for row in goals.query(FieldRow)}
        goal = app.plan.goals[0]
        if scenario == "text":
            rows["statement"].editor.focus()
            keys = [key(c) for c in TEXT]
            done = lambda: TEXT.strip() in (goal.statement or "")  # noqa: E731
        elif scenario == "edits":
            # Focus selects the KPI's text: the first "a" replaces it.
            rows["kpi"].editor.focus()
            keys = [key(k) for k in EDITS]
            done = lambda: goal.kpi == "ac" * 30  # noqa: E731
            if kind is UnorderedApp:
                # Every character in (the baseline's bindings may still be on their way).
                done = lambda: (goal.kpi or "").count("c") == 30  # noqa: E731
        else:
            rows["kpi"].editor.focus()
            # From KPI: "abc" into it, then Tab and "abc" into each field after it.
            keys = [key(c) for c in "abc"]
            for _ in range(20):
                keys += [events.Key("tab", "\t"), *(key(c) for c in "abc")]
            done = lambda: goal.kpi == "abc" and goal.unit == "abc"  # noqa: E731
            if kind is UnorderedApp:
                # Every key handled, in the first field: what Textual does with the burst.
                done = lambda: goal.kpi == "abc" * 21  # noqa: E731
        await pilot.pause(0.3)
        started = time.perf_counter()
        for event in keys:
            app.post_message(event)
        await _until(pilot, done)
        elapsed = time.perf_counter() - started
        right = {"tabs": goal.kpi == "abc", "edits": goal.kpi == "ac" * 30}.get(scenario, done())
        await _until(pilot, lambda: getattr(app, "keys_waiting", 0) == 0)
        # Let the keys still on their way through the widgets (the baseline's Tabs)
        # finish before the app closes: a key handled after its screen is gone fails.
        await pilot.pause(0.5)
    return elapsed, right


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for scenario, count in (("text", len(TEXT)), ("tabs", 83), ("edits", len(EDITS))):
            figures: dict[str, tuple[float, bool]] = {}
            for kind in (UnorderedApp, SmplanApp):
                results = [asyncio.run(_run(kind, scenario, folder)) for _ in range(runs)]
                figures[kind.__name__] = (
                    statistics.median(r[0] for r in results),
                    all(r[1] for r in results),
                )
            base, base_right = figures["UnorderedApp"]
            ordered, ordered_right = figures["SmplanApp"]
            print(f"{scenario}: {count} keys in one burst (median of {runs})")
            print(f"  keys as Textual hands them out: {base * 1000:8.1f} ms"
                  f"  ({'right' if base_right else 'WRONG fields'})")  # fmt: skip
            print(f"  keys in order (smplan):         {ordered * 1000:8.1f} ms"
                  f"  ({'right' if ordered_right else 'WRONG fields'})"
                  f"  {ordered / base:.2f}x, {ordered / count * 1000:.1f} ms a key")  # fmt: skip
    sys.stdout.flush()


if __name__ == "__main__":
    main()
