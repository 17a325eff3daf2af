"""The content calendar as an iCalendar file (RFC 5545), for Google Calendar, Outlook and the like.

Every dated calendar item is one event (the mapping, field by field, is in
docs/calendar.md, "iCalendar"):

- all-day on its date, or, with a ``time``, timed in the plan's ``timezone``
  (UTC by default) and lasting ``duration`` minutes (:data:`DEFAULT_MINUTES`
  without one);
- SUMMARY "network · title"; DESCRIPTION the caption, then a labelled line
  each for hashtags, owner, goal, asset and published URL, in the plan's
  language; CATEGORIES the pillar and the network;
- a repeating item is one event with an RRULE (and an EXDATE per ``except``
  date), over the same dates as the Markdown export shows: those
  ``schedule/occurrences.py`` gives within the plan period;
- its UID comes from the plan's title and the item's network, title and
  date (:func:`item_uids`), so a later export of the same plan gives the same
  UIDs and a calendar program that imports it again updates its events
  rather than adding them twice.

Items without a date are left out (a calendar program has nowhere to put
them); :class:`IcsExport` counts them so the CLI can say so. The output
depends on the plan only: DTSTAMP is the Markdown export's reference day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

import icalendar

from smplan.checks.budget.periods import resolve_period
from smplan.checks.structure.schedule import known_zone
from smplan.export import check_exportable
from smplan.export.context import reference_day
from smplan.export.errors import ExportError
from smplan.export.write import write_text
from smplan.i18n import Lang, t
from smplan.i18n.values import display_name
from smplan.model import WEEKDAYS, CalendarItem, Plan
from smplan.schedule.occurrences import item_dates, repeat_interval, repeats

#: Minutes a timed item without ``duration`` lasts in the calendar: long
#: enough to be seen and clicked in a day view, short enough not to hide others.
DEFAULT_MINUTES = 30
#: Names the program that wrote the file (RFC 5545 requires one); no version,
#: so that the same plan gives the same file after an upgrade.
PRODID = "-//smplan//Social media marketing plan//EN"
#: The right-hand side of every UID: the UIDs are ours, not a host's.
UID_DOMAIN = "smplan"
#: Changing how UIDs are made would duplicate every event in calendars that
#: imported an earlier file: this tag is part of the hash, bump it only on purpose.
UID_SCHEME = "smplan-ics-1"

_BYDAY = {name: name[:2].upper() for name in WEEKDAYS}
#: Control characters RFC 5545 allows in no text value (tab and line feed are
#: kept: a line break is written as ``\n``).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class IcsExport:
    """The iCalendar text of a plan and what it holds."""

    text: str
    #: VEVENTs written (a repeating item is one).
    events: int
    #: Items left out because they have no date.
    undated: int


def default_ics_path(plan_path: Path) -> Path:
    """``plan.toml`` -> ``plan.ics``; never the plan's own path (``a.ics`` -> ``a.ics.ics``)."""
    target = plan_path.with_suffix(".ics")
    if target == plan_path:
        target = plan_path.with_name(plan_path.name + ".ics")
    return target


