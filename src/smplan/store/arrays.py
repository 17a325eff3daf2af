"""Rearranging the elements of an array in place: the other elements keep every character.

An array written one element per line (a SWOT list, goals as inline tables)
is edited line by line: a changed element changes only its value, a new one
gets a line of its own indented like its neighbours, a deleted one takes its
line (and the comment lines directly above it) with it, and a moved one
carries its line and comments along. An array written on one line keeps its
separators. The one change made to another element is a comma added after an
element that is no longer the last (an array may end with a comma, so none is
ever removed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from smplan.store.spans import Span

_LINE_END = re.compile(r"[ \t]*(?:#[^\n]*)?\r?\n")
_COMMENT_LINE = re.compile(r"[ \t]*#[^\n]*\n")
_LEADING_COMMA = re.compile(r"^(\s*),")
#: Longest array written on one line when an empty array gets its first elements.
WRAP_AT = 88


@dataclass(frozen=True, slots=True)
class Piece:
    """One element of the array to be: an old element (by index) or a new value.

    ``text`` replaces the old element's value when given; for a new element it
    is the value's TOML text.
    """

    old: int | None
    text: str | None = None


def arrange(text: str, array: Span, pieces: list[Piece], newline: str) -> str:
    """``text`` with ``array``'s elements laid out as ``pieces`` say."""
    if not array.items:
        new = _fresh([p.text or "" for p in pieces], newline)
    elif _one_per_line(text, array):
        new = _by_lines(text, array, pieces, newline)
    else:
        new = _on_one_line(text, array, pieces)
    return text[: array.start] + new + text[array.end :]


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _after(text: str, element_end: int, comma: int | None) -> int:
    return comma + 1 if comma is not None else element_end


def _one_per_line(text: str, array: Span) -> bool:
    """True when every element starts a line of its own and ends it (comment allowed)."""
    for element in array.items:
        start = _line_start(text, element.value.start)
        if start <= array.start or text[start : element.value.start].strip(" \t"):
            return False
        if _LINE_END.match(text, _after(text, element.value.end, element.comma)) is None:
            return False
    return True


def _by_lines(text: str, array: Span, pieces: list[Piece], newline: str) -> str:
    items = array.items
    starts: list[int] = []
    ends: list[int] = []
    for index, element in enumerate(items):
        start = _line_start(text, element.value.start)
        if index:
            # Comment lines right above an element (no blank line between) are its own.
            while True:
                above = _line_start(text, start - 1)
                if above < ends[-1] or not _COMMENT_LINE.fullmatch(text, above, start):
                    break
                start = above
        line_end = _LINE_END.match(text, _after(text, element.value.end, element.comma))
        assert line_end is not None
        starts.append(start)
        ends.append(line_end.end())
    head = text[array.start + 1 : starts[0]]
    gaps = [text[ends[i] : starts[i + 1]] for i in range(len(items) - 1)]
    tail = text[ends[-1] : array.end - 1]
    last = items[-1]
    trailing_comma = last.comma is not None
    reference = items[-1].value.start
    indent = text[_line_start(text, reference) : reference]
    eol = "\r\n" if "\r\n" in text[array.start : array.end] else newline

    chunks: list[str] = []
    for position, piece in enumerate(pieces):
        is_last = position == len(pieces) - 1
        if piece.old is None:
            comma = "," if not is_last or trailing_comma else ""
            chunks.append(f"{indent}{piece.text}{comma}{eol}")
            continue
        element = items[piece.old]
        base = starts[piece.old]
        chunk = text[base : ends[piece.old]]
        value_start = element.value.start - base
        value_end = element.value.end - base
        if piece.text is not None:
            chunk = chunk[:value_start] + piece.text + chunk[value_end:]
            value_end = value_start + len(piece.text)
        if element.comma is None and not is_last:
            chunk = chunk[:value_end] + "," + chunk[value_end:]
        chunks.append(chunk)
    if not chunks and not (head + tail).strip():
        return "[]"
    out = "[" + head
    for position, chunk in enumerate(chunks):
        out += chunk
        if position < len(chunks) - 1 and position < len(gaps):
            out += gaps[position]
    return out + tail + "]"


def _on_one_line(text: str, array: Span, pieces: list[Piece]) -> str:
    items = array.items
    head = text[array.start + 1 : items[0].value.start]
    separators = [
        text[items[i].value.end : items[i + 1].value.start] for i in range(len(items) - 1)
    ]
    tail = text[items[-1].value.end : array.end - 1]
    usual = separators[0] if separators else ", "
    values: list[str] = []
    for piece in pieces:
        if piece.text is not None:
            values.append(piece.text)
        else:
            assert piece.old is not None
            span = items[piece.old].value
            values.append(text[span.start : span.end])
    if not values:
        rest = head + _LEADING_COMMA.sub(r"\1", tail)
        return "[" + rest + "]" if rest.strip() else "[]"
    out = "[" + head
    for position, value in enumerate(values):
        out += value
        if position < len(values) - 1:
            out += separators[position] if position < len(separators) else usual
    return out + tail + "]"


def _fresh(values: list[str], newline: str) -> str:
    """A new array: on one line when short, else one element per line."""
    flat = "[" + ", ".join(values) + "]"
    tables = any(value.startswith("{") for value in values)
    if not tables and len(flat) <= WRAP_AT and "\n" not in flat:
        return flat
    return "[" + newline + "".join(f"    {value},{newline}" for value in values) + "]"
