"""One plan file: its text on disk, its model, and saving edits back in place."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smplan.files.atomic import Written, write_atomic
from smplan.findings import Finding
from smplan.i18n import Lang, t
from smplan.keypath import KeyPath
from smplan.model import SCHEMA_VERSION, Plan, PlanTable
from smplan.store.diff import Change, diff, mark_origins, origins_now
from smplan.store.line_index import LineIndex
from smplan.store.reading import (
    BOM,
    PlanFileError,
    conflict_markers,
    parse_toml,
    read_text,
    validate,
)
from smplan.store.starter import starter_text

if TYPE_CHECKING:
    # The editing machinery is imported when a plan is first edited or saved:
    # `smplan check` never needs it.
    from smplan.store.document import PlanDocument


@dataclass(slots=True)
class PendingSave:
    """A save worked out on the UI thread, to be written by a worker."""

    path: Path
    text: str
    raw: dict[str, Any]
    #: Each array item with the position it has in the text being written.
    numbering: list[tuple[PlanTable, int]] = field(default_factory=list)


class SaveConflict(Exception):
    """The file changed on disk after it was read; saving now would overwrite that."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(t("error.changed-on-disk", None, path=path))


@dataclass(frozen=True, slots=True)
class DiskStamp:
    mtime_ns: int
    size: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> DiskStamp | None:
        try:
            info = path.stat()
        except OSError:
            return None
        return cls(info.st_mtime_ns, info.st_size, info.st_ino)


def banner(lang: Lang) -> Any:
    def for_step(step: int) -> str | None:
        return t(f"banner.step{step}", lang) if 1 <= step <= 8 else None

    return for_step


