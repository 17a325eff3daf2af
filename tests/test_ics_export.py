"""The calendar as iCalendar: read back by two parsers, each occurrence once, stable UIDs.

The files are parsed with ``icalendar`` (the library that writes them) and with
``vobject``, which unfolds, unescapes and expands RRULE/EXDATE (through dateutil)
on its own; what they read is compared with the plan and with
``schedule/occurrences.py``.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zoneinfo
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
import vobject
from dateutil import tz as dateutil_tz
from hypothesis import given, settings
from hypothesis import strategies as st

from smplan.checks.budget.periods import resolve_period
from smplan.cli import main
from smplan.export.context import reference_day
from smplan.i18n.values import display_name
from smplan.interchange.ics import DEFAULT_MINUTES, clean_text, export_ics, item_uids
from smplan.model import CalendarItem, Plan
from smplan.schedule.occurrences import item_dates, occurrences, repeats
from smplan.store import PlanFile
from tests.conftest import FIXTURES, SAMPLES

REPEATS = FIXTURES / "scenarios" / "calendar_repeats_zones.toml"
PLANS = [*sorted(SAMPLES.glob("*.toml")), REPEATS]


def _id(path: Path) -> str:
    return path.stem


def load(path: Path) -> Plan:
    return PlanFile.open(path).plan


def zone_of(plan: Plan) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(plan.plan.timezone or "UTC")


def expected_dates(plan: Plan, item: CalendarItem) -> list[dt.date]:
    """Each date the item must be an event on: the plan period's occurrences for a rule."""
    assert item.date is not None
    if not repeats(item):
        return [item.date]
    period = resolve_period(plan, reference_day(plan))
    return item_dates(item, period.start, period.end) or [item.date]


def expected_summary(plan: Plan, item: CalendarItem) -> str:
    network = display_name("network", item.network, plan.language)
    title = item.title or "Untitled item"
    return f"{network} · {title}" if network else title


def vobject_events(text: str) -> list[Any]:
    calendar = vobject.readOne(text)
    return list(getattr(calendar, "vevent_list", []))


def vobject_instants(event: Any) -> list[dt.date | dt.datetime]:
    """The event's occurrences as vobject and dateutil expand them (RRULE minus EXDATE)."""
    start = event.dtstart.value
    rules = event.getrruleset(addRDate=True)
    if rules is None:
        return [start]
    found = list(rules)
    if not isinstance(start, dt.datetime):  # all-day: dateutil gives midnights
        return [moment.date() for moment in found]
    return found


def as_local(moment: dt.date | dt.datetime) -> dt.date | dt.datetime:
    """The wall-clock time in the event's own zone (its TZID).

    vobject reads a VTIMEZONE's RDATE lists wrongly (it keeps the first
    transition only), so its UTC instants can be an hour off; the zone itself
    is checked against the IANA data by dateutil's reader below.
    """
    if isinstance(moment, dt.datetime):
        return moment.replace(tzinfo=None)
    return moment


def wanted_instants(plan: Plan, item: CalendarItem) -> list[dt.date | dt.datetime]:
    """The item's occurrences as local dates (all-day) or local wall-clock times."""
    days = expected_dates(plan, item)
    if item.time is None:
        return list(days)
    return [dt.datetime.combine(day, item.time) for day in days]


# -- parsed by two parsers ----------------------------------------------------------


@pytest.mark.parametrize("path", PLANS, ids=_id)
def test_the_export_parses_with_icalendar_and_vobject_alike(path: Path) -> None:
    plan = load(path)
    result = export_ics(plan)
    dated = [item for item in plan.calendar if item.date is not None]
    assert result.events == len(dated)
    assert result.undated == len(plan.calendar) - len(dated)

    parsed = icalendar.Calendar.from_ical(result.text)
    ours = parsed.walk("VEVENT")
    theirs = vobject_events(result.text)
    assert len(ours) == len(theirs) == len(dated)
    for event, other in zip(ours, theirs, strict=True):
        assert str(event["UID"]) == other.uid.value
        assert str(event["SUMMARY"]) == other.summary.value
        assert str(event.get("DESCRIPTION", "")) == (
            other.description.value if hasattr(other, "description") else ""
        )
    # RFC 5545 3.1: lines end in CRLF and are at most 75 octets.
    lines = result.text.encode("utf-8").split(b"\r\n")
    assert lines[-1] == b""
    assert max(len(line) for line in lines) <= 75
    assert b"\n" not in b"".join(lines)


