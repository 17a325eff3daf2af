"""Rewriting the open plan's inline lists of tables as ``[[tables]]`` (the palette's command).

The decision and the file work only; the app says the outcome and reopens
the plan as written (:func:`expanded_plan`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from smplan.files.atomic import write_atomic
from smplan.store import PlanFile
from smplan.store.expand import expand_inline_tables

#: save-first: no file yet, or unsaved edits; changed-on-disk: someone else wrote it
#: since it was read; nothing: no inline list of tables to rewrite.
NoExpansion = Literal["save-first", "changed-on-disk", "nothing"]


@dataclass(frozen=True, slots=True)
class Expansion:
    """The plan file's text with its inline lists of tables written out."""

    path: Path
    text: str
    #: The lists rewritten, as the file names them.
    converted: tuple[str, ...]


def plan_expansion(plan_file: PlanFile, *, dirty: bool) -> Expansion | NoExpansion:
    """What rewriting ``plan_file`` would write, or why there is nothing to write.

    Only a saved file that nobody changed since is rewritten: the edit is made
    on the text as it is on disk, comments and all.
    """
    path = plan_file.path
    if path is None or not plan_file.exists or dirty:
        return "save-first"
    if plan_file.changed_on_disk():
        return "changed-on-disk"
    expanded = expand_inline_tables(plan_file.text)
    if not expanded.converted:
        return "nothing"
    return Expansion(path, expanded.text, tuple(expanded.converted))


def write_expansion(expansion: Expansion) -> None:
    """Write ``expansion`` over the plan file (raises ``OSError`` when it cannot be
    written); safe in a worker thread."""
    write_atomic(expansion.path, expansion.text.encode("utf-8"))


def expanded_plan(expansion: Expansion) -> PlanFile:
    """The plan file as :func:`write_expansion` left it, to be opened again."""
    return PlanFile.from_text(expansion.text, expansion.path)
