"""Split TOML text into table segments without parsing values.

A segment is one table header (``[plan]``, ``[[goals]]``) with the lines that
belong to it, preceded by the comments and blank lines just above it (its
"lead"). The first segment has no header: it holds the root keys. Joining the
segments' texts gives the file back byte for byte.

Edits parse and re-serialise only the segments they touch, so saving one field
of a 5,000-item plan does not run tomlkit over a megabyte of text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from smplan.keypath import KeyPath

Key = tuple[str, ...]

# Everything that can hide a "[" at the start of a line: strings and comments are
# skipped whole; brackets and braces track nesting inside values. One match skips
# everything up to the next bracket or line-start "[" (group 1), so the loop in
# _header_starts runs once per bracket, not once per string or comment (a 5,000-
# item plan has some 40,000 strings). The skip never backtracks into a skipped
# string to find a "[" inside it: the skip can only stop before a bracket, a
# line-start "[" or the end of the text, and all three end the match, so the
# regex never has a reason to backtrack. (A possessive ``*+`` would say the same
# more briefly, but Python 3.11.0-3.11.3, Debian 12's 3.11.2 among them,
# backtrack into possessive groups: gh-101955.)
_SKIP = (
    r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"{3,5}'
    r"|'''[\s\S]*?'{3,5}"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[^\"'#\n\[\]{}]+"
    r"|\n(?![ \t]*\[)"
    r"|[\"']"  # a quote that opens no complete string
)
_NEXT_TOKEN = re.compile(rf"(?:{_SKIP})*(?P<token>\n[ \t]*\[|[\[\]{{}}]|\Z)")
_BARE = r"[A-Za-z0-9_-]+"
_BASIC = r'"(?:[^"\\\n]|\\.)*"'
_LITERAL = r"'[^'\n]*'"
_KEY = rf"(?:{_BARE}|{_BASIC}|{_LITERAL})"
HEADER = re.compile(rf"(\[\[?)[ \t]*({_KEY}(?:[ \t]*\.[ \t]*{_KEY})*)[ \t]*\]\]?")
_KEY_PART = re.compile(rf"[ \t]*({_KEY})[ \t]*(?:\.|$)")
_LEAD_LINE = re.compile(r"[ \t]*(?:#[^\n]*)?\r?\n")


@dataclass(slots=True)
class Segment:
    """One header and its body, with the comment lines above it."""

    text: str
    #: The header's dotted key, e.g. ``("resources", "team")``; empty for the root.
    key: Key = ()
    #: True for ``[[array]]`` headers.
    array: bool = False
    #: Where the header sits in ``text`` (after the lead); 0 for the root.
    header_at: int = 0
    #: The concrete path of the table this segment defines, with array indices,
    #: e.g. ``("resources", "team", 2)``. Set by :func:`assign_paths`.
    path: KeyPath = field(default=())

    @property
    def lead(self) -> str:
        return self.text[: self.header_at]

    @property
    def body(self) -> str:
        return self.text[self.header_at :]


def unquote_key(part: str) -> str:
    """The name a key part stands for: ``"a b"`` -> ``a b``, ``'x'`` -> ``x``."""
    if part.startswith('"'):
        import tomli

        return str(tomli.loads(f"k = {part}")["k"])
    if part.startswith("'"):
        return part[1:-1]
    return part


@lru_cache(maxsize=512)
def parse_header_key(raw: str) -> Key:
    parts: list[str] = []
    pos = 0
    while pos < len(raw):
        match = _KEY_PART.match(raw, pos)
        if match is None:  # pragma: no cover - the caller matched _HEADER first
            raise ValueError(f"bad table header: {raw!r}")
        parts.append(unquote_key(match.group(1)))
        pos = match.end()
    return tuple(parts)


def _header_starts(text: str) -> list[tuple[int, int, Key, bool]]:
    """Positions of headers: (line start, header end, key, is array)."""
    if '"""' in text or "'''" in text:
        return _scan_headers(text)
    return _scan_bracket_lines(text)


_BRACKET = re.compile(r"[\[\]{}]")
_LINE_BRACKET = re.compile(r"[ \t]*\[")


def _scan_bracket_lines(text: str) -> list[tuple[int, int, Key, bool]]:
    """:func:`_scan_headers` for a text without multi-line strings, reading only
    the lines that hold a bracket or brace.

    Without multi-line strings no string or comment goes on past its line, so
    every line starts outside them, with the nesting depth the lines above left:
    only a line with a bracket or brace can change that depth or be a header.
    Each such line is read with the same tokens as the whole text would be. A
    year plan has some 5,600 of them in 30,000 lines: half the time of reading
    every character.
    """
    found: list[tuple[int, int, Key, bool]] = []
    depth = 0
    search = _BRACKET.search
    match = _NEXT_TOKEN.match
    size = len(text)
    line_end = -1
    while True:
        bracket = search(text, line_end + 1)
        if bracket is None:
            return found
        start = text.rfind("\n", 0, bracket.start()) + 1
        line_end = text.find("\n", bracket.start())
        if line_end < 0:
            line_end = size
        pos = start
        first = _LINE_BRACKET.match(text, start)
        if first is not None:
            # What the whole-text scan reads as a "\n[" token (or the first line's "[").
            pos = first.end() - 1
            header = HEADER.match(text, pos) if depth == 0 else None
            if header is not None:
                key = parse_header_key(header.group(2))
                found.append((start, header.end(), key, len(header.group(1)) == 2))
                pos = header.end()
            else:
                depth += 1
                pos += 1
        while True:
            token = match(text, pos, line_end)
            if token is None or not token.group("token"):
                break  # the end of the line
            value = token.group("token")
            pos = token.end()
            if value in "[{":
                depth += 1
            else:
                depth = max(depth - 1, 0)


