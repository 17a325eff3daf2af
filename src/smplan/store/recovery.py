"""Recovery copies: unsaved edits kept beside the plan until they are saved or discarded.

While a plan has unsaved changes, each smplan session writes the text the plan
would be saved as to a hidden file of its own next to it, named with the host
and process (``.plan.toml.<host>.<pid>.recovery``), and the text of the plan
as that session read it (``...recovery-base``). Two sessions on one plan never
write the same copy, and a session removes only its own copy (and copies whose
edits it took over), once their edits are saved or discarded.

The next open finds copies left by sessions that are gone (same host, process
no longer running; another host's when its lock is no longer held) and offers
them. A copy whose plan changed on disk since (the base is not the plan any
more) is still offered, with the three texts a three-way view needs and the
merge of its edits onto the plan as it is now (:mod:`smplan.store.merge`).

Everything here is plain file logic, testable without a screen.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from smplan.files.atomic import write_companion
from smplan.store.lock import Holder, process_alive, read_holder, this_host
from smplan.store.merge import Merged, merge
from smplan.store.plan_file import PlanFile, banner
from smplan.store.reading import BOM, PlanFileError

_SUFFIX = ".recovery"
_BASE_SUFFIX = ".recovery-base"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def _host_part(host: str) -> str:
    return _UNSAFE.sub("_", host) or "_"


def recovery_path(plan: Path, holder: Holder | None = None) -> Path:
    """Where the session ``holder`` (default: this process) keeps its copy of ``plan``."""
    holder = holder or Holder.me()
    return plan.parent / f".{plan.name}.{_host_part(holder.host)}.{holder.pid}{_SUFFIX}"


def legacy_path(plan: Path) -> Path:
    """The single copy older versions of smplan kept (still found and offered)."""
    return plan.parent / f".{plan.name}{_SUFFIX}"


def base_path(copy: Path) -> Path:
    """The plan's text as the copy's session read it: what its edits were made to."""
    return copy.with_name(copy.name.removesuffix(_SUFFIX) + _BASE_SUFFIX)


def recovery_text(plan_file: PlanFile) -> str:
    """The text saving would write now, worked out without touching ``plan_file``.

    A fresh document is used so that this is safe to call at any moment, even
    while a save of the same plan is half prepared (a signal arrives mid-save).
    """
    changes = plan_file.changes()
    if not changes:
        return plan_file.text
    # The document's module loads with the first recovery copy, not with the app.
    from smplan.store.document import PlanDocument

    text = plan_file.text
    document = PlanDocument(text.removeprefix(BOM), banner(plan_file.plan.language))
    document.apply(changes)
    bom = BOM if text.startswith(BOM) else ""
    return bom + document.text


def write_recovery(plan: Path, text: str, base: str | None = None) -> Path:
    """Write this session's copy of ``plan`` (and the base it was made on); raises ``OSError``.

    Both files are as private as the plan (see :func:`write_companion`). The base
    goes first: a copy is never newer than the text its edits were made to.
    """
    copy = recovery_path(plan)
    if base is not None:
        write_companion(plan, base_path(copy), base.encode("utf-8"))
    write_companion(plan, copy, text.encode("utf-8"))
    return copy


def remove_copy(copy: Path) -> bool:
    """Delete a copy and its base; True when the copy was there."""
    with contextlib.suppress(OSError):
        base_path(copy).unlink()
    try:
        copy.unlink()
    except OSError:
        return False
    return True


def remove_recovery(plan: Path) -> bool:
    """Delete this session's copy of ``plan``; True when there was one."""
    return remove_copy(recovery_path(plan))


# -- finding copies ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Recovery:
    """A copy worth offering: edits the plan does not have, left by a session that is gone."""

    path: Path
    copy: Path
    #: The session that wrote it (None for the single copy of older versions).
    holder: Holder | None
    #: The copy: the plan as that session would have saved it.
    text: str
    #: The plan as that session read it; None when unknown (older versions).
    base: str | None
    #: What the plan file holds now ("" when it does not exist).
    saved: str
    #: When the copy was last written (seconds since the epoch).
    written: float

    @property
    def stale(self) -> bool:
        """True when the plan changed on disk since the copy's session read it."""
        return self.base is not None and self.base != self.saved

    def diff(self) -> list[str]:
        """From the plan as it is now to the copy, as unified-diff lines."""
        return unified_diff(self.saved, self.text, self.path.name, self.copy.name)

    def your_edits(self) -> list[str]:
        """What the lost session changed: from its base to its copy."""
        return unified_diff(self.base or self.saved, self.text, "before", "yours")

    def their_changes(self) -> list[str]:
        """What changed on disk since the lost session read the plan."""
        return unified_diff(self.base or self.saved, self.saved, "before", "now")


def unified_diff(old: str, new: str, old_name: str, new_name: str) -> list[str]:
    """Unified-diff lines (without trailing newlines) from ``old`` to ``new``."""
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), old_name, new_name, lineterm=""
    )
    return list(lines)


