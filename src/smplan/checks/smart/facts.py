"""One goal as the SMART rules see it: its fields, its statement read, its KPI resolved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Context, Decimal

from smplan.checks.smart.context import SmartContext
from smplan.checks.smart.kpis import Kpi, UnitKind, find_kpi
from smplan.checks.smart.statement import MINUTES, Change, Quantity, Statement, parse_statement
from smplan.i18n import Lang, t
from smplan.i18n.formats import MINOR_UNITS, format_date, format_money, format_number, round_half_up
from smplan.model import Goal

#: How networks are written in messages; other slugs are shown as they are.
NETWORK_NAMES = {
    "instagram": "Instagram",
    "facebook": "Facebook",
    "tiktok": "TikTok",
    "x": "X",
    "linkedin": "LinkedIn",
    "youtube": "YouTube",
    "pinterest": "Pinterest",
    "threads": "Threads",
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "snapchat": "Snapchat",
    "blog": "blog",
    "email": "email",
}

#: Wide enough for any figure a TOML file can hold, rounded to cents.
_WIDE = Context(prec=400)
_PERCENT_UNITS = {
    "%",
    "percent",
    "per cent",
    "persen",
    "pct",
    "pp",
    "percentage points",
    "poin persentase",
}
_RATIO_UNITS = {"x", "times", "kali", "ratio", "rasio"}
_SCORE_UNITS = {"points", "point", "poin", "score", "skor", "index", "indeks"}
_MONEY_WORDS = {"rp", "rp.", "$", "€", "£", "rupiah", "money", "uang", "dollar", "dollars", "dolar"}
_CURRENCY_CODES = {
    "IDR",
    "USD",
    "EUR",
    "GBP",
    "SGD",
    "MYR",
    "JPY",
    "AUD",
    "INR",
    "PHP",
    "THB",
    "VND",
}


#: How a duration unit is written in a unit field, by minutes per unit and language.
_DURATION_WORDS: dict[Decimal, dict[Lang, str]] = {
    Decimal(1) / 60: {"en": "seconds", "id": "detik"},
    Decimal(1): {"en": "minutes", "id": "menit"},
    Decimal(60): {"en": "hours", "id": "jam"},
    Decimal(1440): {"en": "days", "id": "hari"},
}


def tidy(value: Decimal) -> Decimal:
    """``value`` without trailing zeros or an exponent: 3000.00 -> 3000, 2.50 -> 2.5."""
    if value == value.to_integral_value():
        whole = value.quantize(Decimal(1), context=_WIDE)
        return Decimal(0) if whole.is_zero() else whole  # no "-0"
    return value.normalize(_WIDE)


@dataclass(frozen=True, slots=True)
class StatedDeadline:
    """What the statement says about the deadline: the days it allows, and the one it names."""

    first: dt.date
    last: dt.date
    #: The deadline the words name exactly ("within 3 months" of 1 January: 31 March).
    exact: dt.date
    words: str


def unit_kind(unit: str | None, currency: str) -> tuple[UnitKind | None, Decimal | None]:
    """What kind of unit a goal's ``unit`` field names, and minutes per unit for durations."""
    if not unit or not unit.strip():
        return None, None
    text = " ".join(unit.lower().split())
    if text in _PERCENT_UNITS:
        return "percent", None
    if text in _MONEY_WORDS or unit.strip().upper() in _CURRENCY_CODES | {currency}:
        return "money", None
    if text in _RATIO_UNITS:
        return "ratio", None
    if text in MINUTES:
        return "duration", MINUTES[text]
    if text in _SCORE_UNITS:
        return "score", None
    return "count", None


