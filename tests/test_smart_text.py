"""Reading numbers, dates, durations and words out of goal statements, in both languages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from smplan.checks.smart.statement import (
    APPROXIMATE,
    HEDGE,
    VAGUE,
    VAGUE_TIME,
    number_readings,
    parse_number,
    parse_statement,
    statement_language,
)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("12.400", "id", "12400"),
        ("12.400", "en", "12.4"),
        ("12,400", "en", "12400"),
        ("12,400", "id", "12.4"),
        ("2,5", "en", "2.5"),
        ("2.5", "id", "2.5"),
        ("1.000.000", "en", "1000000"),
        ("1,000,000", "id", "1000000"),
        ("1,234.5", "id", "1234.5"),
        ("1.234,5", "en", "1234.5"),
        ("0,125", "en", "0.125"),
        ("18000", "en", "18000"),
    ],
)
def test_parse_number(text: str, lang: str, value: str) -> None:
    parsed = parse_number(text, lang)  # type: ignore[arg-type]
    assert parsed is not None
    assert parsed[0] == Decimal(value)


@pytest.mark.parametrize("text", ["1.2.3", "12,34,567", "1.234.5,6,7"])
def test_malformed_numbers_read_as_nothing(text: str) -> None:
    assert parse_number(text, "en") is None


def test_ambiguous_number_keeps_both_readings_in_the_language_order() -> None:
    assert number_readings("12.400", "en") == [
        (Decimal("12.400"), Decimal("0.001")),
        (Decimal(12400), Decimal(1)),
    ]
    assert [v for v, _ in number_readings("12.400", "id")] == [Decimal(12400), Decimal("12.400")]


def _quantity(statement: str, lang: str = "en") -> tuple[Decimal, str]:
    parsed = parse_statement(statement, lang)  # type: ignore[arg-type]
    assert len(parsed.quantities) == 1, parsed.quantities
    quantity = parsed.quantities[0]
    return quantity.value, quantity.unit


@pytest.mark.parametrize(
    ("statement", "lang", "value", "unit"),
    [
        ("Dapat 10.000 pengikut", "id", 10000, ""),
        ("Dapat 10rb pengikut", "id", 10000, ""),
        ("Dapat 10 ribu pengikut", "id", 10000, ""),
        ("Jangkauan 1,5 juta orang", "id", 1500000, ""),
        ("Jangkauan 1,5 jt orang", "id", 1500000, ""),
        ("Engagement rate 2,5% di Instagram", "id", Decimal("2.5"), "percent"),
        ("Omzet Rp 1,5 M dari TikTok", "id", 1500000000, "money"),
        ("Anggaran Rp 5.000.000 untuk iklan", "id", 5000000, "money"),
        ("Anggaran Rp5 jt untuk iklan", "id", 5000000, "money"),
        ("CPC Rp2.500 di Instagram", "id", 2500, "money"),
        ("Reach 10k people on TikTok", "en", 10000, ""),
        ("Reach 1.5M people on TikTok", "en", 1500000, ""),
        ("Get 12,400 followers on the page", "en", 12400, ""),
        ("Keep the engagement rate at 2.5% on the page", "en", Decimal("2.5"), "percent"),
        ("Keep CPC at $1.72 on the ads", "en", Decimal("1.72"), "money"),
        ("Spend IDR 60,000,000 on the ads", "en", 60000000, "money"),
        ("Reach a ROAS of 4x on the ads", "en", 4, "ratio"),
        ("Reply within 2 hours on the page", "en", 2, "duration"),
        ("Membalas dalam 30 menit", "id", 30, "duration"),
    ],
)
def test_quantities(statement: str, lang: str, value: int | Decimal, unit: str) -> None:
    assert _quantity(statement, lang) == (Decimal(value), unit)


def test_change_from_to_in_both_languages() -> None:
    for statement, lang in (
        ("Menambah pengikut dari 12.400 menjadi 18.000", "id"),
        ("Grow followers from 12,400 followers to 18,000", "en"),
        ("Naikkan pengikut dari sekitar 12,4rb jadi 18rb", "id"),
    ):
        change = parse_statement(statement, lang).change  # type: ignore[arg-type]
        assert change is not None and change.before is not None and change.after is not None
        assert change.before.matches(Decimal(12400)), statement
        assert change.after.matches(Decimal(18000)), statement


@pytest.mark.parametrize(
    ("statement", "lang", "by", "down"),
    [
        ("Menambah pengikut sebesar 20% tahun ini", "id", "20", False),
        ("Grow followers by 5,600", "en", "5600", False),
        ("Menurunkan CPC sebesar 15%", "id", "15", True),
        ("Reduce CPC by 20%", "en", "20", True),
        ("Biaya per klik turun 10%", "id", "10", True),
    ],
)
def test_relative_changes(statement: str, lang: str, by: str, down: bool) -> None:
    change = parse_statement(statement, lang).change  # type: ignore[arg-type]
    assert change is not None and change.by is not None
    assert change.by.value == Decimal(by)
    assert change.down is down


def test_words_that_stand_for_a_factor() -> None:
    for statement, factor in (
        ("Double our Instagram followers", 2),
        ("Pengikut TikTok naik dua kali lipat", 2),
        ("Halve the reply time", Decimal("0.5")),
    ):
        change = parse_statement(statement, "en").change
        assert change is not None and change.factor == Decimal(factor), statement
        weak = parse_statement(statement, "en").first(VAGUE, with_number=False)
        assert weak is None, statement


ANCHOR = dt.date(2027, 1, 1)


@pytest.mark.parametrize(
    ("statement", "lang", "first", "last"),
    [
        ("paling lambat 30 Juni 2027", "id", dt.date(2027, 6, 30), dt.date(2027, 6, 30)),
        ("by 30 June 2027", "en", dt.date(2027, 6, 30), dt.date(2027, 6, 30)),
        ("by June 30, 2027", "en", dt.date(2027, 6, 30), dt.date(2027, 6, 30)),
        ("by 2027-06-30", "en", dt.date(2027, 6, 30), dt.date(2027, 6, 30)),
        ("sebelum 30/06/2027", "id", dt.date(2027, 6, 23), dt.date(2027, 6, 29)),
        ("sebelum 1 Juli 2027", "id", dt.date(2027, 6, 24), dt.date(2027, 6, 30)),
        ("pada akhir Juni 2027", "id", dt.date(2027, 6, 30), dt.date(2027, 6, 30)),
        ("by the end of February 2028", "en", dt.date(2028, 2, 29), dt.date(2028, 2, 29)),
        ("by June 2027", "en", dt.date(2027, 6, 1), dt.date(2027, 6, 30)),
        ("pada bulan Agustus", "id", dt.date(2027, 8, 1), dt.date(2027, 8, 31)),
        ("di Q3 2027", "id", dt.date(2027, 7, 1), dt.date(2027, 9, 30)),
        ("pada kuartal ketiga 2027", "id", dt.date(2027, 7, 1), dt.date(2027, 9, 30)),
        ("pada kuartal III", "id", dt.date(2027, 7, 1), dt.date(2027, 9, 30)),
        ("akhir kuartal 3", "id", dt.date(2027, 9, 30), dt.date(2027, 9, 30)),
        ("in the third quarter", "en", dt.date(2027, 7, 1), dt.date(2027, 9, 30)),
        ("in H1 2027", "en", dt.date(2027, 1, 1), dt.date(2027, 6, 30)),
        ("pada semester kedua 2027", "id", dt.date(2027, 7, 1), dt.date(2027, 12, 31)),
        ("pada akhir tahun", "id", dt.date(2027, 12, 31), dt.date(2027, 12, 31)),
        ("by the end of 2027", "en", dt.date(2027, 12, 31), dt.date(2027, 12, 31)),
    ],
)
def test_deadline_dates(statement: str, lang: str, first: dt.date, last: dt.date) -> None:
    mention = parse_statement(f"Grow followers {statement}", lang).deadline  # type: ignore[arg-type]
    assert mention is not None
    assert mention.span(ANCHOR) == (first, last)


def test_a_date_without_year_is_the_next_one_after_the_anchor() -> None:
    mention = parse_statement("Grow followers by 30 June", "en").deadline
    assert mention is not None
    assert mention.span(dt.date(2027, 9, 1)) == (dt.date(2028, 6, 30), dt.date(2028, 6, 30))
    assert mention.span(dt.date(2027, 1, 1)) == (dt.date(2027, 6, 30), dt.date(2027, 6, 30))


def test_the_marked_date_is_the_deadline() -> None:
    parsed = parse_statement("From 1 February 2027 grow followers, by 30 June 2027", "en")
    assert parsed.deadline is not None and parsed.deadline.text == "by 30 June 2027"
    parsed = parse_statement("Dari 1 Februari 2027 sampai 30 Juni 2027", "id")
    assert parsed.deadline is not None and parsed.deadline.span(ANCHOR)[1] == dt.date(2027, 6, 30)  # type: ignore[index]


def test_impossible_dates() -> None:
    slip = parse_statement("by 31 February 2027", "en")
    assert slip.deadline is not None
    assert slip.deadline.span(ANCHOR) == (dt.date(2027, 2, 1), dt.date(2027, 2, 28))
    assert slip.quantities == ()
    nonsense = parse_statement("by 45/13/2027", "en")
    assert nonsense.dates == () and nonsense.quantities == ()


@pytest.mark.parametrize(
    ("statement", "lang", "start", "around"),
    [
        ("within 3 months", "en", dt.date(2027, 1, 1), dt.date(2027, 4, 1)),
        ("dalam 3 bulan", "id", dt.date(2027, 1, 1), dt.date(2027, 4, 1)),
        ("dalam waktu tiga bulan", "id", dt.date(2027, 1, 1), dt.date(2027, 4, 1)),
        ("dalam 90 hari", "id", dt.date(2027, 1, 1), dt.date(2027, 4, 1)),
        ("dalam sebulan", "id", dt.date(2027, 1, 15), dt.date(2027, 2, 15)),
        ("6 minggu ke depan", "id", dt.date(2027, 1, 1), dt.date(2027, 2, 12)),
        ("in the next two quarters", "en", dt.date(2027, 1, 1), dt.date(2027, 7, 1)),
        ("within a year", "en", dt.date(2027, 1, 1), dt.date(2028, 1, 1)),
    ],
)
def test_durations(statement: str, lang: str, start: dt.date, around: dt.date) -> None:
    parsed = parse_statement(f"Grow followers {statement}", lang)  # type: ignore[arg-type]
    assert len(parsed.durations) == 1
    span = parsed.durations[0].deadline(start)
    assert span is not None
    assert span[0] <= around <= span[1]
    assert parsed.quantities == ()


def test_per_month_is_a_rate_not_a_duration() -> None:
    parsed = parse_statement("Tumbuh 3% per bulan di Instagram", "id")
    assert parsed.durations == ()
    assert [q.value for q in parsed.quantities] == [Decimal(3)]


def _weak(statement: str) -> list[tuple[str, str, bool]]:
    return [
        (w.category, w.word.lower(), w.with_number) for w in parse_statement(statement, "en").weak
    ]


def test_vague_words_with_and_without_numbers() -> None:
    assert _weak("Increase sales significantly by June 2027") == [
        (VAGUE, "increase", False),
        (VAGUE, "significantly", False),
    ]
    assert _weak("Meningkatkan penjualan 20% di Instagram") == [(VAGUE, "meningkatkan", True)]
    assert _weak("Memperluas jangkauan, lebih banyak konten") == [
        (VAGUE, "memperluas", False),
        (VAGUE, "lebih banyak", False),
    ]


def test_dates_do_not_count_as_numbers_for_vague_words() -> None:
    assert _weak("Grow Instagram followers by 30 June 2027") == [(VAGUE, "grow", False)]
    assert _weak("Tumbuh pesat dalam 3 bulan") == [
        (VAGUE, "tumbuh", False),
        (VAGUE, "pesat", False),
    ]


def test_hedges_time_words_and_approximations() -> None:
    assert _weak("Mudah-mudahan 500 leads masuk secepatnya") == [
        (HEDGE, "mudah-mudahan", True),
        (VAGUE_TIME, "secepatnya", True),
    ]
    assert _weak("We will try to reply ASAP") == [
        (HEDGE, "try", False),
        (VAGUE_TIME, "asap", False),
    ]
    assert _weak("Reach about 10,000 people") == [(APPROXIMATE, "about", True)]
    assert _weak("Kurang lebih 10.000 pengikut") == [(APPROXIMATE, "kurang lebih", True)]
    # "sekitar" (around) before a place is not an approximation.
    assert _weak("Menjangkau 10.000 orang sekitar Jakarta") == []


def test_networks_named() -> None:
    assert parse_statement("Pengikut Instagram dan TikTok", "id").networks == (
        "instagram",
        "tiktok",
    )
    assert parse_statement("Grow followers on X and Twitter", "en").networks == ("x",)
    assert parse_statement("Drive traffic from Instagram to our blog", "en").networks == (
        "instagram",
    )
    assert parse_statement("Reach a 2x ROAS on IG", "en").networks == ("instagram",)


def test_kpis_named_leave_out_verbs_and_denominators() -> None:
    def kpis(statement: str) -> list[str]:
        return [k.id for k in parse_statement(statement, "en").kpis]

    assert kpis("Raise the engagement rate by reach to 5%") == ["engagement-rate-reach"]
    assert kpis("Reach 18,000 followers") == ["followers"]
    assert kpis("Increase reach to 50,000") == ["reach"]
    assert kpis("Raise the conversion rate of website visits to 2%") == ["conversion-rate"]
    assert kpis("Menaikkan tingkat konversi dan jumlah pengikut") == [
        "conversion-rate",
        "followers",
    ]


def test_statement_language() -> None:
    assert statement_language("Menambah pengikut dari 12.400 menjadi 18.000", "en") == "id"
    assert statement_language("Grow followers from 12,400 to 18,000", "id") == "en"
    assert statement_language("TikTok 18.000", "id") == "id"