@pytest.mark.parametrize("path", PLANS, ids=_id)
def test_every_item_is_an_event_on_each_of_its_dates_once(path: Path) -> None:
    plan = load(path)
    text = export_ics(plan).text
    by_uid = {event.uid.value: event for event in vobject_events(text)}
    checked = 0
    for item, uid in zip(plan.calendar, item_uids(plan), strict=True):
        if uid is None:
            continue
        event = by_uid.pop(uid)
        assert event.summary.value == expected_summary(plan, item)
        found = [as_local(moment) for moment in vobject_instants(event)]
        assert Counter(found) == Counter(wanted_instants(plan, item)), item.title
        start = event.dtstart.value
        if item.time is None:
            assert type(start) is dt.date
            assert event.dtend.value == start + dt.timedelta(days=1)
        else:
            assert isinstance(start, dt.datetime) and start.tzinfo is not None
            minutes = item.duration if item.duration is not None else DEFAULT_MINUTES
            assert event.dtend.value - start == dt.timedelta(minutes=minutes)
        checked += 1
    assert not by_uid  # no event that is not an item
    assert checked == sum(1 for item in plan.calendar if item.date is not None)


@pytest.mark.parametrize("path", PLANS, ids=_id)
def test_each_occurrence_in_the_period_is_in_the_file_exactly_once(path: Path) -> None:
    """What occurrences() gives for the plan period, counted from the expanded file."""
    plan = load(path)
    period = resolve_period(plan, reference_day(plan))
    events = {event.uid.value: event for event in vobject_events(export_ics(plan).text)}
    uids = item_uids(plan)
    in_file: Counter[tuple[str, dt.date]] = Counter()
    for uid, event in events.items():
        for moment in vobject_instants(event):
            local = as_local(moment)
            day = local.date() if isinstance(local, dt.datetime) else local
            if period.start <= day <= period.end:
                in_file[(uid, day)] += 1
    wanted: Counter[tuple[str, dt.date]] = Counter()
    for occurrence in occurrences(plan, period.start, period.end):
        uid = uids[occurrence.index]
        assert uid is not None
        wanted[(uid, occurrence.date)] += 1
    assert in_file == wanted


