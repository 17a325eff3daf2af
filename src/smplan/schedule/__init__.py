"""When the calendar's items happen: repeat rules expanded into dated occurrences.

Pure functions over the model (``occurrences``), shared by the budget, the
rhythm check and the export, so that all of them count a repeating item the
same way; ``detach`` takes one occurrence out of its series (import it from
``smplan.schedule.detach``: the checks need no editing code).
"""

from smplan.schedule.occurrences import (
    Occurrence,
    item_dates,
    occurrences,
    repeat_interval,
    repeats,
)

__all__ = [
    "Occurrence",
    "item_dates",
    "occurrences",
    "repeat_interval",
    "repeats",
]
