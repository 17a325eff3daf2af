"""Building each step's widgets, in the app's own process: the work of a first visit.

Run from the project root:

    .venv/bin/python benchmarks/bench_step_build.py [--runs 5] [--against OTHER/src]

A first visit of a step that is not built yet mounts its pane: Textual creates,
styles and mounts its widgets (``bench_steps.py`` times the whole visit in a real
terminal, layout and drawing included, where the machine's noise is larger).
Here the app runs headless at 80x24 on the generated year plan
(``generate_year_plan.py``), and each step's pane is built with
``MainScreen.show_step`` while the processor time of the process is read (the
layout and drawing that follow are not counted). Each run is a process of its
own; ``--runs`` of them, interleaved with the baseline's and, with ``--against``,
the other version's, so that a busy machine weighs on all alike.

The baseline, in the same harness: a bare Textual app mounting a pane of one
Static. Printed: each step's median processor time, its ratio to the baseline,
and with ``--against`` the other version's beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate_year_plan import generate  # noqa: E402

#: The steps in the order built (step 1 is built at start-up).
STEPS = (2, 3, 4, 5, 6, 7, 0)

SMPLAN = """
import asyncio, gc, json, sys, time
from pathlib import Path
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.screens.main import pane_class

async def main() -> None:
    path = Path(sys.argv[1])
    app = SmplanApp(path, PlanFile.open(path), None, step=1)
    used = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(1.0)
        screen = app.main
        for step in STEPS:
            pane_class(step)  # its module, loaded half a second after start
            gc.collect()
            start = time.process_time()
            await screen.show_step(step, focus=False)
            used[step] = time.process_time() - start
            await pilot.pause()
    print(json.dumps(used))

asyncio.run(main())
"""

BARE = """
import asyncio, gc, json, time
from textual.app import App
from textual.containers import VerticalScroll
from textual.widgets import Static

class Bare(App[None]):
    async def on_mount(self) -> None:
        await asyncio.sleep(0.5)
        gc.collect()
        start = time.process_time()
        await self.mount(VerticalScroll(Static("a pane")))
        self.used = time.process_time() - start
        self.exit()

async def main() -> None:
    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(1.0)
    print(json.dumps(app.used))

asyncio.run(main())
"""


def run(code: str, src: Path | None, *args: str) -> object:
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")
    }
    if src is not None:
        env["PYTHONPATH"] = str(src)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout's src folder to compare")
    args = parser.parse_args()
    code = f"STEPS = {STEPS!r}\n" + SMPLAN
    trees = [("this checkout", ROOT / "src")]
    if args.against:
        trees.append((str(args.against), args.against.resolve()))
    with tempfile.TemporaryDirectory() as folder:
        year = Path(folder) / "year.toml"
        year.write_text(generate(), encoding="utf-8")
        bare: list[float] = []
        built: dict[str, dict[int, list[float]]] = {label: {} for label, _src in trees}
        for _ in range(args.runs):
            bare.append(float(run(BARE, None)))  # type: ignore[arg-type]
            for label, src in trees:
                used = run(code, src, str(year))
                assert isinstance(used, dict)
                for step, seconds in used.items():
                    built[label].setdefault(int(step), []).append(seconds)
    base = statistics.median(bare)
    print(f"year plan, medians of {args.runs} runs; baseline: a bare app mounting a pane of one")
    print(f"Static, {base * 1000:.1f} ms of processor time")
    header = "".join(f"{label:>28}" for label, _src in trees)
    print(f"{'step':8}{header}")
    for step in STEPS:
        cells = ""
        for label, _src in trees:
            ms = statistics.median(built[label][step]) * 1000
            cells += f"{ms:12.0f} ms {ms / 1000 / base:9.0f}x  "
        print(f"step {step:<3}{cells}")


if __name__ == "__main__":
    main()
