"""Dates in goal statements: ``30 June 2027``, ``June 30``, ``2027-06-30``, ``end of Q3``,
``akhir Juni``, ``kuartal ketiga``, ``semester kedua``, ``by June``.

Each is found by a pattern run only when its cue letters appear (most statements
name one kind of date), then masked so that its digits are not read as quantities.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from smplan.checks.smart.words import one_of
from smplan.i18n.vocabulary import MONTH_WORDS, ORDINALS

_MONTH = one_of(MONTH_WORDS) + r"\.?"

_ORDINAL = one_of(ORDINALS)

_END = r"(?:(?:the\s+)?end\s+of(?:\s+the)?|akhir(?:\s+bulan)?|penghujung)"
_YEAR = r"(?:,?\s+(?:of\s+|tahun\s+)?(?P<year>\d{4}))"

#: (name, pattern): each pattern has the groups its builder in ``_date_of`` reads.
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("iso", r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
        ("dmy", r"\b(?P<day>\d{1,2})[/-](?P<month>\d{1,2})[/-](?P<year>\d{4})\b"),
        (
            "day-month",
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mname>{_MONTH}){_YEAR}?(?!\w)",
        ),
        (
            "month-day",
            rf"\b(?P<mname>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?(?![\w.,])",
        ),
        ("month-end", rf"\b{_END}\s+(?P<mname>{_MONTH}){_YEAR}?(?!\w)"),
        (
            "quarter",
            rf"\b(?P<end>{_END}\s+)?(?:q(?P<q>[1-4])|(?:kuartal|triwulan|quarter)\s+(?:ke-?\s*)?(?P<qn>{_ORDINAL})"
            rf"|(?P<qw>{_ORDINAL})\s+quarter){_YEAR}?(?!\w)",
        ),
        (
            "half",
            rf"\b(?P<end>{_END}\s+)?(?:h(?P<h>[12])|(?P<hw>first|second|1st|2nd)\s+half"
            rf"|semester\s+(?:ke-?\s*)?(?P<hn>{_ORDINAL})){_YEAR}?(?!\w)",
        ),
        (
            "year-end",
            # Not the school or fiscal year: "akhir tahun ajaran" is :mod:`.frames`'.
            rf"\b{_END}\s+(?:(?:the\s+)?(?:year|tahun)(?!\s+(?:ajaran|pelajaran|akademik|fiskal|buku))"
            rf"(?:\s+ini)?{_YEAR}?|(?P<year2>\d{{4}}))(?!\w)",
        ),
        ("month-year", rf"\b(?P<mname>{_MONTH})\s+(?P<year>\d{{4}})\b"),
        (
            "marked-month",
            rf"\b(?P<mark>by|before|until|till|in|during|pada|bulan|sebelum|hingga|sampai|lambat)"
            rf"\s+(?P<mname>{_MONTH})(?!\w)",
        ),
        (
            "marked-year",
            r"\b(?P<mark>by|in|during|throughout|pada|tahun|selama|sepanjang|sebelum|hingga|sampai|lambat)"
            r"\s+(?P<year>20\d\d)\b",
        ),
    )
)

#: Which letters must appear (in lowercase) for a date pattern to be worth
#: running: most statements name one kind of date, and skipping the others
#: keeps typing fast. A cue that appears for other reasons only costs a scan.
_MONTH_CUES = (
    "jan", "feb", "mar", "apr", "may", "mei", "jun", "jul", "aug", "agu", "agt", "ags",
    "sep", "oct", "okt", "nov", "dec", "des", "mrt", "peb", "nop",
)  # fmt: skip
_DATE_CUES: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "dmy": ("-", "/"),
    "day-month": _MONTH_CUES,
    "month-day": _MONTH_CUES,
    "month-end": _MONTH_CUES,
    "quarter": ("q1", "q2", "q3", "q4", "kuartal", "triwulan", "quarter"),
    "half": ("h1", "h2", "half", "semester"),
    "year-end": ("end", "akhir", "penghujung"),
    "month-year": _MONTH_CUES,
    "marked-month": _MONTH_CUES,
    "marked-year": ("20",),
}


def _worth_trying(cues: tuple[str, ...], lowered: str) -> bool:
    return any(cue in lowered for cue in cues)


#: Words before a date that make it the deadline, and those that mean "before it".
_MARKER = re.compile(
    r"(?:\b(?P<before>before|prior\s+to|sebelum)|\b(?:no\s+later\s+than|not\s+later\s+than|by|until|till"
    r"|at\s+the\s+latest\s+by|on|in|at|to|through|pada|paling\s+lambat|selambat-lambatnya|hingga"
    r"|sampai(?:\s+dengan)?|s\.?d\.?|s/d|per|di|dalam))\s+$",
    re.IGNORECASE,
)


#: Words before a date that make it the start: "from 1 July", "between 1 July and ...",
#: "mulai 1 Juli", "sejak 1 Juli".
_START = re.compile(
    r"\b(?:from|between|starting(?:\s+(?:on|from))?|beginning(?:\s+on)?|as\s+of|effective"
    r"|mulai(?:\s+(?:tanggal|dari|pada))?|sejak|antara|dari(?:\s+tanggal)?)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or a span of days named in a statement, its year possibly left out."""

    year: int | None
    #: First and last day the words allow, as (month, day) within ``year``.
    first: tuple[int, int]
    last: tuple[int, int]
    #: "before 1 July" allows the week before it, not the day itself.
    before: bool
    #: True for "by ...", "paling lambat ..." and the like.
    marked: bool
    start: int
    end: int
    text: str
    #: True for "from 1 July", "mulai 1 Juli": the goal's start, not its deadline.
    starts: bool = False

    def exact(self, anchor: dt.date) -> dt.date | None:
        """The deadline the words name: the last day they allow ("June 2027": 30 June)."""
        span = self.span(anchor)
        return span[1] if span else None

    def span(self, anchor: dt.date) -> tuple[dt.date, dt.date] | None:
        """The days this mention allows, in the first year that ends on or after ``anchor``.

        None when that falls outside the calendar Python knows (year 9999).
        """
        year = self.year
        try:
            if year is None:
                year = anchor.year
                if month_day(year, self.last) < anchor:
                    year += 1
            first, last = month_day(year, self.first), month_day(year, self.last)
            if self.before:
                return first - dt.timedelta(days=7), first - dt.timedelta(days=1)
        except (ValueError, OverflowError):
            return None
        return first, last


