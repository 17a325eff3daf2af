"""What a goal's statement says: numbers, dates, durations, weak words, networks, KPIs.

Statements are free text in English or Indonesian, and a plan in one language
may hold goals written in the other, so both vocabularies are always searched.
Numbers are the one thing that needs a choice: ``12.400`` is twelve thousand
four hundred in Indonesian and twelve point four in English. The shape decides
when it can (``1.000.000``, ``2,5``, ``1,234.5``), otherwise the language the
statement is written in, guessed from its words, then the plan's language.

Dates and durations are found first and masked, so that the numbers inside them
(``30 June 2027``, ``3 bulan``) are not taken for quantities; quantities are
masked next, and what is left is split into clauses and searched for words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from smplan.checks.smart.kpis import Kpi, kpis_in
from smplan.checks.smart.words import APPROXIMATE, HEDGE, VAGUE, VAGUE_TIME, Tokens, words
from smplan.i18n import Lang
from smplan.i18n.formats import MONTHS, MONTHS_SHORT

Unit = Literal["", "percent", "money", "ratio", "duration"]

# -- numbers ------------------------------------------------------------------

#: Scale words, by the statement's language where they differ ("M" is miliar in
#: Indonesian, million in English).
_SCALES: dict[str, Decimal] = {
    "k": Decimal(1000),
    "rb": Decimal(1000),
    "ribu": Decimal(1000),
    "thousand": Decimal(1000),
    "jt": Decimal(10**6),
    "juta": Decimal(10**6),
    "mio": Decimal(10**6),
    "mn": Decimal(10**6),
    "million": Decimal(10**6),
    "millions": Decimal(10**6),
    "miliar": Decimal(10**9),
    "milyar": Decimal(10**9),
    "bn": Decimal(10**9),
    "billion": Decimal(10**9),
    "triliun": Decimal(10**12),
}
_M_SCALE: dict[Lang, Decimal] = {"en": Decimal(10**6), "id": Decimal(10**9)}
_DECIMAL_MARK: dict[Lang, str] = {"en": ".", "id": ","}

#: Minutes in one unit of time, for response-time and watch-time figures.
MINUTES: dict[str, Decimal] = {
    **dict.fromkeys(("second", "seconds", "sec", "secs", "s", "detik"), Decimal(1) / 60),
    **dict.fromkeys(("minute", "minutes", "min", "mins", "menit"), Decimal(1)),
    **dict.fromkeys(("hour", "hours", "hr", "hrs", "h", "jam"), Decimal(60)),
    **dict.fromkeys(("day", "days", "hari"), Decimal(1440)),
}

_QUANTITY = re.compile(
    r"""
    (?<![\w@#.,])
    (?P<cur>rp\.?|idr|usd|us\$|eur|sgd|\$|€|£)?\s?
    (?P<num>\d+(?:[.,]\d+)*)
    (?:\s?(?P<scale>k|rb|ribu|thousand|jt|juta|m|mio|mn|millions?|miliar|milyar|bn|billion|triliun)(?![\w]))?
    (?:\s?(?P<cur2>rupiah|idr|usd|dollars?|dolar)(?![\w]))?
    (?:\s?(?P<pct>%|percent(?:age\s+points?)?|per\s+cent|persen|pp|poin\s+persentase)(?![\w]))?
    (?:\s?(?P<ratio>x|kali)(?![\w]))?
    (?:\s?(?P<dur>seconds?|secs?|detik|minutes?|mins?|menit|hours?|hrs?|h|jam|days?|hari)(?![\w]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a statement, with the precision it was written to."""

    value: Decimal
    #: Place value of the last digit written ("18k" -> 1000): how close a field must be.
    step: Decimal
    unit: Unit
    #: For durations: minutes in one unit of the figure as written (hours -> 60).
    minutes: Decimal | None
    start: int
    end: int
    text: str

    #: Other readings of an ambiguous figure ("12.400" in an English sentence), as (value, step).
    others: tuple[tuple[Decimal, Decimal], ...] = ()

    def matches(self, value: Decimal, minutes: Decimal | None = None) -> bool:
        """True when ``value`` (in units of ``minutes`` when given) is this figure, rounded."""
        scale = Decimal(1)
        if self.minutes is not None and minutes is not None:
            # Both are durations: compare in minutes ("4 hours" is 240 minutes).
            value, scale = value * minutes, self.minutes
        return any(
            abs(mine * scale - value) <= step * scale / 2
            for mine, step in ((self.value, self.step), *self.others)
        )


def number_readings(
    text: str, lang: Lang = "en", whole: bool = False
) -> list[tuple[Decimal, Decimal]]:
    """Every sensible reading of a written number as (value, step), the likeliest first.

    ``"12.400"`` reads 12400 in Indonesian and 12.4 in English: both come back,
    the one of ``lang`` first. The shape wins when it is unambiguous: several
    separators of one kind group thousands (``1.000.000``), two kinds put the
    decimal mark last (``1.234,5``), and a single separator followed by other
    than three digits is a decimal mark (``2,5``). ``whole`` reads a lone
    separator before three digits as grouping (rupiah have no cents).
    """
    seps = [c for c in text if c in ".,"]
    if not seps:
        return [(Decimal(text), Decimal(1))]
    if len(set(seps)) == 2:
        marks: list[str | None] = [seps[-1]] if seps.count(seps[-1]) == 1 else []
    elif len(seps) > 1:
        marks = [None]
    else:
        before, after = text.split(seps[0])
        if len(after) != 3 or before == "0":
            marks = [seps[0]]
        elif whole:
            marks = [None]
        else:
            # "12.400" or "12,400": the reader's convention first, the other one after.
            marks = [seps[0], None] if seps[0] == _DECIMAL_MARK[lang] else [None, seps[0]]
    readings = []
    for mark in marks:
        reading = _reading(text, mark)
        if reading is not None:
            readings.append(reading)
    return readings


def _reading(text: str, mark: str | None) -> tuple[Decimal, Decimal] | None:
    whole, _, fraction = text.rpartition(mark) if mark else (text, "", "")
    groups = re.split(r"[.,]", whole)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    digits = "".join(groups)
    try:
        value = Decimal(f"{digits}.{fraction}" if fraction else digits)
    except InvalidOperation:
        return None
    return value, Decimal(1).scaleb(-len(fraction))


def parse_number(text: str, lang: Lang = "en") -> tuple[Decimal, Decimal] | None:
    """``"12.400"`` -> (12400, 1) in Indonesian; ``"2,5"`` -> (2.5, 0.1). None if malformed."""
    readings = number_readings(text, lang)
    return readings[0] if readings else None


_RUPIAH = {"rp", "rp.", "idr", "rupiah"}


def _quantity(match: re.Match[str], lang: Lang) -> Quantity | None:
    currency = (match["cur"] or match["cur2"] or "").lower()
    readings = number_readings(match["num"], lang, whole=currency in _RUPIAH)
    if not readings:
        return None
    scale_word = (match["scale"] or "").lower()
    scale = Decimal(1)
    if scale_word:
        scale = _M_SCALE[lang] if scale_word == "m" else _SCALES[scale_word]
    readings = [(value * scale, step * scale) for value, step in readings]
    unit: Unit = ""
    minutes = None
    if match["pct"]:
        unit = "percent"
    elif currency:
        unit = "money"
    elif match["ratio"]:
        unit = "ratio"
    elif match["dur"]:
        unit = "duration"
        minutes = MINUTES.get(match["dur"].lower())
    text = match.group(0).strip()
    start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    (value, step), *others = readings
    return Quantity(value, step, unit, minutes, start, start + len(text), text, tuple(others))


# -- dates --------------------------------------------------------------------


_Trie = dict[str, "_Trie"]


def one_of(words: Iterable[str]) -> str:
    """A regex group matching any of ``words``, as a trie: "jan", "januari", "june" ->
    ``(?:j(?:an(?:uari)?|une))``. Python's ``re`` tries the branches of a plain
    alternation one by one at every position; a trie looks at each letter once.
    """
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: _Trie) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"


#: Month names and abbreviations of both languages, with spellings still seen
#: in Indonesian writing.
_MONTHS: dict[str, int] = {
    name.lower(): number
    for table in (MONTHS, MONTHS_SHORT)
    for names in table.values()
    for number, name in enumerate(names, start=1)
}
_MONTHS.update(sept=9, agt=8, ags=8, mrt=3, pebruari=2, peb=2, nopember=11, nop=11)
_MONTH = one_of(_MONTHS) + r"\.?"

_ORDINALS: dict[str, int] = {
    "1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "satu": 1, "dua": 2, "tiga": 3, "empat": 4,
}  # fmt: skip
_ORDINAL = one_of(_ORDINALS)

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
            rf"\b{_END}\s+(?:(?:the\s+)?(?:year|tahun)(?:\s+ini)?{_YEAR}?|(?P<year2>\d{{4}}))(?!\w)",
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

    def span(self, anchor: dt.date) -> tuple[dt.date, dt.date] | None:
        """The days this mention allows, in the first year that ends on or after ``anchor``.

        None when that falls outside the calendar Python knows (year 9999).
        """
        year = self.year
        try:
            if year is None:
                year = anchor.year
                if _day(year, self.last) < anchor:
                    year += 1
            first, last = _day(year, self.first), _day(year, self.last)
            if self.before:
                return first - dt.timedelta(days=7), first - dt.timedelta(days=1)
        except (ValueError, OverflowError):
            return None
        return first, last


def _day(year: int, month_day: tuple[int, int]) -> dt.date:
    month, day = month_day
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
        month, day = _MONTHS[groups["mname"].lower().rstrip(".")], int(groups["day"])
        if not _valid(year, month, day):
            # "31 February": the month is clear, the day a slip.
            return year, (month, 1), _month_last(month)
        return year, (month, day), (month, day)
    if name == "month-end":
        month = _MONTHS[groups["mname"].lower().rstrip(".")]
        return year, _month_last(month), _month_last(month)
    if name in ("month-year", "marked-month"):
        month = _MONTHS[groups["mname"].lower().rstrip(".")]
        return year, (month, 1), _month_last(month)
    if name == "quarter":
        q = (
            int(groups["q"])
            if groups.get("q")
            else _ORDINALS[(groups.get("qn") or groups["qw"]).lower()]
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


# -- durations ----------------------------------------------------------------

_COUNTS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "satu": 1, "dua": 2, "tiga": 3,
    "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
    "sebelas": 11, "dua belas": 12,
}  # fmt: skip
_COUNT = r"(?:\d{1,3}|" + one_of(_COUNTS) + ")"
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
            end = _day(year, (month, start.day))
            slack = 7 if self.unit != "year" else 14
        # "Within 3 months" of 1 January ends on 31 March or 1 April: both are fair.
        return end - dt.timedelta(days=slack), end + dt.timedelta(days=slack)


# -- the statement ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeakWord:
    """A vague word, hedge, approximation or vague time word found in the statement."""

    category: str
    word: str
    #: True when a quantity stands in the same clause.
    with_number: bool


@dataclass(frozen=True, slots=True)
class Change:
    """A movement the statement asks for.

    ``before``/``after`` for "from X to Y"; ``by`` for "by 20%" or "add 5,000";
    ``factor`` for "double" or "halve".
    """

    before: Quantity | None = None
    after: Quantity | None = None
    by: Quantity | None = None
    factor: Decimal | None = None
    down: bool = False


@dataclass(frozen=True, slots=True)
class Statement:
    text: str
    #: Number convention the statement was read with.
    lang: Lang
    quantities: tuple[Quantity, ...]
    change: Change | None
    dates: tuple[DateMention, ...]
    durations: tuple[Duration, ...]
    weak: tuple[WeakWord, ...]
    #: Networks named, in order, each once (destinations like "to our blog" left out).
    networks: tuple[str, ...]
    #: KPIs named, in order, one per family (denominators like "by reach" left out).
    kpis: tuple[Kpi, ...]

    @property
    def deadline(self) -> DateMention | None:
        """The date the statement sets as the deadline: a marked one, else the last."""
        marked = [d for d in self.dates if d.marked]
        pool = marked or list(self.dates)
        return pool[-1] if pool else None

    def first(self, category: str, with_number: bool | None = None) -> WeakWord | None:
        for weak in self.weak:
            if weak.category == category and (
                with_number is None or weak.with_number == with_number
            ):
                return weak
        return None


_ID_CUES = frozenset((
    "dari", "menjadi", "pada", "paling", "lambat", "sebelum", "dalam", "bulan", "pengikut", "dan",
    "yang", "untuk", "dengan", "meningkatkan", "mencapai", "sebesar", "hingga", "akhir", "tahun",
    "kami", "kita", "di", "ke",
))  # fmt: skip
_EN_CUES = frozenset((
    "from", "to", "by", "the", "and", "within", "followers", "of", "on", "in", "increase", "reach",
    "grow", "month", "months", "our", "we", "for", "with", "end", "at",
))  # fmt: skip


def statement_language(text: str, fallback: Lang) -> Lang:
    """The language whose little words the statement uses most; ``fallback`` on a tie."""
    return _language(Tokens.of(text), fallback)


def _language(tokens: Tokens, fallback: Lang) -> Lang:
    indonesian = sum(1 for word in tokens.folded if word in _ID_CUES)
    english = sum(1 for word in tokens.folded if word in _EN_CUES)
    if indonesian == english:
        return fallback
    return "id" if indonesian > english else "en"


def _mask(chars: list[str], start: int, end: int, mark: str) -> None:
    for i in range(start, end):
        chars[i] = mark


#: How far before a date, network or KPI to look for the word that qualifies it.
_LOOK_BACK = 40
_CLAUSE_BREAK = re.compile(r"[;!?\n()\[\]—–]|[.,:](?=\s|$)|\s-\s")
_CHANGE = re.compile(
    r"\b(?:from|dari)\s+(?:[^\s#@]+\s+){0,3}?(?P<a>#+)(?:\s+[^\s#@]+){0,3}?"
    r"\s+(?:to|into|menjadi|jadi|ke|hingga|sampai|until)\s+(?:[^\s#@]+\s+){0,2}?(?P<b>#+)",
    re.IGNORECASE,
)
_BY = re.compile(
    r"\b(?P<how>by|up|down|sebesar|naik|turun|meningkat|menurun|bertambah|berkurang|tumbuh"
    r"|add|gain|menambah|tambah)\s+(?:(?:another|lagi|extra|sebanyak)\s+)?(?P<q>#+)",
    re.IGNORECASE,
)
_DESTINATION = re.compile(
    r"\b(?:to|into|ke|menuju)\s+(?:(?:our|the|my|kami|kita)\s+)?$", re.IGNORECASE
)
_DENOMINATOR = re.compile(
    r"\b(?:of|per|by|from|dari|atas|berdasarkan)\s+(?:(?:the|our)\s+)?$", re.IGNORECASE
)


@lru_cache(maxsize=512)
def parse_statement(text: str, lang: Lang = "en") -> Statement:
    """Everything the checker reads from a statement; ``lang`` is the plan's language."""
    chars = list(text)

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
                _mask(chars, m.start(), m.end(), "@")
                continue
            year, first, last = found
            start = m.start()
            mark = m.groupdict().get("mark")
            marker = None if mark else _MARKER.search(text, max(0, start - _LOOK_BACK), start)
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
                )
            )
            _mask(chars, start, m.end(), "@")
    dates.sort(key=lambda d: d.start)

    durations: list[Duration] = []
    lengths = _DURATION.finditer("".join(chars)) if _worth_trying(_DURATION_CUES, lowered) else ()
    for m in lengths:
        count = (m["n"] or m["n2"] or "1").lower()
        unit_word = (m["unit"] or m["unit2"] or m["unit1"]).lower()
        amount = int(count) if count.isdigit() else _COUNTS[count]
        durations.append(
            Duration(amount, _DURATION_UNITS[unit_word], m.start(), m.end(), m.group(0))
        )
        _mask(chars, m.start(), m.end(), "@")

    # Numbers are masked before their language is known: the words left tell it.
    matches = list(_QUANTITY.finditer("".join(chars)))
    for m in matches:
        _mask(chars, m.start(), m.end(), "#")
    masked = "".join(chars)
    tokens = Tokens.of(masked)
    convention = _language(tokens, lang)
    quantities = [q for q in (_quantity(m, convention) for m in matches) if q is not None]

    lexicon = words()
    factor: Decimal | None = None
    factors = lexicon.factors.find(tokens)
    for value, start, end in factors:
        factor = factor or value
        _mask(chars, start, end, "#")
    if factors:
        masked = "".join(chars)
        tokens = Tokens.of(masked)

    by_start = {q.start: q for q in quantities}
    down = lexicon.down.search(tokens)
    change: Change | None = None
    pair = _CHANGE.search(masked)
    if pair and pair.start("a") in by_start and pair.start("b") in by_start:
        change = Change(
            before=by_start[pair.start("a")], after=by_start[pair.start("b")], down=down
        )
    else:
        relative = _BY.search(masked)
        if relative and relative.start("q") in by_start:
            how = relative["how"].lower()
            going_down = down or how in ("down", "turun", "menurun", "berkurang")
            change = Change(by=by_start[relative.start("q")], down=going_down)
        elif factor is not None:
            change = Change(factor=factor, down=factor < 1)

    clauses = _clauses(masked)
    clause_starts = [start for start, _end in clauses]
    weak: list[WeakWord] = []
    for category, start, end in lexicon.weak.find(tokens):
        clause_start, clause_end = clauses[bisect_right(clause_starts, start) - 1]
        if category == APPROXIMATE and not masked[end:clause_end].lstrip().startswith("#"):
            continue
        has_number = "#" in masked[clause_start:clause_end]
        weak.append(WeakWord(category, text[start:end], has_number))

    found_networks = [
        (start, network)
        for phrases in (lexicon.network_aliases, lexicon.network_marks)
        for network, start, _end in phrases.find(tokens)
        if not _DESTINATION.search(masked, max(0, start - _LOOK_BACK), start)
    ]
    networks = tuple(dict.fromkeys(network for _at, network in sorted(found_networks)))

    kpis: list[Kpi] = []
    families: set[str] = set()
    for kpi, start, end in kpis_in(tokens):
        if _DENOMINATOR.search(masked, max(0, start - _LOOK_BACK), start):
            continue
        if masked[start:end].lower() in lexicon.verbs and masked[end:].lstrip().startswith("#"):
            continue
        if kpi.family not in families:
            families.add(kpi.family)
            kpis.append(kpi)

    return Statement(
        text=text,
        lang=convention,
        quantities=tuple(quantities),
        change=change,
        dates=tuple(dates),
        durations=tuple(durations),
        weak=tuple(weak),
        networks=networks,
        kpis=tuple(kpis),
    )


def _clauses(masked: str) -> list[tuple[int, int]]:
    """(start, end) of each clause: split at punctuation outside numbers and dates."""
    spans: list[tuple[int, int]] = []
    last = 0
    for m in _CLAUSE_BREAK.finditer(masked):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(masked)))
    return spans


__all__ = [
    "APPROXIMATE",
    "HEDGE",
    "MINUTES",
    "VAGUE",
    "VAGUE_TIME",
    "Change",
    "DateMention",
    "Duration",
    "Quantity",
    "Statement",
    "WeakWord",
    "number_readings",
    "parse_number",
    "parse_statement",
    "statement_language",
]
