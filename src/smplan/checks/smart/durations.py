"""Lengths of time in goal statements, counted from the goal's start: "within 3 months",
"in the next two quarters", "dalam 3 bulan", "dalam sebulan", "6 minggu ke depan".

"per bulan" and "a month" are rates, not lengths, and are left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from smplan.checks.smart.dates import mask, month_day
from smplan.checks.smart.words import one_of
from smplan.i18n.vocabulary import COUNT_WORDS

_COUNT = r"(?:\d{1,3}|" + one_of(COUNT_WORDS) + ")"
DurationUnit = Literal["day", "week", "month", "quarter", "year"]
_DURATION_UNITS: dict[str, DurationUnit] = {
    **dict.fromkeys(("day", "days", "hari"), "day"),
    **dict.fromkeys(("week", "weeks", "minggu", "pekan"), "week"),
    **dict.fromkeys(("month", "months", "bulan"), "month"),
    **dict.fromkeys(("quarter", "quarters", "kuartal", "triwulan"), "quarter"),
    **dict.fromkeys(("year", "years", "tahun"), "year"),
}
_DURATION_UNIT = one_of(_DURATION_UNITS)
#: The pattern's cue: a unit word ("sebulan" holds "bulan").
_DURATION_CUES = tuple(_DURATION_UNITS)
_DURATION = re.compile(
    rf"\b(?:(?:within|in|over|during|for)(?:\s+the)?(?:\s+(?:next|coming|first))?|dalam(?:\s+waktu)?|selama|kurun(?:\s+waktu)?)"
    rf"\s+(?P<n>{_COUNT})\s+(?P<unit>{_DURATION_UNIT})(?:\s+(?:ke\s+depan|mendatang|pertama))?(?!\w)"
    rf"|\b(?:dalam(?:\s+waktu)?|selama)\s+se(?P<unit1>hari|minggu|pekan|bulan|tahun)(?!\w)"
    rf"|\b(?P<n2>{_COUNT})\s+(?P<unit2>{_DURATION_UNIT})\s+(?:ke\s+depan|mendatang|from\s+now|from\s+the\s+start)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time counted from the goal's start: "within 3 months", "dalam 90 hari"."""

    amount: int
    unit: DurationUnit
    start: int
    end: int
    text: str

    def deadline(self, start: dt.date) -> tuple[dt.date, dt.date] | None:
        """Earliest and latest deadline these words allow for a goal starting on ``start``."""
        try:
            return self._deadline(start)
        except (ValueError, OverflowError):
            return None

    def _deadline(self, start: dt.date) -> tuple[dt.date, dt.date]:
        if self.unit == "day":
            end, slack = start + dt.timedelta(days=self.amount), 1
        elif self.unit == "week":
            end, slack = start + dt.timedelta(weeks=self.amount), 2
        else:
            months = self.amount * {"month": 1, "quarter": 3, "year": 12}[self.unit]
            total = start.month - 1 + months
            year, month = start.year + total // 12, total % 12 + 1
            end = month_day(year, (month, start.day))
            slack = 7 if self.unit != "year" else 14
        # "Within 3 months" of 1 January ends on 31 March or 1 April: both are fair.
        return end - dt.timedelta(days=slack), end + dt.timedelta(days=slack)


def find_durations(text: str, chars: list[str]) -> list[Duration]:
    """Every length of time of the text, in order; their characters in ``chars`` become ``@``."""
    if not any(cue in text.lower() for cue in _DURATION_CUES):
        return []
    durations: list[Duration] = []
    for m in _DURATION.finditer("".join(chars)):
        count = (m["n"] or m["n2"] or "1").lower()
        unit_word = (m["unit"] or m["unit2"] or m["unit1"]).lower()
        amount = int(count) if count.isdigit() else COUNT_WORDS[count]
        durations.append(
            Duration(amount, _DURATION_UNITS[unit_word], m.start(), m.end(), m.group(0))
        )
        mask(chars, m.start(), m.end(), "@")
    return durations
