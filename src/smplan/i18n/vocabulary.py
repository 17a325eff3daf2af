"""The words of numbers and dates in both languages, as people type and write them.

One table for everything that reads text: the field parser
(:mod:`smplan.i18n.parsing`, what is typed into a number or date field) and the
SMART checker's statement reader (:mod:`smplan.checks.smart.numbers`, what a
goal's statement says). Display is :mod:`smplan.i18n.formats`, whose month
names and separators this table builds on.
"""

from __future__ import annotations

from smplan.i18n.catalogue import Lang
from smplan.i18n.formats import MONTHS, MONTHS_SHORT, SEPARATORS


def _month_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for table in (MONTHS, MONTHS_SHORT):
        for names in table.values():
            for number, name in enumerate(names, start=1):
                words[name.lower()] = number
    # Abbreviations and older spellings still seen in Indonesian writing.
    words.update(sept=9, agt=8, ags=8, mrt=3, pebruari=2, peb=2, nopember=11, nop=11)
    return words


#: Month names and abbreviations of both languages, lower case -> 1 to 12.
MONTH_WORDS: dict[str, int] = _month_words()

#: Multipliers written as words, the same in both languages (power of ten).
SCALE_WORDS: dict[str, int] = {
    "k": 3,
    "rb": 3,
    "ribu": 3,
    "thousand": 3,
    "jt": 6,
    "juta": 6,
    "million": 6,
    "millions": 6,
    "miliar": 9,
    "milyar": 9,
    "billion": 9,
    "triliun": 12,
    "trillion": 12,
}
#: Short multipliers, by language (lower case): ``M`` is a million in English and a
#: miliar (a thousand million) in Indonesian.
SCALE_LETTERS: dict[Lang, dict[str, int]] = {
    "en": {"m": 6, "mn": 6, "mio": 6, "b": 9, "bn": 9, "t": 12, "tn": 12},
    "id": {"m": 9, "t": 12},
}
#: Letters that Indonesian writers read two ways in lower case: ``1,5 m`` is a
#: million to some and a miliar to others. Upper case ``M`` is the miliar.
AMBIGUOUS_LETTERS: dict[Lang, frozenset[str]] = {"en": frozenset(), "id": frozenset({"m"})}


def scale_power(word: str, lang: Lang) -> int | None:
    """The power of ten ``word`` multiplies by in ``lang``, or None when it is no multiplier.

    Case is ignored; callers that must refuse an ambiguous letter check
    :data:`AMBIGUOUS_LETTERS` first.
    """
    low = word.lower()
    return SCALE_WORDS.get(low, SCALE_LETTERS[lang].get(low))


#: Every multiplier of either language, for patterns that look for them.
ALL_SCALES: tuple[str, ...] = tuple(
    dict.fromkeys([*SCALE_WORDS, *(w for table in SCALE_LETTERS.values() for w in table)])
)

#: The decimal mark of each language (``2.5`` in English, ``2,5`` in Indonesian).
DECIMAL_MARK: dict[Lang, str] = {lang: marks[1] for lang, marks in SEPARATORS.items()}

#: Small numbers written as words ("three months", "tiga bulan"); "a" and "an" are one.
COUNT_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "satu": 1, "dua": 2, "tiga": 3,
    "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
    "sebelas": 11, "dua belas": 12,
}  # fmt: skip

#: Ordinals of quarters and halves: "Q3", "third quarter", "kuartal ketiga", "kuartal III".
ORDINALS: dict[str, int] = {
    "1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "satu": 1, "dua": 2, "tiga": 3, "empat": 4,
}  # fmt: skip
