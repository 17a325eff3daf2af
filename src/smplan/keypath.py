"""Key paths: where a value sits in a plan, as keys and array indices."""

from __future__ import annotations

#: ``("goals", 2, "deadline")`` is the deadline of the third goal.
KeyPath = tuple[str | int, ...]


def format_path(path: KeyPath) -> str:
    """``("goals", 2, "deadline")`` -> ``goals[2].deadline``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