class PlanFile:
    """A plan as read from (or to be written to) one file.

    ``plan`` is the model the app and the checks work on; edit it freely. ``save``
    compares it with what the file held and changes only those values in the
    file's text, keeping everything else byte for byte.
    """

    def __init__(
        self,
        path: Path | None,
        text: str,
        plan: Plan,
        raw: dict[str, Any],
        findings: list[Finding],
        exists: bool = True,
    ) -> None:
        self.path = path
        self.text = text
        self.plan = plan
        #: What the file holds now, as plain data: the base every diff starts from.
        self.raw = raw
        #: Problems found while reading: values of the wrong type or shape.
        self.load_findings = findings
        #: False until the first save of a plan that is not on disk yet.
        self.exists = exists
        self.stamp = DiskStamp.of(path) if path is not None and exists else None
        self._document: PlanDocument | None = None
        #: Line numbers of ``text`` (and that text) while no document is built.
        self._line_index: tuple[str, LineIndex] | None = None
        # The app may build the document in a worker thread while the user works.
        self._document_lock = threading.Lock()
        mark_origins(plan)

    # -- reading -----------------------------------------------------------

    @classmethod
    def open(cls, path: Path, lang: Lang | None = None) -> PlanFile:
        """Read ``path``; raises :class:`PlanFileError` when it is not a readable plan."""
        text = read_text(path, lang)
        return cls.from_text(text, path, lang)

    @classmethod
    def from_text(
        cls, text: str, path: Path | None = None, lang: Lang | None = None, exists: bool = True
    ) -> PlanFile:
        raw = parse_toml(text, str(path or "<plan>"), lang)
        plan, valid, findings = validate(raw, lang)
        for finding in findings:
            finding.file = str(path) if path else None
        plan_file = cls(path, text, plan, valid, findings, exists=exists)
        markers = conflict_markers(text)
        if markers:
            plan_file.load_findings.extend(plan_file._marker_findings(markers, lang))
        return plan_file

    def _marker_findings(self, markers: list[tuple[int, str]], lang: Lang | None) -> list[Finding]:
        out: list[Finding] = []
        for line, marker in markers:
            message = t("finding.conflict-marker", lang, line=line, marker=marker)
            path = self.document.key_at_line(line)
            file = str(self.path) if self.path else None
            out.append(Finding("warning", "conflict-marker", message, path, line=line, file=file))
        return out

    @classmethod
    def new(cls, path: Path | None, title: str | None = None, lang: Lang = "en") -> PlanFile:
        """A starter plan for ``path``, not yet written to disk."""
        return cls.from_text(starter_text(lang, title), path, lang, exists=False)

    @property
    def document(self) -> PlanDocument:
        """The file's text as editable segments, built on first use."""
        with self._document_lock:
            if self._document is None:
                from smplan.store.document import PlanDocument

                text = self.text.removeprefix(BOM)
                self._document = PlanDocument(text, banner(self.plan.language))
            return self._document

    @property
    def read_only_reason(self) -> str | None:
        """Why this plan must not be saved, or None."""
        schema = self.plan.schema_version
        if schema is not None and schema > SCHEMA_VERSION:
            return t("error.schema-newer-save", None, found=schema, known=SCHEMA_VERSION)
        return None

    def locate(self, findings: list[Finding]) -> list[Finding]:
        """Fill in the file name and line of each finding from its key path."""
        name = str(self.path) if self.path else None
        # Many findings share a key (each week off the posting rhythm names the
        # card's posts_per_week): each key is looked up once.
        lines: dict[KeyPath, int] = {}
        for finding in findings:
            finding.file = finding.file or name
            if finding.line is None and finding.path:
                line = lines.get(finding.path)
                if line is None:
                    line = lines[finding.path] = self._lines().line_of(finding.path)
                finding.line = line
        return findings

    def _lines(self) -> PlanDocument | LineIndex:
        """What gives line numbers: the document when it is built (it may hold the
        text a save is about to write), else an index of the table headers of
        ``text``, which a check that edits nothing (`smplan check`) gets much
        sooner than the document's 5,000 segments of a year plan."""
        with self._document_lock:
            if self._document is not None:
                return self._document
            if self._line_index is None or self._line_index[0] is not self.text:
                self._line_index = (self.text, LineIndex(self.text.removeprefix(BOM)))
            return self._line_index[1]

    # -- writing -----------------------------------------------------------

    def changes(self) -> list[Change]:
        """What saving now would change in the file."""
        return diff(self.plan, self.raw)

    @property
    def modified(self) -> bool:
        return not self.exists or bool(self.changes())

    def render(self) -> str:
        """The text the file would hold after saving the model now."""
        changes = self.changes()
        if not changes:
            return self.text
        document = self.document
        try:
            document.apply(changes)
        except RecursionError:
            # A value nested deeper than the editing parser can follow: refuse this
            # save with a message (the edits stay in the app) rather than crash.
            self._document = None
            name = str(self.path or "<plan>")
            raise PlanFileError(name, "too-deep", t("error.too-deep-save", None)) from None
        except Exception:
            self._document = None  # re-split from the text on disk next time
            raise
        bom = BOM if self.text.startswith(BOM) else ""
        return bom + document.text

    def changed_on_disk(self) -> bool:
        """True when the file on disk is no longer what this plan was read from."""
        if self.path is None or not self.exists:
            return False
        stamp = DiskStamp.of(self.path)
        if stamp == self.stamp:
            return False
        try:
            return self.path.read_bytes().decode("utf-8", "replace") != self.text
        except OSError:
            return True

    def prepare_save(self, path: Path | None = None, *, force: bool = False) -> PendingSave:
        """Work out the new text now; write it later with :meth:`write` (off the UI thread).

        Raises :class:`SaveConflict` when the file changed on disk since it was
        read (unless ``force``), and :class:`PlanFileError` when the plan must not
        be saved. Edits made after this call are saved by the next save.
        """
        reason = self.read_only_reason
        target = path or self.path
        if target is None:
            raise ValueError("a plan without a path needs a path to save to")
        if reason is not None:
            raise PlanFileError(str(target), "read-only", reason)
        # A plan deleted or renamed on disk is written again: nothing there to overwrite.
        gone = DiskStamp.of(target) is None and not target.is_dir()
        if not force and target == self.path and not gone and self.changed_on_disk():
            raise SaveConflict(target)
        text = self.render()
        return PendingSave(
            path=target,
            text=text,
            raw=self.plan.model_dump(by_alias=True),
            numbering=origins_now(self.plan),
        )

    @staticmethod
    def write(pending: PendingSave) -> Written:
        """Write a prepared save to disk atomically; safe to call from a worker thread.

        A symbolic link is written through; the file keeps its mode, owner, group
        and extended attributes as far as the system allows (the result says what
        could not be kept).
        """
        try:
            return write_atomic(pending.path, pending.text.encode("utf-8"))
        except OSError as error:
            message = t("error.write-failed", None, path=pending.path, reason=_reason(error))
            # The cause stays attached: the app words its advice by the errno.
            raise PlanFileError(str(pending.path), "write-failed", message) from error

    def finish_save(self, pending: PendingSave, ok: bool) -> None:
        """Record a prepared save as done (``ok``) or throw its work away."""
        if not ok:
            self._document = None  # re-split from the text on disk next time
            return
        self.text = pending.text
        self.raw = pending.raw
        for item, index in pending.numbering:
            item._origin = index
        self.path = pending.path
        self.exists = True
        self.stamp = DiskStamp.of(pending.path)

    def save(self, path: Path | None = None, *, force: bool = False) -> Written:
        """Prepare, write and record a save in one go (see :meth:`prepare_save`).

        On failure nothing on disk changes and the edits stay in the model.
        """
        pending = self.prepare_save(path, force=force)
        try:
            written = self.write(pending)
        except PlanFileError:
            self.finish_save(pending, ok=False)
            raise
        self.finish_save(pending, ok=True)
        return written

    def reload(self) -> PlanFile:
        """The plan as it is on disk now (a new object; this one is unchanged)."""
        if self.path is None:
            raise ValueError("a plan without a path cannot be reloaded")
        return PlanFile.open(self.path)


def identity_warning(written: Written, name: str) -> str | None:
    """What a save could not keep of the file's identity (owner, group, attributes), or None."""
    wanted, now = written.wanted, written.now
    notes: list[str] = []
    path = str(written.path)
    if wanted is not None and written.lost_owner:
        was, is_now = user_name(wanted.uid), user_name(now.uid)
        notes.append(t("identity.owner-lost", None, name=name, was=was, now=is_now, path=path))
    if wanted is not None and written.lost_group:
        was, is_now = group_name(wanted.gid), group_name(now.gid)
        notes.append(t("identity.group-lost", None, name=name, was=was, now=is_now, path=path))
    if written.lost_attributes:
        names = ", ".join(written.lost_attributes)
        notes.append(t("identity.attributes-lost", None, name=name, names=names))
    return " ".join(notes) or None


def user_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def group_name(gid: int) -> str:
    try:
        import grp

        return grp.getgrgid(gid).gr_name
    except (ImportError, KeyError):
        return str(gid)


def _reason(error: OSError) -> str:
    return error.strerror or os.strerror(error.errno or 0) or str(error)
