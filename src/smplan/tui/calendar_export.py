"""The palette's "Export the calendar to iCalendar / CSV...": ask where, then write it.

The file is written from the plan as the screen shows it, saved or not: the
model's data is taken at once (``OpenPlan.export_snapshot``) and a worker
thread writes the file from it (:mod:`smplan.interchange.calendar_file`), so
typing goes on meanwhile and cannot change what is written.
"""

from __future__ import annotations

import asyncio
import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.markup import escape

from smplan.i18n import current_language, t
from smplan.interchange.calendar_file import default_calendar_path, write_calendar_file
from smplan.interchange.formats import CalendarFormat
from smplan.tui.screens.ask_path import AskPath, plan_folder

if TYPE_CHECKING:
    from smplan.tui.app import SmplanApp


def ask_calendar_export(app: SmplanApp, fmt: CalendarFormat) -> None:
    """Ask for the file (beside the plan by default), then write it."""
    base = plan_folder(app.path)
    suggested = default_calendar_path(app.path, fmt).name
    prompt = t(f"calexport.ask-{fmt}")
    app.push_screen(AskPath(prompt, suggested), partial(_chosen, app, base, fmt))


def _chosen(app: SmplanApp, base: Path, fmt: CalendarFormat, answer: str | None) -> None:
    if not answer:
        return
    target = base / Path(os.path.expanduser(answer))
    # The plan as it is now; the file is written in a worker, while keys go on being handled.
    raw = app.open_plan.export_snapshot()
    app.run_worker(_write(app, raw, target, fmt), group="calendar-export")


async def _write(app: SmplanApp, raw: dict[str, Any], target: Path, fmt: CalendarFormat) -> None:
    lang = current_language()
    try:
        written = await asyncio.to_thread(write_calendar_file, raw, app.path, target, fmt, lang)
    except OSError as error:  # ExportError (an OSError) says which file and why
        reason = getattr(error, "message", None) or error.strerror or str(error)
        message = t("calexport.failed", None, path=target, reason=reason)
        app.notify(escape(message), severity="error", timeout=15)
        return
    app.notify(escape(t("calexport.written", None, path=written.path)), timeout=6)
    if written.undated:
        app.notify(escape(t("ics.undated", None, count=written.undated)), severity="warning")
