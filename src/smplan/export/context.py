"""What every section of the export needs: the plan, its language, and the checks' results.

The budget report and the SMART verdicts are computed once, by the same
functions the app and `smplan check` use, and read by the sections.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from smplan.checks.budget.report import BudgetReport, compute_budget
from smplan.checks.smart import SmartVerdict, check_goals
from smplan.export.escape import inline
from smplan.export.flavors import Flavor
from smplan.i18n import Lang, t
from smplan.i18n.formats import MONTHS, format_date, format_number, format_percent
from smplan.model import Plan
from smplan.presentation.budget import hours_text, money_text, short_date


def reference_day(plan: Plan) -> dt.date:
    """The day the export judges the plan on, so that the same plan exports the same way.

    The latest measurement (result or review) the plan records, else the start
    of its period, else its earliest date; a plan with no date at all is judged
    on 1 January 2000 (nothing in it depends on the day then).
    """
    measured = [r.date for r in plan.measurement.results if r.date is not None]
    measured += [r.date for r in plan.measurement.reviews if r.date is not None]
    if measured:
        return max(measured)
    if plan.plan.period_start is not None:
        return plan.plan.period_start
    dates = [item.date for item in plan.calendar if item.date is not None]
    dates += [d for g in plan.goals for d in (g.start, g.deadline) if d is not None]
    return min(dates) if dates else dt.date(2000, 1, 1)


@dataclass
class ExportContext:
    plan: Plan
    lang: Lang
    flavor: Flavor
    today: dt.date
    #: Formatted values by (kind, value, unit): a year's calendar repeats a few hundred.
    _memo: dict[tuple[str, object, str | None], str] = field(default_factory=dict)

    @cached_property
    def budget(self) -> BudgetReport:
        return compute_budget(self.plan, today=self.today)

    @cached_property
    def verdicts(self) -> list[SmartVerdict]:
        return check_goals(self.plan, self.lang, today=self.today)

    @cached_property
    def member_names(self) -> dict[str, str]:
        return {m.id: m.name or m.id for m in self.plan.resources.team if m.id}

    @cached_property
    def persona_names(self) -> dict[str, str]:
        return {p.id: p.name or p.id for p in self.plan.personas if p.id}

    # -- words and values, escaped for Markdown ------------------------------

    def t(self, msg_id: str, **values: object) -> str:
        """A catalogue message in the export's language, escaped."""
        return inline(t(msg_id, self.lang, **values))

    def columns(self, *names: str) -> list[str]:
        """The headers of a table: ``export.column.<name>`` for each name."""
        return [self.t(f"export.column.{name}") for name in names]

    def raw(self, msg_id: str, **values: object) -> str:
        """A catalogue message in the export's language, not escaped (for headings of ours)."""
        return t(msg_id, self.lang, **values)

    def number(self, value: Decimal | int | None, unit: str | None = None) -> str:
        if value is None:
            return ""
        key = ("number", value, unit)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._number(value, unit)
        return found

    def _number(self, value: Decimal | int, unit: str | None) -> str:
        text = format_number(value, self.lang)
        if not unit:
            return inline(text)
        # 2.5% and 2.5x read as one word; other units follow a space.
        return inline(f"{text}{unit}" if unit in ("%", "x") else f"{text} {unit}")

    def percent(self, value: Decimal | None) -> str:
        return "" if value is None else inline(format_percent(value, self.lang))

    def money(self, value: Decimal | None) -> str:
        if value is None:
            return ""
        key = ("money", value, None)
        found = self._memo.get(key)
        if found is None:
            found = inline(money_text(value, self.plan.currency, self.lang))
            self._memo[key] = found
        return found

    def hours(self, value: Decimal | None) -> str:
        if value is None:
            return ""
        key = ("hours", value, None)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = inline(hours_text(value, self.lang))
        return found

    def date(self, day: dt.date | None) -> str:
        return "" if day is None else inline(format_date(day, self.lang))

    def raw_date(self, day: dt.date) -> str:
        """A date in words, not escaped (to fill a message that is escaped as a whole)."""
        return format_date(day, self.lang)

    def short_date(self, day: dt.date | None) -> str:
        """``4 Jan``: a day in a table that is already one month's."""
        if day is None:
            return ""
        key = ("short-date", day, None)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = short_date(day, self.lang)
        return found

    def month(self, day: dt.date) -> str:
        return f"{MONTHS[self.lang][day.month - 1]} {day.year}"

    def time(self, moment: dt.time | None) -> str:
        if moment is None:
            return ""
        # Indonesian writes 09.30 for half past nine.
        mark = "." if self.lang == "id" else ":"
        return f"{moment.hour:02d}{mark}{moment.minute:02d}"

    def member(self, member_id: str | None) -> str:
        if not member_id:
            return ""
        return inline(self.member_names.get(member_id, member_id))

    def choice(self, value: str | None) -> str:
        """A fixed choice (status, kind, period) in words."""
        if value is None:
            return ""
        key = ("choice", value, None)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self.t(f"choice.{value}")
        return found

    def words(self, values: Iterable[str], separator: str = ", ") -> str:
        return separator.join(inline(v) for v in values if v.strip())
