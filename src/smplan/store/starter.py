"""The text of a new plan: every step with a short guiding comment."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from string import Template

from smplan.i18n import Lang, t
from smplan.store.values import render_string

DEFAULT_CURRENCY: dict[Lang, str] = {"en": "USD", "id": "IDR"}


def default_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """From the first day of next month, for twelve months."""
    day = today or dt.date.today()
    start = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    end = dt.date(start.year + 1, start.month, 1) - dt.timedelta(days=1)
    return start, end


def starter_text(
    lang: Lang = "en",
    title: str | None = None,
    file_name: str = "plan.toml",
    today: dt.date | None = None,
) -> str:
    template = resources.files("smplan.data").joinpath("starter", f"{lang}.toml")
    start, end = default_period(today)
    return Template(template.read_text(encoding="utf-8")).substitute(
        title=render_string(title or t("plan.untitled", lang)),
        start=start.isoformat(),
        end=end.isoformat(),
        currency=DEFAULT_CURRENCY[lang],
        file=file_name,
    )
