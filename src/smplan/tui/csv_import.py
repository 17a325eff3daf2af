"""The palette's "Import calendar items from CSV...": ask for the file, preview, add as one step.

The same reading as ``smplan import`` (:mod:`smplan.interchange.csv_import`):
the preview lists the first rows and the bad ones before anything is added;
the good rows are then appended to the calendar as one undoable edit, and the
plan is saved as after any other edit.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.markup import escape

from smplan.display import visible
from smplan.i18n import current_language, t
from smplan.interchange.csv_import import CsvUnreadable, ImportResult, describe_row, read_items
from smplan.tui.screens.ask_path import AskPath
from smplan.tui.screens.confirm import ChoiceDialog

if TYPE_CHECKING:
    from smplan.tui.app import SmplanApp

CALENDAR_STEP = 6
#: Rows and findings the preview shows (it fits an 80x24 terminal).
SHOWN_ROWS = 6
SHOWN_FINDINGS = 4


def preview_text(result: ImportResult, name: str) -> str:
    """What the import would add, and what it leaves out, as the dialog shows it."""
    lines = [
        t("csvapp.preview", None, count=len(result.items), name=name, bad=len(result.bad_lines))
    ]
    lines += [describe_row(line, item, None) for line, item in result.items[:SHOWN_ROWS]]
    if len(result.items) > SHOWN_ROWS:
        lines.append(t("csv.cli.more-rows", None, count=len(result.items) - SHOWN_ROWS))
    if result.findings:
        lines.append("")
        for finding in result.findings[:SHOWN_FINDINGS]:
            lines.append(t("csv.cli.row", None, line=finding.line, item=finding.message))
        if len(result.findings) > SHOWN_FINDINGS:
            lines.append(t("csv.cli.more-rows", None, count=len(result.findings) - SHOWN_FINDINGS))
    return escape(visible("\n".join(lines), multiline=True))


def ask_csv_import(app: SmplanApp) -> None:
    """Ask for the CSV file, then show the preview (the palette's command)."""
    base = app.path.parent if app.path is not None else Path.cwd()
    app.push_screen(AskPath(t("csvapp.ask-path"), ""), partial(_chosen, app, base))


def _chosen(app: SmplanApp, base: Path, answer: str | None) -> None:
    if not answer:
        return
    source = base / Path(answer).expanduser()
    try:
        data = source.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        app.notify(t("csvapp.unreadable", None, name=source.name, reason=reason), severity="error")
        return
    networks = [item.network for item in app.plan.calendar if item.network]
    try:
        result = read_items(data, str(source), current_language(), networks=networks)
    except CsvUnreadable as error:
        reason = escape(error.message)
        app.notify(t("csvapp.unreadable", None, name=source.name, reason=reason), severity="error")
        return
    if result.fatal or not result.items:
        errors = result.errors
        reason = errors[0].message if errors else t("csv.cli.no-items", None, path=source.name)
        app.notify(
            t("csvapp.unreadable", None, name=source.name, reason=escape(reason)),
            severity="error",
            timeout=10,
        )
        return
    answers = [
        ("add", t("csvapp.add", None, count=len(result.items))),
        ("cancel", t("csvapp.cancel")),
    ]
    dialog = ChoiceDialog(preview_text(result, source.name), answers, default="add")
    app.push_screen(dialog, partial(_answered, app, result, source.name))


async def _answered(app: SmplanApp, result: ImportResult, name: str, choice: str | None) -> None:
    if choice != "add":
        return
    plan = app.plan
    items = [item for _line, item in result.items]
    app.open_plan.insert_many(
        plan, "calendar", len(plan.calendar), items, step=CALENDAR_STEP, label="calendar"
    )
    main = app.main
    if main is not None and app.screen is main:
        await main.show_step(CALENDAR_STEP, focus=False)
    app.reload_signal.publish(None)
    app.notify(t("csvapp.added", None, count=len(items), name=name))