def test_timed_items_carry_the_plans_zone_and_the_wall_clock_time() -> None:
    """Across the change to summer time (28 March 2027) the post stays at 09:30 in London."""
    plan = load(REPEATS)
    parsed = icalendar.Calendar.from_ical(export_ics(plan).text)
    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/London"]
    first = parsed.walk("VEVENT")[0]
    assert first["DTSTART"].params["TZID"] == "Europe/London"
    assert first["DTSTART"].dt.replace(tzinfo=None) == dt.datetime(2027, 1, 5, 9, 30)
    rule = first["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["INTERVAL"] == [2]
    assert rule["BYDAY"] == ["TU", "FR"]
    exdates = [d.dt for prop in [first["EXDATE"]] for d in prop.dts]
    assert [d.date() for d in exdates] == [dt.date(2027, 1, 19), dt.date(2027, 3, 30)]
    instants = [
        moment.replace(tzinfo=ours)
        for ours in [zoneinfo.ZoneInfo("Europe/London")]
        for moment in vobject_instants(vobject_events(export_ics(plan).text)[0])
    ]
    assert {moment.time() for moment in instants} == {dt.time(9, 30)}
    # Summer time and winter time both present: 09:30 is 08:30 or 09:30 UTC.
    assert {moment.astimezone(dt.UTC).hour for moment in instants} == {8, 9}


@pytest.mark.parametrize("path", PLANS, ids=_id)
def test_the_vtimezone_agrees_with_the_iana_zone_on_every_timed_occurrence(path: Path) -> None:
    """dateutil reads the file's VTIMEZONE on its own; its offsets must be the zone's."""
    plan = load(path)
    text = export_ics(plan).text
    if plan.plan.timezone in (None, "UTC"):
        assert "BEGIN:VTIMEZONE" not in text
        return
    start, end = text.index("BEGIN:VTIMEZONE"), text.index("END:VTIMEZONE") + 13
    theirs = dateutil_tz.tzical(io.StringIO(text[start:end])).get()
    zone = zone_of(plan)
    checked = 0
    for item in plan.calendar:
        if item.date is None or item.time is None:
            continue
        for day in expected_dates(plan, item):
            wall = dt.datetime.combine(day, item.time)
            assert wall.replace(tzinfo=theirs).utcoffset() == wall.replace(tzinfo=zone).utcoffset()
            checked += 1
    assert checked


def test_a_plan_without_a_zone_writes_utc_times() -> None:
    plan = load(REPEATS).model_copy(deep=True)
    plan.plan.timezone = None
    text = export_ics(plan).text
    assert "VTIMEZONE" not in text
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert event["DTSTART"].dt == dt.datetime(2027, 1, 5, 9, 30, tzinfo=dt.UTC)


def test_description_and_categories_in_the_plans_language() -> None:
    plan = load(REPEATS)
    item = plan.calendar[0]
    for lang, labels in (
        ("en", ("Hashtags", "Owner", "Goal", "Asset", "Published at")),
        ("id", ("Tagar", "Penanggung jawab", "Sasaran", "Materi", "Terbit di")),
    ):
        event = vobject_events(export_ics(plan, lang).text)[0]
        caption, details = event.description.value.split("\n\n")
        assert caption == item.caption
        values = ("#kopi #v60", "Dewi Lestari", "ig-followers", "media/tip.mp4", item.url)
        assert details.split("\n") == [f"{a}: {b}" for a, b in zip(labels, values, strict=True)]
        assert event.categories.value == ["Tips, tricks", "Instagram"]


# -- the same UIDs every time -------------------------------------------------------


@pytest.mark.parametrize("path", PLANS, ids=_id)
def test_uids_are_unique_and_equal_across_two_exports(path: Path, tmp_path: Path) -> None:
    first = export_ics(load(path))
    copy = tmp_path / "copy.toml"
    shutil.copyfile(path, copy)
    again = export_ics(load(copy))
    assert again.text == first.text  # DTSTAMP included: the file depends on the plan only
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(first.text).walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_a_uid_survives_edits_of_the_details_and_changes_with_the_title() -> None:
    plan = load(REPEATS)
    before = item_uids(plan)
    edited = plan.model_copy(deep=True)
    edited.calendar[0].caption = "A new caption"
    edited.calendar[0].status = "published"
    edited.calendar[0].time = dt.time(11, 0)
    edited.calendar[2].except_ = []
    assert item_uids(edited) == before
    edited.calendar[0].title = "Tip Thursday"
    after = item_uids(edited)
    assert after[0] != before[0] and after[1:] == before[1:]


# -- any text survives --------------------------------------------------------------

#: Text a plan can hold that iCalendar can carry: no surrogates, no control
#: characters other than tab and line feed (RFC 5545 3.3.11 has no place for them).
_TEXT = st.text(
    st.characters(
        exclude_categories=("Cs",),
        exclude_characters="".join(chr(c) for c in (*range(0, 9), *range(11, 32), 127)),
    ),
    min_size=1,
    max_size=200,
)


def one_item_plan(title: str, caption: str) -> Plan:
    return Plan.model_validate(
        {
            "plan": {"title": "Property", "timezone": "Asia/Jakarta"},
            "calendar": [
                {
                    "date": dt.date(2027, 1, 5),
                    "time": dt.time(9, 0),
                    "network": "instagram",
                    "title": title,
                    "caption": caption,
                }
            ],
        }
    )


def _both(text: str) -> Iterator[tuple[str, str | None]]:
    """(SUMMARY, DESCRIPTION) of the first event as each parser reads them."""
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    yield str(event["SUMMARY"]), str(event["DESCRIPTION"]) if "DESCRIPTION" in event else None
    other = vobject_events(text)[0]
    yield other.summary.value, other.description.value if hasattr(other, "description") else None


@settings(max_examples=150, deadline=None)
@given(title=_TEXT.filter(str.strip), caption=_TEXT)
def test_any_title_and_caption_survive_exactly(title: str, caption: str) -> None:
    text = export_ics(one_item_plan(title, caption)).text
    assert max(len(line) for line in text.encode("utf-8").split(b"\r\n")) <= 75
    for summary, description in _both(text):
        assert summary == f"Instagram · {title}"
        assert description == clean_text(caption)
        if "\r" not in caption:
            assert description == caption


@settings(max_examples=50, deadline=None)
@given(title=st.text(min_size=1, max_size=40).filter(str.strip), caption=st.text(max_size=40))
def test_control_characters_are_left_out_and_the_rest_kept(title: str, caption: str) -> None:
    text = export_ics(one_item_plan(title, caption)).text
    for summary, description in _both(text):
        assert summary == clean_text(f"Instagram · {title}")
        assert (description or "") == clean_text(caption)


# -- smplan export --format ics -----------------------------------------------------


@pytest.fixture
def usual_umask() -> Iterator[None]:
    import os

    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("usual_umask")
def test_the_cli_writes_the_ics_beside_the_plan_no_more_readable_than_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "kopi.toml"
    shutil.copyfile(SAMPLES / "kopi-nusantara.toml", plan)
    plan.chmod(0o600)
    assert main(["export", str(plan), "--format", "ics"]) == 0
    target = tmp_path / "kopi.ics"
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_bytes().decode("utf-8") == export_ics(load(plan)).text
    assert target.read_bytes().count(b"\r\n") == target.read_bytes().count(b"\n")
    assert str(target) in capsys.readouterr().out
    assert not (tmp_path / "kopi.md").exists()

    plan.chmod(0o644)
    elsewhere = tmp_path / "out" / "team.ics"
    elsewhere.parent.mkdir()
    assert main(["export", str(plan), "--format", "ics", "-o", str(elsewhere)]) == 0
    assert elsewhere.stat().st_mode & 0o777 == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_the_cli_prints_to_stdout_and_counts_undated_items(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    assert main(["export", str(REPEATS), "--format", "ics", "-o", "-"]) == 0
    out = capsysbinary.readouterr()
    assert out.out.decode("utf-8") == export_ics(load(REPEATS)).text
    assert b"1 item(s) without a date" in out.err


def test_the_cli_refuses_markdown_options_and_bad_zones_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    shutil.copyfile(REPEATS, plan)
    assert main(["export", str(plan), "--format", "ics", "--flavor", "gitlab"]) == 1
    assert f"{plan}: --flavor is for the Markdown export only" in capsys.readouterr().err
    text = plan.read_text(encoding="utf-8").replace('"Europe/London"', '"Mars/Olympus"')
    plan.write_text(text, encoding="utf-8")
    assert main(["export", str(plan), "--format", "ics"]) == 1
    err = capsys.readouterr().err
    assert f"smplan: {plan}: " in err and "'Mars/Olympus'" in err and "Asia/Jakarta" in err
    assert "Traceback" not in err
    assert not plan.with_suffix(".ics").exists()


def test_the_cli_says_where_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    shutil.copyfile(REPEATS, plan)
    assert main(["export", str(plan), "--format", "ics", "-o", str(tmp_path)]) == 1
    assert f"smplan: {tmp_path}: this is a folder" in capsys.readouterr().err
    assert main(["export", str(plan), "--format", "ics", "-o", str(plan)]) == 1
    assert "would overwrite the plan itself" in capsys.readouterr().err


def test_markdown_stays_the_default_format(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    shutil.copyfile(REPEATS, plan)
    assert main(["export", str(plan)]) == 0
    assert plan.with_suffix(".md").exists() and not plan.with_suffix(".ics").exists()


@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Asia/Tokyo", None])
@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_the_edges_of_the_calendar_and_odd_durations_still_export(
    zone: str | None, day: dt.date
) -> None:
    """A date Python can barely hold, a negative or huge duration: a file both parsers read."""
    items: list[dict[str, Any]] = [
        {"date": day, "time": dt.time(23, 30), "title": "negative", "duration": -5},
        {"date": day, "time": dt.time(23, 30), "title": "centuries", "duration": 10**12},
        {"date": day, "title": "all day"},
        {
            "date": day,
            "time": dt.time(23, 30),
            "title": "rule",
            "repeat": {"every": "week", "on": ["mon", "sun"]},
        },
    ]
    period = {"period_start": day.replace(day=1), "period_end": day.replace(day=31)}
    plan = Plan.model_validate({"plan": {"timezone": zone, **period}, "calendar": items})
    text = export_ics(plan).text
    assert len(icalendar.Calendar.from_ical(text).walk("VEVENT")) == len(items)
    assert len(vobject_events(text)) == len(items)
    negative = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    if day.year == 1:  # a negative duration counts as none
        wanted = dt.timedelta(minutes=DEFAULT_MINUTES)
        assert negative["DTEND"].dt - negative["DTSTART"].dt == wanted
    else:  # the end would fall after 9999: the event has its start only
        assert "DTEND" not in negative
