"""Read a plan file: bytes -> text -> TOML data -> model, with findings for what is wrong.

A file that cannot be read at all (missing, a folder, not UTF-8, not TOML) raises
:class:`PlanFileError`, which names the file, the line and column when there is
one, and what to do. A file that is TOML but not quite a plan still loads: each
value of the wrong shape becomes a finding and is left out of the model (and left
untouched in the file) so the rest of the plan can be worked on.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path as FilePath
from typing import Any

import tomli
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from smplan.findings import Finding
from smplan.i18n import Lang, t
from smplan.keypath import KeyPath
from smplan.model import Plan

BOM = "\ufeff"
#: A line git writes around the two sides of a merge conflict.
_CONFLICT_MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?=[ \t\r]|$)", re.MULTILINE)
#: Larger files are refused before parsing: no plan comes near this.
MAX_BYTES = 64 * 1024 * 1024


class PlanFileError(Exception):
    """The file cannot be opened as a plan. ``str()`` is one line for the user."""

    def __init__(
        self,
        file: str,
        code: str,
        message: str,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.file = file
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        super().__init__(self.finding().render())

    def finding(self) -> Finding:
        return Finding(
            "error", self.code, self.message, line=self.line, column=self.column, file=self.file
        )


def read_text(path: FilePath, lang: Lang | None = None) -> str:
    """The file's text, or a :class:`PlanFileError` saying why it cannot be read."""
    name = str(path)
    try:
        if path.is_dir():
            raise PlanFileError(name, "not-a-file", t("error.is-folder", lang))
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PlanFileError(name, "too-large", t("error.too-large", lang, size=size))
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(name, "not-found", t("error.not-found", lang, path=name)) from None
    except PermissionError:
        raise PlanFileError(name, "permission", t("error.permission", lang)) from None
    except IsADirectoryError:
        raise PlanFileError(name, "not-a-file", t("error.is-folder", lang)) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise PlanFileError(name, "unreadable", t("error.os", lang, reason=reason)) from None
    return decode(data, name, lang)


def _line_col(data: bytes | str, offset: int) -> tuple[int, int]:
    newline: Any = b"\n" if isinstance(data, bytes) else "\n"
    line = data.count(newline, 0, offset) + 1
    column = offset - (data.rfind(newline, 0, offset) + 1) + 1
    return line, column


def decode(data: bytes, name: str, lang: Lang | None = None) -> str:
    if not data.strip():
        raise PlanFileError(name, "empty", t("error.empty", lang))
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _line_col(data, nul)
        raise PlanFileError(name, "binary", t("error.binary", lang), line, column)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_col(data, error.start)
        raise PlanFileError(name, "not-utf8", t("error.not-utf8", lang), line, column) from None


def conflict_markers(text: str) -> list[tuple[int, str]]:
    """(line, marker) of every merge-conflict marker line in ``text``.

    In a file that reads as TOML these can only be inside multi-line strings:
    valid, but almost surely two versions of a text that git left for a person.
    """
    found: list[tuple[int, str]] = []
    # A plain search first: scanning a 1 MB plan line by line costs ~20 ms, this ~1.
    if not any(marker in text for marker in ("<<<<<<<", ">>>>>>>", "=======", "|||||||")):
        return found
    for match in _CONFLICT_MARKER.finditer(text):
        found.append((text.count("\n", 0, match.start()) + 1, match.group(1)))
    return found


def parse_toml(text: str, name: str, lang: Lang | None = None) -> dict[str, Any]:
    """TOML text -> plain data, floats as exact decimals."""
    try:
        return tomli.loads(text.removeprefix(BOM), parse_float=Decimal)
    except tomli.TOMLDecodeError as error:
        raise PlanFileError(
            name,
            "toml-syntax",
            t("error.toml-syntax", lang, reason=error.msg),
            error.lineno,
            error.colno,
        ) from None
    except RecursionError:
        raise PlanFileError(name, "toml-syntax", t("error.too-deep", lang)) from None


