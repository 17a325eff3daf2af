"""`smplan check` on a small over-budget plan, through the real program."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.helpers import run_cli

# Budget 9,000,000 over Jan-Mar 2027 (90 days, 100,000 a day): Feb's share is
# 2,800,000. Committed: 500,000 + 12,000,000 = 12,500,000, 3,500,000 over; only
# the shoot (12,000,000) covers that alone, so the finding points at its cost
# (line 27). Feb: 12,000,000 - 2,800,000 = 9,200,000 above its share.
OVER_BUDGET = """\
schema = 1

[plan]
title = "Kopi Nusantara"
period_start = 2027-01-01
period_end = 2027-03-31
currency = "IDR"
language = "id"

[resources]
budget = 9000000

[[resources.team]]
id = "dewi"
name = "Dewi"
hours_per_week = 20

[[calendar]]
date = 2027-01-11
title = "Reel"
cost = 500000

[[calendar]]
date = 2027-02-15
title = "Photo shoot"
owner = "dewi"
cost = 12000000
hours = 6
"""
COST_LINE = OVER_BUDGET.splitlines().index("cost = 12000000") + 1


def smplan(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env={"LANG": "C.UTF-8"})


def test_check_reports_budget_over_at_the_causing_line(tmp_path: Path) -> None:
    assert COST_LINE == 27
    plan = tmp_path / "plan.toml"
    plan.write_text(OVER_BUDGET, encoding="utf-8")
    result = smplan("check", "--lang", "en", str(plan))
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stdout.splitlines() if " budget-over: " in line]
    assert lines == [
        f"{plan}:27: warning budget-over: committed money (IDR 12,500,000) is over the budget "
        "(IDR 9,000,000) by IDR 3,500,000; months above their share of the budget: "
        'Feb 2027 (+IDR 9,200,000); without this item ("Photo shoot", IDR 12,000,000) '
        "the plan fits the budget [calendar[1].cost]"
    ]
    # Warnings only: the check passes.
    assert result.returncode == 0


def test_check_speaks_the_plan_language_and_strict_fails(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(OVER_BUDGET, encoding="utf-8")
    result = smplan("check", "--json", "--strict", str(plan))
    findings = json.loads(result.stdout)
    over = [f for f in findings if f["code"] == "budget-over"]
    assert len(over) == 1
    assert over[0]["line"] == 27
    assert over[0]["level"] == "error"  # --strict
    assert over[0]["message"].startswith(
        "total biaya yang direncanakan (Rp 12.500.000) melebihi anggaran (Rp 9.000.000)"
    )
    assert result.returncode == 1


def test_check_within_budget_has_no_budget_findings(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    # 500,000 + 8,000,000 = 8,500,000 of 9,000,000: within budget, and the idle
    # 500,000 (5.6 %) is below the 25 % that makes budget-unallocated.
    plan.write_text(OVER_BUDGET.replace("cost = 12000000", "cost = 8000000"), encoding="utf-8")
    result = smplan("check", "--lang", "en", str(plan))
    assert " budget-" not in result.stdout
    assert result.returncode == 0
