"""The KPI catalogue (``data/kpis.toml``): what each KPI measures and how it moves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Literal

from smplan.checks.smart.words import Phrases, Tokens, load_data
from smplan.i18n import Lang
from smplan.model import Objective

UnitKind = Literal["count", "percent", "money", "ratio", "duration", "score"]
GOAL_KINDS = (
    "awareness",
    "engagement",
    "traffic",
    "leads",
    "sales",
    "community",
    "service",
    "reputation",
    "recruitment",
    "retention",
)


@dataclass(frozen=True, slots=True)
class Kpi:
    id: str
    name: str
    name_id: str
    family: str
    units: tuple[UnitKind, ...]
    low: Decimal | None
    high: Decimal | None
    better: Literal["up", "down"]
    kinds: tuple[str, ...]
    paid: bool
    growth: Literal["count", "rate"] | None
    engagement: str | None
    synonyms: tuple[str, ...]
    #: How a drafted statement names the KPI ("engagement rate"), by language.
    phrase: str = ""
    phrase_id: str = ""

    def label(self, lang: Lang) -> str:
        return self.name_id if lang == "id" else self.name

    def said(self, lang: Lang) -> str:
        """The KPI as a sentence names it: its name without a bracketed note."""
        if lang == "id":
            return self.phrase_id or self.name_id
        return self.phrase or self.name


@dataclass(frozen=True, slots=True)
class Catalogue:
    kpis: dict[str, Kpi]
    #: Normalised id, name or synonym -> KPI.
    names: dict[str, Kpi]
    mentions: Phrases[Kpi]
    kind_words: Phrases[str]
    kinds_of_objective: dict[str, tuple[str, ...]]
    #: Kinds every objective of a category is also about ("communication": service).
    always: dict[str, tuple[str, ...]]


def normalise(text: str) -> str:
    """``"Engagement_Rate "`` -> ``"engagement rate"``: how names are compared."""
    return " ".join(re.sub(r"[_\-]+", " ", text.lower()).split())


def _kpi(key: str, data: dict[str, object]) -> Kpi:
    bounds = [Decimal(str(b)) for b in data.get("range", [])]  # type: ignore[attr-defined]
    return Kpi(
        id=key,
        name=str(data["name"]),
        name_id=str(data.get("name_id", data["name"])),
        family=str(data.get("family", key)),
        units=tuple(data["units"]),  # type: ignore[arg-type]
        low=bounds[0] if bounds else None,
        high=bounds[1] if len(bounds) > 1 else None,
        better="down" if data.get("better") == "down" else "up",
        kinds=tuple(data.get("kinds", ())),  # type: ignore[arg-type]
        paid=bool(data.get("paid", False)),
        growth=data.get("growth"),  # type: ignore[arg-type]
        engagement=data.get("engagement"),  # type: ignore[arg-type]
        synonyms=tuple(data.get("synonyms", ())),  # type: ignore[arg-type]
        phrase=str(data.get("phrase", "")),
        phrase_id=str(data.get("phrase_id", "")),
    )


@cache
def catalogue() -> Catalogue:
    data = load_data("kpis.toml")
    kpis = {key: _kpi(key, value) for key, value in data["kpi"].items()}
    names: dict[str, Kpi] = {}
    # Ids and names first, synonyms after: a synonym never takes another KPI's name.
    for kpi in kpis.values():
        for name in (kpi.id, kpi.name, kpi.name_id):
            names.setdefault(normalise(name), kpi)
    for kpi in kpis.values():
        for synonym in kpi.synonyms:
            names.setdefault(normalise(synonym), kpi)
    kinds = data["goal_kinds"]
    return Catalogue(
        kpis=kpis,
        names=names,
        mentions=Phrases.of((s, k) for k in kpis.values() for s in k.synonyms),
        kind_words=Phrases.of((w, kind) for kind in GOAL_KINDS for w in kinds["words"][kind]),
        kinds_of_objective={k: tuple(kinds[k]) for k in ("marketing", "communication")},
        always={k: tuple(v) for k, v in kinds.get("always", {}).items()},
    )


def find_kpi(text: str | None) -> Kpi | None:
    """The catalogue KPI a ``kpi`` field names (by id, name or synonym), or None."""
    if not text:
        return None
    return catalogue().names.get(normalise(text))


def kpis_in(tokens: Tokens) -> list[tuple[Kpi, int, int]]:
    """Every KPI named in a text, with where: (kpi, start, end)."""
    return catalogue().mentions.find(tokens)


def kinds_in(text: str) -> tuple[str, ...]:
    """Goal kinds whose words ``text`` uses, in catalogue order."""
    named = {kind for kind, _start, _end in catalogue().kind_words.find(Tokens.of(text))}
    return tuple(kind for kind in GOAL_KINDS if kind in named)


def objective_kinds(objective: Objective) -> tuple[str, ...]:
    """What an objective is about: the kinds its statement names, else those of its kind.

    A marketing objective whose statement speaks of brand awareness is about
    awareness; one that names nothing is about sales, leads, traffic and
    retention. A communication objective is always about answering people
    (service) as well, whatever else it names.
    """
    found = catalogue()
    named = kinds_in(objective.statement or "")
    if not named and objective.kind:
        named = found.kinds_of_objective[objective.kind]
    always = found.always.get(objective.kind or "", ())
    # What the objective names comes first: suggestions follow this order.
    return (*named, *(kind for kind in always if kind not in named))


@cache
def kpis_for(kinds: tuple[str, ...], limit: int = 2) -> tuple[Kpi, ...]:
    """Catalogue KPIs that measure one of ``kinds``, organic ones first, the first
    kinds' first."""
    fitting = [k for k in catalogue().kpis.values() if set(k.kinds) & set(kinds)]
    fitting.sort(key=lambda k: (k.paid, min(kinds.index(x) for x in k.kinds if x in kinds)))
    return tuple(fitting[:limit])
