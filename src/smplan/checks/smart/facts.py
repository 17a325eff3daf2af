"""One goal as the SMART rules see it: its fields, its statement read, its KPI resolved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Context, Decimal

from smplan.checks.smart.context import SmartContext
from smplan.checks.smart.kpis import Kpi, UnitKind, find_kpi
from smplan.checks.smart.statement import MINUTES, Quantity, Statement, parse_statement
from smplan.i18n import Lang, t
from smplan.i18n.formats import format_date, format_money, format_number
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
