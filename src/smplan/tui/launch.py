"""Open the app on a plan file (imported only for the app, to keep the CLI fast)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from smplan.config import load_config
from smplan.i18n import Lang, set_language
from smplan.i18n.catalogue import choose_language
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
    config = load_config()
    for warning in config.warnings():
        print(warning, file=sys.stderr)
    first = choose_language(lang, None, config.language)
    plan_file, error = open_plan(path, first)
    plan_language = plan_file.plan.plan.language if plan_file is not None else None
    set_language(choose_language(lang, plan_language, config.language))
    from smplan.tui.app import SmplanApp

    app = SmplanApp(path, plan_file, error, keymap=config.keys, build_ahead=True)
    try:
        code = app.run()
    finally:
        # Normally done as the app unmounts; this covers an app that never got that far.
        app.guard.finish()
        gc.enable()  # turned off by `smplan` for start-up (tui/collector.py)
    return exit_status(code, app.return_code)


def exit_status(result: object, return_code: int | None) -> int:
    """The process's exit status: the app's own (2 for a plan it could not open), 1 if it failed."""
    if return_code:
        return return_code
    return result if isinstance(result, int) else 0
