"""The plan's findings as the interface lists them: by field, and as the problems list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from smplan.editing.lines import lines_now
from smplan.findings import Finding
from smplan.i18n.places import in_words, place
from smplan.keypath import KeyPath
from smplan.store import PlanFile, PlanFileError


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding as the list shows it."""

    finding: Finding
    #: Where, in the app's words (empty for the file as a whole).
    place: str
    #: What is wrong, in the app's words.
    message: str
    line: int | None


def problems_under(findings: Iterable[Finding], prefix: KeyPath) -> dict[KeyPath, str]:
    """Findings under ``prefix`` by key path (errors first, as sorted), for marking fields."""
    found: dict[KeyPath, str] = {}
    for finding in findings:
        if finding.level != "info" and finding.path[: len(prefix)] == prefix:
            found.setdefault(finding.path, in_words(finding.message, finding.path))
    return found


def problem_list(plan_file: PlanFile, findings: list[Finding]) -> list[Problem]:
    """The findings on the lines of the text a save would write now."""
    try:
        lines = lines_now(plan_file, [f.path for f in findings])
    except (PlanFileError, RecursionError, ValueError, KeyError, IndexError):
        lines = {}  # too deep or odd to place: the lines found when checking stay
    plan = plan_file.plan
    return [
        Problem(
            finding,
            place(plan, finding.path),
            in_words(finding.message, finding.path),
            lines.get(finding.path, finding.line),
        )
        for finding in findings
    ]
