"""Base class of every table in a plan."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, PrivateAttr


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
