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
    rf"|\b(?P<n2>{_COUNT})\s+(?P<unit2>{_DURATION_UNIT})\s+(?:ke\s+depan|mendatang|from\s+now|from\s+the\s+start)(?!\w)"
    # One unit without a count: "in the next month", "within the first week", "di bulan pertama".
    rf"|\b(?:within|in|over|during|for|throughout)\s+the\s+(?:next|coming|first)\s+(?P<unit3>day|week|month|quarter|year)(?!\w)"
    rf"|\b(?:di|pada|dalam|selama)\s+(?P<unit4>hari|minggu|pekan|bulan|kuartal|triwulan|tahun)\s+pertama(?!\w)",
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

    def exact(self, start: dt.date) -> dt.date | None:
        """The deadline the words name: the last day of the length counted from ``start``.

        "Within 3 months" of 1 January ends on 31 March; "in 30 days" on 30 January.
        """
        try:
            end = self._end(start)
        except (ValueError, OverflowError):
            return None
        if self.unit in ("month", "quarter", "year") and end.day < start.day:
            return end  # 31 January + a month: the month is short, 28 February is its end
        return end - dt.timedelta(days=1)

    def deadline(self, start: dt.date) -> tuple[dt.date, dt.date] | None:
        """Earliest and latest deadline these words allow for a goal starting on ``start``."""
        try:
            return self._deadline(start)
        except (ValueError, OverflowError):
            return None

    def _end(self, start: dt.date) -> dt.date:
        """The day after the length: ``start`` plus the amount of units."""
        if self.unit == "day":
            return start + dt.timedelta(days=self.amount)
        if self.unit == "week":
            return start + dt.timedelta(weeks=self.amount)
        months = self.amount * {"month": 1, "quarter": 3, "year": 12}[self.unit]
        total = start.month - 1 + months
        year, month = start.year + total // 12, total % 12 + 1
        return month_day(year, (month, start.day))

    def _deadline(self, start: dt.date) -> tuple[dt.date, dt.date]:
        end = self._end(start)
        slack = {"day": 1, "week": 2, "month": 7, "quarter": 7, "year": 14}[self.unit]
        # A deadline field within a few days of the words agrees with them: "within
        # 3 months" of 1 January may be written down as 31 March or as 1 April.
        return end - dt.timedelta(days=slack), end + dt.timedelta(days=slack)


def find_durations(text: str, chars: list[str]) -> list[Duration]:
    """Every length of time of the text, in order; their characters in ``chars`` become ``@``."""
    if not any(cue in text.lower() for cue in _DURATION_CUES):
        return []
    durations: list[Duration] = []
    for m in _DURATION.finditer("".join(chars)):
        count = (m["n"] or m["n2"] or "1").lower()
        unit_word = (m["unit"] or m["unit2"] or m["unit1"] or m["unit3"] or m["unit4"]).lower()
        amount = int(count) if count.isdigit() else COUNT_WORDS[count]
        durations.append(
            Duration(amount, _DURATION_UNITS[unit_word], m.start(), m.end(), m.group(0))
        )
        mask(chars, m.start(), m.end(), "@")
    return durations
