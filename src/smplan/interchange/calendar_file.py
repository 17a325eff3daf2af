"""Writing the calendar as an iCalendar or CSV file from a snapshot of the open plan.

The app's palette commands use this: the model's data is taken on the UI
thread (``OpenPlan.export_snapshot``), and a worker thread builds a plan from
it and writes the file, so edits typed meanwhile cannot change the plan under
the writer. The file holds what the screen showed, saved or not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smplan.export.write import write_text
from smplan.i18n import Lang
from smplan.interchange.formats import CalendarFormat
from smplan.store.reading import validate


@dataclass(frozen=True, slots=True)
class CalendarWritten:
    path: Path
    #: Items left out for want of a date (iCalendar only: a CSV row needs no date).
    undated: int = 0


def default_calendar_path(plan_path: Path | None, fmt: CalendarFormat) -> Path:
    """``plan.toml`` -> ``plan.ics`` or ``plan.csv``; ``calendar.ics`` for a plan not yet saved."""
    if plan_path is None:
        return Path(f"calendar.{fmt}")
    return plan_path.with_suffix(f".{fmt}")


def write_calendar_file(
    raw: Mapping[str, Any],
    plan_path: Path | None,
    target: Path,
    fmt: CalendarFormat,
    lang: Lang,
) -> CalendarWritten:
    """Build the plan from ``raw`` and write its calendar to ``target``; safe in a worker thread.

    Raises ``ExportError`` (the file, and why) when the file cannot be written.
    """
    plan, _valid, _findings = validate(dict(raw), lang)
    if fmt == "ics":
        # Imported here: the iCalendar library takes some 70 ms to load.
        from smplan.interchange.ics import write_plan_ics

        path, result = write_plan_ics(plan, plan_path, target, lang)
        return CalendarWritten(path, result.undated)
    from smplan.interchange.csv_export import csv_file_text, export_csv

    return CalendarWritten(write_text(target, csv_file_text(export_csv(plan, lang)), plan_path))
