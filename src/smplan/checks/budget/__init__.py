"""Budget tracker: money and hours allocated versus available, and its findings.

``compute_budget`` gives the numbers (tracker panel, gauge, export);
``budget_findings`` turns them into findings. One module per concern:
``report`` (the whole report), ``money``, ``hours``, ``periods`` (the plan
period in months and ISO weeks), ``calendar_totals`` (the one walk over the
calendar), ``apportion`` (exact shares), ``findings``, ``text`` (amounts as
messages write them). Rules and thresholds: docs/budget.md.
"""

from smplan.checks.budget.findings import IDLE_SHARE, budget_findings
from smplan.checks.budget.hours import HoursReport, PersonLoad
from smplan.checks.budget.money import CATEGORIES, UNLINKED, Commitment, MoneyReport
from smplan.checks.budget.report import BudgetReport, compute_budget

__all__ = [
    "CATEGORIES",
    "IDLE_SHARE",
    "UNLINKED",
    "BudgetReport",
    "Commitment",
    "HoursReport",
    "MoneyReport",
    "PersonLoad",
    "budget_findings",
    "compute_budget",
]
