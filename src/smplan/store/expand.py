"""Writing inline arrays of tables as ``[[tables]]``: a layout change made only on request.

Saving never changes how a list is written. A person who wants the layout the
format recommends (``[[goals]]``, one table per item, so that a git diff shows
one item) asks for it: ``smplan tables plan.toml``, or "Write inline lists as
[[tables]]" in the app's command palette. Each item's keys and values keep
their text (quoting included); comments around an item go above its table; the
new tables go where tables of that step belong. The data does not change: the
result is checked to read back the same, or the file is left as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import tomli

from smplan.keypath import format_path
from smplan.store.document import PlanDocument
from smplan.store.reading import BOM
from smplan.store.spans import Pair, Span, SpanError
from smplan.store.values import render_key

_COMMENT = re.compile(r"#[^\r\n]*")


@dataclass(slots=True)
class Expanded:
    text: str
    #: The lists now written as [[tables]] (``goals``, ``strategy.networks``).
    converted: list[str] = field(default_factory=list)
    #: Lists that could not be (the result would not be the same data), left inline.
    kept: list[str] = field(default_factory=list)


def expand_inline_tables(text: str) -> Expanded:
    """``text`` with every array of inline tables written as ``[[tables]]``."""
    bom = BOM if text.startswith(BOM) else ""
    body = text.removeprefix(BOM)
    final_newline = body.endswith("\n") or not body
    result = Expanded(text)
    skip: set[str] = set()
    while True:
        document = PlanDocument(body)
        found = _next_inline_array(document, skip)
        if found is None:
            break
        at, pair, name = found
        candidate = _expand(document, at, pair)
        if not final_newline:
            candidate = candidate.rstrip("\r\n")
        if _same_data(body, candidate):
            body = candidate
            result.converted.append(name)
        else:
            skip.add(name)
            result.kept.append(name)
    result.text = bom + body
    return result


def _same_data(old: str, new: str) -> bool:
    try:
        return bool(tomli.loads(old) == tomli.loads(new))
    except tomli.TOMLDecodeError:
        return False


def _next_inline_array(document: PlanDocument, skip: set[str]) -> tuple[int, Pair, str] | None:
    for at, segment in enumerate(document.segments):
        try:
            pairs = document.scan(at)[0]
        except SpanError:
            continue
        for pair in pairs:
            items = pair.value.items
            if pair.value.kind != "array" or not items:
                continue
            if any(item.value.kind != "table" for item in items):
                continue
            name = format_path((*segment.path, *pair.keys))
            if name not in skip:
                return at, pair, name
    return None


def _comments(text: str) -> list[str]:
    return [match.group() for match in _COMMENT.finditer(text)]


def _expand(document: PlanDocument, at: int, pair: Pair) -> str:
    segments = document.segments
    segment = segments[at]
    text = segment.text
    nl = document.newline
    header = ".".join(render_key(part) for part in (*segment.key, *pair.keys))
    array = pair.value
    # Comments: those above the pair's line, on its lines outside the items, and
    # around each item (on the item's line, or on lines of their own before it).
    start = pair.line_start
    above: list[str] = []
    body = document.scan(at)[1]
    while start > body:
        line_start = text.rfind("\n", 0, start - 1) + 1
        line = text[line_start:start].strip()
        if not line.startswith("#"):
            break
        above.insert(0, line)
        start = line_start
    leads: list[list[str]] = [[] for _ in array.items]
    leads[0] = [*above, *_comments(text[pair.line_start : pair.key_start])]
    leads[0] += _comments(text[array.start + 1 : array.items[0].value.start])
    trailing: list[str] = []
    for n, item in enumerate(array.items):
        gap_end = array.items[n + 1].value.start if n + 1 < len(array.items) else array.end - 1
        gap = text[item.value.end : gap_end]
        first_line, _sep, rest = gap.partition("\n")
        leads[n].extend(_comments(first_line))  # a note at the end of the item's line
        (leads[n + 1] if n + 1 < len(array.items) else trailing).extend(_comments(rest))
    trailing += _comments(text[array.end : pair.line_end])

    tables = ""
    for n, item in enumerate(array.items):
        tables += "".join(f"{comment}{nl}" for comment in leads[n])
        tables += f"[[{header}]]{nl}" + _table_body(text, item.value, nl)
        tables += nl if n + 1 < len(array.items) else ""
    tables += "".join(f"{comment}{nl}" for comment in trailing)

    offsets = [0]
    for each in segments:
        offsets.append(offsets[-1] + len(each.text))
    full = document.text
    cut_start, cut_end = offsets[at] + start, offsets[at] + pair.line_end
    if full[:cut_start].endswith(("\n\n", "\n\r\n")) or cut_start == 0:
        # The list stood between blank lines: one blank line is enough once it is gone.
        blank = re.match(r"[ \t]*\r?\n", full[cut_end:])
        if blank is not None:
            cut_end += blank.end()
    if segment.path:
        position = at + 1
        while position < len(segments) and segments[position].path[: len(segment.path)] == (
            segment.path
        ):
            position += 1
    else:
        position = document.insert_position(tuple(pair.keys))
    insert = offsets[position]
    before = full[:cut_start] + full[cut_end:insert]
    if before and not before.endswith("\n"):
        before += nl
    separator = "" if not before.strip() or before.endswith(("\n\n", "\r\n\r\n")) else nl
    after = full[insert:]
    if after.strip() and not after.startswith(("\n", "\r\n")):
        tables += nl
    return before + separator + tables + after


def _table_body(text: str, table: Span, nl: str) -> str:
    lines = ""
    for pair in table.pairs:
        key = text[pair.key_start : pair.key_end]  # as written: quoting kept
        lines += f"{key} = {text[pair.value.start : pair.value.end]}{nl}"
    return lines
