"""Lines of the plan's text as saving now would write it, for findings made since it was read.

A finding's line is where its key path is written. After edits (an item added
above, a value that now takes two lines) the file on disk is behind: the
problems list gives the line in the text the next save writes, so that it
matches the file once saved, and "go to" follows the key path anyway.
"""

from __future__ import annotations

from collections.abc import Iterable

from smplan.keypath import KeyPath
from smplan.store.plan_file import PlanFile, banner
from smplan.store.reading import BOM


def lines_now(plan_file: PlanFile, paths: Iterable[KeyPath]) -> dict[KeyPath, int]:
    """The line of each of ``paths`` in the text saving the plan now would write."""
    wanted = [path for path in paths if path]
    if not wanted:
        return {}
    changes = plan_file.changes()
    if changes:
        # A document of its own: the plan file's is the one the next save edits.
        # Here, not above: the app imports this module before its first screen, the
        # document's parser is needed with the first problems list.
        from smplan.store.document import PlanDocument

        document = PlanDocument(plan_file.text.removeprefix(BOM), banner(plan_file.plan.language))
        document.apply(changes)
    else:
        document = plan_file.document
    return {path: document.line_of(path) for path in wanted}
