"""What every section of the export needs: the plan, its language, and the checks' results.

The budget report and the SMART verdicts are computed once, by the same
functions the app and `smplan check` use, and read by the sections.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from smplan.checks.budget.report import BudgetReport, compute_budget
from smplan.checks.smart import SmartVerdict, check_goals
from smplan.export.blocks import definition_list, table
from smplan.export.cells import cut_at_word
from smplan.export.escape import inline, one_line
from smplan.export.flavors import Flavor
from smplan.i18n import Lang, t
from smplan.i18n.formats import MONTHS, MONTHS_SHORT, format_date, format_number, format_percent
from smplan.i18n.values import ValueKind, choice_name, display_name
from smplan.model import Goal, Plan
from smplan.presentation.budget import hours_text, money_text, sensible_hours, short_date


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
    #: The folder of the plan file (persona photos are found relative to it), if known.
    plan_dir: Path | None = None
    #: The folder the page is written to (relative photo paths are rewritten for it).
    out_dir: Path | None = None
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

    @cached_property
    def goal_numbers(self) -> dict[str, int]:
        """Goal id -> its number in the goals table (1, 2, ...), as the charts use it."""
        out: dict[str, int] = {}
        for number, goal in enumerate(self.plan.goals, 1):
            if goal.id:
                out.setdefault(goal.id, number)
        return out

    def goal_name(self, goal: Goal) -> str:
        """A goal's short name for people: its id read as words (``ig-followers`` -> ``Ig followers``)."""
        return short_name(goal.id) or self.raw("export.unnamed-goal")

    def objective_name(self, objective_id: str) -> str:
        return short_name(objective_id) or objective_id

    # -- words and values, escaped for Markdown ------------------------------

    def t(self, msg_id: str, **values: object) -> str:
        """A catalogue message in the export's language, escaped."""
        return inline(t(msg_id, self.lang, **values))

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
        """A pipe table where the wiki has them, else (strict CommonMark) a definition-style list."""
        if self.flavor.tables:
            return table(headers, rows)
        return definition_list(headers, rows)

    def value(self, kind: ValueKind, stored: str | None) -> str:
        """A stored value by its display name in the export's language, escaped."""
        if not stored:
            return ""
        key = ("value-" + kind, stored, None)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = inline(display_name(kind, stored, self.lang))
        return found

    def values(self, kind: ValueKind, stored: Iterable[str]) -> str:
        return self.names(display_name(kind, v, self.lang) for v in stored if v.strip())

    def names(self, values: Iterable[str]) -> str:
        """Names joined so they stay apart: with ", ", or "; " when a name holds a comma."""
        shown = [v for v in values if v.strip()]
        separator = "; " if any("," in v for v in shown) else ", "
        return separator.join(inline(v) for v in shown)

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
        """Hours at a sensible precision: whole hours from 10 up, else one decimal."""
        if value is None:
            return ""
        key = ("hours", value, None)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = inline(hours_text(sensible_hours(value), self.lang))
        return found

    def moves(self, start: Decimal | None, end: Decimal | None, unit: str | None) -> str:
        """``120 → 180 donations per month``: from one figure to another, the unit once."""
        # A % or x sticks to each number; another unit comes once, after the second.
        sticky = unit in ("%", "x")
        first = self.number(start, unit if sticky else None)
        second = self.number(end, unit if sticky else None)
        if second and unit and not sticky:
            second += " " + self.value("unit", unit)
        return f"{first} → {second}" if first and second else second or first

    def bare_hours(self, value: Decimal | None) -> str:
        """Hours as :meth:`hours` gives them, without the unit: for a column headed "Hours"."""
        return "" if value is None else self.number(sensible_hours(value))

    def raw_hours(self, value: Decimal) -> str:
        """Hours at a sensible precision, not escaped (to fill a message escaped as a whole)."""
        return hours_text(sensible_hours(value), self.lang)

    def raw_short_date(self, day: dt.date) -> str:
        """``4 Jan``, not escaped."""
        return short_date(day, self.lang)

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

    def day(self, day: dt.date | None) -> str:
        """``31 Dec 2026``: a date in a narrow table column."""
        if day is None:
            return ""
        return f"{day.day} {MONTHS_SHORT[self.lang][day.month - 1]} {day.year}"

    def day_range(self, start: dt.date | None, end: dt.date | None, *, short: bool = False) -> str:
        """``15 Nov 2026 – 31 Dec 2026``, or one end of it; ``short``: ``15 Nov – 31 Dec 2026``
        when both days are in one year (a narrow column)."""
        if start and end:
            first = self.short_date(start) if short and start.year == end.year else self.day(start)
            return f"{first} – {self.day(end)}"
        if start:
            return self.t("export.from-day", date=self.day(start))
        if end:
            return self.t("export.until-day", date=self.day(end))
        return ""

    def goal_ref(self, goal_id: str | None, width: int | None = None) -> str:
        """A goal by its number and name (``1 Online donations``), or its id when unknown;
        with ``width``, the name is cut at a word to that many characters."""
        if not goal_id:
            return ""
        number = self.goal_numbers.get(goal_id)
        name = goal_id if number is None else self.goal_name(self.plan.goals[number - 1])
        if width is not None:
            name = cut_at_word(name, width)
        return inline(name) if number is None else f"{number} {inline(name)}"

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

    @cached_property
    def first_names(self) -> dict[str, str]:
        """Member id -> the first word of their name, where no other member's starts the same."""
        # The words a cell shows: control characters and line breaks are spaces there.
        firsts = {
            mid: (one_line(name).split() or [name])[0] for mid, name in self.member_names.items()
        }
        taken: dict[str, int] = {}
        for first in firsts.values():
            taken[first.casefold()] = taken.get(first.casefold(), 0) + 1
        return {
            mid: first if taken[first.casefold()] == 1 else self.member_names[mid]
            for mid, first in firsts.items()
        }

    def first_name(self, member_id: str | None) -> str:
        """A member by first name (``Raka``) in a narrow column; the whole name when shared."""
        if not member_id:
            return ""
        return inline(self.first_names.get(member_id, member_id))

    def choice(self, value: str | None) -> str:
        """A fixed choice (status, kind, period) in words."""
        if value is None:
            return ""
        key = ("choice", value, None)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = choice_name(value, self.lang)
        return found

    def words(self, values: Iterable[str], separator: str = ", ") -> str:
        return separator.join(inline(v) for v in values if v.strip())


def short_name(slug: str) -> str:
    """``online-donations`` -> ``Online donations``: an id read as words."""
    words = " ".join(slug.replace("-", " ").replace("_", " ").split())
    return words[:1].upper() + words[1:]