def month_day(year: int, day_of: tuple[int, int]) -> dt.date:
    """The date of (month, day) in ``year``, the day clamped to the month's length."""
    month, day = day_of
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month_last(month: int) -> tuple[int, int]:
    return (month, 31)  # clamped to the month's length when a year is known


#: What ``_date_of`` returns for text shaped like a date that is none ("45/13/2027"):
#: masked, so that its digits are not read as quantities, but no date.
_NOT_A_DATE: tuple[int | None, tuple[int, int], tuple[int, int]] = (None, (0, 0), (0, 0))


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _date_of(
    name: str, m: re.Match[str]
) -> tuple[int | None, tuple[int, int], tuple[int, int]] | None:
    groups = m.groupdict()
    year_text = groups.get("year") or groups.get("year2")
    year = int(year_text) if year_text else None
    if year is not None and not 1900 <= year <= 2200:
        return None
    if name in ("iso", "dmy"):
        month, day = int(groups["month"]), int(groups["day"])
        if not _valid(year, month, day):
            return _NOT_A_DATE
        return year, (month, day), (month, day)
    if name in ("day-month", "month-day"):
        month, day = MONTH_WORDS[groups["mname"].lower().rstrip(".")], int(groups["day"])
        if not _valid(year, month, day):
            # "31 February": the month is clear, the day a slip.
            return year, (month, 1), _month_last(month)
        return year, (month, day), (month, day)
    if name == "month-end":
        month = MONTH_WORDS[groups["mname"].lower().rstrip(".")]
        return year, _month_last(month), _month_last(month)
    if name in ("month-year", "marked-month"):
        month = MONTH_WORDS[groups["mname"].lower().rstrip(".")]
        return year, (month, 1), _month_last(month)
    if name == "quarter":
        q = (
            int(groups["q"])
            if groups.get("q")
            else ORDINALS[(groups.get("qn") or groups["qw"]).lower()]
        )
        last = _month_last(q * 3)
        return year, (last if groups.get("end") else (q * 3 - 2, 1)), last
    if name == "half":
        token = groups.get("h") or groups.get("hw") or groups.get("hn") or "1"
        h = 1 if token.lower() in ("1", "first", "1st", "pertama", "i", "satu") else 2
        last = _month_last(h * 6)
        return year, (last if groups.get("end") else (h * 6 - 5, 1)), last
    if name == "year-end":
        return year, (12, 31), (12, 31)
    if name == "marked-year":
        return year, (1, 1), (12, 31)
    return None


def find_dates(text: str, chars: list[str]) -> list[DateMention]:
    """Every date of ``text``, in order; their characters in ``chars`` become ``@``."""
    dates: list[DateMention] = []
    lowered = text.lower()
    for name, pattern in _DATE_PATTERNS:
        if not _worth_trying(_DATE_CUES[name], lowered):
            continue
        for m in pattern.finditer("".join(chars)):
            found = _date_of(name, m)
            if found is None:
                continue
            if found is _NOT_A_DATE:
                mask(chars, m.start(), m.end(), "@")
                continue
            year, first, last = found
            start = m.start()
            mark = m.groupdict().get("mark")
            opening = None if mark else _START.search(text, max(0, start - LOOK_BACK), start)
            marker = None
            if opening is not None:
                start = opening.start()
            elif not mark:
                marker = _MARKER.search(text, max(0, start - LOOK_BACK), start)
            if marker is not None:
                start = marker.start()
                mark = marker.group(0)
            before = bool(mark and mark.split()[0].lower() in ("before", "prior", "sebelum"))
            dates.append(
                DateMention(
                    year,
                    first,
                    last,
                    before,
                    mark is not None,
                    start,
                    m.end(),
                    text[start : m.end()],
                    opening is not None,
                )
            )
            mask(chars, start, m.end(), "@")
    dates.sort(key=lambda d: d.start)
    return dates


def marker_before(text: str, start: int) -> int:
    """Where the word that makes a date a deadline ("by", "pada", "sebelum") begins,
    right before ``start``; ``start`` itself when there is none."""
    marker = _MARKER.search(text, max(0, start - LOOK_BACK), start)
    return marker.start() if marker is not None else start


def mask(chars: list[str], start: int, end: int, mark: str) -> None:
    """Hide ``chars[start:end]`` behind ``mark``, so that later readers skip them."""
    for i in range(start, end):
        chars[i] = mark


#: How far before a date, network or KPI to look for the word that qualifies it.
LOOK_BACK = 40
