"""Start-up of the real program in a real terminal: launch to the first screen showing the plan.

Run from the project root (tmux needed):

    .venv/bin/python benchmarks/bench_startup.py [--runs 5] [--against OTHER/src]

Each program runs in its own tmux server at 80x24 (``tests/terminal/session.py``),
the screen read every 10 ms until it shows what the first screen must show:
the bare Textual app (one Static, the baseline) its text; smplan the plan's
title in its header, then the whole first screen (the title, the first step's
first field and the footer's quit key: the "whole" line).

Beside them, the floors under any first screen of a plan: the bare app with the
garbage collector off, as smplan starts ("collector off"), then that app started
after pydantic is loaded as far as any model needs it ("after pydantic"), and an
app whose one Static shows the plan's title once the plan is parsed ("bare, ...
parsed"), then also read into smplan's model ("bare, ... read"): what showing
the plan costs before any of the interface is built.

Every program runs once a round, round after round, so that a busy minute
weighs on all alike. Printed: medians of ``--runs``, each against the bare
app's. Plans: the Kopi Nusantara sample and the generated year plan
(``generate_year_plan.py``, 5,000 calendar items). With ``--against
OTHER/src``, the same program from another checkout's sources too (an older
commit, say).

Then ``smplan check`` of the year plan, whole process each time, against a
parse of the same file by compiled tomli and by the standard library's tomllib,
each in its own process.

Beside each time: the processor time (user + system) the program used, from
``/proc`` for the programs in tmux (in steps of the kernel's clock tick, 10 ms)
and from the children's resource usage for the others. Other work on a shared
machine changes it less than the time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.terminal.processes import cpu_seconds  # noqa: E402
from tests.terminal.session import TmuxSession  # noqa: E402

from generate_year_plan import generate  # noqa: E402
from smplan.i18n import t  # noqa: E402
from smplan.store import PlanFile  # noqa: E402

BARE = """
from textual.app import App
from textual.widgets import Static

class Bare(App[None]):
    def compose(self):
        yield Static("bare textual app ready")

Bare().run()
"""
#: The bare app with the garbage collector off until it ends, as smplan has it
#: until its first screen (``tui/collector.py``): the floors below start from it.
BARE_COLLECTOR_OFF = "import gc\ngc.disable()\n" + BARE
#: That app once pydantic is loaded as far as any model needs it (one model of one
#: field built and used): what the design card's model package adds.
BARE_PYDANTIC = BARE_COLLECTOR_OFF.replace(
    "\nclass Bare",
    """
from pydantic import BaseModel

M = type("M", (BaseModel,), {"__annotations__": {"x": int}, "x": 0})
M.model_validate({"x": 1})

class Bare""",
    1,
)
#: The bare app showing a plan's title once the plan is parsed (tomli) and, with
#: ``{model}`` filled in by :data:`READ_INTO_MODEL`, read into smplan's model
#: (pydantic, ``Plan.model_validate``): the least a first screen of the plan costs
#: with nothing of the interface built, before any check.
BARE_READ = """
import gc, sys
gc.disable()
import tomli
from textual.app import App
from textual.widgets import Static

with open(sys.argv[1], encoding="utf-8") as file:
    data = tomli.loads(file.read())
title = data.get("plan", {{}}).get("title", "")
{model}
class Read(App[None]):
    def compose(self):
        yield Static(title)

