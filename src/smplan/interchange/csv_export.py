"""The plan's calendar as CSV: one row per item, or per occurrence of a repeating item.

The header is in the plan's language, the values are what the file stores
(ISO dates, ``09:30`` times, plain numbers, stable status keys), so that
``smplan import`` reads the file back into the same items. Text cells that a
spreadsheet would run as a formula get a leading ``'`` (see
:func:`~smplan.interchange.csv_columns.guard_formula`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

from smplan.i18n import Lang
from smplan.interchange.csv_columns import FIELDS, guard_formula, header_label
from smplan.model import CalendarItem, Plan
from smplan.schedule.occurrences import item_dates, repeats


def _dates(plan: Plan, item: CalendarItem) -> list[dt.date | None]:
    """The dates an item has a row on: its occurrences in the plan period, or its own date."""
    if item.date is None or not repeats(item):
        return [item.date]
    info = plan.plan
    rule = item.repeat
    assert rule is not None
    if info.period_start is not None and info.period_end is not None:
        start, end = info.period_start, info.period_end
    elif rule.until is not None:
        start, end = item.date, rule.until
    else:
        return [item.date]
    return list(item_dates(item, start, end)) or [item.date]


def _cell(name: str, value: Any) -> str:
    if value is None or value == []:
        return ""
    if name == "hashtags":
        return guard_formula(" ".join(value))
    if isinstance(value, dt.time):
        return value.isoformat("seconds" if value.second else "minutes")
    if isinstance(value, str):
        return guard_formula(value)
    return str(value)


def rows(plan: Plan) -> Iterator[list[str]]:
    """The data rows, in file order (a repeating item's occurrences in date order)."""
    for item in plan.calendar:
        for day in _dates(plan, item):
            cells = []
            for name in FIELDS:
                value = day if name == "date" else getattr(item, name)
                cells.append(
                    value.isoformat() if isinstance(value, dt.date) else _cell(name, value)
                )
            yield cells


def export_csv(plan: Plan, lang: Lang) -> str:
    """The whole CSV text (RFC 4180: ``,`` between cells, CRLF between rows)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header_label(name, lang) for name in FIELDS])
    writer.writerows(rows(plan))
    return out.getvalue()


def csv_file_text(text: str) -> str:
    """The text of a CSV file: with a byte order mark, which Excel needs to read UTF-8
    rather than the system's code page (LibreOffice and Sheets accept it)."""
    return "\ufeff" + text
