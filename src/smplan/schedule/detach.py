"""Detach one occurrence of a repeating item, so that it can be changed on its own."""

from __future__ import annotations

import datetime as dt

from smplan.editing.session import EditSession
from smplan.model import CalendarItem, Plan
from smplan.schedule.occurrences import item_dates, repeats
from smplan.store.diff import forget_origins


def detach_occurrence(
    plan: Plan, index: int, day: dt.date, session: EditSession | None = None
) -> CalendarItem:
    """Take ``day`` out of the repeating item at ``index`` and add a plain copy on that day.

    The day joins the item's ``except`` list and the copy (same content, no
    rule) is appended to the calendar; saving writes both as edits of the file
    (the rest of it, comments included, stays as it was). With a ``session``
    the two changes go through it, so that the app's undo takes them back.
    Raises ValueError when ``day`` is not an occurrence of that item.
    """
    item = plan.calendar[index]
    if not repeats(item) or day not in item_dates(item, day, day):
        raise ValueError(day, index)
    copy = item.model_copy(deep=True)
    copy.repeat = None
    copy.except_ = []
    copy.date = day
    forget_origins(copy)
    skipped = sorted([*item.except_, day])
    if session is None:
        item.except_ = skipped
        plan.calendar.append(copy)
    else:
        session.set(item, "except_", skipped, step=6, path=("calendar", index, "except"))
        session.insert(plan, "calendar", len(plan.calendar), copy, step=6)
    return copy