Read().run()
"""
READ_INTO_MODEL = """
from smplan.model import Plan
title = Plan.model_validate(data).plan.title or ""
"""
ENV = {
    "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
    "TERM": "xterm-256color",
    "LANG": "C.UTF-8",
    "PYTHONPATH": str(ROOT / "src"),
}


#: (seconds, processor seconds) of one measurement.
Timing = tuple[float, float]


def first_screen(
    command: list[str], shown: str, home: Path, src: Path | None = None, whole: tuple[str, ...] = ()
) -> tuple[Timing, Timing]:
    """From launching ``command`` in tmux until the screen shows ``shown``, and until
    it shows ``whole`` as well: seconds, and the processor time the program used until
    then (``src``: smplan's sources to run instead of this checkout's)."""
    env = {**ENV, "HOME": str(home)}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    start = time.perf_counter()
    session = TmuxSession(command, env=env)
    first: Timing | None = None
    try:
        deadline = start + 60
        while time.perf_counter() < deadline:
            screen = session.screen()
            if first is None and shown in screen:
                first = time.perf_counter() - start, cpu_seconds(session.pane_pid())
            if first is not None and all(text in screen for text in whole):
                return first, (time.perf_counter() - start, cpu_seconds(session.pane_pid()))
            time.sleep(0.01)
        raise AssertionError(f"{(shown, *whole)!r} never showed:\n{session.screen()}")
    finally:
        session.kill()


def whole_screen(path: Path) -> tuple[str, tuple[str, ...]]:
    """What smplan's first screen of ``path`` shows: the plan's title (its first 20
    characters, the header may cut it), then the first step's first field and the
    footer's quit key, in the plan's language."""
    plan = PlanFile.open(path).plan.plan
    lang = plan.language or "en"
    return (plan.title or "")[:20], (t("field.summary", lang), t("key.quit", lang))


def median_of(runs: int, measure: Callable[[], Timing]) -> Timing:
    return median_timing([measure() for _ in range(runs)])


def median_timing(timings: list[Timing]) -> Timing:
    return statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings)


def process_seconds(command: list[str]) -> Timing:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True, env={**os.environ, **ENV})
    seconds = time.perf_counter() - start
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime


def ms(timing: Timing) -> str:
    return f"{timing[0] * 1000:7.0f} ms (cpu {timing[1] * 1000:4.0f} ms)"


def ratio(timing: Timing, base: Timing) -> str:
    return f"{timing[0] / base[0]:4.1f}x (cpu {timing[1] / base[1]:4.1f}x)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout's src folder: its start-up is measured too, run for run",
    )
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        sample = home / "kopi-nusantara.toml"
        sample.write_bytes((ROOT / "sample_plans" / "kopi-nusantara.toml").read_bytes())
        year = home / "year.toml"
        year.write_text(generate(), encoding="utf-8")
        sources: list[Path | None] = [None] if args.against is None else [None, args.against]
        ready = "bare textual app ready"
        # (label, one start: the first screen, and the whole one for smplan)
        programs: list[tuple[str, Callable[[], tuple[Timing, Timing]]]] = [
            ("bare Textual app", partial(first_screen, [python, "-c", BARE], ready, home)),
            (
                "  collector off",
                partial(first_screen, [python, "-c", BARE_COLLECTOR_OFF], ready, home),
            ),
            ("  after pydantic", partial(first_screen, [python, "-c", BARE_PYDANTIC], ready, home)),
        ]
        smplan_labels: set[str] = set()
        for label, path in (("sample plan", sample), ("year plan", year)):
            shown, whole = whole_screen(path)
            for floor, model in (("parsed", ""), ("read", READ_INTO_MODEL)):
                command = [python, "-c", BARE_READ.format(model=model), str(path)]
                programs.append(
                    (f"  bare, {label} {floor}", partial(first_screen, command, shown, home))
                )
            for src in sources:
                name = f"smplan, {label}" if src is None else f"  {label}, --against"
                smplan_labels.add(name)
                command = [python, "-m", "smplan", str(path)]
                programs.append((name, partial(first_screen, command, shown, home, src, whole)))
        # Interleaved, round by round, so that a busy minute weighs on all alike; each
        # round begins one program further on, so that no program always follows
        # the same one.
        starts: dict[str, list[tuple[Timing, Timing]]] = {label: [] for label, _ in programs}
        for round_ in range(args.runs):
            turn = round_ % len(programs)
            for label, start in programs[turn:] + programs[:turn]:
                starts[label].append(start())
        bare = median_timing([first for first, _whole in starts[programs[0][0]]])
        print(f"{programs[0][0]:26} {ms(bare)} (baseline)")
        for label, _start in programs[1:]:
            first = median_timing([first for first, _whole in starts[label]])
            print(f"{label:26} {ms(first)}  {ratio(first, bare)} bare")
            if label in smplan_labels:
                complete = median_timing([whole for _first, whole in starts[label]])
                print(f"{'  whole':26} {ms(complete)}  {ratio(complete, bare)} bare")

        tomli = median_of(
            args.runs,
            lambda: process_seconds(
                [python, "-c", f"import tomli; tomli.loads(open({str(year)!r}).read())"]
            ),
        )
        tomllib = median_of(
            args.runs,
            lambda: process_seconds(
                [python, "-c", f"import tomllib; tomllib.loads(open({str(year)!r}).read())"]
            ),
        )
        check = median_of(
            args.runs, lambda: process_seconds([python, "-m", "smplan", "check", str(year)])
        )
        print(f"tomli (compiled) parse     {ms(tomli)} (baseline)")
        print(f"tomllib parse              {ms(tomllib)}")
        print(
            f"smplan check, year plan    {ms(check)}  {ratio(check, tomli)} tomli, "
            f"{ratio(check, tomllib)} tomllib"
        )


if __name__ == "__main__":
    main()
