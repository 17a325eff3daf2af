"""Where each key and value of a table's text sits, to edit it in place.

The store changes a plan by replacing the characters of one value, or the lines
of one array item, in the text a person wrote. This module finds those
characters: it scans one segment (a table header and its lines, see
:mod:`smplan.store.segments`) and returns its key/value pairs with the start and
end of every key, value, array element and inline-table pair. Values are not
parsed, only delimited.

The text is valid TOML (the file was read before it is edited); anything the
scanner does not expect raises :class:`SpanError`, and the caller falls back to
rewriting the segment through tomlkit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from smplan.keypath import KeyPath
from smplan.store.segments import HEADER, unquote_key

_WS = re.compile(r"[ \t]*")
#: Between array elements: spaces, line breaks and comments.
_GAP = re.compile(r"(?:[ \t]+|\r?\n|#[^\n]*)*")
#: The end of a key/value line: spaces, a comment, the line break (or the end of the text).
_LINE_REST = re.compile(r"[ \t]*(?:#[^\n]*)?(?:\r?\n|\Z)")
#: A line with nothing but spaces and perhaps a comment.
_EMPTY_LINE = re.compile(r"[ \t]*(?:#[^\n]*)?(?:\r?\n|\Z)")
_KEY_TOKEN = re.compile(r"""[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'""")
_SCALAR = re.compile(
    r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"{3,5}'
    r"|'''[\s\S]*?'{3,5}"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?"
    r"|[^\s,\]}#]+"
)

Kind = Literal["scalar", "array", "table"]


class SpanError(ValueError):
    """The text is not laid out as the scanner expects (it falls back to tomlkit)."""


@dataclass(slots=True)
class Span:
    """One value: ``text[start:end]``; arrays and inline tables know their parts."""

    start: int
    end: int
    kind: Kind = "scalar"
    #: Array elements, in order.
    items: list[Element] = field(default_factory=list)
    #: Inline-table pairs, in order.
    pairs: list[Pair] = field(default_factory=list)


@dataclass(slots=True)
class Element:
    value: Span
    #: Where the comma after the element is, if it has one.
    comma: int | None = None


@dataclass(slots=True)
class Pair:
    """``key = value``: in a table's body (with its whole line) or in an inline table."""

    keys: tuple[str, ...]
    key_start: int
    key_end: int
    value: Span
    comma: int | None = None
    #: For pairs of a table's body: the line(s) the pair takes, line break included.
    line_start: int = 0
    line_end: int = 0


@dataclass(slots=True)
class Found:
    """The value at a key path, what holds it, and the inline table or array around it."""

    value: Span
    holder: Pair | Element
    #: The inline table or array the value is in; None for a pair of the table's body.
    container: Span | None


@dataclass(slots=True)
class Missing:
    """The key path does not exist; where the first missing key would go.

    ``container`` is the inline table to add to, or None for the table's body.
    ``have`` parts of the path exist (as dotted keys of the body); ``anchor`` is
    the last body pair that shares them (None when the body has no pairs).
    """

    container: Span | None
    have: int
    anchor: Pair | None
    #: The part of the path still to write, from the container on.
    rest: KeyPath


def _skip(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where a run of ``pattern`` (which matches the empty string too) starting at ``pos`` ends."""
    found = pattern.match(text, pos)
    assert found is not None
    return found.end()


def _key(text: str, pos: int) -> tuple[tuple[str, ...], int, int]:
    """A dotted key at ``pos``: its parts, where it ends, and where scanning goes on."""
    parts: list[str] = []
    while True:
        pos = _skip(_WS, text, pos)
        token = _KEY_TOKEN.match(text, pos)
        if token is None:
            raise SpanError(f"no key at {pos}")
        parts.append(unquote_key(token.group()))
        end = token.end()
        pos = _skip(_WS, text, end)
        if text.startswith(".", pos):
            pos += 1
            continue
        return tuple(parts), end, pos


def _pair(text: str, pos: int) -> Pair:
    key_start = _skip(_WS, text, pos)
    keys, key_end, pos = _key(text, key_start)
    if not text.startswith("=", pos):
        raise SpanError(f"no '=' at {pos}")
    pos = _skip(_WS, text, pos + 1)
    return Pair(keys, key_start, key_end, _value(text, pos))


def _value(text: str, pos: int) -> Span:
    char = text[pos : pos + 1]
    if char == "[":
        return _array(text, pos)
    if char == "{":
        return _inline_table(text, pos)
    token = _SCALAR.match(text, pos)
    if token is None or token.end() == pos:
        raise SpanError(f"no value at {pos}")
    return Span(pos, token.end())


def _array(text: str, start: int) -> Span:
    span = Span(start, start, "array")
    pos = start + 1
    while True:
        pos = _skip(_GAP, text, pos)
        if text.startswith("]", pos):
            span.end = pos + 1
            return span
        value = _value(text, pos)
        pos = _skip(_GAP, text, value.end)
        element = Element(value)
        if text.startswith(",", pos):
            element.comma = pos
            pos += 1
        elif not text.startswith("]", pos):
            raise SpanError(f"no ',' or ']' at {pos}")
        span.items.append(element)


def _inline_table(text: str, start: int) -> Span:
    span = Span(start, start, "table")
    pos = start + 1
    while True:
        pos = _skip(_GAP, text, pos)
        if text.startswith("}", pos):
            span.end = pos + 1
            return span
        pair = _pair(text, pos)
        pos = _skip(_GAP, text, pair.value.end)
        if text.startswith(",", pos):
            pair.comma = pos
            pos += 1
        elif not text.startswith("}", pos):
            raise SpanError(f"no ',' or '}}' at {pos}")
        span.pairs.append(pair)


def body_start(text: str, header_at: int, has_header: bool) -> int:
    """Where the pairs of a segment begin: after its header line (0 for the root)."""
    if not has_header:
        return 0
    pos = _skip(_WS, text, header_at)
    header = HEADER.match(text, pos)
    if header is None:
        raise SpanError("no table header")
    rest = _LINE_REST.match(text, header.end())
    if rest is None:
        raise SpanError("text after a table header")
    return rest.end()


def scan_body(text: str, start: int) -> list[Pair]:
    """The key/value pairs of a table's body, from ``start`` to the end of ``text``."""
    try:
        return _scan_body(text, start)
    except RecursionError:
        # Values nested deeper than the stack allows: tomlkit decides what can be done.
        raise SpanError("nested too deeply") from None


def _scan_body(text: str, start: int) -> list[Pair]:
    pairs: list[Pair] = []
    pos = start
    size = len(text)
    while pos < size:
        empty = _EMPTY_LINE.match(text, pos)
        if empty is not None and empty.end() > pos:
            pos = empty.end()
            continue
        first = _skip(_WS, text, pos)
        if text.startswith("[", first):
            raise SpanError("a table header inside a segment")
        pair = _pair(text, first)
        rest = _LINE_REST.match(text, pair.value.end)
        if rest is None:
            raise SpanError(f"text after a value at {pair.value.end}")
        pair.line_start = pos
        pair.line_end = rest.end()
        pairs.append(pair)
        pos = rest.end()
    return pairs


def _common(a: tuple[str, ...], b: KeyPath) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def resolve(pairs: list[Pair], path: KeyPath) -> Found | Missing:
    """Find ``path`` (relative to the table) among a body's ``pairs``."""
    best = 0
    anchor: Pair | None = pairs[-1] if pairs else None
    for pair in pairs:
        common = _common(pair.keys, path)
        if common == len(pair.keys):
            if common == len(path):
                return Found(pair.value, pair, None)
            return _descend(pair.value, path[common:])
        if common == len(path):
            raise SpanError("a table written as dotted keys")
        if common > 0 and common >= best:
            best, anchor = common, pair
    return Missing(None, best, anchor, path[best:])


def _descend(node: Span, path: KeyPath) -> Found | Missing:
    holder: Pair | Element | None = None
    container: Span | None = None
    for depth, part in enumerate(path):
        if node.kind == "array" and isinstance(part, int):
            if not 0 <= part < len(node.items):
                raise SpanError(f"no element {part}")
            element = node.items[part]
            holder, container, node = element, node, element.value
        elif node.kind == "table" and isinstance(part, str):
            rest = path[depth:]
            matched: Pair | None = None
            for pair in node.pairs:
                common = _common(pair.keys, rest)
                if common == len(pair.keys):
                    matched = pair
                    break
                if common:
                    raise SpanError("a dotted key inside an inline table")
            if matched is None:
                return Missing(node, 0, None, rest)
            if len(matched.keys) > 1:
                raise SpanError("a dotted key inside an inline table")
            holder, container, node = matched, node, matched.value
        else:
            raise SpanError(f"cannot go into {node.kind} with {part!r}")
    assert holder is not None
    return Found(node, holder, container)


def deepest(pairs: list[Pair], path: KeyPath) -> int | None:
    """Offset of the deepest part of ``path`` that the body holds (a key or an element)."""
    best: int | None = None
    for pair in pairs:
        common = _common(pair.keys, path)
        if common != len(pair.keys):
            continue
        best = pair.key_start
        node = pair.value
        for part in path[common:]:
            if node.kind == "array" and isinstance(part, int) and 0 <= part < len(node.items):
                node = node.items[part].value
                best = node.start
            elif node.kind == "table" and isinstance(part, str):
                found = next((p for p in node.pairs if p.keys == (part,)), None)
                if found is None:
                    break
                best, node = found.key_start, found.value
            else:
                break
        return best
    return best
