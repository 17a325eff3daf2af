"""Compare the edited model with the plan as last read or written.

The result is a short list of changes (set a key, delete a key, rewrite the
items of one array) that the document applies in place, so that everything a
person wrote stays as it was wherever a value did not change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from smplan.keypath import KeyPath
from smplan.model.base import PlanTable
from smplan.model.fields import fields_of


@dataclass(frozen=True, slots=True)
class SetValue:
    path: KeyPath
    value: Any


@dataclass(frozen=True, slots=True)
class DeleteKey:
    path: KeyPath


@dataclass(frozen=True, slots=True)
class RewriteArray:
    """The items of the array of tables at ``path``, in their new order.

    Each entry pairs an item with its index in the file before this save, or
    with None for an item that is new.
    """

    path: KeyPath
    items: tuple[tuple[int | None, PlanTable], ...]


Change = SetValue | DeleteKey | RewriteArray


def item_values(item: PlanTable) -> dict[str, Any]:
    """The key/value pairs of a new item, as they should appear in the file."""
    values: dict[str, Any] = {}
    for name, key, kind, _default in fields_of(type(item)):
        value = getattr(item, name)
        if kind == "table":
            nested = item_values(value) if value is not None else None
            if nested:
                values[key] = nested
        elif kind == "tables":
            if value:
                values[key] = [item_values(v) for v in value]
        elif value is not None and value != []:
            values[key] = value
    values.update({k: v for k, v in (item.model_extra or {}).items() if v is not None})
    return values


def _origin_of(item: PlanTable) -> int | None:
    # ``item._origin`` goes through pydantic's BaseModel.__getattr__, about 40x
    # slower than the dict it reads; a diff of a 5,000-item plan reads it 5,000 times.
    private = item.__pydantic_private__
    return private.get("_origin") if private else None


@cache
def _nested_fields(cls: type[PlanTable]) -> tuple[tuple[str, bool], ...]:
    """(attribute, is an array) of the fields of ``cls`` that hold arrays of tables.

    A nested table with no array inside (a calendar item's ``repeat``) has no
    item to number: leaving it out keeps the 5,000 items of a year plan at one
    lookup each.
    """
    out = []
    for name, _key, kind, _default in fields_of(cls):
        if kind == "tables":
            out.append((name, True))
        elif kind == "table" and _nested_fields(_table_type(cls, name)):
            out.append((name, False))
    return tuple(out)


def _table_type(cls: type[PlanTable], name: str) -> type[PlanTable]:
    """The table class of the field ``name`` (``Repeat`` of ``Repeat | None``)."""
    annotation = cls.model_fields[name].annotation
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, PlanTable):
            return candidate
    raise TypeError(name)


@cache
def _optional(cls: type[PlanTable], name: str) -> bool:
    """True when the table field ``name`` of ``cls`` may be absent (None)."""
    return cls.model_fields[name].default is None


def _same(old: Any, new: Any) -> bool:
    # bool is an int in Python: true must not equal 1 here.
    if isinstance(old, bool) != isinstance(new, bool):
        return False
    return bool(old == new)


def diff(model: PlanTable, raw: dict[str, Any]) -> list[Change]:
    """Changes that turn the file ``raw`` was read from into ``model``."""
    changes: list[Change] = []
    rewrites: list[Change] = []
    _diff_table(model, raw, (), changes, rewrites)
    return changes + rewrites


def _diff_table(
    model: PlanTable, raw: Any, path: KeyPath, changes: list[Change], rewrites: list[Change]
) -> None:
    if not isinstance(raw, dict):
        raw = {}
    # A key path is built only for a value that changed: a year plan holds some
    # 60,000 values and a save changes a handful.
    for name, key, kind, default in fields_of(type(model)):
        new = getattr(model, name)
        if kind == "table":
            if new is None:
                if raw.get(key) is not None:  # an optional table (a repeat rule) taken away
                    changes.append(DeleteKey((*path, key)))
            elif raw.get(key) is None and _optional(type(model), name):
                # An optional table given for the first time is written whole:
                # ``repeat = { every = "week" }`` rather than one dotted key per value.
                values = item_values(new)
                if values:
                    changes.append(SetValue((*path, key), values))
            else:
                _diff_table(new, raw.get(key), (*path, key), changes, rewrites)
        elif kind == "tables":
            old = raw.get(key)
            _diff_array(new, old if isinstance(old, list) else [], (*path, key), changes, rewrites)
        elif key in raw:
            if not _same(raw[key], new):
                here = (*path, key)
                changes.append(DeleteKey(here) if new is None else SetValue(here, new))
        elif new is not None and not _same(new, default):
            changes.append(SetValue((*path, key), new))


def _diff_array(
    items: list[PlanTable],
    raw: list[Any],
    path: KeyPath,
    changes: list[Change],
    rewrites: list[Change],
) -> None:
    origins = [_origin_of(item) for item in items]
    if origins == list(range(len(raw))):
        for index, item in enumerate(items):
            _diff_table(item, raw[index], (*path, index), changes, rewrites)
        return
    seen: set[int] = set()
    entries: list[tuple[int | None, PlanTable]] = []
    for item in items:
        origin = _origin_of(item)
        if origin is not None and 0 <= origin < len(raw) and origin not in seen:
            seen.add(origin)
            _diff_table(item, raw[origin], (*path, origin), changes, rewrites)
            entries.append((origin, item))
        else:
            entries.append((None, item))
    rewrites.append(RewriteArray(path, tuple(entries)))


def mark_origins(model: PlanTable) -> None:
    """Number every array item by its position, as it now stands in the file."""
    for item, index in origins_now(model):
        item._origin = index


def origins_now(model: PlanTable) -> list[tuple[PlanTable, int]]:
    """Every array item with its current position, for :func:`mark_origins` later."""
    # Only fields that hold tables are visited: a calendar item has none, so the
    # 5,000 items of a year plan cost one lookup each.
    out: list[tuple[PlanTable, int]] = []
    for name, array in _nested_fields(type(model)):
        value = getattr(model, name)
        if not array:
            if value is not None:  # an optional table may be absent
                out.extend(origins_now(value))
            continue
        items: list[PlanTable] = value
        for index, item in enumerate(items):
            out.append((item, index))
            if _nested_fields(type(item)):
                out.extend(origins_now(item))
    return out


def forget_origins(model: PlanTable) -> None:
    """Make ``model`` (a copy of an item) count as new: it has no place in the file yet."""
    model._origin = None
    for name, _key, kind, _default in fields_of(type(model)):
        value = getattr(model, name)
        if kind == "table":
            if value is not None:
                forget_origins(value)
        elif kind == "tables":
            for item in value:
                forget_origins(item)
