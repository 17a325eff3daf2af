"""Statements read as marketers write them: relative targets, relative time frames,
"the number of X", purpose clauses, and the words that were missing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from smplan.checks.smart.frames import find_frames
from smplan.checks.smart.statement import parse_statement
from smplan.i18n import Lang

# -- relative targets ---------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "lang", "by", "down"),
    [
        (
            "Boost the number of followers on Instagram by 700 in the next month.",
            "en",
            "700",
            False,
        ),
        ("Meningkatkan jumlah pengikut Instagram sebesar 1.000 dalam 3 bulan", "id", "1000", False),
        ("Generate 1000 new followers on TikTok", "en", "1000", False),
        ("Get 1,000 new followers", "en", "1000", False),
        ("Dapat 1.000 pengikut baru di Instagram", "id", "1000", False),
        ("generate 20% more qualified leads from organic search traffic", "en", "20", False),
        ("50% increase in blog traffic by March.", "en", "50", False),
        ("aiming for a net increase of 1,000 followers", "en", "1000", False),
        ("tingkatkan pengguna aplikasi sebanyak 2.000 orang", "id", "2000", False),
        ("a 15% decrease in cost per click", "en", "15", True),
        ("Cut the first response time by 2 hours", "en", "2", True),
    ],
)
def test_relative_targets_are_changes_not_targets(
    statement: str, lang: Lang, by: str, down: bool
) -> None:
    change = parse_statement(statement, lang).change
    assert change is not None and change.by is not None and change.after is None, change
    assert change.by.value == Decimal(by)
    assert change.down is down
    assert change.relative


@pytest.mark.parametrize(
    ("statement", "lang", "factor"),
    [
        ("menggandakan pendapatan dalam satu bulan", "id", 2),
        ("meningkatkan penjualan dua kali lipat dalam tiga bulan", "id", 2),
        ("I want to double the amount of comments", "en", 2),
        ("Halve the CPC on Facebook", "en", Decimal("0.5")),
    ],
)
def test_factors(statement: str, lang: Lang, factor: Decimal) -> None:
    change = parse_statement(statement, lang).change
    assert change is not None and change.factor == factor and change.relative


@pytest.mark.parametrize(
    ("statement", "lang", "target"),
    [
        ("reaching 5,000 Instagram followers within two months", "en", "5000"),
        ("Grow TikTok followers to 5,000 by June", "en", "5000"),
        ("mencapai 500 order dalam enam bulan ke depan", "id", "500"),
        (
            "mencapai omset Rp1 miliar dengan meningkatkan penjualan produk B sebesar 30%",
            "id",
            "1e9",
        ),
        ("Increase followers by 20% to 6,000 by June", "en", "6000"),
    ],
)
def test_a_target_said_outright_is_the_target(statement: str, lang: Lang, target: str) -> None:
    change = parse_statement(statement, lang).change
    assert change is not None and change.after is not None, change
    assert change.after.value == Decimal(target)
    assert not change.relative


def test_up_to_is_a_ceiling_not_a_target() -> None:
    change = parse_statement("Grow reach with up to 5 posts a day", "en").change
    assert change is None or change.after is None


def test_percentage_points_are_told_from_percent() -> None:
    points = parse_statement("Raise the engagement rate by 2 percentage points", "en").change
    percent = parse_statement("Raise the engagement rate by 2%", "en").change
    assert points is not None and points.by is not None and points.by.points
    assert percent is not None and percent.by is not None and not percent.by.points


# -- relative time frames -----------------------------------------------------

START = dt.date(2027, 1, 15)


def _deadline(text: str, lang: Lang, start: dt.date) -> dt.date | None:
    """The exact deadline the statement names for a goal starting on ``start``."""
    statement = parse_statement(text, lang)
    if statement.deadline is not None:
        return statement.deadline.exact(start)
    if statement.frames:
        return statement.frames[-1].exact(start)
    if statement.durations:
        return statement.durations[0].exact(start)
    return None


@pytest.mark.parametrize(
    ("text", "lang", "start", "deadline"),
    [
        ("Gain 200 followers this month", "en", START, dt.date(2027, 1, 31)),
        ("Gain 200 followers by the end of the month", "en", START, dt.date(2027, 1, 31)),
        ("Gain 200 followers by month-end", "en", START, dt.date(2027, 1, 31)),
        ("Gain 200 followers next month", "en", START, dt.date(2027, 2, 28)),
        ("Gain 200 followers by the end of next month", "en", START, dt.date(2027, 2, 28)),
        ("Raise clicks by 10% this quarter", "en", START, dt.date(2027, 3, 31)),
        ("Raise clicks by 10% next quarter", "en", dt.date(2027, 2, 10), dt.date(2027, 6, 30)),
        ("Raise clicks by 10% this year", "en", START, dt.date(2027, 12, 31)),
        ("Raise clicks by 10% by the end of the year", "en", START, dt.date(2027, 12, 31)),
        ("increase leads by 20% by year end", "en", START, dt.date(2027, 12, 31)),
        ("Raise clicks by 10% this semester", "en", START, dt.date(2027, 6, 30)),
        ("Raise clicks by 10% this week", "en", dt.date(2027, 1, 13), dt.date(2027, 1, 17)),
        ("Gain 500 followers in 3 weeks", "en", START, dt.date(2027, 2, 4)),
        ("Gain 500 followers in 30 days", "en", dt.date(2027, 1, 1), dt.date(2027, 1, 30)),
        ("Boost followers by 700 in the next month", "en", START, dt.date(2027, 2, 14)),
        ("Boost followers by 700 in a month", "en", dt.date(2027, 1, 1), dt.date(2027, 1, 31)),
        ("Generate 10 customers within the first week", "en", START, dt.date(2027, 1, 21)),
        ("Reach 5,000 followers within two months", "en", dt.date(2027, 1, 1), dt.date(2027, 2, 28)),
        ("in the next quarter", "en", dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
        ("Grow followers by the end of the school year", "en", dt.date(2026, 9, 1), dt.date(2027, 6, 30)),
        ("Grow followers by the end of the school year", "en", dt.date(2027, 3, 1), dt.date(2027, 6, 30)),
        ("Grow followers by the end of the school year", "en", dt.date(2027, 7, 1), dt.date(2028, 6, 30)),
        ("Grow followers by the end of the academic year", "en", dt.date(2027, 3, 1), dt.date(2027, 6, 30)),
        ("Menambah 100 pelanggan pada bulan ini", "id", START, dt.date(2027, 1, 31)),
        ("Menambah 100 pelanggan bulan depan", "id", START, dt.date(2027, 2, 28)),
        ("omzet Rp1 miliar di bulan pertama", "id", START, dt.date(2027, 2, 14)),
        ("sebesar 20% pada kuartal berikutnya", "id", START, dt.date(2027, 6, 30)),
        ("sebesar 20% kuartal depan", "id", START, dt.date(2027, 6, 30)),
        ("sebesar 20% pada akhir tahun", "id", START, dt.date(2027, 12, 31)),
        ("sebesar 20% hingga akhir bulan ini", "id", START, dt.date(2027, 1, 31)),
        ("sebesar 20% pada akhir kuartal", "id", START, dt.date(2027, 3, 31)),
        ("sebesar 20% tahun ini", "id", START, dt.date(2027, 12, 31)),
        ("sebesar 20% tahun depan", "id", START, dt.date(2028, 12, 31)),
        ("sebesar 20% minggu ini", "id", dt.date(2027, 1, 13), dt.date(2027, 1, 17)),
        ("pendaftar naik 30% sebelum akhir tahun ajaran", "id", dt.date(2026, 8, 1), dt.date(2027, 6, 30)),
        ("mencapai 500 order dalam enam bulan ke depan", "id", START, dt.date(2027, 7, 14)),
        ("menambah 100 pelanggan dalam tiga bulan ke depan", "id", dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
        ("Saya ingin menambah 1000 pengikut dalam seminggu", "id", dt.date(2027, 1, 1), dt.date(2027, 1, 7)),
        ("menambah 100 pengikut dalam sebulan", "id", dt.date(2027, 1, 1), dt.date(2027, 1, 31)),
        ("Gain 100 followers in a month", "en", dt.date(2027, 1, 31), dt.date(2027, 2, 28)),
        ("Gain 100 followers in a month", "en", dt.date(2027, 1, 28), dt.date(2027, 2, 27)),
    ],
)  # fmt: skip
def test_relative_time_frames_name_an_exact_deadline(
    text: str, lang: Lang, start: dt.date, deadline: dt.date
) -> None:
    assert _deadline(text, lang, start) == deadline


@pytest.mark.parametrize(
    "text",
    [
        "ingin menaikkan penjualan sebesar 20% dibanding bulan lalu",
        "Grow followers by 10% compared with last month",
        "Reach 1,500 people a month on TikTok",
        "Menambah 500 pengikut per bulan",
        "Increase reach by 20% every month",
    ],
)
def test_rates_and_comparisons_are_no_deadline(text: str) -> None:
    assert _deadline(text, "en", START) is None


def test_the_end_of_the_school_year_is_not_the_end_of_the_year() -> None:
    statement = parse_statement("pendaftar naik 30% pada akhir tahun ajaran", "id")
    assert not statement.dates and statement.frames
    assert statement.frames[0].unit == "school-year"


def test_frames_mask_what_they_read() -> None:
    chars = list("Gain 200 followers by the end of next month, then more")
    frames = find_frames("".join(chars), chars)
    assert [f.text for f in frames] == ["by the end of next month"]
    assert "".join(chars).count("@") == len("the end of next month")


def test_a_date_that_opens_a_span_is_the_start() -> None:
    for text, lang in (
        ("Grow Instagram followers from 2,300 to 3,600 between 1 July and 31 December 2026", "en"),
        ("Menambah pengikut dari 2.300 menjadi 3.600 mulai 1 Juli hingga 31 Desember 2026", "id"),
        ("Grow followers to 3,600 from 1 July to 31 December 2026", "en"),
    ):
        statement = parse_statement(text, lang)
        assert statement.start_date is not None and statement.start_date.first == (7, 1), text
        assert statement.deadline is not None and statement.deadline.first == (12, 31), text


# -- words ----------------------------------------------------------------------


def _kpis(text: str, lang: Lang = "en") -> list[str]:
    return [k.id for k in parse_statement(text, lang).kpis]


def test_the_number_of_x_names_x() -> None:
    assert _kpis("Boost the number of followers on Instagram by 700") == ["followers"]
    assert _kpis("Increase the amount of new leads by 20%") == ["leads"]
    # A real denominator stays out: "engagement rate of website visits".
    assert _kpis("Raise the engagement rate of website visits to 3%") == ["engagement-rate"]


@pytest.mark.parametrize(
    ("text", "lang", "kpis"),
    [
        ("Grow LinkedIn followers from 1,150 to 1,350 by 31 March 2027, to reach HR leads like Helen.", "en", ["followers"]),
        ("Grow followers from 1,000 to 2,000 by June in order to increase traffic", "en", ["followers"]),
        ("In order to increase traffic, grow Instagram followers from 1,000 to 2,000", "en", ["followers"]),
        ("Menggandakan pengikut TikTok dari 3.800 menjadi 7.500, untuk menjangkau mahasiswa", "id", ["followers"]),
        ("Menambah pengikut dari 1.000 menjadi 2.000 agar penjualan naik", "id", ["followers"]),
        ("To increase brand awareness, reach 20,000 people a month on TikTok", "en", ["reach"]),
    ],
)  # fmt: skip
def test_purpose_clauses_name_no_second_kpi(text: str, lang: Lang, kpis: list[str]) -> None:
    statement = parse_statement(text, lang)
    assert [k.id for k in statement.kpis] == kpis
    assert statement.first("vague", with_number=False) is None


def test_a_goal_that_opens_with_to_is_the_goal() -> None:
    statement = parse_statement("To increase sales from product line A by 35% in Q3", "en")
    assert [k.id for k in statement.kpis] == ["revenue"]
    assert not statement.purposes


@pytest.mark.parametrize(
    ("text", "lang", "kpi"),
    [
        ("Gain 1,000 followings on Instagram", "en", "followers"),
        ("mencapai 500 order dalam enam bulan", "id", "conversions"),
        ("menambah 100 pelanggan baru", "id", "conversions"),
        ("Increase sales qualified leads by 20%", "en", "leads"),
        ("Raise the newsletter click rate to 3%", "en", "ctr"),
        ("Increase voluntary income by 1% in 12 months", "en", "revenue"),
        ("Double page views on the blog", "en", "website-visits"),
        ("Cut churn from 5% to 3%", "en", "churn-rate"),
        ("Grow job applicants from LinkedIn to 40 a month", "en", "applicants"),
        ("Menaikkan tingkat pembelian ulang menjadi 30%", "id", "repeat-purchase-rate"),
    ],
)
def test_words_that_were_missing(text: str, lang: Lang, kpi: str) -> None:
    assert _kpis(text, lang)[:1] == [kpi]


def test_several_kpis_are_still_several() -> None:
    assert _kpis("Double website traffic and engagement metrics (e.g., page views, comments)") == [
        "website-visits",
        "engagements",
        "comments",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "networks"),
    [
        ("Meningkatkan penjualan produk X sebesar 15%", "id", ()),
        ("mencapai omset dan memperluas pasar ke wilayah X", "id", ()),
        ("Grow followers on X from 900 to 1,200", "en", ("x",)),
        ("Post daily on Instagram and X", "en", ("instagram", "x")),
        ("Grow Instagram newsletter subscribers to 2,000", "en", ("instagram",)),
        ("Grow newsletter subscribers to 2,000", "en", ("email",)),
        ("50% increase in blog traffic by March", "en", ("blog",)),
    ],
)
def test_networks(text: str, lang: Lang, networks: tuple[str, ...]) -> None:
    assert parse_statement(text, lang).networks == networks


@pytest.mark.parametrize(
    ("text", "lang", "minutes"),
    [
        ("Respond to new Facebook comments within 3 hours", "en", 180),
        ("Reply to every DM in under 30 minutes", "en", 30),
        ("Membalas DM Instagram dalam 30 menit", "id", 30),
        ("menjawab keluhan pelanggan maksimal 2 jam", "id", 120),
    ],
)
def test_answering_within_a_time_sets_a_response_time(text: str, lang: Lang, minutes: int) -> None:
    statement = parse_statement(text, lang)
    assert [k.id for k in statement.kpis] == ["first-response-time"]
    (quantity,) = [q for q in statement.quantities if q.unit == "duration"]
    assert quantity.minutes is not None and quantity.value * quantity.minutes == minutes
