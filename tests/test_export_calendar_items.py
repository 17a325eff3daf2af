"""The export lists each occurrence of a repeating item, the richer keys under the table
(once per item), and the posting rhythm in the summary, one line per network."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from smplan.export import export_markdown
from smplan.export.cells import ROW_WIDTH
from smplan.model import Plan
from tests.test_export_table_width import widths

D = dt.date
LONG = "A caption long enough to need more than a table cell " * 4


def bakery(language: str = "en", **extra: Any) -> Plan:
    series = {
        "date": D(2027, 1, 5),
        "time": dt.time(9, 30),
        "network": "instagram",
        "format": "carousel",
        "title": "Bread of the week",
        "caption": LONG.strip() + "\nSecond line.",
        "hashtags": ["#bakery", "#jakarta"],
        "asset": "media/bread.jpg",
        "repeat": {"every": "week", "on": ["tue", "fri"], "until": D(2027, 2, 28)},
        "except": [D(2027, 1, 15)],
        "cost": 50000,
    }
    live = {
        "date": D(2027, 1, 20),
        "network": "youtube",
        "title": "Live: shaping a loaf",
        "duration": 45,
        "url": "https://example.com/live/1",
    }
    data: dict[str, Any] = {
        "schema": 1,
        "plan": {
            "title": "Corner bakery",
            "period_start": D(2027, 1, 4),
            "period_end": D(2027, 3, 28),
            "currency": "IDR",
            "language": language,
        },
        "strategy": {
            "networks": [
                {"network": "instagram", "posts_per_week": 2},
                {"network": "youtube", "posts_per_week": 1},
                {"network": "tiktok"},
            ]
        },
        "calendar": [series, live],
    }
    data.update(extra)
    return Plan.model_validate(data)


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n#", start + 1)
    return text[start : end if end >= 0 else None]


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_occurrence_has_a_row_and_the_details_come_once(language: str) -> None:
    text = export_markdown(bakery(language), "github")
    rows = [
        line for line in text.splitlines() if line.startswith("|") and "Bread of the week" in line
    ]
    # Tuesdays and Fridays from 5 January to 26 February, less 15 January: 15 occurrences.
    assert len(rows) == 15
    days = [int(re.match(r"\| (\d+)", row).group(1)) for row in rows]  # type: ignore[union-attr]
    assert days[:4] == [5, 8, 12, 19]
    assert text.count("#bakery") == 1
    assert text.count("media/bread.jpg") == 1
    assert text.count("Second line.") == 1
    assert "https://example.com/live/1" in text
    words = {"en": ("45 min", "Repeats every week on Tuesday, Friday until 28 February 2027, except 15 January 2027"),
             "id": ("45 menit", "Berulang setiap minggu pada hari Selasa, Jumat sampai 28 Februari 2027, kecuali 15 Januari 2027")}  # fmt: skip
    for phrase in words[language]:
        assert phrase in text


@pytest.mark.parametrize("flavor", ["github", "gitlab", "azure", "obsidian"])
def test_rows_stay_within_the_width(flavor: str) -> None:
    text = export_markdown(bakery(), flavor)
    rows = list(widths.table_rows(text))
    assert rows
    assert [row.line for row in rows if not widths.fits(row, ROW_WIDTH)] == []


def test_the_summary_has_one_rhythm_line_per_network_with_posts_per_week() -> None:
    text = export_markdown(bakery(), "github")
    part = section(text, "### Posting rhythm")
    lines = [line for line in part.splitlines() if line.startswith("- ")]
    assert len(lines) == 2  # TikTok has no posts_per_week
    instagram, youtube = lines
    # 2 a week from 4 January to 28 February (8 weeks), one week short (15 January skipped),
    # then 4 empty weeks in March.
    assert instagram.startswith("- Instagram, 2 a week in the strategy, 15 planned: ")
    assert "below it in 5 of 12 weeks (fewest 0)" in instagram
    assert youtube.startswith("- YouTube, 1 a week in the strategy, 1 planned: ")
    assert "below it in 11 of 12 weeks" in youtube


def test_a_calendar_on_rhythm_says_so() -> None:
    plan = bakery(
        calendar=[
            {
                "date": D(2027, 1, 4),
                "network": "instagram",
                "title": "Twice a week",
                "repeat": {"every": "week", "on": ["mon", "thu"]},
            }
        ],
        strategy={"networks": [{"network": "instagram", "posts_per_week": 2}]},
    )
    part = section(export_markdown(plan, "github"), "### Posting rhythm")
    assert "- Instagram, 2 a week in the strategy, 24 planned: on rhythm every week" in part


def test_the_next_weeks_list_occurrences() -> None:
    plan = bakery()
    text = export_markdown(plan, "github", today=D(2027, 1, 4))
    part = section(text, "### The next four weeks")
    assert "Week of 4 Jan, 2 item(s)" in part
    assert "Week of 11 Jan, 1 item(s)" in part  # the Friday of that week is skipped


def test_a_published_url_is_a_link_only_when_it_is_a_web_address() -> None:
    text = export_markdown(bakery(), "github")
    assert "(https://example.com/live/1)" in text
    hostile = bakery(
        calendar=[{"date": D(2027, 1, 20), "title": "x", "url": "javascript:alert(1)"}]
    )
    text = export_markdown(hostile, "github")
    assert "](javascript" not in text and "alert(1)" in text
