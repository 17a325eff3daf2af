"""One change written into a table's text: only the characters of that value move.

:mod:`smplan.store.spans` says where a value is; this module replaces it (in
the quoting style it had), adds a key on a line of its own below its siblings,
removes a key's line, or re-lays an array's elements through
:mod:`smplan.store.arrays`. Everything else in the text stays byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

import tomli

from smplan.keypath import KeyPath
from smplan.store.arrays import Piece, arrange
from smplan.store.spans import Found, Missing, Pair, Span, SpanError, resolve
from smplan.store.values import render_key, render_like, render_value

#: ``key = value`` spacing kept from a neighbour when it is one of these.
_USUAL_EQUALS = (" = ", "=")


class NeedsTable(Exception):
    """The value belongs in a table the text does not have yet (the caller writes a header)."""


def with_newline(text: str, newline: str) -> str:
    """``text`` with its line breaks as the file writes them (TOML reads both the same)."""
    return text.replace("\n", newline) if newline != "\n" else text


def set_value(
    text: str,
    pairs: list[Pair],
    body: int,
    path: KeyPath,
    value: Any,
    newline: str,
    *,
    dotted_ok: bool,
) -> str:
    """``text`` with the value at ``path`` (relative to the table) set to ``value``.

    ``body`` is where the table's pairs start. A key under a table that does not
    exist yet raises :class:`NeedsTable`, unless ``dotted_ok`` allows writing it
    as a dotted key (``a.b = 1``) in this table.
    """
    where = resolve(pairs, path)
    if isinstance(where, Found):
        return _replace(text, where, value, newline)
    if where.container is not None:
        return _add_to_inline(text, where.container, where.rest, value, newline)
    if len(where.rest) > 1 and where.have == 0 and not dotted_ok:
        raise NeedsTable
    return _add_line(text, body, where, value, newline)


def delete_value(text: str, pairs: list[Pair], path: KeyPath) -> str:
    """``text`` without the key at ``path``; unchanged when there is no such key."""
    where = resolve(pairs, path)
    if isinstance(where, Missing):
        return text
    holder, container = where.holder, where.container
    if not isinstance(holder, Pair):
        raise SpanError("an array element is removed by rewriting its array")
    if container is None:
        start, end = holder.line_start, holder.line_end
        if end == len(text) and not text.endswith("\n") and start > 0:
            # The last line of a file without a final line break: take the break
            # before it instead, so the file still ends without one.
            start -= 2 if text[start - 2 : start] == "\r\n" else 1
        return text[:start] + text[end:]
    siblings = container.pairs
    index = next(i for i, pair in enumerate(siblings) if pair is holder)
    if len(siblings) == 1:
        return text[: container.start] + "{}" + text[container.end :]
    if index < len(siblings) - 1:
        return text[: holder.key_start] + text[siblings[index + 1].key_start :]
    return text[: siblings[index - 1].value.end] + text[holder.value.end :]


def _replace(text: str, where: Found, value: Any, newline: str) -> str:
    node = where.value
    old = text[node.start : node.end]
    if node.kind == "array" and isinstance(value, list) and not _has_tables(value):
        return splice_elements(text, node, value, newline)
    new = with_newline(render_like(value, old), newline)
    return text[: node.start] + new + text[node.end :]


def _has_tables(values: list[Any]) -> bool:
    return any(isinstance(v, dict | list) for v in values)


def _add_line(text: str, body: int, where: Missing, value: Any, newline: str) -> str:
    anchor = where.anchor
    keys = [*(anchor.keys[: where.have] if anchor else ()), *map(str, where.rest)]
    key = ".".join(render_key(part) for part in keys)
    indent, equals = "", " = "
    if anchor is not None:
        indent = text[anchor.line_start : anchor.key_start]
        spacing = text[anchor.key_end : anchor.value.start]
        equals = spacing if spacing in _USUAL_EQUALS else " = "
    line = indent + key + equals + with_newline(render_value(value), newline)
    at = anchor.line_end if anchor is not None else body
    if at == len(text) and text and not text.endswith("\n"):
        return text + newline + line
    return text[:at] + line + newline + text[at:]


def _add_to_inline(text: str, table: Span, rest: KeyPath, value: Any, newline: str) -> str:
    for part in reversed(rest[1:]):
        value = {str(part): value}
    pairs = table.pairs
    equals = " = "
    if pairs:
        spacing = text[pairs[0].key_end : pairs[0].value.start]
        equals = spacing if spacing in _USUAL_EQUALS else " = "
    new = render_key(str(rest[0])) + equals + with_newline(render_value(value), newline)
    if not pairs:
        return text[: table.start] + "{ " + new + " }" + text[table.end :]
    last = pairs[-1]
    separator = ", "
    if len(pairs) > 1:
        between = text[pairs[-2].value.end : last.key_start]
        separator = between if between.strip() == "," else ", "
    return text[: last.value.end] + separator + new + text[last.value.end :]


def _identity(value: Any) -> tuple[str, Any]:
    """A hashable stand-in for an element, telling ``true`` from ``1``."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float | Decimal):
        return ("number", Decimal(str(value)))
    if isinstance(value, str | dt.date | dt.time | dt.datetime):
        return (type(value).__name__, value)
    return ("other", json.dumps(value, sort_keys=True, default=str))


