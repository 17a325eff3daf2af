"""Markdown export speed and shape: `smplan export` of the 5,000-item year plan, whole process.

The whole command (start-up, imports, reading and validating the plan, the
budget tracker and SMART checks, writing the Markdown) must take under 1 s.
Baselines measured in the same run put the figure in proportion: the start-up
of `python -c "import smplan"` and `smplan check` of the same file (which reads
the plan and runs every check, but writes nothing). The split export
(`--split DIR`) and the calendar as iCalendar (`--format ics`) are timed
the same way. Then the shape of what was written:
the single file's size, the size of each page of the split (largest first),
and the widest table row in characters (source Markdown, per row).

    PYTHONPATH=src python benchmarks/bench_export.py [--plan PLAN.toml] [--runs N]

Each figure is the median of N runs (default 5), in wall time and in the CPU
time of the child process (steadier on a shared machine). As in an installed
smplan, modules are loaded from bytecode: the runs write it to a temporary
PYTHONPYCACHEPREFIX (whatever PYTHONDONTWRITEBYTECODE says) after one warm-up
run; the source tree is left as it is.
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
from pathlib import Path

LIMIT_S = 1.0
HERE = Path(__file__).resolve().parent


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def median_of(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    results = [timed(command, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def widest_row(markdown: str) -> int:
    """The longest line of a pipe table, in characters."""
    return max((len(line) for line in markdown.split("\n") if line.startswith("|")), default=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, help="plan to export (default: a generated year plan)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "PYTHONPATH": str(HERE.parent / "src"),
            "PYTHONPYCACHEPREFIX": str(Path(folder) / "pycache"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        plan = args.plan
        if plan is None:
            sys.path.insert(0, str(HERE))
            from generate_year_plan import generate

            plan = Path(folder) / "year.toml"
            plan.write_text(generate(), encoding="utf-8")
        out = Path(folder) / "year.md"
        python = sys.executable
        warm_up = [python, "-m", "smplan", "export", str(plan), "-o", str(out)]
        subprocess.run(warm_up, env=env, check=True, capture_output=True)
        startup = median_of([python, "-c", "import smplan"], env, args.runs)
        check = median_of([python, "-m", "smplan", "check", str(plan)], env, args.runs)
        export = median_of(
            [python, "-m", "smplan", "export", str(plan), "-o", str(out)], env, args.runs
        )
        pages = Path(folder) / "pages"
        split = median_of(
            [
                python,
                "-m",
                "smplan",
                "export",
                str(plan),
                "--split",
                str(pages),
                "--flavor",
                "github",
            ],
            env,
            args.runs,
        )
        ics_out = Path(folder) / "year.ics"
        ics = median_of(
            [python, "-m", "smplan", "export", str(plan), "--format", "ics", "-o", str(ics_out)],
            env,
            args.runs,
        )
        ics_size = ics_out.stat().st_size
        size = out.stat().st_size
        widest_single = widest_row(out.read_text(encoding="utf-8"))
        page_sizes = sorted(((p.stat().st_size, p.name) for p in pages.glob("*.md")), reverse=True)
        widest_pages = max(widest_row(p.read_text(encoding="utf-8")) for p in pages.glob("*.md"))
    print(f"plan: {plan.name if args.plan else 'generated year plan'}, markdown {size:,} bytes")
    print(f"{'':28}{'wall':>9}{'cpu':>9}")
    for name, (wall, cpu) in (
        ('python -c "import smplan"', startup),
        ("smplan check (baseline)", check),
        ("smplan export", export),
        ("smplan export --split", split),
        ("smplan export --format ics", ics),
    ):
        print(f"{name:28}{wall:8.3f}s{cpu:8.3f}s")
    print(f"export / check: {export[0] / check[0]:.2f}x wall, {export[1] / check[1]:.2f}x cpu")
    print(f"split / check: {split[0] / check[0]:.2f}x wall, {split[1] / check[1]:.2f}x cpu")
    print(f"ics / check: {ics[0] / check[0]:.2f}x wall, {ics[1] / check[1]:.2f}x cpu")
    print(f"ics file: {ics_size:,} bytes")
    print(f"split pages: {len(page_sizes)}, total {sum(s for s, _ in page_sizes):,} bytes")
    for page_size, name in page_sizes[:3]:
        print(f"  {page_size:>9,} bytes  {name}")
    print(f"  smallest: {page_sizes[-1][0]:,} bytes ({page_sizes[-1][1]})")
    print(f"widest table row: {widest_single} characters (single file), {widest_pages} (pages)")
    print(f"export / start-up: {export[0] / startup[0]:.1f}x wall")
    ok = export[0] < LIMIT_S
    print(f"limit {LIMIT_S:.1f} s: {'ok' if ok else 'OVER'} (median wall {export[0]:.3f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
