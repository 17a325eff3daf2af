"""Writing the export to a file: beside the plan, or where the user asks."""

from __future__ import annotations

from pathlib import Path

from smplan.export.errors import ExportError
from smplan.files.atomic import write_atomic, write_companion
from smplan.i18n import t


def default_path(plan_path: Path) -> Path:
    """``plan.toml`` -> ``plan.md``; never the plan's own path (``notes.md`` -> ``notes.md.md``)."""
    target = plan_path.with_suffix(".md")
    if target == plan_path:
        target = plan_path.with_name(plan_path.name + ".md")
    return target


def write_text(target: Path, text: str, plan_path: Path | None = None) -> Path:
    """Write ``text`` to ``target`` atomically; ExportError says why it could not."""
    if plan_path is not None and _same_file(target, plan_path):
        raise ExportError(str(target), t("export.error.same-as-plan"))
    if target.is_dir():
        raise ExportError(str(target), t("export.error.is-folder"))
    try:
        if plan_path is None:
            write_atomic(target, text.encode("utf-8"))
        else:  # no more readable than the plan it comes from
            write_companion(plan_path, target, text.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(
            str(target), t("export.error.write-failed", None, path=target, reason=reason)
        ) from None
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
