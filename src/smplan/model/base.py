"""Base class of every table in a plan."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr


# Default factories written in Python: given the builtin ``list`` or ``dict``,
# pydantic reads the factory's signature from its text (``inspect`` runs the
# tokenizer and the parser on it), once per field; with 36 such fields that was
# some 20-30 ms of every start of smplan.
def empty_list() -> list[Any]:
    """A new empty list, the default of a list field."""
    return []


def empty_dict() -> dict[str, Any]:
    """A new empty dict, the default of a table of values."""
    return {}


class PlanTable(BaseModel):
    """A table of the plan file.

    Unknown keys are allowed and kept (``model_extra``) so that a save never drops
    what a person wrote by hand. ``_origin`` remembers, for an item of an array of
    tables, its index in the file as loaded: the store uses it to tell edited,
    moved, added and deleted items apart without regenerating the file.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        serialize_by_alias=True,
        validate_by_alias=True,
        validate_by_name=True,
    )

    _origin: int | None = PrivateAttr(default=None)
