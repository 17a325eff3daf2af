"""What kind of value each field of a table holds, for code that walks a plan."""

from __future__ import annotations

from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from smplan.model.base import PlanTable

#: A plain value, a nested table, or an array of tables.
Kind = Literal["leaf", "table", "tables"]


def _unwrap(annotation: Any) -> Any:
    args = [a for a in get_args(annotation) if a is not type(None)]
    return args[0] if get_origin(annotation) is not list and len(args) == 1 else annotation


@cache
def fields_of(cls: type[BaseModel]) -> tuple[tuple[str, str, Kind, Any], ...]:
    """(attribute, key in the file, kind, default) for each field of a table."""
    out: list[tuple[str, str, Kind, Any]] = []
    for name, info in cls.model_fields.items():
        annotation = _unwrap(info.annotation)
        kind: Kind = "leaf"
        if isinstance(annotation, type) and issubclass(annotation, PlanTable):
            kind = "table"
        elif get_origin(annotation) is list:
            (inner,) = get_args(annotation)
            if isinstance(inner, type) and issubclass(inner, PlanTable):
                kind = "tables"
        out.append((name, info.alias or name, kind, info.get_default(call_default_factory=True)))
    return tuple(out)
