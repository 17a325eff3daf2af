"""Write a file so that it is either wholly old or wholly new, never half written.

Two kinds of writes, one way of doing them:

- :func:`write_atomic` replaces a file (the plan) and keeps its identity: a
  symbolic link is written through (the link stays, its target gets the text),
  and the file keeps its permission bits, owner, group and extended attributes
  (POSIX ACLs included) wherever the system allows it.
- :func:`write_companion` writes a file that lives beside the plan (the recovery
  copy, the Markdown export, calendar exports): it is never readable by anyone
  who cannot read the plan, and it belongs to the plan's owner and group.

Both write a temporary file in the target's folder (``os.replace`` is atomic
only within one file system), fsync it, then rename it over the target. The
temporary file is created owner-only (mode 0600) and gets its final owner,
group and mode before the rename, so there is no moment in which it is more
readable than it will be. The process umask is never read or changed: it is
shared by every thread, and saves run in worker threads.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

#: Extended attributes the kernel sets on a new file itself (a security label):
#: failing to copy one is not worth a warning.
_SET_BY_SYSTEM = ("security.",)
#: Errors that mean "this file system or this user cannot do that here".
_NOT_ALLOWED = {errno.EPERM, errno.EACCES, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EINVAL}


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a file belongs to and who may read or write it."""

    mode: int
    uid: int
    gid: int

    @classmethod
    def of(cls, path: Path) -> Identity | None:
        """The identity of the file at ``path`` (links followed); None when there is none."""
        try:
            info = path.stat()
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        return cls(stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid)


@dataclass(frozen=True, slots=True)
class Written:
    """What a write left on disk, and what of the file's identity it could not keep."""

    #: The file that now holds the text (the target of a symbolic link).
    path: Path
    #: The identity the file had (or should have had), None for a new file.
    wanted: Identity | None
    #: The identity it has now.
    now: Identity
    #: Extended attributes that could not be copied.
    lost_attributes: tuple[str, ...] = field(default=())

    @property
    def lost_owner(self) -> bool:
        return self.wanted is not None and self.now.uid != self.wanted.uid

    @property
    def lost_group(self) -> bool:
        return self.wanted is not None and self.now.gid != self.wanted.gid


def target_of(path: Path) -> Path:
    """The file a write to ``path`` must replace: the end of its chain of links.

    A link whose target does not exist yet gets that target created.
    """
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_atomic(path: Path, data: bytes) -> Written:
    """Replace the file at ``path`` with ``data`` atomically, keeping its identity.

    Written through symbolic links. A new file gets the usual mode of new files
    (0666 less the umask). Errors are the ``OSError`` of the step that failed;
    the target is then untouched and no temporary file is left.
    """
    target = target_of(path)
    identity = Identity.of(target)
    attributes = _read_attributes(target) if identity is not None else {}
    return _replace(target, data, identity, attributes, give=True)


def write_companion(plan: Path | None, path: Path, data: bytes) -> Written:
    """Write ``data`` to ``path``, a file that goes with the plan at ``plan``.

    The file gets at most the plan's permission bits (never executable), from
    its first byte; beside the plan (same folder), or in a folder of the plan's
    group, it also gets the plan's owner and group where this process may give
    them. If the group cannot be given,
    the group bits are dropped: the file's group is then not one that may read
    the plan. Without a plan on disk this is a plain atomic write.
    """
    identity = Identity.of(plan) if plan is not None else None
    target = target_of(path)
    if identity is None or plan is None:
        return _replace(target, data, None, {}, give=False)
    wanted = Identity(identity.mode & 0o666, identity.uid, identity.gid)
    # Beside the plan, or in a folder of the plan's group (one a split export made
    # for the plan, a team's folder), the file is the plan's, for the same people.
    # Elsewhere (an export the user sent to a folder of their own) it is theirs.
    give = _same_folder(target, target_of(plan)) or _folder_group(target) == identity.gid
    return _replace(target, data, wanted, {}, give=give)


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a.parent, b.parent)
    except OSError:
        return False


def _folder_group(path: Path) -> int | None:
    try:
        return path.parent.stat().st_gid
    except OSError:
        return None


def _read_attributes(path: Path) -> dict[str, bytes]:
    if not hasattr(os, "listxattr"):
        return {}
    found: dict[str, bytes] = {}
    try:
        names = os.listxattr(path)
    except OSError:
        return {}
    for name in names:
        with contextlib.suppress(OSError):
            found[name] = os.getxattr(path, name)
    return found


def _replace(
    target: Path,
    data: bytes,
    identity: Identity | None,
    attributes: dict[str, bytes],
    *,
    give: bool,
) -> Written:
    folder = target.parent
    # os.urandom, what `secrets` would use: importing `secrets` loads hashlib and
    # OpenSSL (some 5 ms) into every `smplan` and `smplan check`.
    temp = folder / f".{target.name}.{os.urandom(4).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    # A new file: the usual mode, the kernel applies the umask. A file with an
    # identity to keep: owner-only until its owner, group and mode are set.
    fd = os.open(temp, flags, 0o666 if identity is None else 0o600)
    lost: tuple[str, ...] = ()
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
            if identity is not None:
                if give:
                    _give(fd, identity)
                lost = _copy_attributes(fd, attributes)
                mode = identity.mode
                if os.fstat(fd).st_gid != identity.gid:
                    # The file's group is not the one the mode was meant for: that
                    # group must not gain access (the warning says what happened).
                    mode &= ~0o070
                os.fchmod(fd, mode)
            info = os.fstat(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(folder)
    now = Identity(stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid)
    return Written(target, identity, now, lost)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _give(fd: int, identity: Identity) -> None:
    """Give the open file ``identity``'s owner and group, as far as this process may."""
    info = os.fstat(fd)
    if (info.st_uid, info.st_gid) == (identity.uid, identity.gid):
        return
    try:
        os.fchown(fd, identity.uid, identity.gid)
        return
    except OSError as error:
        if error.errno not in _NOT_ALLOWED:
            raise
    # Not root: the owner cannot be given away, but a group one belongs to can.
    if info.st_gid != identity.gid:
        try:
            os.fchown(fd, -1, identity.gid)
        except OSError as error:
            if error.errno not in _NOT_ALLOWED:
                raise


def _copy_attributes(fd: int, attributes: dict[str, bytes]) -> tuple[str, ...]:
    lost: list[str] = []
    for name, value in attributes.items():
        try:
            os.setxattr(fd, name, value)
        except OSError as error:
            if error.errno not in _NOT_ALLOWED:
                raise
            if not name.startswith(_SET_BY_SYSTEM):
                lost.append(name)
    return tuple(lost)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every file system allows it.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
