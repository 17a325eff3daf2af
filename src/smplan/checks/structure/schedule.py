"""What the schedule of posts needs: a time zone that exists and repeat rules that can be read."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from functools import cache

from smplan.findings import Finding
from smplan.i18n import Lang, t
from smplan.model import Plan


@cache
def known_zone(name: str) -> bool:
    """True when ``name`` is an IANA time zone this system (or the tzdata package) has."""
    # Path-like names are refused before zoneinfo sees them: it reads files by name.
    if not name or name != name.strip() or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def schedule_findings(plan: Plan, lang: Lang) -> Iterator[Finding]:
    zone = plan.plan.timezone
    if zone is not None and not known_zone(zone):
        yield Finding(
            "error",
            "bad-timezone",
            t("finding.bad-timezone", lang, zone=zone),
            ("plan", "timezone"),
        )
    for index, item in enumerate(plan.calendar):
        rule = item.repeat
        if rule is None:
            continue
        here = ("calendar", index, "repeat")
        if rule.every is None:
            yield Finding("warning", "repeat-no-every", t("finding.repeat-no-every", lang), here)
        elif item.date is None:
            path = ("calendar", index, "date")
            yield Finding("warning", "repeat-no-date", t("finding.repeat-no-date", lang), path)
        if rule.interval is not None and rule.interval < 1:
            message = t("finding.repeat-interval", lang)
            yield Finding("error", "repeat-interval", message, (*here, "interval"))
        if rule.day is not None and not 1 <= rule.day <= 31:
            yield Finding("error", "repeat-day", t("finding.repeat-day", lang), (*here, "day"))
