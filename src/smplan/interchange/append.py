"""Add new calendar items at the end of a plan's calendar, keeping the rest of its text.

The store's diff writes each new item as a ``[[calendar]]`` table after the
last one; every other byte of the file (comments, order, spacing) stays.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable

from smplan.model import CalendarItem
from smplan.store import PlanFile
from smplan.store.plan_file import PendingSave


def append_items(plan_file: PlanFile, items: Iterable[CalendarItem]) -> PendingSave:
    """The save that adds ``items``; raises what :meth:`PlanFile.prepare_save` raises.

    The new text is read back with ``tomllib`` before anything is written, so a
    save that would leave an unreadable plan fails here instead.
    """
    plan_file.plan.calendar.extend(items)
    pending = plan_file.prepare_save()
    tomllib.loads(pending.text)
    return pending
