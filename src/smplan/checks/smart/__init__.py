"""The SMART checker: a verdict per letter for each goal of a plan.

Pure functions over the plan model, fast enough to run on every keystroke.
What each module holds:

- ``checker``: ``check_goal``, ``check_goals``, ``smart_findings`` (the entry points);
- ``verdict``: the verdict of a letter and of a goal;
- ``context``: what the rules need from the whole plan, gathered once;
- ``facts``: one goal as the rules see it (fields, statement read, KPI resolved);
- ``statement``: what a goal's statement says; ``words``: the word lists;
- ``kpis``: the KPI catalogue; ``benchmarks``: the benchmark table;
- ``specific``, ``measurable``, ``achievable``, ``relevant``, ``time_bound``: one letter each;
- ``numbers``, ``dates``, ``durations``, ``frames``, ``changes``: what the statement reader
  finds (figures, dates, lengths of time, relative time frames, the change asked for);
- ``fill``: the empty fields a statement determines; ``draft``: a statement from the fields.

The rules, thresholds and data files are described in docs/smart.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smplan.checks.smart.benchmarks import Benchmarks, benchmarks_for, default_benchmarks
from smplan.checks.smart.checker import check_goal, check_goals, smart_findings, smart_summary
from smplan.checks.smart.context import SmartContext
from smplan.checks.smart.verdict import (
    BADGE_MARKS,
    LETTER_KEYS,
    LETTERS,
    MARKS,
    STATES,
    LetterVerdict,
    Proposal,
    SmartVerdict,
    State,
)

if TYPE_CHECKING:
    from smplan.checks.smart.draft import draft_statement
    from smplan.checks.smart.fill import fill_from_statement


def __getattr__(name: str) -> Any:
    # The statement drafter and the field filler serve the app's goal form, not a
    # check: they are imported on first use, and `smplan check` never pays for them.
    if name == "draft_statement":
        from smplan.checks.smart.draft import draft_statement

        return draft_statement
    if name == "fill_from_statement":
        from smplan.checks.smart.fill import fill_from_statement

        return fill_from_statement
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BADGE_MARKS",
    "LETTERS",
    "LETTER_KEYS",
    "MARKS",
    "STATES",
    "Benchmarks",
    "LetterVerdict",
    "Proposal",
    "SmartContext",
    "SmartVerdict",
    "State",
    "benchmarks_for",
    "check_goal",
    "check_goals",
    "default_benchmarks",
    "draft_statement",
    "fill_from_statement",
    "smart_findings",
    "smart_summary",
]
