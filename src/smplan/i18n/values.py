"""Display names of the values a plan stores, in English and Indonesian.

The plan file keeps stable keys (``status = "published"``, ``network =
"instagram"``, ``kpi = "followers"``); what a person reads is the value's
display name in their language: "terbit", "Instagram", "pengikut". The app,
``smplan check`` and the export all call :func:`display_name`; the names live
in the catalogue (``i18n/<lang>/values.toml``) and, for KPIs, in the KPI
catalogue ``data/kpis.toml``. A value smplan does not know (a network or a
format of the user's own) is shown as it is stored. No Textual here.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Literal, get_args

import tomli

from smplan.i18n.catalogue import Lang, messages

ValueKind = Literal[
    "network",
    "format",
    "unit",
    "status",
    "objective-kind",
    "cadence",
    "tool-period",
    "category",
    "flavor",
    "language",
    "answer",
    "kpi",
]
VALUE_KINDS: tuple[ValueKind, ...] = get_args(ValueKind)
_SEPARATORS = re.compile(r"[\s_]+")
#: "donations per month": a known unit followed by a known period.
_UNIT_PERIOD = re.compile(r"^(?P<head>.+?)[\s_-]+(?P<period>(?:per|a)[\s_-]+\S+)$")


#: The kinds whose values are the fixed choices of the app's select fields, in the
#: order a choice is looked up (no two of them share a key).
CHOICE_KINDS: tuple[ValueKind, ...] = (
    "tool-period",
    "objective-kind",
    "status",
    "cadence",
    "flavor",
    "language",
    "answer",
)


def value_key(value: str) -> str:
    """``" Blog Post "`` -> ``"blog-post"``: how a stored value is looked up."""
    return _SEPARATORS.sub("-", value.strip().lower())


def _lookup(kind: str, value: str, lang: Lang) -> str | None:
    return messages(lang).get(f"value.{kind}.{value_key(value)}")


def display_name(kind: ValueKind, value: str | None, lang: Lang) -> str:
    """The name of stored ``value`` (of ``kind``) as ``lang`` readers read it.

    Unknown values come back as they are stored (stripped); ``None`` gives "".
    """
    if value is None:
        return ""
    if kind == "kpi":
        return kpi_name(value, lang)
    if kind == "unit":
        return unit_name(value, lang)
    found = _lookup(kind, value, lang)
    return found if found is not None else value.strip()


def choice_name(value: str, lang: Lang) -> str:
    """A fixed choice of a select field (``month``, ``published``, ``github``) in words."""
    for kind in CHOICE_KINDS:
        found = _lookup(kind, value, lang)
        if found is not None:
            return found
    return value.strip()


def unit_name(value: str, lang: Lang) -> str:
    """A goal's unit: ``followers`` -> ``pengikut``; ``donations per month`` -> ``donasi per bulan``.

    A unit made of a known unit and a known period is translated part by part;
    anything else is the user's own words, shown as stored.
    """
    found = _lookup("unit", value, lang)
    if found is not None:
        return found
    match = _UNIT_PERIOD.match(value.strip())
    if match:
        head = _lookup("unit", match["head"], lang)
        period = _lookup("unit-period", match["period"], lang)
        if head is not None and period is not None:
            return f"{head} {period}"
    return value.strip()


def _normalise_kpi(text: str) -> str:
    return " ".join(re.sub(r"[_\-]+", " ", text.lower()).split())


@cache
def _kpi_names() -> dict[str, tuple[str, str]]:
    """Normalised id, name, Indonesian name or synonym -> (English name, Indonesian name)."""
    text = resources.files("smplan.data").joinpath("kpis.toml").read_text(encoding="utf-8")
    table = tomli.loads(text).get("kpi", {})
    names: dict[str, tuple[str, str]] = {}
    # Ids and names first, synonyms after: a synonym never takes another KPI's name.
    for key, data in table.items():
        pair = (str(data["name"]), str(data.get("name_id", data["name"])))
        for word in (key, pair[0], pair[1]):
            names.setdefault(_normalise_kpi(word), pair)
    for data in table.values():
        pair = (str(data["name"]), str(data.get("name_id", data["name"])))
        for word in data.get("synonyms", ()):
            names.setdefault(_normalise_kpi(str(word)), pair)
    return names


def kpi_name(value: str, lang: Lang) -> str:
    """A goal's KPI by its catalogue name (``followers`` -> ``pengikut``), else as stored."""
    pair = _kpi_names().get(_normalise_kpi(value))
    if pair is None:
        return value.strip()
    return pair[1] if lang == "id" else pair[0]


def known_values(kind: ValueKind) -> tuple[str, ...]:
    """The stored keys of ``kind`` that have a display name (for tests and pickers)."""
    if kind == "kpi":
        return tuple(sorted(_kpi_names()))
    prefix = f"value.{kind}."
    return tuple(k[len(prefix) :] for k in messages("en") if k.startswith(prefix))


__all__ = [
    "CHOICE_KINDS",
    "VALUE_KINDS",
    "ValueKind",
    "choice_name",
    "display_name",
    "known_values",
    "kpi_name",
    "unit_name",
    "value_key",
]
