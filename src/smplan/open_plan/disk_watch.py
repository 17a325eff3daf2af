"""What to do when the plan file may have changed on disk: the decision, without timers or dialogs."""

from __future__ import annotations

from typing import Literal

from smplan.store import PlanFile
from smplan.store.plan_file import DiskStamp

#: nothing: unchanged or already seen; touched: same text, new stamp (noted);
#: gone: deleted or renamed; reload: changed and nothing unsaved; ask: changed under unsaved edits.
DiskChange = Literal["nothing", "touched", "gone", "reload", "ask"]


def disk_change(
    plan_file: PlanFile,
    stamp: DiskStamp | None,
    seen: DiskStamp | None,
    seen_set: bool,
    dirty: bool,
) -> DiskChange:
    """The plan file now has ``stamp``; ``seen`` is the last change already answered."""
    if stamp == plan_file.stamp or (seen_set and stamp == seen):
        return "nothing"
    if not plan_file.changed_on_disk():
        return "touched"
    if stamp is None:
        return "gone"
    return "ask" if dirty else "reload"