def splice_elements(text: str, array: Span, values: list[Any], newline: str) -> str:
    """The array's elements become ``values``; unchanged elements keep their text.

    An element whose value changed keeps its place and its quoting style; a value
    that moved keeps its whole text; a new value is written like the element
    before it.
    """
    old_text = text[array.start : array.end]
    try:
        old = tomli.loads(f"v = {old_text}", parse_float=Decimal)["v"]
    except tomli.TOMLDecodeError as error:
        raise SpanError(str(error)) from None
    if len(old) != len(array.items):
        raise SpanError("array elements and values disagree")
    old_ids = [_identity(v) for v in old]
    new_ids = [_identity(v) for v in values]
    # Each slot is an old element (index, new value or None) or a new value.
    slots: list[tuple[int | None, Any, bool]] = []
    removed: dict[tuple[str, Any], list[int]] = {}
    if len(old_ids) == len(new_ids) and sorted(map(repr, old_ids)) != sorted(map(repr, new_ids)):
        # As many values as before and not a reordering: values changed in place
        # (even one made equal to another, which a sequence match would see as a move).
        slots = [
            (i, v, o != n) for i, (v, o, n) in enumerate(zip(values, old_ids, new_ids, strict=True))
        ]
        opcodes: Sequence[tuple[str, int, int, int, int]] = []
    else:
        opcodes = SequenceMatcher(None, old_ids, new_ids, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            slots.extend((i, None, False) for i in range(i1, i2))
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        slots.extend((i1 + k, values[j1 + k], True) for k in range(paired))
        slots.extend((None, values[j], True) for j in range(j1 + paired, j2))
        for i in range(i1 + paired, i2):
            removed.setdefault(old_ids[i], []).append(i)
    # A value taken out in one place and put in at another was moved: keep its text.
    for n, (index, value, _changed) in enumerate(slots):
        if index is None and removed.get(_identity(value)):
            slots[n] = (removed[_identity(value)].pop(0), None, False)

    def text_of(index: int) -> str:
        span = array.items[index].value
        return text[span.start : span.end]

    pieces: list[Piece] = []
    for n, (index, value, changed) in enumerate(slots):
        if index is not None:
            rendered = render_like(value, text_of(index)) if changed else None
            pieces.append(
                Piece(index, None if rendered is None else with_newline(rendered, newline))
            )
            continue
        near = [i for i, _v, _c in slots[:n][::-1] + slots[n + 1 :] if i is not None]
        like = text_of(near[0]) if near else ""
        pieces.append(Piece(None, with_newline(render_like(value, like), newline)))
    return arrange(text, array, pieces, newline)


def inline_table_like(values: dict[str, Any], text: str, sample: Span | None, newline: str) -> str:
    """A new inline table for ``values``, spaced like ``sample`` (another item of its array)."""
    opening, closing, equals, separator = " ", " ", " = ", ", "
    if sample is not None and sample.kind == "table" and sample.pairs:
        first, last = sample.pairs[0], sample.pairs[-1]
        opening = text[sample.start + 1 : first.key_start]
        closing = text[last.value.end : sample.end - 1]
        if opening.strip() or "\n" in opening:
            opening = " "
        if closing.strip() or "\n" in closing:
            closing = opening
        spacing = text[first.key_end : first.value.start]
        equals = spacing if spacing in _USUAL_EQUALS else " = "
        if len(sample.pairs) > 1:
            between = text[first.value.end : sample.pairs[1].key_start]
            separator = between if between.strip() == "," and "\n" not in between else ", "
    if not values:
        return "{}"
    body = separator.join(
        f"{render_key(key)}{equals}{with_newline(render_value(value), newline)}"
        for key, value in values.items()
    )
    return "{" + opening + body + closing + "}"
