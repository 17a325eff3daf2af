"""One table of month names, scale words and number words, read the same by the field
parser and by the SMART checker's statement reader."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from smplan.checks.smart.statement import parse_statement
from smplan.i18n import Lang
from smplan.i18n.parsing import ParseError, parse_date
from smplan.i18n.parsing import parse_number as parse_field_number
from smplan.i18n.vocabulary import (
    AMBIGUOUS_LETTERS,
    MONTH_WORDS,
    SCALE_LETTERS,
    SCALE_WORDS,
    scale_power,
)

LANGS: tuple[Lang, ...] = ("en", "id")


@pytest.mark.parametrize("word", sorted(MONTH_WORDS))
def test_every_month_word_reads_the_same_month_in_a_field_and_a_statement(word: str) -> None:
    month = MONTH_WORDS[word]
    assert parse_date(f"5 {word} 2027", "en") == dt.date(2027, month, 5)
    assert parse_date(f"5 {word.title()} 2027", "id") == dt.date(2027, month, 5)
    found = parse_statement(f"Reach 900 followers by 5 {word} 2027", "en").deadline
    assert found is not None and found.first == (month, 5), word


def test_the_old_indonesian_spellings_are_months() -> None:
    for word, month in (("Pebruari", 2), ("Nopember", 11), ("Agt", 8), ("Mrt", 3)):
        assert parse_date(f"1 {word} 2027", "id").month == month


def _statement_value(text: str, lang: Lang) -> Decimal:
    sentence = f"Reach {text} people" if lang == "en" else f"Mencapai {text} orang"
    quantities = parse_statement(sentence, lang).quantities
    assert len(quantities) == 1, (text, quantities)
    return quantities[0].value


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("word", sorted(SCALE_WORDS))
def test_scale_words_multiply_alike_in_a_field_and_a_statement(lang: Lang, word: str) -> None:
    expected = Decimal(2) * Decimal(10) ** SCALE_WORDS[word]
    assert parse_field_number(f"2 {word}", lang) == expected
    assert _statement_value(f"2 {word}", lang) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_scale_letters_follow_the_language(lang: Lang) -> None:
    for letter, power in SCALE_LETTERS[lang].items():
        written = letter.upper() if letter in AMBIGUOUS_LETTERS[lang] else letter
        expected = Decimal(3) * Decimal(10) ** power
        assert parse_field_number(f"3 {written}", lang) == expected, letter
        assert _statement_value(f"3 {written}", lang) == expected, letter


def test_m_is_a_million_in_english_and_a_miliar_in_indonesian() -> None:
    assert scale_power("M", "en") == 6
    assert scale_power("M", "id") == 9
    assert _statement_value("1,5 M", "id") == Decimal(1_500_000_000)
    assert _statement_value("1.5M", "en") == Decimal(1_500_000)
    # A field refuses the lower-case letter in Indonesian instead of guessing.
    with pytest.raises(ParseError) as refused:
        parse_field_number("1,5 m", "id")
    assert refused.value.msg_id == "input.suffix-ambiguous"


def test_the_statement_reader_knows_the_other_languages_letters() -> None:
    # An Indonesian plan may hold a goal written the English way: "2 bn".
    assert parse_statement("Reach 2 bn people", "id").quantities[0].value == 2_000_000_000
