"""Visiting a step in a real terminal: function key to the step's content on screen.

Run from the project root (tmux needed):

    .venv/bin/python benchmarks/bench_steps.py [--runs 3] [--sample] [--look SECONDS]

The real program runs in its own tmux server at 80x24 (``tests/terminal/session.py``)
on the generated year plan (``generate_year_plan.py``, 5,000 calendar items),
and with ``--sample`` on the Kopi Nusantara sample plan too. Once the first
screen shows the plan, each step is visited with its function key (F3 to F8:
steps 2 to 7, then F2: step 1) and timed from the key until the screen, read
every few milliseconds, shows that step's heading and what the step holds (a
list's heading and its first item, the calendar's first row, the goals'
progress): the first visit, then a later visit of each. Every run is a new
process; each key is pressed once the program is idle (what a step does after
its content is shown, like the calendar filling its rows, is not counted in the
next step's time).

The program builds the steps not shown while nobody types (``AHEAD_QUIET`` in
``smplan/tui/screens/main.py``). By default the first key goes as soon as the
program is idle after the first screen, before that has begun: each first visit
builds its step, the slowest case. ``--look 3`` presses it three seconds after
the first screen, as a person who reads the screen first: the steps are built by
then, and a first visit only shows its step.

The baseline, measured in the same run and driven the same way: a bare Textual
app with two screens (one Static each) that F3 and F2 switch between, its
screens built on their first visit, as smplan's steps are.

Printed: the median per step of ``--runs`` runs, first and later visits, each
against the bare app's first and later switch; and beside each, the processor
time the program used meanwhile (user + system, from ``/proc``, in steps of the
kernel's clock tick, 10 ms), which other work on a shared machine changes less.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.terminal.processes import cpu_seconds, wait_idle  # noqa: E402
from tests.terminal.session import TmuxSession  # noqa: E402

from generate_year_plan import generate  # noqa: E402
from smplan.i18n import t  # noqa: E402
from smplan.model import Plan  # noqa: E402
from smplan.store import PlanFile  # noqa: E402

BARE = """
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

