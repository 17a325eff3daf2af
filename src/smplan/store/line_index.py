"""Line numbers of key paths in a plan's text, without splitting it into segments.

`smplan check` needs the line of a few dozen key paths, once. Splitting a year
plan into its 5,000 segments (:func:`smplan.store.segments.split`), what editing
needs, costs more than finding its table headers: this index keeps only the
headers and cuts out the text of a table when a key inside it is asked for. It
gives the same lines as :meth:`smplan.store.document.PlanDocument.line_of` on the
same text (``tests/test_line_index.py`` holds it to that).
"""

from __future__ import annotations

from bisect import bisect_right, insort

from smplan.keypath import KeyPath
from smplan.store.segments import Key, _header_starts, _lead_start, concrete_paths
from smplan.store.spans import SpanError, body_start, deepest, scan_body


class LineIndex:
    """The table headers of one text, and the line of any key path in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        #: (line start, header end, key, is array) of each header; table ``i + 1``
        #: below is header ``i``, table 0 the root keys above the first header.
        self._headers: list[tuple[int, int, Key, bool]] = _header_starts(text)
        paths = concrete_paths((key, array) for _start, _end, key, array in self._headers)
        self._paths: list[KeyPath] = [(), *paths]
        # Later tables of the same path win, as in PlanDocument's index.
        self._by_path = {path: at for at, path in enumerate(self._paths)}
        self._by_prefix: dict[KeyPath, int] | None = None
        #: Offsets whose line is known, in order, and those lines: each line asked for
        #: is counted from the nearest known offset before it, not from the start.
        self._marks: list[int] = [0]
        self._mark_lines: dict[int, int] = {0: 1}

    def _line_at(self, offset: int) -> int:
        """1-based line of the character at ``offset``."""
        known = self._mark_lines.get(offset)
        if known is not None:
            return known
        before = self._marks[bisect_right(self._marks, offset) - 1]
        line = self._mark_lines[before] + self.text.count("\n", before, offset)
        insort(self._marks, offset)
        self._mark_lines[offset] = line
        return line

    def _header_line(self, at: int) -> int:
        """1-based line of table ``at``'s header (1 for the root)."""
        if at == 0:
            return 1
        return self._line_at(self._headers[at - 1][0])

    def _start(self, at: int) -> int:
        """Where the text of table ``at`` starts: the comment lines above its header."""
        if at == 0:
            return 0
        if at > len(self._headers):
            return len(self.text)
        floor = 0
        if at > 1:
            line_end = self.text.find("\n", self._headers[at - 2][1])
            floor = len(self.text) if line_end < 0 else line_end + 1
        return _lead_start(self.text, self._headers[at - 1][0], floor)

    def _owner(self, path: KeyPath) -> int:
        for cut in range(len(path) - 1, -1, -1):
            found = self._by_path.get(path[:cut])
            if found is not None:
                return found
        return 0

    def _first_under(self, path: KeyPath) -> int | None:
        if self._by_prefix is None:
            first: dict[KeyPath, int] = {}
            for at, table in enumerate(self._paths):
                for cut in range(1, len(table) + 1):
                    first.setdefault(table[:cut], at)
            self._by_prefix = first
        return self._by_prefix.get(path)

    def line_of(self, path: KeyPath) -> int:
        """1-based line where ``path`` is written: its key, its array element, or its
        table's header; a key missing from its table gives the table's header line."""
        exact = self._by_path.get(path)
        if exact is not None:
            return self._header_line(exact)
        at = self._owner(path)
        rest = path[len(self._paths[at]) :]
        if rest:
            start = self._start(at)
            table = self.text[start : self._start(at + 1)]
            header_at = self._headers[at - 1][0] - start if at else 0
            try:
                offset = deepest(scan_body(table, body_start(table, header_at, at > 0)), rest)
            except SpanError:
                offset = None
            if offset is not None:
                return self._line_at(start + offset)
        below = self._first_under(path)
        if below is not None:
            return self._header_line(below)
        return self._header_line(at)