def clean_text(text: str) -> str:
    """``text`` as an iCalendar text value can hold it: CR LF and CR become LF, other controls go."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def plan_zone(plan: Plan, plan_path: Path | None = None) -> zoneinfo.ZoneInfo | dt.timezone:
    """The zone timed items are in: ``[plan] timezone``, else UTC; ExportError for an unknown name."""
    name = plan.plan.timezone
    if name is None or name in ("UTC", "Etc/UTC"):
        return dt.UTC
    if not known_zone(name):
        raise ExportError(str(plan_path or ""), t("ics.error.timezone", None, zone=name))
    return zoneinfo.ZoneInfo(name)


def item_uids(plan: Plan) -> list[str | None]:
    """The UID of each item of ``plan.calendar`` (None for an undated item), by position.

    sha256 of the scheme tag, the plan's ``title``, and the item's
    ``network``, ``title`` and ``date`` (the first date of a repeating item,
    as stored); the n-th item with the same four (n > 1, in file order) adds
    ``-n`` to the hash input. An item keeps its UID while those stay; its
    caption, time, status, owner, URL or repeat rule may change.
    """
    plan_title = plan.plan.title or ""
    seen: dict[tuple[str, str, str], int] = {}
    out: list[str | None] = []
    for item in plan.calendar:
        if item.date is None:
            out.append(None)
            continue
        key = (item.network or "", item.title or "", item.date.isoformat())
        seen[key] = count = seen.get(key, 0) + 1
        parts = [UID_SCHEME, plan_title, *key]
        if count > 1:
            parts.append(str(count))
        digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
        out.append(f"{digest[:32]}@{UID_DOMAIN}")
    return out


def export_ics(plan: Plan, lang: Lang | None = None, plan_path: Path | None = None) -> IcsExport:
    """The calendar of ``plan`` as iCalendar text, labels in ``lang`` (default: the plan's)."""
    lang = lang or plan.language
    zone = plan_zone(plan, plan_path)
    stamp = dt.datetime.combine(reference_day(plan), dt.time(), tzinfo=dt.UTC)
    period = resolve_period(plan, reference_day(plan))
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", clean_text(plan.plan.title or t("export.untitled", lang)))
    calendar.add("x-wr-timezone", plan.plan.timezone or "UTC")
    owners = {m.id: m.name or m.id for m in plan.resources.team if m.id}
    events = undated = 0
    for item, uid in zip(plan.calendar, item_uids(plan), strict=True):
        if uid is None:
            undated += 1
            continue
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        _add_dates(event, item, zone, period.start, period.end)
        event.add("summary", summary(item, lang))
        description = _description(item, lang, owners)
        if description:
            event.add("description", description)
        categories = [
            clean_text(c)
            for c in (item.pillar, display_name("network", item.network, lang))
            if c and c.strip()
        ]
        if categories:
            event.add("categories", categories)
        calendar.add_component(event)
        events += 1
    if zone is not dt.UTC:
        # A TZID must have its VTIMEZONE in the file (RFC 5545 3.2.19).
        calendar.add_missing_timezones()
    return IcsExport(calendar.to_ical().decode("utf-8"), events, undated)


def summary(item: CalendarItem, lang: Lang) -> str:
    """ "network · title" (the network's display name); either alone when the other is missing."""
    title = item.title if item.title and item.title.strip() else t("export.untitled-item", lang)
    network = display_name("network", item.network, lang)
    return clean_text(f"{network} · {title}" if network else title)


def _description(item: CalendarItem, lang: Lang, owners: dict[str, str]) -> str:
    """The caption, then one "label: value" line per detail the item has."""
    lines: list[str] = []
    tags = " ".join(tag.strip() for tag in item.hashtags if tag.strip())
    for label, value in (
        ("ics.label.hashtags", tags),
        ("ics.label.owner", owners.get(item.owner, item.owner) if item.owner else None),
        ("ics.label.goal", item.goal),
        ("ics.label.asset", item.asset),
        ("ics.label.url", item.url),
    ):
        if value and value.strip():
            lines.append(f"{t(label, lang)}: {value}")
    details = "\n".join(lines)
    caption = item.caption or ""
    if caption and details:
        return clean_text(f"{caption}\n\n{details}")
    return clean_text(caption or details)


def event_dates(item: CalendarItem, start: dt.date, end: dt.date) -> list[dt.date]:
    """The dates ``item`` is an event on: as the Markdown export shows it.

    A plain item: its date. A repeating item: its occurrences in ``start..end``
    (the plan period), or its own date when none falls there.
    """
    assert item.date is not None
    if not repeats(item):
        return [item.date]
    return item_dates(item, start, end) or [item.date]


def _add_dates(
    event: icalendar.Event,
    item: CalendarItem,
    zone: zoneinfo.ZoneInfo | dt.timezone,
    start: dt.date,
    end: dt.date,
) -> None:
    days = event_dates(item, start, end)
    first, last = days[0], days[-1]
    clock = item.time

    def moment(day: dt.date) -> dt.date | dt.datetime:
        if clock is None:
            return day
        return dt.datetime.combine(day, clock.replace(tzinfo=None), tzinfo=zone)

    begin = moment(first)
    event.add("dtstart", begin)
    finish: dt.date | dt.datetime | None = None
    try:
        if isinstance(begin, dt.datetime):
            minutes = item.duration
            if minutes is None or minutes < 0:  # the structure check reports a negative one
                minutes = DEFAULT_MINUTES
            # Added in UTC: a post at 01:30 on the night clocks change still lasts its minutes.
            finish = (begin.astimezone(dt.UTC) + dt.timedelta(minutes=minutes)).astimezone(zone)
        else:
            finish = first + dt.timedelta(days=1)
    except OverflowError:  # the last day Python knows, or a duration of centuries
        finish = None
    if finish is not None:
        event.add("dtend", finish)
    if len(days) < 2:
        return
    rule = item.repeat
    assert rule is not None
    # UNTIL is the end of the last day rather than the last post's minute: a
    # reader an hour off in its time-zone rules still gets the last occurrence.
    every = item_dates(item.model_copy(update={"except_": []}), first, last)
    recur: dict[str, object] = {"freq": "weekly" if rule.every == "week" else "monthly"}
    try:
        recur["until"] = (
            last
            if clock is None
            else dt.datetime.combine(last, dt.time(23, 59, 59), tzinfo=zone).astimezone(dt.UTC)
        )
    except OverflowError:  # near the year 9999 in UTC: count the dates instead
        recur["count"] = len(every)
    interval = repeat_interval(item)
    if interval > 1:
        recur["interval"] = interval
    if rule.every == "week":
        assert item.date is not None
        on = rule.on or [WEEKDAYS[item.date.weekday()]]
        recur["byday"] = [_BYDAY[name] for name in WEEKDAYS if name in on]
        # ISO weeks, as the rule counts them (the RFC's default is Monday too).
        recur["wkst"] = "MO"
    else:
        assert item.date is not None
        recur["bymonthday"] = item.date.day if rule.day is None else rule.day
    event.add("rrule", recur)
    skipped = set(item.except_)
    if skipped:
        gone = [moment(day) for day in every if day in skipped]
        if gone:
            event.add("exdate", gone)


def write_plan_ics(
    plan: Plan, plan_path: Path | None, target: Path | None = None, lang: Lang | None = None
) -> tuple[Path, IcsExport]:
    """Write the iCalendar file of ``plan`` to ``target`` (default: beside the plan, ``.ics``).

    Atomically, and no more readable than the plan (``files.atomic.write_companion``).
    """
    check_exportable(plan, plan_path)
    if target is None:
        if plan_path is None:
            raise ExportError("", t("export.error.no-path"))
        target = default_ics_path(plan_path)
    result = export_ics(plan, lang, plan_path)
    return write_text(target, result.text, plan_path), result


def write_ics_on_save(plan: Plan, plan_path: Path | None) -> Path | None:
    """After a save: write ``<plan>.ics`` when ``[export] ics`` is true; the path, else None."""
    if not plan.export.ics or plan_path is None:
        return None
    return write_plan_ics(plan, plan_path)[0]
