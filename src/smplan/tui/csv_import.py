"""The palette's "Import calendar items from CSV...": ask for the file, preview, add as one step.

The same reading as ``smplan import`` (:mod:`smplan.interchange.csv_import`):
the preview lists the first rows and the bad ones before anything is added;
the good rows are then appended to the calendar as one undoable edit, and the
plan is saved as after any other edit.

Where the CLI has ``--dates``, the app asks: when the file's dates read both
ways (03/04/2027) and none of them tells, the preview asks whether the day or
the month comes first, then previews again read that way, and imports so.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.markup import escape

from smplan.display import visible
from smplan.i18n import current_language, t
from smplan.i18n.formats import format_date
from smplan.interchange.csv_import import CsvUnreadable, ImportResult, describe_row, read_items
from smplan.interchange.csv_values import DateOrder, parse_date
from smplan.tui.screens.ask_path import AskPath, plan_folder
from smplan.tui.screens.confirm import ChoiceDialog

if TYPE_CHECKING:
    from smplan.tui.app import SmplanApp

CALENDAR_STEP = 6
#: Rows and findings the preview shows (it fits an 80x24 terminal).
SHOWN_ROWS = 6
SHOWN_FINDINGS = 4
#: The answers to "which comes first?", day first the default (most of the world).
DATE_ORDERS: tuple[DateOrder, ...] = ("dmy", "mdy")


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
    base = plan_folder(app.path)
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
    _preview(app, data, source, None)


def _preview(app: SmplanApp, data: bytes, source: Path, dates: DateOrder | None) -> None:
    """Read the file (its dates in the order ``dates``, or as they tell) and show the preview.

    When the dates read both ways (03/04/2027) and none of them tells, the
    preview asks first which comes first, the day or the month, and reads the
    file again with the answer; the next preview can still switch to the other.
    """
    networks = [item.network for item in app.plan.calendar if item.network]
    try:
        result = read_items(data, str(source), current_language(), dates=dates, networks=networks)
    except CsvUnreadable as error:
        reason = escape(error.message)
        app.notify(t("csvapp.unreadable", None, name=source.name, reason=reason), severity="error")
        return
    answered = partial(_answered, app, data, source, result)
    if result.ambiguous_date is not None:
        answers: list[tuple[str, str]] = [(order, order_label(order)) for order in DATE_ORDERS]
        answers.append(("cancel", t("csvapp.cancel")))
        question = order_question(result.ambiguous_date[1], source.name)
        app.push_screen(ChoiceDialog(question, answers, default="dmy"), answered)
        return
    if dates is None and (result.fatal or not result.items):
        errors = result.errors
        reason = errors[0].message if errors else t("csv.cli.no-items", None, path=source.name)
        app.notify(
            t("csvapp.unreadable", None, name=source.name, reason=escape(reason)),
            severity="error",
            timeout=10,
        )
        return
    answers = []
    if result.items:
        answers.append(("add", t("csvapp.add", None, count=len(result.items))))
    text = preview_text(result, source.name)
    if dates is not None:
        # Chosen here: the preview says how the dates were read, and offers the other way.
        text = (
            escape(t("csvapp.dates.read-dmy" if dates == "dmy" else "csvapp.dates.read-mdy"))
            + "\n"
            + text
        )
        other = "mdy" if dates == "dmy" else "dmy"
        answers.append((other, order_label(other)))
    answers.append(("cancel", t("csvapp.cancel")))
    default = "add" if result.items else "cancel"
    app.push_screen(ChoiceDialog(text, answers, default=default), answered)


def order_label(order: str) -> str:
    """The answer that reads the dates in ``order``."""
    return t("csvapp.dates.dmy") if order == "dmy" else t("csvapp.dates.mdy")


def order_question(cell: str, name: str) -> str:
    """Which comes first in ``name``'s dates, shown with both readings of ``cell``."""
    lang = current_language()
    readings = {order: format_date(parse_date(cell, order, lang)[0]) for order in DATE_ORDERS}
    text = t("csvapp.dates.question", None, name=name, text=cell, **readings)
    return escape(visible(text, multiline=True))


async def _answered(
    app: SmplanApp, data: bytes, source: Path, result: ImportResult, choice: str | None
) -> None:
    if choice in DATE_ORDERS:
        _preview(app, data, source, choice)
        return
    if choice != "add":
        return
    name = source.name
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
