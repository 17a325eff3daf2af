"""`smplan export --format csv` and `smplan import`: round trip, hostile files, comments kept."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smplan.cli import main
from smplan.interchange.csv_columns import guard_formula, unguard_formula
from smplan.interchange.csv_import import read_items
from smplan.interchange.csv_values import DateOrder
from smplan.model import CalendarItem
from smplan.model.types import KNOWN_NETWORKS
from smplan.store import PlanFile
from tests.conftest import SAMPLES

PLAN = """\
# My shop's plan: these words are mine.
schema = 1

[plan]
title = "Shop"   # a trailing comment
language = "en"

# The calendar starts here; keep this note.
[[calendar]]
date = 2027-01-04
network = "instagram"
title = "First post"  # why this post
# a comment after the only item
"""

HEADER = "Date,Network,Title\n"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def run(*args: object) -> int:
    return main([str(a) for a in args])


def calendar(path: Path) -> list[dict[str, object]]:
    return list(tomllib.loads(path.read_text(encoding="utf-8")).get("calendar", []))


# -- round trip ---------------------------------------------------------------

_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t =+-@'\";,"),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")  # a cell of spaces only is an empty cell
_tag = st.from_regex(r"#[a-z0-9]{1,10}", fullmatch=True)
_items = st.builds(
    CalendarItem,
    date=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
    time=st.none() | st.times().map(lambda t: t.replace(microsecond=0)),
    duration=st.none() | st.integers(0, 10_000),
    network=st.none() | st.sampled_from(KNOWN_NETWORKS),
    format=st.none() | _text,
    pillar=st.none() | _text,
    goal=st.none() | _text,
    asset=st.none() | _text,
    title=_text,  # a row of empty cells is no item
    caption=st.none() | _text,
    owner=st.none() | _text,
    status=st.none() | st.sampled_from(["idea", "planned", "draft", "scheduled", "published"]),
    hours=st.none() | st.decimals(0, 1000, places=2),
    cost=st.none() | st.decimals(0, 10**9, places=2),
    hashtags=st.lists(_tag, max_size=4),
    url=st.none() | _text,
    notes=st.none() | _text,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=st.lists(_items, min_size=1, max_size=6), lang=st.sampled_from(["en", "id"]))
def test_export_then_import_into_an_empty_plan_gives_the_same_items(
    tmp_path: Path, items: list[CalendarItem], lang: str
) -> None:
    source = PlanFile.new(tmp_path / "source.toml", "Source", lang)  # type: ignore[arg-type]
    source.plan.calendar.extend(items)
    source.save()
    out = tmp_path / "out.csv"
    assert run("export", source.path, "--format", "csv", "-o", out) == 0
    empty = tmp_path / "empty.toml"
    empty.unlink(missing_ok=True)
    assert run("new", empty, "--lang", lang) == 0
    assert run("import", empty, out) == 0
    assert PlanFile.open(empty).plan.calendar == PlanFile.open(source.path).plan.calendar


def test_a_sample_plan_round_trips_through_csv(tmp_path: Path) -> None:
    source = tmp_path / "kopi.toml"
    source.write_bytes((SAMPLES / "kopi-nusantara.toml").read_bytes())
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run("export", source, "--format", "csv", "-o", first) == 0
    text = first.read_text(encoding="utf-8-sig")
    assert text.startswith("Tanggal,Jam,")  # the plan is Indonesian
    target = tmp_path / "new.toml"
    assert run("new", target) == 0
    assert run("import", target, first) == 0
    assert run("export", target, "--format", "csv", "-o", second) == 0
    rows = second.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("Date,Time,")  # the new plan is English
    assert rows[1:] == text.splitlines()[1:]


def test_a_repeating_item_exports_one_row_per_occurrence(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[plan]\ntitle = "R"\nperiod_start = 2027-01-01\nperiod_end = 2027-01-31\n\n'
        '[[calendar]]\ndate = 2027-01-05\ntitle = "Tip"\n'
        'repeat = { every = "week", on = ["tue"] }\n',
        encoding="utf-8",
    )
    out = tmp_path / "p.csv"
    assert run("export", path, "--format", "csv", "-o", out) == 0
    rows = out.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert [r.split(",")[0] for r in rows] == [
        "2027-01-05",
        "2027-01-12",
        "2027-01-19",
        "2027-01-26",
    ]


@given(st.text(max_size=12))
def test_the_formula_guard_is_undone_exactly(text: str) -> None:
    guarded = guard_formula(text)
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unguard_formula(guarded) == text


# -- a scheduler's bulk file and the column names ----------------------------


def test_a_schedulers_bulk_file_with_semicolons_bom_and_day_first_dates(plan: Path) -> None:
    bulk = plan.parent / "bulk.csv"
    bulk.write_bytes(
        "\ufeffDate;Time;Network;Message;Link\r\n"
        '25/01/2027;09:30;Instagram;"New beans are in.\nCome taste them.";https://x.test/p/1\r\n'
        "03/02/2027 18:00;;Facebook;Weekend tasting;\r\n".encode()
    )
    assert run("import", plan, bulk) == 0
    items = calendar(plan)[1:]
    assert items[0] == {
        "date": dt.date(2027, 1, 25),
        "time": dt.time(9, 30),
        "network": "instagram",
        "caption": "New beans are in.\nCome taste them.",
        "url": "https://x.test/p/1",
    }
    assert items[1]["date"] == dt.date(2027, 2, 3)  # day first, as line 2 shows
    assert items[1]["time"] == dt.time(18, 0)


def test_indonesian_headers_and_map(plan: Path) -> None:
    sheet = plan.parent / "sheet.csv"
    sheet.write_text(
        "Tanggal;Jaringan;Judul;Ide kami\n2027-03-01;tiktok;Seduh;catatan\n", encoding="utf-8"
    )
    assert run("import", plan, sheet, "--map", "Ide kami=notes") == 0
    assert calendar(plan)[-1] == {
        "date": dt.date(2027, 3, 1),
        "network": "tiktok",
        "title": "Seduh",
        "notes": "catatan",
    }


def test_ambiguous_dates_need_the_hint(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = plan.read_bytes()
    sheet = plan.parent / "s.csv"
    sheet.write_text(HEADER + "03/04/2027,instagram,A\n", encoding="utf-8")
    assert run("import", plan, sheet) == 1
    assert "--dates dmy" in capsys.readouterr().out
    assert plan.read_bytes() == before
    assert run("import", plan, sheet, "--dates", "mdy") == 0
    assert calendar(plan)[-1]["date"] == dt.date(2027, 3, 4)


@pytest.mark.parametrize(
    ("rows", "dates", "found"),
    [
        # No date tells: the first that reads both ways (07/07 reads one way only).
        ("07/07/2027,a,A\n03/04/2027 09:30,b,B\n", None, (3, "03/04/2027 09:30")),
        # 25/01 tells that the day comes first.
        ("03/04/2027,a,A\n25/01/2027,b,B\n", None, None),
        # The order is given.
        ("03/04/2027,a,A\n", "mdy", None),
        # ISO dates, and a two-digit year that reads neither way.
        ("2027-03-04,a,A\n03/04/27,b,B\n", None, None),
    ],
)
def test_the_first_date_that_reads_both_ways_is_named(
    rows: str, dates: DateOrder | None, found: tuple[int, str] | None
) -> None:
    result = read_items((HEADER + rows).encode(), "s.csv", "en", dates=dates)
    assert result.ambiguous_date == found


# -- hostile files --------------------------------------------------------------


def test_a_bad_date_in_row_7321_of_10000_writes_nothing_and_names_line_and_column(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = plan.read_bytes()
    lines = [f"2027-01-{1 + n % 28:02d},instagram,Post {n}" for n in range(10_000)]
    lines[7320] = "2027-02-30,instagram,Post bad"
    sheet = plan.parent / "big.csv"
    sheet.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    assert run("import", plan, sheet) == 1
    out = capsys.readouterr()
    # Row 7,321 is line 7,322 of the file (the header is line 1), column A is the date.
    assert f'{sheet}:7322:1: error csv-bad-cell: column A (Date): "2027-02-30"' in out.out
    assert out.out.count("error") == 1
    assert "nothing written" in out.err
    assert plan.read_bytes() == before
    assert run("import", plan, sheet, "--skip-bad") == 1
    new = calendar(plan)[1:]
    assert len(new) == 9_999
    assert "Post bad" not in {item["title"] for item in new}


def test_formulas_are_kept_as_text_and_reported(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = plan.parent / "f.csv"
    sheet.write_text(
        HEADER + '2027-01-05,instagram,"=HYPERLINK(""http://evil.test"",""x"")"\n'
        "2027-01-06,instagram,@SUM(A1)\n",
        encoding="utf-8",
    )
    assert run("import", plan, sheet) == 0
    out = capsys.readouterr().out
    assert out.count("csv-formula") == 2
    assert "kept as text" in out
    titles = [item.get("title") for item in calendar(plan)]
    assert titles[-2:] == ['=HYPERLINK("http://evil.test","x")', "@SUM(A1)"]
    exported = plan.parent / "out.csv"
    assert run("export", plan, "--format", "csv", "-o", exported) == 0
    cells = exported.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in cells and "'@SUM(A1)" in cells


def test_a_formula_in_a_date_column_is_a_bad_row(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = plan.read_bytes()
    sheet = plan.parent / "f.csv"
    sheet.write_text(HEADER + "=TODAY(),instagram,A\n", encoding="utf-8")
    assert run("import", plan, sheet) == 1
    assert "spreadsheet formula, not a value" in capsys.readouterr().out
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("data", "expected", "code"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00binary xlsx", "binary data", 2),
        (b"Date,Title\n\x00\x01\x02\xff", "binary data", 2),
        ("Date,Title\n2027-01-01,Caf\u00e9\n".encode("cp1252"), "line 2 is not UTF-8", 2),
        (b"Date|Network|Title\n2027-01-01|instagram|A\n", "no column has a header", 1),
        (b'Date,Title\n2027-01-01,"never closed\n', "a quote is not closed", 2),
        (b"Date,Title\n2027-01-01,A,B\n", "the row has 3 cells", 1),
        (b"Date,Title\n03/14/2027,A\n14/03/2027,B\n", "mix day-first (line 3)", 1),
        (b"", "no header row", 2),
    ],
)
def test_hostile_files_give_a_clear_finding_and_write_nothing(
    plan: Path, capsys: pytest.CaptureFixture[str], data: bytes, expected: str, code: int
) -> None:
    before = plan.read_bytes()
    sheet = plan.parent / "hostile.csv"
    sheet.write_bytes(data)
    assert run("import", plan, sheet) == code
    out = capsys.readouterr()
    assert expected in out.out + out.err
    assert plan.read_bytes() == before


def test_quotes_with_newlines_report_the_line_the_row_starts_on(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = plan.parent / "q.csv"
    sheet.write_text(
        HEADER + '2027-01-01,instagram,"two\nlines"\nsoon,instagram,B\n', encoding="utf-8"
    )
    assert run("import", plan, sheet) == 1
    assert f"{sheet}:4:1:" in capsys.readouterr().out


def test_dry_run_lists_and_writes_nothing(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = plan.read_bytes()
    sheet = plan.parent / "d.csv"
    sheet.write_text(HEADER + "2027-01-09,tiktok,Hello\n", encoding="utf-8")
    assert run("import", plan, sheet, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "would add 1 item(s)" in out
    assert "line 2: 2027-01-09 · tiktok · Hello" in out
    assert plan.read_bytes() == before


# -- the plan's own text --------------------------------------------------------


def test_the_import_keeps_every_byte_outside_the_new_tables(plan: Path) -> None:
    before = plan.read_text(encoding="utf-8")
    sheet = plan.parent / "k.csv"
    sheet.write_text(
        "Date,Network,Title,Cost,Hashtags\n2027-01-11,instagram,Second,12.50,#a #b\n",
        encoding="utf-8",
    )
    assert run("import", plan, sheet) == 0
    after = plan.read_text(encoding="utf-8")
    assert after.startswith(before)
    added = after[len(before) :]
    assert "[[calendar]]" in added and "# " not in added
    parsed = tomllib.loads(after)
    assert parsed["calendar"][-1] == {
        "date": dt.date(2027, 1, 11),
        "network": "instagram",
        "title": "Second",
        "cost": 12.5,
        "hashtags": ["#a", "#b"],
    }
    assert PlanFile.open(plan).plan.calendar[-1].cost == Decimal("12.50")


# -- options and values -------------------------------------------------------------


def test_a_map_to_an_unknown_field_is_refused(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = plan.parent / "m.csv"
    sheet.write_text(HEADER + "2027-01-01,instagram,A\n", encoding="utf-8")
    assert run("import", plan, sheet, "--map", "Title=headline") == 2
    assert "COLUMN=FIELD" in capsys.readouterr().err


def test_two_columns_for_one_field_block_the_import_even_with_skip_bad(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = plan.read_bytes()
    sheet = plan.parent / "t.csv"
    sheet.write_text("Date,Title,Judul\n2027-01-01,A,B\n", encoding="utf-8")
    assert run("import", plan, sheet, "--skip-bad") == 1
    assert "columns B and C" in capsys.readouterr().out
    assert plan.read_bytes() == before


def test_statuses_times_and_numbers_as_spreadsheets_write_them(plan: Path) -> None:
    sheet = plan.parent / "v.csv"
    sheet.write_text(
        "Tanggal;Jam;Status;Biaya;Durasi (menit);Tagar;Materi\n"
        "31.03.2027;9:30 PM;terjadwal;1500,50;45;#kopi, #jakarta;img/a.png\n",
        encoding="utf-8",
    )
    assert run("import", plan, sheet) == 0
    assert calendar(plan)[-1] == {
        "date": dt.date(2027, 3, 31),
        "time": dt.time(21, 30),
        "status": "scheduled",
        "cost": 1500.5,
        "duration": 45,
        "hashtags": ["#kopi", "#jakarta"],
        "asset": "img/a.png",
    }


def test_the_export_goes_beside_the_plan_or_to_stdout(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("export", plan, "--format", "csv") == 0
    beside = plan.with_suffix(".csv")
    assert beside.read_bytes().startswith("\ufeffDate,Time,".encode())
    capsys.readouterr()
    assert run("export", plan, "--format", "csv", "-o", "-") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("2027-01-04,,,instagram,")
