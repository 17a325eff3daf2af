"""Three-way merge of plans: your unsaved edits applied onto a plan that changed since.

A recovery copy holds the plan as a lost session would have saved it ("mine"),
and the text that session had read ("base"). When the plan on disk ("theirs")
changed in the meantime (another smplan saved, ``git pull``), the edits are
the differences from base to mine, applied onto theirs:

- a value only you changed takes your value; one only they changed keeps
  theirs; one both changed to different values takes yours, and is reported;
- list items (goals by id, calendar entries by content) you added are added
  after the item that came before them in your list; items you deleted go if
  the plan still has them as they were (an item you deleted but they changed
  stays, and is reported); items you moved move; an item they deleted that you
  changed comes back, and is reported;
- lists of text (SWOT entries, persona references) merge entry by entry.

The merge works on theirs' model in place, so saving it changes only what your
edits change in the text on disk (through :mod:`smplan.store.document`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from smplan.keypath import KeyPath, format_path
from smplan.model import PlanTable
from smplan.model.fields import fields_of
from smplan.store.diff import forget_origins
from smplan.store.plan_file import PlanFile


@dataclass(frozen=True, slots=True)
class Conflict:
    """A place where your edit and the plan's change disagree, and what was done."""

    path: KeyPath
    #: "both-changed", "you-deleted-they-changed", "they-deleted-you-changed".
    kind: str
    mine: Any = None
    theirs: Any = None

    @property
    def key(self) -> str:
        return format_path(self.path)


@dataclass(slots=True)
class Merged:
    """Theirs, with your edits applied to its model (not saved), and the conflicts."""

    plan_file: PlanFile
    conflicts: list[Conflict] = field(default_factory=list)


def merge(base: PlanFile, mine: PlanFile, theirs: PlanFile) -> Merged:
    """Apply the edits from ``base`` to ``mine`` onto ``theirs`` (whose model changes)."""
    result = Merged(theirs)
    _merge_table(base.plan, mine.plan, theirs.plan, (), result.conflicts)
    return result


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    if isinstance(a, PlanTable) and isinstance(b, PlanTable):
        return bool(a.model_dump() == b.model_dump())
    return bool(a == b)


def _merge_table(
    base: PlanTable, mine: PlanTable, theirs: PlanTable, path: KeyPath, out: list[Conflict]
) -> None:
    for name, key, kind, _default in fields_of(type(theirs)):
        b, m, t = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        here = (*path, key)
        if kind == "table" and None in (b, m, t):
            # An optional table (a repeat rule) present on one side only merges as one value.
            value = _merge_leaf(b, m, t, here, out)
            if not _same(value, t):
                setattr(theirs, name, value)
        elif kind == "table":
            _merge_table(b, m, t, here, out)
        elif kind == "tables":
            setattr(theirs, name, _merge_items(b, m, t, here, out))
        elif isinstance(m, list) and isinstance(b, list) and isinstance(t, list):
            if not _same(m, b):
                merged = _merge_sequence(b, m, t, _value_key, None, here, out)
                setattr(theirs, name, merged)
        else:
            value = _merge_leaf(b, m, t, here, out)
            if not _same(value, t):
                setattr(theirs, name, value)
    _merge_extra(base, mine, theirs, path, out)


def _merge_leaf(base: Any, mine: Any, theirs: Any, path: KeyPath, out: list[Conflict]) -> Any:
    if _same(mine, base) or _same(mine, theirs):
        return theirs
    if not _same(theirs, base):
        out.append(Conflict(path, "both-changed", mine, theirs))
    return mine


def _merge_extra(
    base: PlanTable, mine: PlanTable, theirs: PlanTable, path: KeyPath, out: list[Conflict]
) -> None:
    """Unknown keys (kept from the file) merge like values."""
    b, m = base.model_extra or {}, mine.model_extra or {}
    t = theirs.model_extra
    if t is None:
        return
    for key in {*b, *m}:
        value = _merge_leaf(b.get(key), m.get(key), t.get(key), (*path, key), out)
        if value is None:
            t.pop(key, None)
        else:
            t[key] = value


def _value_key(value: Any) -> str:
    return json.dumps([type(value).__name__, value], sort_keys=True, default=str)