@dataclass(frozen=True, slots=True)
class GoalFacts:
    goal: Goal
    context: SmartContext
    lang: Lang
    today: dt.date
    statement: Statement | None
    #: The KPI measured: from the ``kpi`` field, else the first one the statement names.
    kpi: Kpi | None
    #: The ``kpi`` field's text when it is not in the catalogue.
    free_kpi: str | None
    #: The network: from the field, else the first the statement names.
    network: str | None
    unit: UnitKind | None
    unit_minutes: Decimal | None

    @classmethod
    def of(cls, goal: Goal, context: SmartContext, lang: Lang, today: dt.date) -> GoalFacts:
        text = (goal.statement or "").strip()
        statement = parse_statement(text, lang) if text else None
        kpi = find_kpi(goal.kpi)
        free_kpi = goal.kpi.strip() if goal.kpi and kpi is None and goal.kpi.strip() else None
        if kpi is None and free_kpi is None and statement is not None and statement.kpis:
            kpi = statement.kpis[0]
        network = goal.network or (
            statement.networks[0] if statement and statement.networks else None
        )
        unit, minutes = unit_kind(goal.unit, context.currency)
        return cls(goal, context, lang, today, statement, kpi, free_kpi, network, unit, minutes)

    # -- how things are written in messages ---------------------------------

    @property
    def kpi_label(self) -> str:
        if self.kpi is not None:
            return self.kpi.label(self.lang)
        return self.free_kpi or t("smart.word.kpi", self.lang)

    def network_label(self, network: str | None = None) -> str:
        name = network or self.network or ""
        return NETWORK_NAMES.get(name, name)

    def number(self, value: Decimal | float | int) -> str:
        return format_number(Decimal(str(value)).normalize(), self.lang)

    def value(self, value: Decimal) -> str:
        """A baseline or target as the reader expects it: 2.5%, Rp 5.000, 18,000, 3x."""
        kind = self.unit or (self.kpi.units[0] if self.kpi else None)
        if kind == "percent":
            return self.percent(value)
        if kind == "money":
            return format_money(value, self.context.currency, self.lang)
        if kind == "ratio":
            return self.number(value) + "x"
        if kind == "duration" and self.goal.unit:
            return f"{self.number(value)} {self.goal.unit}"
        return self.number(value)

    def rounded(self, value: Decimal | float, places: int) -> str:
        """``value`` to at most ``places`` decimals, trailing zeros dropped: 2.5, 27, 1,45."""
        exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), context=_WIDE)
        return format_number(exact.normalize(_WIDE), self.lang)

    def percent(self, value: Decimal | float) -> str:
        return self.rounded(value, 2) + "%"

    def ratio(self, value: float) -> str:
        """How many times one figure is another, to one decimal: ``2.3``, ``61.9``."""
        return format_number(Decimal(f"{min(value, 1e9):.1f}").normalize(), self.lang)

    def date(self, day: dt.date) -> str:
        return format_date(day, self.lang)

    @staticmethod
    def plain(value: Decimal) -> str:
        """A value as TOML wants it in ``key = value``."""
        return format(value.normalize(), "f")

    # -- the statement against the fields ------------------------------------

    def compatible(self, quantity: Quantity) -> bool:
        """Could this figure of the statement be a value of the goal's KPI?"""
        if not quantity.unit:
            return True
        units = set(self.kpi.units) if self.kpi else ({self.unit} if self.unit else set())
        if not units:
            return True
        if quantity.unit == "duration":
            return "duration" in units
        return quantity.unit in units

    def candidates(self) -> list[Quantity]:
        """Figures of the statement that may be the baseline or target."""
        if self.statement is None:
            return []
        return [q for q in self.statement.quantities if self.compatible(q)]

    def stated_target(self) -> Quantity | None:
        """The target the statement gives, when it gives exactly one."""
        statement = self.statement
        if statement is None:
            return None
        change = statement.change
        if change is not None and change.after is not None:
            return change.after
        if change is not None:
            return None
        baseline = self.goal.baseline
        found = [
            q
            for q in self.candidates()
            if baseline is None or not q.matches(baseline, self.unit_minutes)
        ]
        return found[0] if len(found) == 1 else None

    @property
    def change(self) -> Change | None:
        return self.statement.change if self.statement is not None else None

    def stated_baseline(self) -> Quantity | None:
        """The baseline the statement gives ("from 12,400 to ...")."""
        change = self.change
        return change.before if change is not None else None

    def stated_unit(self, quantity: Quantity) -> str | None:
        """The unit field a figure of the statement implies: "%", the currency, "x", "hours"."""
        if quantity.unit == "percent":
            return "%"
        if quantity.unit == "money":
            return quantity.currency or self.context.currency
        if quantity.unit == "ratio":
            return "x"
        if quantity.unit == "duration" and quantity.minutes is not None:
            words = _DURATION_WORDS.get(quantity.minutes)
            statement_lang = self.statement.lang if self.statement else self.lang
            return words[statement_lang] if words else quantity.word or None
        return None

    def round_value(self, value: Decimal) -> Decimal:
        """``value`` rounded as the goal's KPI is kept: whole counts, money to the
        currency's minor units, rates and durations to two decimals."""
        kind = self.unit or (self.kpi.units[0] if self.kpi else None)
        if kind == "count" or (kind is None and value == value.to_integral_value()):
            places = 0
        elif kind == "money":
            places = MINOR_UNITS.get(self.context.currency.upper(), 2)
        else:
            places = 2
        return tidy(round_half_up(value, places))

    def implied_target(self, baseline: Decimal) -> Decimal | None:
        """The target a relative change names from ``baseline``, rounded as the KPI is kept.

        "By 700" adds 700; "by 15%" multiplies by 1.15 (for a rate too: 2% by 15%
        is 2.3%; "by 5 percentage points" adds 5); "double" multiplies by 2; words
        like "reduce" or "menurunkan" make the change go down.
        """
        change = self.change
        if change is None or not change.relative:
            return None
        sign = Decimal(-1) if change.down else Decimal(1)
        by = change.by
        if by is None:
            assert change.factor is not None
            return self.round_value(baseline * change.factor)
        if self.kpi is not None and self.kpi.growth == "rate":
            return None  # "grow followers 3% a month" states the rate, not a change of it
        if by.unit == "percent" and not by.points:
            return self.round_value(baseline * (1 + sign * by.value / 100))
        amount = by.value
        if by.minutes is not None and self.unit_minutes is not None:
            amount = by.value * by.minutes / self.unit_minutes  # "cut it by 2 hours", in minutes
        return self.round_value(baseline + sign * amount)

    def start_anchor(self) -> dt.date:
        """ "Now" for lengths and relative frames: the goal's start, else the plan's."""
        return self.goal.start or self.context.period[0] or self.today

    def stated_deadline(self) -> StatedDeadline | None:
        """The deadline the statement gives: a date, else a relative frame, else a length."""
        statement = self.statement
        if statement is None:
            return None
        mention = statement.deadline
        if mention is not None:
            anchor = self.statement_dates_anchor()
            span, exact = mention.span(anchor), mention.exact(anchor)
            if span is None or exact is None:
                return None
            return StatedDeadline(span[0], span[1], exact, mention.text)
        if statement.frames:
            frame = statement.frames[-1]
            span = frame.span(self.start_anchor())
            if span is None:
                return None
            return StatedDeadline(span[0], span[1], span[1], frame.text)
        start = self.goal.start or self.context.period[0]
        if statement.durations and start is not None:
            duration = statement.durations[0]
            lengths, exact = duration.deadline(start), duration.exact(start)
            if lengths is None or exact is None:
                return None
            return StatedDeadline(lengths[0], lengths[1], exact, duration.text)
        return None

    def stated_start(self) -> tuple[dt.date, str] | None:
        """The start the statement gives ("from 1 July", "mulai 1 Juli"), and its words."""
        mention = self.statement.start_date if self.statement is not None else None
        if mention is None:
            return None
        anchor = self.context.period[0] or self.today
        span = mention.span(anchor)
        return (span[0], mention.text) if span is not None else None

    def statement_dates_anchor(self) -> dt.date:
        """The day from which a date without a year is read."""
        goal = self.goal
        if goal.start:
            return goal.start
        if self.context.period[0]:
            return self.context.period[0]
        if goal.deadline:
            return goal.deadline.replace(month=1, day=1)
        return self.today
