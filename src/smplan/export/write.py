"""Writing the export to a file: beside the plan, or where the user asks."""

from __future__ import annotations

import contextlib
import os
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


def plan_group(plan_path: Path | None) -> int | None:
    """The group id of the plan file, None when there is no plan on disk."""
    try:
        return plan_path.stat().st_gid if plan_path is not None else None
    except OSError:
        return None


def make_folder(folder: Path, plan_path: Path | None) -> None:
    """Make ``folder`` and its missing parents with :func:`folder_mode`; existing ones stay as they are.

    ``Path.mkdir(parents=True)`` gives the parents the default mode, so each
    missing level is made here, from the top down. Each new folder also gets
    the plan's group (as pages beside the plan do), so its group bits open it
    to the group that may read the plan; where the group cannot be given, the
    group bits go: the folder's group is then not one that may read the plan.
    """
    mode = folder_mode(plan_path)
    group = plan_group(plan_path)
    missing = []
    for level in (folder, *folder.parents):
        if level.exists():
            break
        missing.append(level)
    for level in reversed(missing):
        try:
            level.mkdir(mode=mode)
        except FileExistsError:  # made meanwhile: fine, and not ours to change
            continue
        if group is not None:
            _give_group(level, group, mode)
    if not folder.is_dir():
        raise NotADirectoryError(20, "Not a directory", str(folder))


def _give_group(folder: Path, group: int, mode: int) -> None:
    """Give ``folder`` the plan's ``group``; without it, take the group bits off ``mode``."""
    with contextlib.suppress(OSError):  # not a member of that group, or no groups here
        os.chown(folder, -1, group)
    try:
        now = folder.stat()
    except OSError:
        return
    if now.st_gid != group and stat.S_IMODE(now.st_mode) & 0o070:
        os.chmod(folder, stat.S_IMODE(now.st_mode) & ~0o070)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
