"""How fast the store opens, edits and checks a large plan, next to baselines.

Generates the year plan (5,000 calendar items, about 1 MB) into a temporary
folder, then measures in this one run:

- baseline: compiled tomli parse + plain pydantic ``Plan.model_validate`` of the
  same data (stdlib tomllib and a full tomlkit parse are shown for orientation);
- load: ``PlanFile.open`` (parse + validate, ready to show), as a ratio to the
  baseline (target: within 2x);
- one-field edits + atomic save: a calendar item's title, a goal's target, one
  new calendar item; the first save of a freshly opened plan (which splits the
  file into segments) apart from later saves (target: under 0.3 s);
- ``smplan check`` as a whole process (target: under 1.5 s), next to
  ``python -c pass``.

Times are medians of repeated runs (time.perf_counter).

    PYTHONPATH=src python benchmarks/bench_store.py [--items N] [--quick]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Measure this checkout's code, whatever else is installed.
if (ROOT / "src" / "smplan").is_dir():
    sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

import tomli  # noqa: E402
import tomlkit  # noqa: E402

import smplan  # noqa: E402
from generate_year_plan import DEFAULT_ITEMS, generate  # noqa: E402
from smplan.model import CalendarItem, Plan  # noqa: E402
from smplan.store import PlanFile  # noqa: E402

LOAD_RATIO_TARGET = 2.0
SAVE_TARGET = 0.3
CHECK_TARGET = 1.5


def median_of(fn: Callable[[], object], repeat: int) -> float:
    # Garbage left by an earlier measurement (tomlkit's documents are cyclic) would
    # otherwise be collected, and paid for, inside this one.
    gc.collect()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_time(args: list[str], env: dict[str, str], repeat: int) -> tuple[float, int]:
    times = []
    code = 0
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(args, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        code = done.returncode
    return statistics.median(times), code


def changed_lines(before: str, after: str) -> int:
    old, new = before.splitlines(), after.splitlines()
    if len(old) != len(new):
        return abs(len(old) - len(new))
    return sum(1 for a, b in zip(old, new, strict=True) if a != b)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(
        self, what: str, seconds: float, baseline: str = "", ratio: str = "", verdict: str = ""
    ) -> None:
        self.rows.append((what, f"{seconds * 1000:9.1f} ms", baseline, ratio, verdict))

    def print(self) -> None:
        header = ("measure", "median", "baseline or note", "ratio", "target")
        widths = [max(len(row[i]) for row in [header, *self.rows]) for i in range(5)]
        line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
        print(line)
        print("-" * len(line))
        for row in self.rows:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def verdict(ok: bool, target: str) -> str:
    return f"{target} {'ok' if ok else 'MISSED'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=DEFAULT_ITEMS, help="calendar items")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no tomlkit parse")
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="smplan-bench-") as folder:
        return run(options, Path(folder))


def run(options: argparse.Namespace, folder: Path) -> int:
    repeat = 3 if options.quick else 7
    started = time.perf_counter()
    text = generate(options.items)
    path = folder / "year.toml"
    path.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    print(
        f"year plan: {options.items} calendar items, {size:,} bytes, {text.count(chr(10)):,} lines"
    )
    print(
        f"python {sys.version.split()[0]}, tomli {_version('tomli')} ({_tomli_kind()}), "
        f"tomlkit {_version('tomlkit')}, pydantic {_version('pydantic')}"
    )
    print()

    table = Table()

    # -- baselines ----------------------------------------------------------
    data = tomli.loads(text, parse_float=Decimal)
    t_tomli = median_of(lambda: tomli.loads(text, parse_float=Decimal), repeat)
    t_validate = median_of(lambda: Plan.model_validate(data), repeat)
    baseline = t_tomli + t_validate
    t_tomllib = median_of(lambda: tomllib.loads(text, parse_float=Decimal), max(repeat // 2, 1))
    table.add("tomli parse (compiled)", t_tomli)
    table.add("pydantic Plan.model_validate", t_validate)
    table.add("baseline: tomli + validate", baseline)
    table.add("stdlib tomllib parse", t_tomllib, ratio=f"{t_tomllib / t_tomli:.1f}x tomli")
    tomlkit_row = len(table.rows)  # measured last: it is slow and leaves much garbage

    # -- load ---------------------------------------------------------------
    t_open = median_of(lambda: PlanFile.open(path), repeat)
    ratio = t_open / baseline
    table.add(
        "load: PlanFile.open", t_open, "tomli+validate", f"{ratio:.2f}x",
        verdict(ratio <= LOAD_RATIO_TARGET, f"<= {LOAD_RATIO_TARGET:g}x"),
    )  # fmt: skip

    # -- edits and saves ----------------------------------------------------
    middle = options.items // 2
    goal_at = 10 if len(data.get("goals", [])) > 10 else 0

    def edit_title(plan_file: PlanFile, n: int) -> None:
        plan_file.plan.calendar[middle].title = f"Edited title {n}"

    def edit_goal(plan_file: PlanFile, n: int) -> None:
        plan_file.plan.goals[goal_at].target = Decimal(90000 + n)

    def add_item(plan_file: PlanFile, n: int) -> None:
        plan_file.plan.calendar.append(
            CalendarItem(date=plan_file.plan.calendar[-1].date, network="instagram",
                         title=f"Added item {n}", status="idea", hours=Decimal(1))
        )  # fmt: skip

    edits: list[tuple[str, Callable[[PlanFile, int], None], int]] = [
        ("calendar title", edit_title, 1),
        ("goal target", edit_goal, 1),
        # header, five keys and the blank line before it
        ("add calendar item", add_item, 7),
    ]
    for label, edit, expected_lines in edits:
        first: list[float] = []
        later: list[float] = []
        lines_changed = set()
        for run in range(2 if options.quick else 5):
            copy = folder / f"{label.replace(' ', '-')}-{run}.toml"
            copy.write_text(text, encoding="utf-8")
            plan_file = PlanFile.open(copy)
            gc.collect()
            for n in range(4):
                before = plan_file.text
                start = time.perf_counter()
                edit(plan_file, n)
                plan_file.save()
                (first if n == 0 else later).append(time.perf_counter() - start)
                lines_changed.add(changed_lines(before, copy.read_text(encoding="utf-8")))
            tomllib.loads(copy.read_text(encoding="utf-8"))  # what we wrote is valid TOML
        t_first, t_later = statistics.median(first), statistics.median(later)
        shape = f"{'/'.join(str(n) for n in sorted(lines_changed))} lines changed"
        if lines_changed != {expected_lines}:
            shape += f" (expected {expected_lines})"
        table.add(
            f"{label} + save, first", t_first, shape, "", verdict(t_first < SAVE_TARGET, "< 0.3 s")
        )
        table.add(
            f"{label} + save, later", t_later, "", "", verdict(t_later < SAVE_TARGET, "< 0.3 s")
        )

    # -- whole process ------------------------------------------------------
    env = dict(os.environ)
    source = str(Path(smplan.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH", "")) if p)
    t_pass, _ = process_time([sys.executable, "-c", "pass"], env, repeat)
    # What `smplan check` imports before it reads a byte: pydantic and the models.
    imports = "import smplan.cli, smplan.checks, smplan.store"
    t_import, _ = process_time([sys.executable, "-c", imports], env, repeat)
    t_check, code = process_time(
        [sys.executable, "-m", "smplan.cli", "check", str(path)], env, repeat
    )
    table.add("process: python -c pass", t_pass)
    table.add(
        "process: import cli+checks+store",
        t_import,
        "python -c pass",
        f"+{(t_import - t_pass) * 1000:.0f} ms",
    )
    table.add(
        f"process: smplan check (exit {code})", t_check, "python -c pass",
        f"+{(t_check - t_pass) * 1000:.0f} ms", verdict(t_check < CHECK_TARGET, "< 1.5 s"),
    )  # fmt: skip
    if not options.quick:
        t_tomlkit = median_of(lambda: tomlkit.parse(text), 1)
        table.add(
            "tomlkit full parse (1 run)", t_tomlkit, ratio=f"{t_tomlkit / t_tomli:.0f}x tomli"
        )
        table.rows.insert(tomlkit_row, table.rows.pop())

    table.print()
    print()
    runs = 2 if options.quick else 5
    print(
        f"medians of {repeat} runs; edits: the first save after a fresh open (it splits the file "
        f"into segments) and 3 later saves on the same plan, {runs} opens each"
    )
    print(f"whole script {time.perf_counter() - started:.1f} s")
    return 0


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def _tomli_kind() -> str:
    import tomli._parser as parser

    return "compiled" if parser.__file__ and not parser.__file__.endswith(".py") else "pure Python"


if __name__ == "__main__":
    sys.exit(main())