class Page(Screen[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self):
        yield Static(self.text)

class Bare(App[None]):
    BINDINGS = [("f2", "page('one')", ""), ("f3", "page('two')", "")]

    def on_mount(self) -> None:
        self.pages = {}
        self.action_page("one")

    def action_page(self, name: str) -> None:
        if name not in self.pages:
            self.pages[name] = Page(f"bare page {name} ready")
            self.install_screen(self.pages[name], name)
        if self.screen_stack and self.screen is self.pages[name]:
            return
        if len(self.screen_stack) > 1:
            self.switch_screen(name)
        else:
            self.push_screen(name)

Bare().run()
"""
ENV = {
    "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
    "TERM": "xterm-256color",
    "LANG": "C.UTF-8",
    "PYTHONPATH": str(ROOT / "src"),
}
#: Seconds a screen may take before the run is given up as broken.
TIMEOUT = 30
#: Steps in the order visited, with their function keys (F1 is help).
ORDER = (2, 3, 4, 5, 6, 7, 1)


def key_of(step: int) -> str:
    return f"F{step + 1}"


def wait_for(session: TmuxSession, shown: Sequence[str], start: float) -> float:
    """Seconds from ``start`` until every text of ``shown`` is on the screen."""
    deadline = start + TIMEOUT
    while time.perf_counter() < deadline:
        screen = session.screen()
        if all(text in screen for text in shown):
            return time.perf_counter() - start
        time.sleep(0.003)
    raise AssertionError(f"{shown!r} never showed:\n{session.screen()}")


def step_content(plan: Plan) -> dict[int, tuple[str, ...]]:
    """What each step shows at 80x24 once it is there: its heading and its first items.

    Headings come from the message catalogue (the plan's language); items from the
    plan, cut to what fits beside the navigator.
    """
    lang = plan.language

    def heading(step: int) -> str:
        return t(f"step-title.{step}", lang)[:30]

    def first(values: list[str | None]) -> tuple[str, ...]:
        return tuple(value[:20] for value in values[:1] if value)

    return {
        1: (heading(1), *first([p.handle for p in plan.audit.profiles])),
        2: (heading(2), *first([p.id for p in plan.personas])),
        3: (heading(3), *first([m.id for m in plan.resources.team])),
        4: (heading(4), *first([o.id for o in plan.objectives])),
        5: (heading(5), *first([n.network for n in plan.strategy.networks])),
        # The title's start: at 80x24 the table cuts titles after 11 characters, and
        # owners too in a plan whose columns are named in Indonesian.
        6: (heading(6), *first([(i.title or "")[:8] for i in plan.calendar])),
        7: (heading(7), *first([g.id for g in plan.goals])),
    }


Visits = dict[int, tuple[float, float]]


def visit_steps(path: Path, home: Path, look: float) -> tuple[Visits, Visits]:
    """(first visit, later visit) (seconds, processor seconds) per step, in one run,
    the first key ``look`` seconds after the first screen (or once idle, if later)."""
    plan = PlanFile.open(path).plan
    content = step_content(plan)
    title = (plan.plan.title or "")[:20]
    session = TmuxSession(
        [sys.executable, "-m", "smplan", str(path)], env={**ENV, "HOME": str(home)}
    )
    try:
        shown = time.perf_counter()
        wait_for(session, (title, *content[1]), shown)
        pid = session.pane_pid()
        # Let the check that runs after the first screen finish, as a user's first
        # look at the screen would; with ``look``, what the program does while a
        # person reads the screen (building the other steps) is done by then too.
        time.sleep(max(0.0, shown + look - time.perf_counter()))
        wait_idle(pid)
        first: Visits = {}
        later: Visits = {}
        for visits in (first, later):
            for step in ORDER:
                used = cpu_seconds(pid)
                start = time.perf_counter()
                session.send(key_of(step))
                seconds = wait_for(session, content[step], start)
                visits[step] = (seconds, cpu_seconds(pid) - used)
                wait_idle(pid)
        # Step 1 was built at start-up: its first visit here is not a first build.
        del first[1]
        return first, later
    finally:
        session.kill()


def bare_switch(home: Path) -> tuple[float, float]:
    """(first, later) seconds from a key to the other screen of the bare app."""
    session = TmuxSession([sys.executable, "-c", BARE], env={**ENV, "HOME": str(home)})
    try:
        wait_for(session, ("bare page one ready",), time.perf_counter())
        time.sleep(0.3)
        times: list[float] = []
        for key, text in (("F3", "two"), ("F2", "one"), ("F3", "two")):
            start = time.perf_counter()
            session.send(key)
            times.append(wait_for(session, (f"bare page {text} ready",), start))
        return times[0], statistics.median(times[1:])
    finally:
        session.kill()


def medians(runs: list[Visits], which: int) -> dict[int, float]:
    return {step: statistics.median(run[step][which] for run in runs) for step in runs[0]}


def figure(seconds: float, bare: float, cpu: float) -> str:
    return f"{seconds * 1000:5.0f} ms {seconds / bare:5.1f}x ({cpu * 1000:4.0f} ms)"


def report(
    label: str, measure: Callable[[], tuple[Visits, Visits]], runs: int, bare: tuple[float, float]
) -> None:
    results = [measure() for _ in range(runs)]
    first, first_cpu = medians([r[0] for r in results], 0), medians([r[0] for r in results], 1)
    later, later_cpu = medians([r[1] for r in results], 0), medians([r[1] for r in results], 1)
    print(f"smplan, {label}:   first visit (cpu)                later visit (cpu)")
    for step in sorted(later):
        one = "(built at start)"
        if step in first:
            one = figure(first[step], bare[0], first_cpu[step])
        again = figure(later[step], bare[1], later_cpu[step])
        print(f"  step {step} ({key_of(step)})  {one:32} {again}")
    print(
        f"  slowest first visit {max(first.values()) * 1000:.0f} ms, "
        f"slowest later {max(later.values()) * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sample", action="store_true", help="the sample plan too")
    parser.add_argument(
        "--look",
        type=float,
        default=0.0,
        help="seconds from the first screen to the first key (a person reading it)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        year = home / "year.toml"
        year.write_text(generate(), encoding="utf-8")
        bare_runs = [bare_switch(home) for _ in range(args.runs)]
        bare = (
            statistics.median(r[0] for r in bare_runs),
            statistics.median(r[1] for r in bare_runs),
        )
        print(
            f"bare Textual app, other screen: first {bare[0] * 1000:.0f} ms, "
            f"later {bare[1] * 1000:.0f} ms (baseline)"
        )
        plans = [("year plan", year)]
        if args.sample:
            sample = home / "kopi-nusantara.toml"
            sample.write_bytes((ROOT / "sample_plans" / "kopi-nusantara.toml").read_bytes())
            plans.insert(0, ("sample plan", sample))
        for label, path in plans:
            report(label, lambda p=path: visit_steps(p, home, args.look), args.runs, bare)


if __name__ == "__main__":
    main()
