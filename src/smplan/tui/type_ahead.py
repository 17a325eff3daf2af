"""Type-ahead in lists: letters typed on a list move to the next row that starts with them.

Typing on a list never changes the plan: a person who thinks a text field has
focus and types ``Food drive`` only moves the highlight. Letters typed in quick
succession make one search (``fo`` finds "Food drive", not the next "o...");
after a pause the search starts again. Pure logic, so the list widgets and the
calendar table share it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from time import monotonic

#: Seconds after the last letter when the next one starts a new search.
RESET_AFTER = 1.0


class TypeAhead:
    """The search typed so far on one list, and where it leads.

    With ``words``, a label whose later word starts with the search matches too
    (after labels that start with it): "y" finds "per year".
    """

    def __init__(self, clock: Callable[[], float] = monotonic, *, words: bool = False) -> None:
        self._clock = clock
        self._words = words
        self._typed = ""
        self._last = float("-inf")

    @property
    def typed(self) -> str:
        return self._typed

    def find(self, character: str, labels: Sequence[str], current: int | None) -> int | None:
        """The row to highlight after ``character`` is typed, or None to stay put.

        A first letter looks from the row after ``current`` (typing ``f`` again
        goes to the next row starting with f); a longer search looks from
        ``current`` itself, so the row found so far stays while it still matches.
        """
        now = self._clock()
        if now - self._last > RESET_AFTER:
            self._typed = ""
        self._last = now
        if not self._typed and character.isspace():
            return None
        self._typed += character
        start = -1 if current is None else current
        found = self._match(labels, self._typed, start if len(self._typed) > 1 else start + 1)
        if found is None and len(self._typed) > 1 and not character.isspace():
            # No row starts with the whole search: start a new one with this letter.
            self._typed = character
            found = self._match(labels, character, start + 1)
        return found

    def _match(self, labels: Sequence[str], typed: str, start: int) -> int | None:
        found = _first_match(labels, typed, start, lambda label, wanted: label.startswith(wanted))
        if found is None and self._words:
            found = _first_match(labels, typed, start, _a_word_starts)
        return found


def _a_word_starts(label: str, wanted: str) -> bool:
    return any(word.startswith(wanted) for word in label.split())


def _first_match(
    labels: Sequence[str], typed: str, start: int, matches: Callable[[str, str], bool]
) -> int | None:
    wanted = typed.casefold()
    count = len(labels)
    for step in range(count):
        index = (max(start, 0) + step) % count
        if labels[index] and matches(labels[index].casefold(), wanted):
            return index
    return None
