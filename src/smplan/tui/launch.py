"""Open the app on a plan file (imported only for the app, to keep the CLI fast)."""

from __future__ import annotations

from pathlib import Path

from smplan.i18n import Lang, language_from_environment, set_language
from smplan.store import PlanFile, PlanFileError


def open_plan(path: Path | None, lang: Lang | None) -> tuple[PlanFile | None, PlanFileError | None]:
    """The plan at ``path``, or a new one to be written there; or why it cannot be opened."""
    if path is None:
        return PlanFile.new(None, lang=lang or "en"), None
    if not path.exists() and not path.is_symlink():
        return PlanFile.new(path, lang=lang or "en"), None
    try:
        return PlanFile.open(path, lang), None
    except PlanFileError as error:
        return None, error


def launch(path: Path | None, lang: Lang | None) -> int:
    plan_file, error = open_plan(path, lang or language_from_environment())
    chosen = (
        lang
        or (plan_file.plan.plan.language if plan_file else None)
        or language_from_environment()
        or "en"
    )
    set_language(chosen)
    from smplan.tui.app import SmplanApp

    app = SmplanApp(path, plan_file, error)
    code = app.run()
    return code if isinstance(code, int) else 0
