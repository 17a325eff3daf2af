"""How fast the SMART checker is: one goal per keystroke, and all goals of a year plan.

Run from the project root:

    PYTHONPATH=src python benchmarks/bench_smart.py

Budgets (issue 4): checking one goal, median under 1 ms; all 50 goals of a year
plan under 50 ms. The baseline, measured in the same run, is pydantic
validating one goal's table: the least the app does when a goal field changes.
The script exits with status 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from smplan.checks.smart import SmartContext, check_goal, check_goals, smart_findings
from smplan.checks.smart.statement import parse_statement
from smplan.model import Goal, Plan

TODAY = dt.date(2026, 12, 1)
NETWORKS = ("instagram", "tiktok", "linkedin", "facebook", "youtube")
TEAM = ("dewi", "budi", "sari", "rudi", "maya", "eko")

#: (kpi, unit, baseline, target, English statement, Indonesian statement) with {n} the network.
GOAL_KINDS: tuple[tuple[str, str, int | float, int | float, str, str], ...] = (
    (
        "followers",
        "followers",
        12400,
        13500,
        "Grow {n} followers from 12,400 to 13,500 by {d}",
        "Menambah pengikut {n} dari 12.400 menjadi 13.500 paling lambat {d}",
    ),
    (
        "engagement-rate",
        "%",
        2.1,
        3,
        "Raise the {n} engagement rate from 2.1% to 3% by {d}",
        "Menaikkan engagement rate {n} dari 2,1% menjadi 3% paling lambat {d}",
    ),
    (
        "cpc",
        "IDR",
        3000,
        2500,
        "Cut {n} CPC from Rp 3.000 to Rp 2.500 by {d}",
        "Menurunkan CPC {n} dari Rp3.000 menjadi Rp2.500 paling lambat {d}",
    ),
    (
        "reach",
        "people",
        900000,
        1500000,
        "Reach 1.5M people a month on {n} by {d}",
        "Mencapai jangkauan {n} 1,5 juta per bulan paling lambat {d}",
    ),
    (
        "first-response-time",
        "hours",
        4,
        1,
        "Cut the {n} first response time from 4 hours to 1 hour within 6 months",
        "Mempercepat waktu respons pertama di {n} dari 4 jam menjadi 1 jam dalam 6 bulan",
    ),
)


def year_plan(goals: int = 50) -> Plan:
    """A full year plan with ``goals`` goals, half of them written in Indonesian."""
    start = dt.date(2027, 1, 1)
    data: dict[str, Any] = {
        "schema": 1,
        "plan": {
            "title": "Benchmark year",
            "period_start": start,
            "period_end": dt.date(2027, 12, 31),
            "currency": "IDR",
            "language": "en",
        },
        "audit": {
            "profiles": [
                {"network": n, "followers": 12400, "engagement_rate": 2.1} for n in NETWORKS
            ]
        },
        "personas": [
            {"id": f"p{i}", "name": f"Persona {i}", "sources": ["survey"]} for i in range(4)
        ],
        "resources": {
            "budget": 600000000,
            "team": [{"id": m, "name": m.title(), "hours_per_week": 40} for m in TEAM],
            # Money for every goal measured by CPC (the third kind of goal).
            "allocations": [
                {"name": f"Ads {i}", "amount": 5000000, "goal": f"g{i}"}
                for i in range(2, goals, len(GOAL_KINDS))
            ],
        },
        "objectives": [
            {
                "id": "awareness",
                "kind": "communication",
                "statement": "Be known among remote workers",
            },
            {
                "id": "engagement",
                "kind": "communication",
                "statement": "Get people to interact with us",
            },
            {
                "id": "traffic",
                "kind": "marketing",
                "statement": "Bring visitors to the online store",
            },
            {
                "id": "service",
                "kind": "communication",
                "statement": "Reply to customer questions fast",
            },
        ],
        "strategy": {"networks": [{"network": n} for n in NETWORKS]},
        "goals": [],
        "calendar": [],
    }
    objective_of = {
        "followers": "awareness",
        "reach": "awareness",
        "engagement-rate": "engagement",
        "cpc": "traffic",
        "first-response-time": "service",
    }
    for i in range(goals):
        kpi, unit, baseline, target, en, id_ = GOAL_KINDS[i % len(GOAL_KINDS)]
        network = NETWORKS[(i // len(GOAL_KINDS)) % len(NETWORKS)]
        goal_start = start + dt.timedelta(days=30 * (i % 6))
        deadline = goal_start + dt.timedelta(days=180)
        words = id_ if i % 2 else en
        day = (
            f"{deadline.day} {'Juni' if i % 2 else 'June'} {deadline.year}"
            if deadline.month == 6
            else ""
        )
        day = day or (f"{deadline:%d} {deadline:%B} {deadline.year}")
        data["goals"].append(
            {
                "id": f"g{i}",
                "statement": words.format(n=network.title(), d=day),
                "objective": objective_of[kpi],
                "network": network,
                "kpi": kpi,
                "baseline": baseline,
                "target": target,
                "unit": unit,
                "start": goal_start,
                "deadline": deadline,
                "owner": TEAM[i % len(TEAM)],
                "personas": [f"p{i % 4}"],
                "hours_per_week": 2,
            }
        )
        for week in range(12):
            data["calendar"].append(
                {
                    "date": goal_start + dt.timedelta(weeks=week),
                    "network": network,
                    "title": f"Post {week} for g{i}",
                    "owner": TEAM[i % len(TEAM)],
                    "goal": f"g{i}",
                    "hours": 1.5,
                }
            )
    return Plan.model_validate(data)


def measure(run: Callable[[int], object], times: int) -> list[float]:
    """Seconds per call of ``run(i)``, ``times`` calls after a few warm-up calls."""
    for i in range(min(20, times)):
        run(i)
    samples = []
    for i in range(times):
        began = time.perf_counter()
        run(i)
        samples.append(time.perf_counter() - began)
    return samples


def report(name: str, samples: list[float], baseline: float, budget: float | None = None) -> bool:
    median = statistics.median(samples)
    p95 = statistics.quantiles(samples, n=20)[-1] if len(samples) >= 20 else max(samples)
    verdict = ""
    ok = True
    if budget is not None:
        ok = median < budget
        verdict = f"  budget {budget * 1000:g} ms: {'ok' if ok else 'MISSED'}"
    print(
        f"{name:<52} median {median * 1000:8.3f} ms  p95 {p95 * 1000:8.3f} ms"
        f"  {median / baseline:6.1f}x baseline{verdict}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000, help="calls per figure for one goal")
    args = parser.parse_args()
    runs: int = args.runs

    plan = year_plan(50)
    goal = plan.goals[0]
    raw_goal = goal.model_dump(by_alias=True)
    context = SmartContext.build(plan)
    base_statement = goal.statement or ""

    baseline_samples = measure(lambda i: Goal.model_validate(raw_goal), runs)
    baseline = statistics.median(baseline_samples)
    print(
        f"{len(plan.goals)} goals, {len(plan.calendar)} calendar items, {len(plan.resources.team)} people"
    )
    report("baseline: pydantic validation of one goal", baseline_samples, baseline)

    def typing(i: int) -> None:
        # A new statement on every call, as while typing: nothing is cached.
        goal.statement = f"{base_statement} {i}"
        check_goal(goal, plan, context=context, today=TODAY)

    ok = report(
        "one goal while typing (new statement each time)", measure(typing, runs), baseline, 0.001
    )
    goal.statement = base_statement
    report(
        "one goal, statement unchanged",
        measure(lambda i: check_goal(goal, plan, context=context, today=TODAY), runs),
        baseline,
    )
    report(
        "one goal without a context (built per call)",
        measure(lambda i: check_goal(goal, plan, today=TODAY), max(runs // 10, 20)),
        baseline,
    )
    report(
        "context of the plan (SmartContext.build)",
        measure(lambda i: SmartContext.build(plan), 200),
        baseline,
    )

    def all_goals_cold(i: int) -> None:
        parse_statement.cache_clear()
        check_goals(plan, today=TODAY)

    ok &= report(
        "all 50 goals, statements not cached", measure(all_goals_cold, 100), baseline, 0.05
    )
    report(
        "all 50 goals, statements cached",
        measure(lambda i: check_goals(plan, today=TODAY), 100),
        baseline,
    )
    report(
        "smart_findings of the plan (smplan check), cold",
        measure(lambda i: (parse_statement.cache_clear(), smart_findings(plan, today=TODAY)), 100),
        baseline,
    )
    verdicts = check_goals(plan, today=TODAY)
    fully = sum(v.fully_smart for v in verdicts)
    print(f"(plan check: {fully} of {len(verdicts)} goals fully SMART)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
