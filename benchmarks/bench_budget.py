"""Budget tracker speed: full recomputation on a 5,000-item year plan.

The tracker recomputes money and hours on every edit, so one recomputation must
stay under 30 ms. Baselines measured in the same run put the figure in
proportion: a plain sum of the 5,000 item costs (the least any tracker does)
and pydantic validation of the 5,000 calendar items (what loading them costs).

    PYTHONPATH=src python benchmarks/bench_budget.py [--plan PLAN.toml] [--runs N]

It measures the year plan of benchmarks/generate_year_plan.py when that
generator is beside this script, and a year plan built here in code (its
team heavily loaded, so findings are at their most verbose); --plan measures
a plan file as well.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from smplan.checks.budget import budget_findings, compute_budget
from smplan.model import CalendarItem, Plan
from smplan.store import PlanFile

LIMIT_MS = 30.0
ITEMS = 5_000
NETWORKS = ("instagram", "tiktok", "facebook", "youtube", "linkedin", "x")
FORMATS = ("reel", "carousel", "story", "post", "video", "live")
COSTS = (0, 0, 0, 150_000, 250_000, 400_000, 750_000, 1_250_000)
HOURS = ("0.5", "1", "1.5", "2", "2.5", "3", "4", "6")


def year_plan_data(items: int = ITEMS, seed: int = 2027) -> dict[str, Any]:
    """A year plan as plain data: 8 people, 12 goals, tools, ads, ``items`` posts.

    The team is heavily loaded (every member over capacity in most weeks), so
    the findings are measured at their most verbose.
    """
    rng = random.Random(seed)
    team = [
        {"id": f"member-{i}", "name": f"Member {i}", "hours_per_week": Decimal(10 + 5 * (i % 5))}
        for i in range(8)
    ]
    goals = [
        {
            "id": f"goal-{i}",
            "network": NETWORKS[i % len(NETWORKS)],
            "owner": team[i % len(team)]["id"],
            "start": dt.date(2027, 1 + (i % 6), 1),
            "deadline": dt.date(2027, 7 + (i % 6), 28),
            "hours_per_week": Decimal("1.5") + i % 3,
        }
        for i in range(12)
    ]
    tools = [
        {"name": "Canva Pro", "cost": Decimal(150_000), "per": "month"},
        {"name": "Scheduler", "cost": Decimal(450_000), "per": "month"},
        {"name": "Analytics suite", "cost": Decimal(3_600_000), "per": "year"},
        {"name": "Stock footage", "cost": Decimal(1_200_000), "per": "year"},
        {"name": "Ring light", "cost": Decimal(850_000), "per": "once"},
        {"name": "Microphone", "cost": Decimal(1_100_000), "per": "once"},
    ]
    allocations = [
        {
            "name": f"Ads {network}, Q{quarter}",
            "amount": Decimal(rng.randrange(2_000_000, 12_000_000, 250_000)),
            "network": network,
            "goal": goals[(quarter * 3 + n) % len(goals)]["id"],
            "start": dt.date(2027, 3 * quarter - 2, 1),
            "end": dt.date(2027, 3 * quarter, 28),
        }
        for quarter in range(1, 5)
        for n, network in enumerate(NETWORKS)
    ]
    first = dt.date(2027, 1, 1).toordinal()
    calendar = [
        {
            "date": dt.date.fromordinal(first + rng.randrange(365)),
            "network": rng.choice(NETWORKS),
            "format": rng.choice(FORMATS),
            "title": f"Post {i}",
            "status": "planned",
            "owner": team[rng.randrange(len(team))]["id"] if i % 50 else None,
            "goal": goals[rng.randrange(len(goals))]["id"],
            "hours": Decimal(rng.choice(HOURS)),
            "cost": Decimal(rng.choice(COSTS)),
        }
        for i in range(items)
    ]
    return {
        "schema": 1,
        "plan": {
            "title": "Year plan",
            "period_start": dt.date(2027, 1, 1),
            "period_end": dt.date(2027, 12, 31),
            "currency": "IDR",
            "language": "id",
        },
        "resources": {
            "budget": Decimal(900_000_000),
            "team": team,
            "tools": tools,
            "allocations": allocations,
        },
        "goals": goals,
        "calendar": calendar,
    }


def medians_ms(
    actions: dict[str, Callable[[], object]], runs: int
) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) time of each action, run in turns so all see the same load.

    CPU time (this process only) is printed beside wall time because the
    machines we measure on are shared: under load the wall time includes
    waiting for a core, the CPU time much less so.
    """
    for action in actions.values():
        action()  # warm caches (catalogue, imports) outside the measurement
    wall: dict[str, list[float]] = {name: [] for name in actions}
    cpu: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            action()
            cpu[name].append((time.process_time() - started_cpu) * 1000)
            wall[name].append((time.perf_counter() - started) * 1000)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in actions}


def measure(name: str, plan: Plan, raw_items: list[dict[str, Any]] | None, runs: int) -> bool:
    items = plan.calendar
    print(
        f"{name}: {len(items):,} calendar items, {len(plan.resources.team)} people, "
        f"{len(plan.goals)} goals, {len(plan.resources.tools)} tools, "
        f"{len(plan.resources.allocations)} allocations"
    )
    actions: dict[str, Callable[[], object]] = {
        "compute": lambda: compute_budget(plan),
        "findings": lambda: budget_findings(plan, "id"),
        "sum": lambda: sum((item.cost or 0 for item in items), Decimal(0)),
    }
    if raw_items is not None:
        adapter = TypeAdapter(list[CalendarItem])
        actions["validate"] = lambda: adapter.validate_python(raw_items)
    ms = medians_ms(actions, runs)
    compute, compute_cpu = ms["compute"]
    findings, findings_cpu = ms["findings"]
    plain_sum, _ = ms["sum"]
    print(f"  median of {runs} runs               wall ms   CPU ms")
    print(
        f"  compute_budget                   {compute:7.2f}  {compute_cpu:7.2f}   (limit {LIMIT_MS:.0f} ms)"
    )
    print(f"  compute_budget + findings        {findings:7.2f}  {findings_cpu:7.2f}")
    print(
        f"  baseline: Decimal sum of costs   {plain_sum:7.2f}           "
        f"-> compute_budget is {compute / plain_sum:5.1f}x"
    )
    if "validate" in ms:
        validate, _ = ms["validate"]
        print(
            f"  baseline: pydantic validation    {validate:7.2f}           "
            f"-> compute_budget is {compute / validate:5.2f}x"
        )
    ok = compute < LIMIT_MS and findings < LIMIT_MS
    print(f"  {'OK' if ok else 'TOO SLOW'}: full recomputation under {LIMIT_MS:.0f} ms")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, help="also measure this plan file")
    parser.add_argument("--runs", type=int, default=31)
    options = parser.parse_args()
    ok = True
    generated = _generated_plan()
    if generated is not None:
        ok = measure("generate_year_plan.py plan", generated, None, options.runs)
    data = year_plan_data()
    plan = Plan.model_validate(data)
    ok = measure("built-in year plan", plan, data["calendar"], options.runs) and ok
    if options.plan is not None:
        ok = measure(str(options.plan), PlanFile.open(options.plan).plan, None, options.runs) and ok
    return 0 if ok else 1


def _generated_plan() -> Plan | None:
    """The shared benchmark year plan, when its generator is present."""
    try:
        from generate_year_plan import generate  # type: ignore[import-not-found]
    except ImportError:
        return None
    return PlanFile.from_text(generate()).plan


if __name__ == "__main__":
    sys.exit(main())
