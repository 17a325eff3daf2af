"""Type-ahead on lists: which row letters typed on a list lead to."""

from __future__ import annotations

from smplan.tui.type_ahead import RESET_AFTER, TypeAhead

LABELS = ["Farmer story", "food drive", "Latte art", "Food bank tour", "V60"]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def typed(ahead: TypeAhead, text: str, current: int | None) -> int | None:
    for character in text:
        found = ahead.find(character, LABELS, current)
        current = found if found is not None else current
    return current


def test_letters_typed_together_make_one_search_case_blind() -> None:
    assert typed(TypeAhead(Clock()), "foo", 0) == 1
    assert typed(TypeAhead(Clock()), "FOOD B", 0) == 3


def test_the_same_first_letter_again_goes_to_the_next_match_and_wraps() -> None:
    clock = Clock()
    ahead = TypeAhead(clock)
    assert ahead.find("f", LABELS, 0) == 1
    clock.now += RESET_AFTER + 0.1
    assert ahead.find("f", LABELS, 1) == 3
    clock.now += RESET_AFTER + 0.1
    assert ahead.find("f", LABELS, 3) == 0


def test_a_pause_starts_a_new_search() -> None:
    clock = Clock()
    ahead = TypeAhead(clock)
    assert ahead.find("l", LABELS, 0) == 2
    clock.now += RESET_AFTER + 0.1
    assert ahead.find("v", LABELS, 2) == 4
    assert ahead.typed == "v"


def test_no_match_stays_put_and_a_leading_space_does_nothing() -> None:
    ahead = TypeAhead(Clock())
    assert ahead.find(" ", LABELS, 2) is None
    assert ahead.find("z", LABELS, 2) is None
    assert ahead.find("x", [], None) is None


def test_a_letter_that_breaks_the_search_starts_a_new_one() -> None:
    ahead = TypeAhead(Clock())
    assert typed(ahead, "fal", 4) == 2  # "fa" finds Farmer, "fal" nothing: "l" finds Latte
    assert ahead.typed == "l"


def test_with_words_a_later_word_matches_after_labels_that_start_with_it() -> None:
    labels = ["", "per month", "per year", "once"]
    assert TypeAhead(Clock(), words=True).find("y", labels, 0) == 2
    assert TypeAhead(Clock(), words=True).find("o", labels, 0) == 3  # "once" before "month"
    assert TypeAhead(Clock()).find("y", labels, 0) is None
