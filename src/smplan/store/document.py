"""The plan file as text segments, edited in place.

Changes from :mod:`smplan.store.diff` are applied to the one segment that holds
the value, by replacing only that value's characters (see :mod:`smplan.store.splice`),
so comments, blank lines, key order, quoting and the layout of arrays and inline
tables around it survive. Text the span scanner does not follow falls back to
tomlkit for that segment. New tables and array items are written in a readable layout:
one ``[[table]]`` per item, a blank line between items, and a step banner when a
step appears in the file for the first time.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from smplan.keypath import KeyPath
from smplan.model.plan import STEP_OF_KEY
from smplan.store.arrays import Piece, arrange
from smplan.store.diff import Change, DeleteKey, RewriteArray, SetValue, item_values
from smplan.store.segments import Segment, assign_paths, split
from smplan.store.spans import (
    Missing,
    Pair,
    Span,
    SpanError,
    body_start,
    deepest,
    resolve,
    scan_body,
)
from smplan.store.splice import NeedsTable, delete_value, inline_table_like, set_value
from smplan.store.values import WRAP_AT, render_key, render_table_body, render_value

#: Gives the banner comment for a step (``# Step 3: ...``), or None for no banner.
BannerFn = Callable[[int], str | None]


if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

# tomlkit is imported where a segment is edited through it, not with this module:
# opening a plan and `smplan check` (which splits the text for line numbers) never
# need it, and importing it costs some 10 ms before the first screen.


def _parse(text: str) -> TOMLDocument:
    from tomlkit.parser import Parser

    class _SegmentParser(Parser):
        # tomlkit refuses values nested over 100 levels; the reader takes whatever the
        # Python stack allows, and a plan it opened must stay savable.
        MAX_NESTING_DEPTH = 10_000

    return _SegmentParser(text).parse()


def _no_banner(_step: int) -> str | None:
    return None


class PlanDocument:
    """A plan file's text, split into segments that can be edited one at a time."""

    def __init__(self, text: str, banner: BannerFn = _no_banner) -> None:
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.segments: list[Segment] = split(text)
        self.banner = banner
        #: Files that end without a line break keep ending without one.
        self.final_newline = text.endswith("\n") or not text
        self._line_starts: list[int] | None = None
        self._by_path: dict[KeyPath, int] | None = None
        self._by_prefix: dict[KeyPath, int] | None = None
        self._scans: dict[int, tuple[list[Pair], int]] = {}

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)

    # -- looking things up -------------------------------------------------

    def _index(self) -> dict[KeyPath, int]:
        if self._by_path is None:
            self._by_path = {segment.path: i for i, segment in enumerate(self.segments)}
        return self._by_path

    def _changed(self) -> None:
        assign_paths(self.segments)
        self._by_path = None
        self._by_prefix = None
        self._line_starts = None
        self._scans.clear()

    def owner(self, path: KeyPath) -> int:
        """Index of the segment whose table holds ``path`` (longest prefix)."""
        index = self._index()
        for cut in range(len(path) - 1, -1, -1):
            found = index.get(path[:cut])
            if found is not None:
                return found
        return 0

    def scan(self, at: int) -> tuple[list[Pair], int]:
        """The key/value pairs of segment ``at`` and where its body starts (cached)."""
        found = self._scans.get(at)
        if found is None:
            segment = self.segments[at]
            body = body_start(segment.text, segment.header_at, bool(segment.key))
            found = (scan_body(segment.text, body), body)
            self._scans[at] = found
        return found

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [1]
            for segment in self.segments[:-1]:
                starts.append(starts[-1] + segment.text.count("\n"))
            self._line_starts = starts
        return self._line_starts

    def _first_under(self, path: KeyPath) -> int | None:
        """The first segment of a table at or under ``path`` (``[[x]]`` for ``("x",)``)."""
        if self._by_prefix is None:
            first: dict[KeyPath, int] = {}
            for i, segment in enumerate(self.segments):
                for cut in range(1, len(segment.path) + 1):
                    first.setdefault(segment.path[:cut], i)
            self._by_prefix = first
        return self._by_prefix.get(path)

    def line_of(self, path: KeyPath) -> int:
        """1-based line where ``path`` is written: its key, its array element, or its table's header.

        A key missing from its table gives the table's header line.
        """
        starts = self._starts()
        exact = self._index().get(path)
        if exact is not None:
            return starts[exact] + self.segments[exact].lead.count("\n")
        at = self.owner(path)
        segment = self.segments[at]
        rest = path[len(segment.path) :]
        offset: int | None = None
        if rest:
            try:
                offset = deepest(self.scan(at)[0], rest)
            except SpanError:
                offset = None
        if offset is not None:
            return starts[at] + segment.text.count("\n", 0, offset)
        below = self._first_under(path)
        if below is not None:
            return starts[below] + self.segments[below].lead.count("\n")
        return starts[at] + segment.lead.count("\n")

    def key_at_line(self, line: int) -> KeyPath:
        """The key path of the value written on ``line`` (1-based), as deep as it goes.

        A line of a multi-line string gives that string's key; a line outside any
        value gives its table's path.
        """
        starts = self._starts()
        at = max(bisect_right(starts, line) - 1, 0)
        segment = self.segments[at]
        offset = 0
        for _ in range(line - starts[at]):
            offset = segment.text.find("\n", offset) + 1
        try:
            pairs = self.scan(at)[0]
        except SpanError:
            return segment.path
        for pair in pairs:
            if pair.line_start <= offset < pair.line_end:
                return (*segment.path, *_inside(pair.value, offset, pair.keys))
        return segment.path

    # -- applying changes --------------------------------------------------

    def apply(self, changes: Iterable[Change]) -> None:
        for change in changes:
            if isinstance(change, RewriteArray):
                self._rewrite_array(change)
            else:
                self._set_or_delete(change)
        if not self.final_newline:
            self._drop_final_newline()
        self._changed()

    def _drop_final_newline(self) -> None:
        last = self.segments[-1]
        if last.text.endswith("\r\n"):
            last.text = last.text[:-2]
        elif last.text.endswith("\n"):
            last.text = last.text[:-1]

    def _set_or_delete(self, change: SetValue | DeleteKey) -> None:
        """Write one change into the text of the table that holds it, touching nothing else."""
        path = change.path
        at = self.owner(path)
        segment = self.segments[at]
        rest = path[len(segment.path) :]
        in_item = any(isinstance(part, int) for part in segment.path)
        try:
            pairs, body = self.scan(at)
            if isinstance(change, DeleteKey):
                text = delete_value(segment.text, pairs, rest)
            else:
                text = set_value(
                    segment.text, pairs, body, rest, change.value, self.newline, dotted_ok=in_item
                )
        except NeedsTable:
            # A table new to the file gets its own header, placed by step.
            assert isinstance(change, SetValue)
            value: Any = change.value
            for inner in reversed(rest[1:]):
                value = {str(inner): value}
            self._new_table((*segment.path, rest[0]), value)
            return
        except SpanError:
            self._set_or_delete_by_tomlkit(change)
            return
        if text != segment.text:
            self._replace(at, text)

    def _set_or_delete_by_tomlkit(self, change: SetValue | DeleteKey) -> None:
        """The fallback for text the span scanner does not follow: rewrite the segment."""
        path = change.path
        at = self.owner(path)
        segment = self.segments[at]
        import tomlkit
        from tomlkit.items import InlineTable

        doc = _parse(segment.text)
        node: Any = doc
        for key in segment.key:
            node = node[key]
        if segment.array:
            node = node[-1]
        rest = path[len(segment.path) :]
        in_item = any(isinstance(part, int) for part in segment.path)
        for depth, part in enumerate(rest[:-1]):
            if isinstance(part, str) and part not in node:
                if isinstance(change, DeleteKey):
                    return
                if isinstance(node, InlineTable):
                    node[part] = tomlkit.inline_table()
                elif in_item or not all(isinstance(p, str) for p in rest[: depth + 1]):
                    node[part] = tomlkit.table()
                else:
                    # A table new to the file gets its own header, placed by step.
                    value: Any = change.value
                    for inner in reversed(rest[depth + 1 :]):
                        value = {str(inner): value}
                    self._new_table((*segment.path, *rest[: depth + 1]), value)
                    return
            node = node[part]
        last = rest[-1]
        if isinstance(change, DeleteKey):
            if isinstance(last, str) and last in node:
                del node[last]
        else:
            node[last] = _item(change.value)
        self._replace(at, _ensure_newline(doc.as_string(), self.newline))

    def _replace(self, at: int, text: str) -> None:
        parts = self._segments_of("", text) if self.segments[at].key else split(text)
        self.segments[at : at + 1] = parts
        self._changed()

    # -- new tables and items ----------------------------------------------

    def insert_position(self, path: KeyPath) -> int:
        """Where a new table under ``path`` goes: after its relatives, in step order."""
        related = [i for i, s in enumerate(self.segments) if s.path[: len(path)] == path]
        if not related:
            related = [i for i, s in enumerate(self.segments) if s.path[:1] == path[:1]]
        if related:
            return related[-1] + 1
        step = STEP_OF_KEY.get(str(path[0]), 99)
        for i, segment in enumerate(self.segments[1:], start=1):
            if STEP_OF_KEY.get(str(segment.path[0]), 99) > step:
                return i
        return len(self.segments)

    def _lead_for(self, path: KeyPath, position: int) -> str:
        """Blank line and, for a step new to the file, its banner comment.

        A banner already in the file (a starter plan has one for every step) is
        taken over: the new table goes right below it instead of getting a second.
        """
        step = STEP_OF_KEY.get(str(path[0]), 99)
        present = any(STEP_OF_KEY.get(str(s.path[0]), 99) == step for s in self.segments if s.path)
        banner = None if present else self.banner(step)
        if banner:
            claimed = self._claim_banner(banner, position)
            if claimed is not None:
                return claimed
            if f"# {banner.splitlines()[0]}" in self.text:
                banner = None
        lead = self._separator(position)
        if banner:
            lead += "".join(f"# {line}".rstrip() + self.newline for line in banner.splitlines())
        return lead

    def _claim_banner(self, banner: str, position: int) -> str | None:
        """Cut the banner's comment block out of the lead of the segment at ``position``."""
        if position >= len(self.segments) or not self.segments[position].key:
            return None
        segment = self.segments[position]
        lead = segment.lead
        first = f"# {banner.splitlines()[0]}"
        offset = 0
        found = False
        for line in lead.splitlines(keepends=True):
            offset += len(line)
            if found and not line.lstrip().startswith("#"):
                offset -= len(line)
                break
            if line.strip() == first:
                found = True
        if not found:
            return None
        segment.text = segment.text[offset:]
        segment.header_at -= offset
        return lead[:offset]

    def _separator(self, position: int) -> str:
        before = "".join(s.text for s in self.segments[max(position - 2, 0) : position])
        if not before.strip() or before.endswith(("\n\n", "\r\n\r\n")):
            return ""
        return self.newline

    def _table_text(self, path: KeyPath, values: dict[str, Any], array: bool) -> str:
        header = ".".join(render_key(str(part)) for part in path)
        header = f"[[{header}]]" if array else f"[{header}]"
        flat = {
            k: v
            for k, v in values.items()
            if (array and _inline_fits(v)) or (not isinstance(v, dict) and not _is_tables(v))
        }
        text = header + "\n" + render_table_body(flat)
        for key, value in values.items():
            if key in flat:
                continue
            if isinstance(value, dict):
                text += "\n" + self._table_text((*path, key), value, False)
            elif _is_tables(value):
                for item in value:
                    text += "\n" + self._table_text((*path, key), item, True)
        return text.replace("\n", self.newline) if self.newline != "\n" else text

    def _segments_of(self, lead: str, text: str) -> list[Segment]:
        """Split new text into segments, the lead going to the first header."""
        parts = split(text)
        root = parts.pop(0).text if not parts[0].key else ""
        _prepend(parts[0], lead + root)
        return parts

    def _end_previous_line(self, segments: list[Segment], position: int) -> None:
        if position > 0:
            previous = segments[position - 1]
            if previous.text and not previous.text.endswith("\n"):
                previous.text += self.newline

    def _new_table(self, path: KeyPath, values: dict[str, Any]) -> None:
        position = self.insert_position(path)
        self._end_previous_line(self.segments, position)
        lead = self._lead_for(path, position)
        self.segments[position:position] = self._segments_of(
            lead, self._table_text(path, values, False)
        )
        self._changed()

    def _rewrite_array(self, change: RewriteArray) -> None:
        path = change.path
        depth = len(path)
        groups: dict[int, list[int]] = {}
        for i, segment in enumerate(self.segments):
            spath = segment.path
            if len(spath) > depth and spath[:depth] == path and isinstance(spath[depth], int):
                groups.setdefault(int(spath[depth]), []).append(i)
        if not groups and self._rewrite_inline(change):
            return
        nl = self.newline
        new_groups: list[list[Segment]] = []
        for origin, item in change.items:
            if origin is None:
                text = self._table_text(path, item_values(item), True)
                new_groups.append(self._segments_of(nl, text))
            else:
                new_groups.append([self.segments[i] for i in groups[origin]])
        if not groups:
            self._insert_groups(path, new_groups)
            return
        slots = sorted(groups)
        # The comments above the first item are the array's banner: they stay at
        # the top whatever item comes first now.
        banner = self.segments[groups[slots[0]][0]].lead
        for members in new_groups:
            head = members[0]
            if head is self.segments[groups[slots[0]][0]]:
                members[0] = _with_lead(head, nl)
        if new_groups:
            head = new_groups[0][0]
            members_lead = head.lead.lstrip("\r\n") if head.lead.strip() else ""
            new_groups[0][0] = _with_lead(head, banner + members_lead)
        starts = {groups[slot][0]: n for n, slot in enumerate(slots)}
        owned = {i for members in groups.values() for i in members}
        last = max(owned)
        result: list[Segment] = []
        for i, segment in enumerate(self.segments):
            if i in starts:
                n = starts[i]
                if n < len(new_groups):
                    result.extend(new_groups[n])
                elif n == 0 and banner.strip():
                    result.append(Segment(text=banner))
            elif i not in owned:
                result.append(segment)
            if i == last:
                for extra in new_groups[len(slots) :]:
                    result.extend(extra)
        self.segments = self._fold_orphans(result)
        self._changed()

    def _insert_groups(self, path: KeyPath, new_groups: list[list[Segment]]) -> None:
        if not new_groups:
            return
        position = self.insert_position(path)
        self._end_previous_line(self.segments, position)
        head = new_groups[0][0]
        new_groups[0][0] = _with_lead(head, self._lead_for(path, position))
        inserted = [segment for members in new_groups for segment in members]
        self.segments[position:position] = inserted
        self._changed()

    def _fold_orphans(self, segments: list[Segment]) -> list[Segment]:
        """Fold header-less leftovers (a kept banner) into the segment before them."""
        out: list[Segment] = [segments[0]]
        for segment in segments[1:]:
            if segment.key:
                out.append(segment)
            else:
                out[-1].text += segment.text
        for i in range(1, len(out)):
            self._end_previous_line(out, i)
        return out

    def _rewrite_inline(self, change: RewriteArray) -> bool:
        """Re-lay an inline array of tables item by item; False when there is none."""
        path = change.path
        at = self.owner(path)
        segment = self.segments[at]
        try:
            where = resolve(self.scan(at)[0], path[len(segment.path) :])
            if isinstance(where, Missing) or where.value.kind != "array":
                return False
            array = where.value
            sample = next((e.value for e in array.items if e.value.kind == "table"), None)
            pieces: list[Piece] = []
            for origin, item in change.items:
                if origin is None:
                    values = item_values(item)
                    text = inline_table_like(values, segment.text, sample, self.newline)
                    pieces.append(Piece(None, text))
                elif 0 <= origin < len(array.items):
                    pieces.append(Piece(origin))
                else:
                    raise SpanError(f"no item {origin} in the array")
        except SpanError:
            if not self._inline_array(path):
                return False
            values_list = [item_values(item) for _origin, item in change.items]
            self._set_or_delete_by_tomlkit(SetValue(path, values_list))
            return True
        self._replace(at, arrange(segment.text, array, pieces, self.newline))
        return True

    def _inline_array(self, path: KeyPath) -> bool:
        from tomlkit.container import Container
        from tomlkit.items import AoT, Array, InlineTable, Table

        at = self.owner(path)
        segment = self.segments[at]
        node: Any = _parse(segment.text)
        for key in segment.key:
            node = node[key]
        if segment.array:
            node = node[-1]
        for part in path[len(segment.path) :]:
            if not isinstance(node, Container | Table | InlineTable) or str(part) not in node:
                return False
            node = node[str(part)]
        return isinstance(node, Array | AoT)


