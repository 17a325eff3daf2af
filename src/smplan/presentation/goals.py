"""How a goal is named wherever one is chosen or shown beside its figures: its id and
the start of its statement (``ig-followers · Grow Instagram followers from 1,200…``)."""

from __future__ import annotations

from smplan.display import one_line
from smplan.model import Goal

#: Characters of the statement shown after the id: enough to tell goals apart in a menu.
STATEMENT_WIDTH = 50


def goal_name(goal: Goal) -> str:
    """The goal as the goal picker lists it: id, then its statement cut to one short line."""
    if not goal.statement:
        return goal.id
    return f"{goal.id} · {cut(one_line(goal.statement), STATEMENT_WIDTH)}"


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, an ellipsis marking what was cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
