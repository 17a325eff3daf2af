"""Findings read with the file, kept on the item they are about while items move.

A value the file holds in the wrong shape is reported when the plan is read,
with its key path (``goals[3].target``). Items added, deleted or moved above it
change that path; an edit of the value itself makes the finding moot. Each such
finding is tied to the model object that holds the value, and its path is
worked out again from where that object is now.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from smplan.findings import Finding
from smplan.keypath import KeyPath
from smplan.model import Plan, PlanTable


@dataclass(frozen=True, slots=True)
class Anchored:
    finding: Finding
    #: The model object whose field the finding is about (the plan itself at the top).
    owner: PlanTable
    #: The list that object is an item of, or None when it is not an item of a list.
    listed: KeyPath | None
    #: The path below the owner: the field, and deeper parts.
    below: KeyPath


def anchor(plan: Plan, findings: list[Finding]) -> list[Anchored]:
    """Tie each finding to the object its path leads to in ``plan``."""
    return [_anchor(plan, finding) for finding in findings]


def _anchor(plan: Plan, finding: Finding) -> Anchored:
    path = finding.path
    node: Any = plan
    owner: PlanTable = plan
    at = 0
    for depth, part in enumerate(path):
        if isinstance(node, PlanTable):
            owner, at = node, depth
        if isinstance(part, str) and isinstance(node, PlanTable):
            node = getattr(node, part, None)
        elif isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            node = node[part]
        else:
            break
    listed = path[: at - 1] if at and isinstance(path[at - 1], int) else None
    return Anchored(finding, owner, listed, path[at:])


def located(plan: Plan, anchored: list[Anchored], edited: set[tuple[int, str]]) -> list[Finding]:
    """The findings whose values were not edited since, with their paths as they are now.

    ``edited`` holds (id of the owner, field name) of every value set since the
    file was read; a finding whose item is gone is left out too.
    """
    found: list[Finding] = []
    for item in anchored:
        if item.below and (id(item.owner), str(item.below[0])) in edited:
            continue
        if item.listed is None:
            found.append(item.finding)
            continue
        items = _at(plan, item.listed)
        index = next((i for i, it in enumerate(items) if it is item.owner), None)
        if index is None:
            continue
        path = (*item.listed, index, *item.below)
        moved = replace(item.finding, path=path, line=None)  # the line is found again
        found.append(item.finding if path == item.finding.path else moved)
    return found


def _at(plan: Plan, path: KeyPath) -> list[Any]:
    node: Any = plan
    for part in path:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
        else:
            node = getattr(node, part, None)
        if node is None:
            return []
    return node if isinstance(node, list) else []