def _scan_headers(text: str) -> list[tuple[int, int, Key, bool]]:
    """Positions of headers, reading the whole text (multi-line strings and all)."""
    found: list[tuple[int, int, Key, bool]] = []
    depth = 0
    pos = 0
    first = re.match(r"[ \t]*\[", text)
    if first is not None:
        pos = first.end() - 1
        header = HEADER.match(text, pos)
        if header is not None:
            found.append(
                (0, header.end(), parse_header_key(header.group(2)), len(header.group(1)) == 2)
            )
            pos = header.end()
    match = _NEXT_TOKEN.match
    while True:
        token = match(text, pos)
        if token is None or not token.group("token"):
            break  # the end of the text
        value = token.group("token")
        pos = token.end()
        first_char = value[0]
        if first_char == "\n":
            if depth == 0:
                header = HEADER.match(text, pos - 1)
                if header is not None:
                    found.append(
                        (
                            token.start("token") + 1,
                            header.end(),
                            parse_header_key(header.group(2)),
                            len(header.group(1)) == 2,
                        )
                    )
                    pos = header.end()
                    continue
            depth += 1
        elif first_char in "[{":
            depth += 1
        else:
            depth = max(depth - 1, 0)
    return found


def _lead_start(text: str, line_start: int, floor: int) -> int:
    """Move back over whole comment and blank lines just above ``line_start``.

    A line that looks like a comment may be the end of a multi-line string (a
    line of a statement that starts with ``#``): the lead stops where the text
    above it would be left with a string still open.
    """
    start = line_start
    while start > floor:
        prev = text.rfind("\n", floor, start - 1)
        candidate = prev + 1 if prev >= floor else floor
        line = text[candidate:start]
        if _LEAD_LINE.fullmatch(line) is None:
            break
        start = candidate
    while start < line_start and "#" in text[start:line_start] and _open_string(text, floor, start):
        start = text.index("\n", start) + 1
    return start


#: Complete strings and comments, and runs of anything else, for :func:`_open_string`.
_MULTILINE = re.compile(r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"{3,5}' r"|'''[\s\S]*?'{3,5}")
_OTHER = re.compile(r'"(?:[^"\\\n]|\\.)*"' r"|'[^'\n]*'" r"|#[^\n]*" r"|[^\"'#]+")


def _open_string(text: str, start: int, end: int) -> bool:
    """True when a multi-line string opened in ``text[start:end]`` is still open at ``end``."""
    pos = start
    while pos < end:
        if text.startswith(('"""', "'''"), pos):
            token = _MULTILINE.match(text, pos, end)
            if token is None:
                return True
        else:
            token = _OTHER.match(text, pos, end)
        # A lone quote (of a broken line) is stepped over: not a string to follow.
        pos = token.end() if token is not None else pos + 1
    return False


def split(text: str) -> list[Segment]:
    """Split valid TOML text into segments; ``"".join`` of their texts is ``text``."""
    headers = _header_starts(text)
    if not headers:
        return [Segment(text=text)]
    starts = segment_starts(text, headers)
    segments = [Segment(text=text[: starts[0]])]
    bounds = [*starts[1:], len(text)]
    for (line_start, _end, key, array), start, stop in zip(headers, starts, bounds, strict=True):
        segments.append(
            Segment(text=text[start:stop], key=key, array=array, header_at=line_start - start)
        )
    assign_paths(segments)
    return segments


def segment_starts(text: str, headers: list[tuple[int, int, Key, bool]]) -> list[int]:
    """Where the segment of each header starts: at its lead, the comments above it."""
    starts: list[int] = []
    floor = 0
    for line_start, header_end, _key, _array in headers:
        starts.append(_lead_start(text, line_start, floor))
        # The rest of the header's own line (a comment, the newline) is its body.
        line_end = text.find("\n", header_end)
        floor = len(text) if line_end < 0 else line_end + 1
    return starts


def assign_paths(segments: list[Segment]) -> None:
    """Give each segment the concrete path (with array indices) of its table."""
    paths = concrete_paths((segment.key, segment.array) for segment in segments)
    for segment, path in zip(segments, paths, strict=True):
        segment.path = path


def concrete_paths(headers: Iterable[tuple[Key, bool]]) -> list[KeyPath]:
    """The concrete path of each table, from its header's key and whether it is
    an ``[[array]]`` item, in the order of the file: ``("resources", "team", 2)``."""
    counts: dict[KeyPath, int] = {}
    paths: list[KeyPath] = []
    for key, array in headers:
        concrete: list[str | int] = []
        for depth, part in enumerate(key):
            concrete.append(part)
            last = depth == len(key) - 1
            prefix = tuple(concrete)
            if last and array:
                index = counts.get(prefix, 0)
                counts[prefix] = index + 1
                concrete.append(index)
            elif not last and prefix in counts:
                concrete.append(counts[prefix] - 1)
        paths.append(tuple(concrete))
    return paths
