"""What a reference field can point at: the ids that exist in the plan, with a label each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from smplan.i18n import current_language
from smplan.i18n.values import choice_name
from smplan.model import Plan
from smplan.model.types import KNOWN_NETWORKS
from smplan.presentation.goals import goal_name

#: The lists a reference field chooses from.
RefKind = Literal["personas", "team", "objectives", "goals", "networks", "pillars"]


def ref_choices(plan: Plan, kind: RefKind) -> Sequence[tuple[str, str]]:
    """(label, id) pairs of what ``plan`` has of ``kind``, in the plan's order."""
    if kind == "personas":
        return [(f"{p.id} · {p.name or ''}".rstrip(" ·"), p.id) for p in plan.personas if p.id]
    if kind == "team":
        return [
            (f"{m.id} · {m.name or ''}".rstrip(" ·"), m.id) for m in plan.resources.team if m.id
        ]
    if kind == "objectives":
        return [
            (f"{o.id} · {choice_name(o.kind, current_language())}" if o.kind else o.id, o.id)
            for o in plan.objectives
            if o.id
        ]
    if kind == "goals":
        # By name too: letters typed on the menu find a word of the statement.
        return [(goal_name(g), g.id) for g in plan.goals if g.id]
    if kind == "pillars":
        return [(p, p) for p in plan.strategy.pillars]
    # Networks: those the plan uses first, then every other known one.
    used = [n.network for n in plan.strategy.networks if n.network]
    names = list(dict.fromkeys([*used, *KNOWN_NETWORKS]))
    return [(n, n) for n in names]
