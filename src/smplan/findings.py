"""Findings: what `smplan check` prints and the app lists, one per problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from smplan.display import visible
from smplan.keypath import KeyPath, format_path

Level = Literal["error", "warning", "info"]
LEVEL_ORDER: dict[Level, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(slots=True)
class Finding:
    level: Level
    code: str
    message: str
    #: Where in the plan, as a concrete path; empty for the file as a whole.
    path: KeyPath = ()
    line: int | None = None
    column: int | None = None
    file: str | None = None
    #: The id of the goal, person or item concerned, when there is one.
    subject: str | None = field(default=None)

    @property
    def key(self) -> str:
        return format_path(self.path)

    def render(self) -> str:
        """``file:line: level code: message`` as `smplan check` prints it."""
        where = self.file or "<plan>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f" [{self.key}]" if self.path else ""
        # Plan text (keys, quoted values) may hold terminal escapes: shown as symbols.
        return visible(f"{where}: {self.level} {self.code}: {self.message}{key}")

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.key,
            "level": self.level,
            "code": self.code,
            "message": self.message,
            "subject": self.subject,
        }
