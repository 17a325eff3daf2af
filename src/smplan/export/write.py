"""Writing the export to a file: beside the plan, or where the user asks."""

from __future__ import annotations

import contextlib
import stat
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


def folder_mode(plan_path: Path | None) -> int:
    """The mode of a folder the export makes: open to whom may read the plan, no one else.

    A split export of a private plan (0600) gets a 0700 folder: its pages are
    written no more readable than the plan, and their names (steps, months)
    are not listed to other users either. The umask still applies.
    """
    try:
        plan_mode = stat.S_IMODE(plan_path.stat().st_mode) if plan_path is not None else 0o777
    except OSError:
        plan_mode = 0o777
    mode = 0o700
    if plan_mode & 0o040:
        mode |= 0o050
    if plan_mode & 0o004:
        mode |= 0o005
    return mode


def make_folder(folder: Path, plan_path: Path | None) -> None:
    """Make ``folder`` and its missing parents with :func:`folder_mode`; existing ones stay as they are.

    ``Path.mkdir(parents=True)`` gives the parents the default mode, so each
    missing level is made here, from the top down.
    """
    mode = folder_mode(plan_path)
    missing = []
    for level in (folder, *folder.parents):
        if level.exists():
            break
        missing.append(level)
    for level in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile: fine
            level.mkdir(mode=mode)
    if not folder.is_dir():
        raise NotADirectoryError(20, "Not a directory", str(folder))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