def _holder_of(plan: Path, copy: Path) -> Holder | None:
    middle = copy.name.removeprefix(f".{plan.name}.").removesuffix(_SUFFIX)
    host, _dot, pid = middle.rpartition(".")
    if not host or not pid.isdigit():
        return None
    return Holder(host, int(pid))


def copies_of(plan: Path) -> list[tuple[Path, Holder | None]]:
    """Every recovery copy beside ``plan`` with the session that wrote it, newest first."""
    found: list[tuple[float, Path, Holder | None]] = []
    prefix = f".{plan.name}."
    try:
        names = os.listdir(plan.parent)
    except OSError:
        return []
    for name in names:
        if not name.endswith(_SUFFIX) or not name.startswith(prefix):
            continue
        copy = plan.parent / name
        try:
            written = copy.stat().st_mtime
        except OSError:
            continue
        holder = None if copy == legacy_path(plan) else _holder_of(plan, copy)
        if holder is None and copy != legacy_path(plan):
            continue  # another file that happens to look alike
        found.append((written, copy, holder))
    return [(copy, holder) for _w, copy, holder in sorted(found, key=lambda f: -f[0])]


def session_alive(plan: Path, holder: Holder, written: float) -> bool:
    """True when the session that wrote a copy at ``written`` may still be running.

    On this host: its process runs and was started before the copy was written
    (a process started later only reuses the number). On another host, which
    cannot be asked: while that session still holds the plan's lock.
    """
    if holder.host != _host_part(this_host()):
        lock = read_holder(plan)
        return lock is not None and (_host_part(lock.host), lock.pid) == (holder.host, holder.pid)
    if holder.pid == os.getpid() or not process_alive(holder.pid):
        return False
    started = process_start(holder.pid)
    return started is None or started <= written


def process_start(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), where the system tells."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        with open("/proc/stat", encoding="ascii") as handle:
            boot = next(int(line.split()[1]) for line in handle if line.startswith("btime"))
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None
    return boot + int(fields[19]) / ticks


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def pending_recoveries(plan: Path) -> list[Recovery]:
    """Copies of ``plan`` to offer: from sessions that are gone, with edits the plan lacks.

    Copies of sessions still running are theirs to save or discard. A copy with
    nothing the plan does not have (its text is the plan's, or it holds no edit)
    is removed: there is nothing in it to lose.
    """
    saved = _read(plan)
    offers: list[Recovery] = []
    for copy, holder in copies_of(plan):
        try:
            written = copy.stat().st_mtime
        except OSError:
            continue
        if holder is not None and session_alive(plan, holder, written):
            continue
        text = _read(copy)
        if text is None:
            continue
        base = _read(base_path(copy)) if holder is not None else None
        if text == saved or (base is not None and text == base):
            remove_copy(copy)
            continue
        offers.append(Recovery(plan, copy, holder, text, base, saved or "", written))
    return offers


# -- acting on a copy ------------------------------------------------------------


def restore(recovery: Recovery) -> Merged:
    """The plan as it is on disk now, with the copy's edits applied as unsaved changes.

    The edits are what the copy's session changed (from its base to the copy);
    without a known base, everything in which the copy differs from the plan.
    Raises :class:`PlanFileError` when the copy (or the plan) cannot be read as
    a plan. Saving the result changes only what the edits change.
    """
    path = recovery.path
    exists = path.exists()
    mine = PlanFile.from_text(recovery.text, path, exists=exists)
    theirs = (
        PlanFile.from_text(recovery.saved, path, exists=exists)
        if exists
        else PlanFile.from_text(recovery.text, path, exists=False)
    )
    base_text = recovery.base if recovery.base is not None else recovery.saved
    try:
        base = PlanFile.from_text(base_text, path) if exists else theirs
    except PlanFileError:
        base = theirs
    if not exists:
        return Merged(theirs)
    return merge(base, mine, theirs)


def keep_aside(recovery: Recovery, now: float | None = None) -> Path:
    """Write the copy as a plan file of its own beside the plan, then remove the copy.

    ``plan.toml`` -> ``plan.recovered-20271231-1402.toml`` (``-2``... when taken);
    as private as the plan. Raises ``OSError`` when it cannot be written (the
    copy then stays).
    """
    stamp = time.strftime("%Y%m%d-%H%M", time.localtime(recovery.written if now is None else now))
    plan = recovery.path
    stem, suffix = plan.stem, plan.suffix or ".toml"
    target = plan.with_name(f"{stem}.recovered-{stamp}{suffix}")
    counter = 2
    while target.exists():
        target = plan.with_name(f"{stem}.recovered-{stamp}-{counter}{suffix}")
        counter += 1
    write_companion(plan, target, recovery.text.encode("utf-8"))
    remove_copy(recovery.copy)
    return target
