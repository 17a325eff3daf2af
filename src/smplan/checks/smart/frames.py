"""Time frames named relative to "now": "this month", "next quarter", "by the end of the
month", "end of the school year", "pada bulan ini", "kuartal berikutnya", "akhir bulan".

"Now" is the goal's start (else the plan's start): a statement is read as if it
were written the day the goal begins, so that the same words always name the
same dates. "This month" is the start's month, "next quarter" the quarter after
the start's, "the end of the month" the last day of the start's month.

The school year (``end of the school year``, ``akhir tahun ajaran``) ends on
30 June: the Indonesian *tahun ajaran* runs from July to June, and most
northern-hemisphere school years end in June as well.

Lengths of time ("within 3 months", "in the next month") are :mod:`.durations`;
named dates ("30 June", "Q3", "end of 2027") are :mod:`.dates`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from smplan.checks.smart.dates import marker_before, mask

FrameUnit = Literal["week", "month", "quarter", "half", "year", "school-year"]
#: "this": any day of the unit; "next": any day of the unit after; "end": its last day.
FrameKind = Literal["this", "next", "end"]

_UNITS: dict[str, FrameUnit] = {
    "week": "week",
    "minggu": "week",
    "pekan": "week",
    "month": "month",
    "bulan": "month",
    "quarter": "quarter",
    "kuartal": "quarter",
    "triwulan": "quarter",
    "half": "half",
    "semester": "half",
    "year": "year",
    "tahun": "year",
    "school year": "school-year",
    "academic year": "school-year",
    "tahun ajaran": "school-year",
    "tahun pelajaran": "school-year",
    "tahun akademik": "school-year",
}
_UNIT_EN = r"(?P<unit>school\s+year|academic\s+year|week|month|quarter|semester|half|year)"
_UNIT_ID = (
    r"(?P<unit>tahun\s+(?:ajaran|pelajaran|akademik)|minggu|pekan|bulan|kuartal|triwulan"
    r"|semester|tahun)"
)
_NEXT_EN = r"(?:next|coming|following|upcoming)"
_NEXT_ID = r"(?:depan|berikutnya|mendatang|selanjutnya)"

_SOURCES: tuple[tuple[FrameKind | None, str], ...] = (
    (
        "end",
        rf"\b(?:the\s+)?end\s+of\s+(?:the\s+)?(?:(?P<this>this|current)\s+|(?P<next>{_NEXT_EN})\s+)?"
        rf"{_UNIT_EN}\b",
    ),
    ("end", r"\b(?P<unit>week|month|quarter|year)[\s-]end\b"),
    (
        "end",
        rf"\b(?:akhir|penghujung)\s+{_UNIT_ID}(?:\s+(?:(?P<this>ini)|(?P<next>{_NEXT_ID})))?(?!\w)",
    ),
    (None, rf"\b(?:(?P<this>this|current)|(?P<next>{_NEXT_EN}))\s+{_UNIT_EN}\b"),
    (None, rf"\b{_UNIT_ID}\s+(?:(?P<this>ini)|(?P<next>{_NEXT_ID}))(?!\w)"),
)
#: (kind or None when the words decide, pattern). Run in order; what one finds is masked.
_PATTERNS: tuple[tuple[FrameKind | None, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _SOURCES
)
_CUES = ("end", "akhir", "penghujung", "this", "current", "next", "coming", "following",
         "upcoming", "ini", "depan", "berikutnya", "mendatang", "selanjutnya")  # fmt: skip


@dataclass(frozen=True, slots=True)
class RelativeFrame:
    """A time frame named relative to the goal's start."""

    kind: FrameKind
    unit: FrameUnit
    #: 0 for this unit, 1 for the next one.
    offset: int
    start: int
    end: int
    text: str

    def span(self, anchor: dt.date) -> tuple[dt.date, dt.date] | None:
        """The days these words allow for a deadline, read from ``anchor`` ("now").

        None when that falls outside the calendar Python knows.
        """
        try:
            first, last = _unit_of(anchor, self.unit, self.offset)
        except (ValueError, OverflowError):
            return None
        return (last, last) if self.kind == "end" else (first, last)

    def exact(self, anchor: dt.date) -> dt.date | None:
        """The deadline the words name: the last day of the frame."""
        span = self.span(anchor)
        return span[1] if span else None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months_later(year: int, month: int, months: int) -> tuple[int, int]:
    total = month - 1 + months
    return year + total // 12, total % 12 + 1


def _unit_of(anchor: dt.date, unit: FrameUnit, offset: int) -> tuple[dt.date, dt.date]:
    """First and last day of the ``unit`` containing ``anchor``, ``offset`` units later."""
    if unit == "week":
        # Weeks run Monday to Sunday.
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    if unit == "school-year":
        # The school year ends on 30 June; from 1 July the next one has begun.
        end_year = anchor.year + (1 if anchor.month > 6 else 0) + offset
        return dt.date(end_year - 1, 7, 1), dt.date(end_year, 6, 30)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12}[unit]
    first_month = (anchor.month - 1) // months * months + 1
    year, month = _months_later(anchor.year, first_month, months * offset)
    last_year, last_month = _months_later(year, month, months - 1)
    return dt.date(year, month, 1), _month_end(last_year, last_month)


def find_frames(text: str, chars: list[str]) -> list[RelativeFrame]:
    """Every relative time frame of the text, in order; their characters become ``@``."""
    lowered = text.lower()
    if not any(cue in lowered for cue in _CUES):
        return []
    frames: list[RelativeFrame] = []
    for fixed, pattern in _PATTERNS:
        for m in pattern.finditer("".join(chars)):
            unit = _UNITS[" ".join(m["unit"].lower().split())]
            groups = m.groupdict()
            offset = 1 if groups.get("next") else 0
            kind: FrameKind = fixed or ("next" if offset else "this")
            # The words include the marker before them: "by the end of the month".
            start = marker_before(text, m.start())
            frames.append(RelativeFrame(kind, unit, offset, start, m.end(), text[start : m.end()]))
            mask(chars, m.start(), m.end(), "@")
    frames.sort(key=lambda frame: frame.start)
    return frames
