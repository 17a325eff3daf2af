"""One line per network on how the calendar keeps its posting rhythm.

The export's summary and the budget tracker in step 3 both say it this way.
Weeks and gaps are counted, not listed (``smplan check`` and the problems list
name each), so a year of calendar still takes one line per network.
"""

from __future__ import annotations

from collections.abc import Callable

from smplan.checks.rhythm import Direction, NetworkRhythm
from smplan.i18n import Lang, t
from smplan.i18n.formats import format_number
from smplan.i18n.values import display_name

_PARTS: tuple[tuple[Direction, str, Callable[[list[int]], int]], ...] = (
    ("below", "rhythm.below", min),
    ("above", "rhythm.above", max),
)


def rhythm_line(network: NetworkRhythm, lang: Lang) -> str:
    """``Instagram, 3 a week in the strategy, 40 planned: below it in 2 of 26 weeks (fewest 1)``."""
    head = t(
        "rhythm.line",
        lang,
        network=display_name("network", network.network, lang),
        per_week=format_number(network.per_week, lang),
        posts=network.posts,
    )
    return f"{head}: {'; '.join(rhythm_parts(network, lang))}"


def rhythm_parts(network: NetworkRhythm, lang: Lang) -> list[str]:
    """What is off the rhythm (weeks below, weeks above, gaps), or that nothing is."""
    parts = []
    total = network.weeks_total
    for direction, key, pick in _PARTS:
        weeks = network.weeks(direction)
        if weeks:
            counts = [run.count for run in network.runs if run.direction == direction]
            parts.append(t(key, lang, weeks=weeks, total=total, count=pick(counts)))
    if network.gaps:
        longest = max(gap.days for gap in network.gaps)
        parts.append(
            t("rhythm.gaps", lang, limit=network.gap_limit, gaps=len(network.gaps), longest=longest)
        )
    return parts or [t("rhythm.ok", lang)]


def off_rhythm(network: NetworkRhythm) -> bool:
    """True when some week is below or above the rhythm, or posts leave a gap."""
    return bool(network.runs or network.gaps)
