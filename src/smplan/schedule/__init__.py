"""When the calendar's items happen: repeat rules expanded into dated occurrences.

Pure functions over the model, shared by the budget, the rhythm check and the
export, so that all of them count a repeating item the same way.
"""

from smplan.schedule.detach import detach_occurrence
from smplan.schedule.occurrences import (
    Occurrence,
    item_dates,
    occurrences,
    repeat_interval,
    repeats,
)

__all__ = [
    "Occurrence",
    "detach_occurrence",
    "item_dates",
    "occurrences",
    "repeat_interval",
    "repeats",
]