def _message(error: ErrorDetails, lang: Lang | None) -> tuple[str, str]:
    """A plain-language (code, message) for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        msg_id = str(ctx.get("error", ""))
        if msg_id.startswith("type."):
            code = "bad-date" if msg_id.startswith(("type.date", "type.time")) else "wrong-type"
            return code, t(msg_id, lang)
        return "wrong-type", msg_id
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace("'", "")
        return "bad-value", t("type.choice", lang, choices=choices)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "wrong-type", t("type.table", lang)
    if kind in ("list_type", "tuple_type"):
        return "wrong-type", t("type.list", lang)
    if kind.startswith("int_"):
        return "wrong-type", t("type.whole", lang)
    return "wrong-type", error["msg"]


def _drop(raw: Any, loc: tuple[str | int, ...]) -> Any:
    """A copy of ``raw`` without the value at ``loc``; containers off the path are shared."""
    if not loc:
        return raw
    head, rest = loc[0], loc[1:]
    if isinstance(raw, dict) and head in raw:
        out = dict(raw)
        if rest:
            out[head] = _drop(raw[head], rest)
        else:
            del out[head]
        return out
    if isinstance(raw, list) and isinstance(head, int) and 0 <= head < len(raw):
        out_list = list(raw)
        if rest:
            out_list[head] = _drop(raw[head], rest)
        elif len(loc) == 1:
            out_list[head] = {}
        return out_list
    return raw


def _drop_item_or_element(raw: Any, loc: tuple[str | int, ...]) -> Any:
    # A bad element of a list of text is left out; a bad item of an array of
    # tables becomes an empty table so later items keep their positions.
    parent = raw
    for part in loc[:-1]:
        parent = parent[part]
    last = loc[-1]
    if isinstance(parent, list) and isinstance(last, int):
        if (parent and isinstance(parent[0], dict)) or isinstance(parent[last], dict):
            return _replace_at(raw, loc, {})
        return _replace_at(raw, loc[:-1], [v for i, v in enumerate(parent) if i != last])
    return _drop(raw, loc)


def _replace_at(raw: Any, loc: tuple[str | int, ...], value: Any) -> Any:
    if not loc:
        return value
    head, rest = loc[0], loc[1:]
    if isinstance(raw, dict):
        out = dict(raw)
        out[head] = _replace_at(raw[head], rest, value)
        return out
    assert isinstance(head, int)
    out_list = list(raw)
    out_list[head] = _replace_at(raw[head], rest, value)
    return out_list


def validate(
    raw: dict[str, Any], lang: Lang | None = None
) -> tuple[Plan, dict[str, Any], list[Finding]]:
    """The model of ``raw``, the data it was built from, and a finding per bad value.

    Bad values are left out of the returned data (so that saving does not see
    them as deleted) and out of the model; the file keeps them until the user
    fixes them.
    """
    findings: list[Finding] = []
    for _attempt in range(20):
        try:
            return Plan.model_validate(raw), raw, findings
        except ValidationError as error:
            details = error.errors()
        seen: set[KeyPath] = set()
        # Last positions first, so that leaving out an element does not shift the
        # positions of the other bad elements of the same list.
        for detail in sorted(details, key=_loc_order, reverse=True):
            loc = tuple(detail["loc"])
            if loc in seen:
                continue
            seen.add(loc)
            code, message = _message(detail, lang)
            findings.append(Finding("error", code, message, path=loc))
            try:
                raw = _drop_item_or_element(raw, loc)
            except (KeyError, IndexError, TypeError):
                raw = _drop(raw, loc[:1])
    # Nothing sane left: keep only what every plan has.
    return Plan(), {}, findings


def _loc_order(detail: ErrorDetails) -> list[tuple[int, str]]:
    return [(part, "") if isinstance(part, int) else (-1, part) for part in detail["loc"]]
