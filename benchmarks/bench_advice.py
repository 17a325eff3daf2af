"""How fast the SMART advice and the progress of goals are on the year plan's 50 goals.

Run from the project root:

    python benchmarks/bench_advice.py

Measured on the plan of ``generate_year_plan.py`` (50 goals, 5,000 calendar
items, monthly results), against the same baseline as ``bench_smart.py`` in
the same run: pydantic validating one goal's table.

- one goal re-checked with a new statement each time (the keystroke case,
  budget 1 ms median);
- the advice of all 50 goals: every letter's proposals plus what each
  statement fills (what a user sees before pressing the key on any goal);
- applying one goal's advice: its letters' proposals set, the goal re-checked
  (the key press);
- writing the 50 goals' statements from their fields;
- the progress and pace of all 50 goals from their results (step 7 and
  ``smplan check``), budget 50 ms.

The script exits with status 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Measure this checkout's code, whatever else is installed.
if (ROOT / "src" / "smplan").is_dir():
    sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from bench_smart import measure, report  # noqa: E402
from generate_year_plan import AS_OF, generate  # noqa: E402
from smplan.checks.progress import plan_progress  # noqa: E402
from smplan.checks.smart import (  # noqa: E402
    SmartContext,
    check_goal,
    draft_statement,
    fill_from_statement,
)
from smplan.checks.smart.statement import parse_statement  # noqa: E402
from smplan.model import Goal, Plan  # noqa: E402

#: The plan's goals are being planned: judged before the year begins.
TODAY = dt.date(2026, 12, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000, help="calls per figure for one goal")
    args = parser.parse_args()
    runs: int = args.runs

    plan = Plan.model_validate(tomllib.loads(generate()))
    context = SmartContext.build(plan)
    goal = plan.goals[0]
    raw_goal = goal.model_dump(by_alias=True)
    statement = goal.statement or ""
    print(
        f"{len(plan.goals)} goals, {len(plan.calendar)} calendar items, "
        f"{len(plan.measurement.results)} results"
    )
    baseline_samples = measure(lambda i: Goal.model_validate(raw_goal), runs)
    baseline = statistics.median(baseline_samples)
    report("baseline: pydantic validation of one goal", baseline_samples, baseline)

    def typing(i: int) -> None:
        goal.statement = f"{statement} {i}"
        check_goal(goal, plan, context=context, today=TODAY)

    ok = report(
        "one goal while typing (new statement each time)", measure(typing, runs), baseline, 0.001
    )
    goal.statement = statement

    def all_advice(i: int) -> None:
        parse_statement.cache_clear()
        for each in plan.goals:
            verdict = check_goal(each, plan, context=context, today=TODAY)
            [p for letter in verdict.letters for p in letter.proposals]
            fill_from_statement(each, plan, context=context, today=TODAY)

    report("advice of all 50 goals (proposals + fill), cold", measure(all_advice, 50), baseline)

    target = plan.goals[1]
    saved = target.model_dump()

    def apply_advice(i: int) -> None:
        verdict = check_goal(target, plan, context=context, today=TODAY)
        for letter in verdict.letters:
            for proposal in letter.proposals:
                setattr(target, proposal.field, proposal.value)
        check_goal(target, plan, context=context, today=TODAY)
        for field, value in saved.items():
            setattr(target, field, value)

    report("apply one goal's advice and re-check it", measure(apply_advice, runs // 4), baseline)
    report(
        "draft the statements of all 50 goals",
        measure(lambda i: [draft_statement(g, plan) for g in plan.goals], 100),
        baseline,
    )
    ok &= report(
        "progress and pace of all 50 goals",
        measure(lambda i: plan_progress(plan, AS_OF), 100),
        baseline,
        0.05,
    )
    verdicts = [p.verdict for p in plan_progress(plan, AS_OF)]
    counts = {v: verdicts.count(v) for v in dict.fromkeys(verdicts)}
    print(f"(pace on {AS_OF}: {counts})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
