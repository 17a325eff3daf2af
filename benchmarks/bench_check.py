"""``smplan check`` of the year plan, whole process, against a compiled-tomli parse.

Run from the project root:

    .venv/bin/python benchmarks/bench_check.py [--runs 9] [--against OTHER/src]

Generates the year plan (``generate_year_plan.py``, 5,000 calendar items, about
1 MB) into a temporary folder, then runs, each in its own process and
interleaved round by round so that a busy machine weighs on all alike, after
one warm-up run each that also writes the bytecode caches (a shell with
``PYTHONDONTWRITEBYTECODE`` set would otherwise have every run compile smplan's
sources again, some 60 ms):

- the baseline: ``python -c "import tomli; tomli.loads(open(F).read())"``;
- ``python -m smplan check --today 2026-12-01 F`` from this checkout's ``src``;
- pydantic's own floor: the ``tomli`` parse, then ``import pydantic`` and one
  model of one field built and used (which loads the rest of pydantic that any
  model needs): what the design card's packages cost before a line of smplan runs;
- the floor under any check: ``tomli`` parse, ``import pydantic`` and the model,
  ``Plan.model_validate`` (no checks, no line numbers);
- with ``--against DIR``: the same command from the ``src`` folder ``DIR`` (an
  older checkout, say), to compare two versions in one run.

Printed for each: the median processor time (user + system, of the child
process, from ``resource.getrusage``) and the median time, and the ratio of each
to the baseline's. The target (issue 13) is 2.5x the baseline's processor time.
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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate_year_plan import generate  # noqa: E402

TARGET = 2.5
TODAY = "2026-12-01"
#: What any check has to do before checking: parse, import pydantic and the model,
#: validate (the collector off, as `smplan check` has it).
FLOOR = (
    "import gc; gc.disable(); import tomli; from smplan.model import Plan; "
    "Plan.model_validate(tomli.loads(open({path!r}, encoding='utf-8').read()))"
)

#: The parse, and pydantic loaded as far as any model needs it: no smplan code.
PYDANTIC_FLOOR = (
    "import gc; gc.disable(); import tomli; from pydantic import BaseModel; "
    "tomli.loads(open({path!r}, encoding='utf-8').read()); "
    "M = type('M', (BaseModel,), {{'__annotations__': {{'x': int}}, 'x': 0}}); "
    "M.model_validate({{'x': 1}})"
)

#: (seconds, processor seconds) of one run.
Timing = tuple[float, float]


def run(command: list[str], env: dict[str, str]) -> Timing:
    """Run ``command`` to its end: its time and the processor time it used."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    seconds = time.perf_counter() - start
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="rounds (medians are printed)")
    parser.add_argument("--against", type=Path, help="another checkout's src folder to compare")
    args = parser.parse_args()
    python = sys.executable
    # Each program runs as a person's would: from bytecode cached on disk (written by
    # the warm-up run below), whatever this shell says about writing bytecode.
    dropped = ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")
    base_env = {k: v for k, v in os.environ.items() if k not in dropped}
    with tempfile.TemporaryDirectory() as folder:
        year = Path(folder) / "year.toml"
        year.write_text(generate(), encoding="utf-8")
        check = ["-m", "smplan", "check", "--today", TODAY, str(year)]
        # (label, command, environment)
        programs: list[tuple[str, list[str], dict[str, str]]] = [
            (
                "tomli (compiled) parse",
                [python, "-c", f"import tomli; tomli.loads(open({str(year)!r}).read())"],
                base_env,
            ),
            ("smplan check", [python, *check], {**base_env, "PYTHONPATH": str(ROOT / "src")}),
            (
                "parse and pydantic only (pydantic's floor)",
                [python, "-c", PYDANTIC_FLOOR.format(path=str(year))],
                base_env,
            ),
            (
                "read into the model only (floor)",
                [python, "-c", FLOOR.format(path=str(year))],
                {**base_env, "PYTHONPATH": str(ROOT / "src")},
            ),
        ]
        if args.against is not None:
            other = str(args.against.resolve())
            programs.append(
                (
                    f"smplan check ({args.against})",
                    [python, *check],
                    {**base_env, "PYTHONPATH": other},
                )
            )
        timings: dict[str, list[Timing]] = {label: [] for label, _, _ in programs}
        for _label, command, env in programs:
            run(command, env)  # warm-up: caches, bytecode
        for _round in range(args.runs):
            for label, command, env in programs:
                timings[label].append(run(command, env))
        medians = {
            label: (
                statistics.median(t[0] for t in runs),
                statistics.median(t[1] for t in runs),
            )
            for label, runs in timings.items()
        }
        base_seconds, base_cpu = medians[programs[0][0]]
        print(f"year plan: {year.stat().st_size:,} bytes; medians of {args.runs} interleaved runs")
        for label, (seconds, cpu) in medians.items():
            print(
                f"{label:40} cpu {cpu * 1000:5.0f} ms ({cpu / base_cpu:4.2f}x)"
                f"   time {seconds * 1000:5.0f} ms ({seconds / base_seconds:4.2f}x)"
            )
        print(f"target: smplan check within {TARGET}x of the tomli parse's processor time")


if __name__ == "__main__":
    main()