def _item_key(item: PlanTable) -> str:
    ident = getattr(item, "id", None)
    if isinstance(ident, str) and ident:
        return "id:" + ident
    return "content:" + json.dumps(item.model_dump(mode="json"), sort_keys=True)


def _merge_items(
    base: list[PlanTable],
    mine: list[PlanTable],
    theirs: list[PlanTable],
    path: KeyPath,
    out: list[Conflict],
) -> list[PlanTable]:
    def merge_item(b: PlanTable, m: PlanTable, t: PlanTable, here: KeyPath) -> None:
        _merge_table(b, m, t, here, out)

    return _merge_sequence(base, mine, theirs, _item_key, merge_item, path, out)


def _align(base: list[str], other: list[str]) -> dict[int, int]:
    """base index -> index in ``other`` of the same element (a changed item pairs by position)."""
    matched: dict[int, int] = {}
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            matched.update({i1 + k: j1 + k for k in range(i2 - i1)})
        elif tag == "replace":
            matched.update({i1 + k: j1 + k for k in range(min(i2 - i1, j2 - j1))})
    # An element that went elsewhere (moved) is the same element.
    unmatched_other = {other[j]: j for j in range(len(other)) if j not in matched.values()}
    for i, key in enumerate(base):
        if i not in matched and key in unmatched_other:
            matched[i] = unmatched_other.pop(key)
    return matched


def _moved(matched: dict[int, int]) -> set[int]:
    """Base indices whose element changed its order relative to the others."""
    pairs = sorted(matched.items(), key=lambda pair: pair[1])
    order = [i for i, _j in pairs]
    keep = SequenceMatcher(None, sorted(order), order, autojunk=False)
    stayed = {
        order[j]
        for block in keep.get_matching_blocks()
        for j in range(block.b, block.b + block.size)
    }
    return set(order) - stayed


def _merge_sequence(
    base: list[Any],
    mine: list[Any],
    theirs: list[Any],
    key: Callable[[Any], str],
    merge_item: Callable[[Any, Any, Any, KeyPath], None] | None,
    path: KeyPath,
    out: list[Conflict],
) -> list[Any]:
    """Your changes to the list (``base`` -> ``mine``) made to ``theirs``, in theirs' order."""
    base_keys, mine_keys = [key(v) for v in base], [key(v) for v in mine]
    in_mine = _align(base_keys, mine_keys)
    in_theirs = _align(base_keys, [key(v) for v in theirs])
    base_of_theirs = {j: i for i, j in in_theirs.items()}
    base_of_mine = {j: i for i, j in in_mine.items()}
    moved = _moved(in_mine)

    # Each element of the result in a box of its own, so that equal texts stay apart.
    result: list[list[Any]] = []
    #: Element of mine -> its box in the result.
    placed: dict[int, list[Any]] = {}
    for j, element in enumerate(theirs):
        i = base_of_theirs.get(j)
        if i is None:
            result.append([element])  # theirs added it
            continue
        if i not in in_mine:
            if _same(element, base[i]):
                continue  # you deleted it and it was not changed since
            out.append(Conflict((*path, j), "you-deleted-they-changed", None, element))
            result.append([element])
            continue
        m = in_mine[i]
        if merge_item is not None:
            merge_item(base[i], mine[m], element, (*path, j))
        if i in moved:
            continue  # placed where you put it, below
        placed[m] = [element]
        result.append(placed[m])
    for i in range(len(base)):
        if i not in in_theirs and i in in_mine and not _same(mine[in_mine[i]], base[i]):
            out.append(Conflict((*path, i), "they-deleted-you-changed", mine[in_mine[i]], None))
            base_of_mine.pop(in_mine[i], None)  # comes back as one of yours
    # Your new, moved and revived elements go right after what precedes them in your list.
    for m, element in enumerate(mine):
        i = base_of_mine.get(m)
        if i is not None and (i not in moved or i not in in_theirs):
            continue
        box = [theirs[in_theirs[i]] if i is not None else _fresh(element)]
        before = next((placed[p] for p in range(m - 1, -1, -1) if p in placed), None)
        at = 0 if before is None else next(n for n, b in enumerate(result) if b is before) + 1
        result.insert(at, box)
        placed[m] = box
    return [box[0] for box in result]


def _fresh(element: Any) -> Any:
    if isinstance(element, PlanTable):
        copy = element.model_copy(deep=True)
        forget_origins(copy)
        return copy
    return element