def _inside(node: Span, offset: int, path: KeyPath) -> KeyPath:
    """``path`` followed down the elements and pairs of ``node`` that hold ``offset``."""
    while True:
        if node.kind == "array":
            found = [n for n, e in enumerate(node.items) if e.value.start <= offset < e.value.end]
            if not found:
                return path
            path, node = (*path, found[0]), node.items[found[0]].value
        elif node.kind == "table":
            pairs = [p for p in node.pairs if p.key_start <= offset < p.value.end]
            if not pairs:
                return path
            path, node = (*path, *pairs[0].keys), pairs[0].value
        else:
            return path


def _with_lead(segment: Segment, lead: str) -> Segment:
    return Segment(
        text=lead + segment.body,
        key=segment.key,
        array=segment.array,
        header_at=len(lead),
        path=segment.path,
    )


def _prepend(segment: Segment, text: str) -> None:
    segment.text = text + segment.text
    segment.header_at += len(text)


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _item(value: Any) -> Any:
    import tomlkit

    return tomlkit.value(render_value(value))


def _ensure_newline(text: str, newline: str) -> str:
    return text if not text or text.endswith("\n") else text + newline


def _inline_fits(value: Any) -> bool:
    """A small table of plain values, written inline inside a new ``[[item]]``.

    ``repeat = { every = "week", on = ["tue"] }`` reads as one line of the item;
    a ``[calendar.repeat]`` header after the item's keys would hide which item it
    belongs to.
    """
    if not isinstance(value, dict) or not value:
        return False
    if any(isinstance(v, dict) or _is_tables(v) for v in value.values()):
        return False
    text = render_value(value)
    return "\n" not in text and len(text) <= WRAP_AT
