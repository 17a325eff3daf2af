"""A save writes the plan and its Markdown export from one snapshot, in one worker.

The TOML text and the model's data are taken together on the UI thread
(``PlanFile.prepare_save``); the worker writes that text, then builds the
export from that same data. Edits typed while the worker runs reach neither
file, so ``plan.md`` always describes what ``plan.toml`` holds (before, the
export was rendered later from the live model and could be ahead of the TOML).
The calendar's iCalendar file (``[export] ics = true``) is written the same way,
after the Markdown, from the same data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smplan.files.atomic import Written
from smplan.store.plan_file import PendingSave, PlanFile
from smplan.store.reading import validate


@dataclass(frozen=True)
class SaveResult:
    """What a save wrote: the plan, its export (None: not asked for) or why the export failed."""

    written: Written
    export: Path | None = None
    export_error: str | None = None
    #: The iCalendar file written (None: not asked for, or it failed).
    ics: Path | None = None
    ics_error: str | None = None


def write_export_of(raw: Mapping[str, Any], plan_path: Path | None) -> Path | None:
    """The Markdown export of the plan whose data is ``raw`` (``OpenPlan.export_snapshot``),
    written beside ``plan_path`` when the plan asks for one; safe in a worker thread.

    Built from a copy taken on the UI thread, like a save's: what is typed while
    the worker runs cannot change the plan under the export.
    """
    from smplan.export import write_plan_export

    plan, _valid, _findings = validate(dict(raw))
    return write_plan_export(plan, plan_path)


def write_plan_and_export(pending: PendingSave) -> SaveResult:
    """Write ``pending`` and its export; safe in a worker thread.

    Raises ``PlanFileError`` when the plan cannot be written (the export is
    then not attempted); an export that fails is reported, the plan stays saved.
    """
    # Imported on the first save, in the worker: the export modules are not needed
    # to show the plan, and importing them at start delayed the first screen.
    from smplan.export import write_plan_export

    written = PlanFile.write(pending)
    try:
        plan, _valid, _findings = validate(dict(pending.raw))
    except ValueError as error:
        return SaveResult(written, export_error=str(error))
    exported = export_error = ics = ics_error = None
    try:
        exported = write_plan_export(plan, pending.path)
    except (OSError, ValueError) as error:
        export_error = str(error)
    # Each file on its own: a Markdown export that fails does not keep the calendar back.
    if plan.export.ics:
        # Imported only here: the iCalendar library takes some 70 ms to
        # load, which plans that do not ask for the file should not wait for.
        from smplan.interchange.ics import write_ics_on_save

        try:
            ics = write_ics_on_save(plan, pending.path)
        except (OSError, ValueError) as error:
            ics_error = str(error)
    return SaveResult(written, exported, export_error, ics, ics_error)
