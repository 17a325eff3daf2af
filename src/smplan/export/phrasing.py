"""The checker's findings in the reader's words: list and field names, not file paths.

The SMART checker writes its fixes for someone editing the TOML file
(``add people under [[resources.team]]``, ``set target = 180``). A stakeholder
reading the export knows the app's words instead: the step, the list, the
field's label. :func:`finding_words` is the one place the export turns the
first into the second.

Interim: this knows only the tables and goal fields the SMART fixes name. The
app's describer of key paths (step name, item title, field label, both
languages) replaces it when it lands; the export then calls that here.
"""

from __future__ import annotations

import re

from smplan.i18n import Lang, t

#: Array tables the fixes name -> (step number, list id of the app's catalogue).
TABLES = {
    "resources.team": (3, "list.team"),
    "resources.tools": (3, "list.tools"),
    "resources.allocations": (3, "list.allocations"),
    "objectives": (4, "list.objectives"),
    "goals": (4, "list.goals"),
    "personas": (2, "list.personas"),
    "strategy.networks": (5, "list.networks"),
    "calendar": (6, "list.calendar"),
    "measurement.results": (7, "list.results"),
    "measurement.reviews": (7, "list.reviews"),
}
#: Goal fields the fixes name -> the app's field label id.
FIELDS = {
    "kpi": "field.kpi",
    "target": "field.target",
    "baseline": "field.baseline",
    "unit": "field.unit",
    "owner": "field.owner",
    "objective": "field.objective",
    "deadline": "field.deadline",
    "network": "field.network",
    "goal": "field.goal",
    "hours_per_week": "field.goal-hours",
    "statement": "field.goal-statement",
}
_TABLE = re.compile(r"\[\[([a-z_.]+)\]\]|\[([a-z_.]+)\]")
_ASSIGN = re.compile(r"\b(" + "|".join(FIELDS) + r") = ")
#: A field named as a word where only a field can be meant: "the kpi field", "kolom kpi", snake case.
_NAMED = re.compile(
    r"(?<=the )(" + "|".join(FIELDS) + r")(?= field)|(?<=kolom )(" + "|".join(FIELDS) + r")\b"
    r"|\b(hours_per_week)\b"
)


def _label(field: str, lang: Lang) -> str:
    # Labels of list fields end in "(one per line)" in the app; a sentence needs the name only.
    return t(FIELDS[field], lang).split(" (")[0]


def _table(match: re.Match[str], lang: Lang) -> str:
    path = match.group(1) or match.group(2)
    known = TABLES.get(path)
    if known is None:
        return match.group(0)
    step, list_id = known
    return t("export.where-list", lang, list=t(list_id, lang), step=t(f"step.{step}", lang))


def finding_words(text: str, lang: Lang) -> str:
    """``text`` (a SMART reason or fix) with table paths and field keys in the app's words."""
    text = _TABLE.sub(lambda m: _table(m, lang), text)
    text = _ASSIGN.sub(lambda m: f"{_label(m.group(1), lang)}: ", text)
    return _NAMED.sub(lambda m: f"“{_label(m.group(1) or m.group(2) or m.group(3), lang)}”", text)


__all__ = ["finding_words"]
