"""The benchmark table (``data/benchmarks.toml``), with a plan's ``[smart]`` overrides on top."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from smplan.checks.smart.words import load_data
from smplan.model import SmartSettings

Tiers = tuple[tuple[int, Decimal], ...]


@dataclass(frozen=True, slots=True)
class Benchmarks:
    #: Network -> ((followers from, monthly growth %), ...), smallest accounts first.
    growth: dict[str, Tiers]
    #: Denominator -> network -> median engagement rate in %.
    engagement: dict[str, dict[str, Decimal]]
    rules: dict[str, Decimal]
    sources: dict[str, str]
    #: Override keys that could not be used, as ``[smart]`` key paths.
    ignored: tuple[tuple[str, ...], ...] = ()

    def typical_growth(self, network: str | None, followers: Decimal) -> Decimal | None:
        """Typical organic monthly follower growth in % for an account of this size."""
        tiers = self.growth.get(network or "")
        if not tiers:
            return None
        typical = tiers[0][1]
        for floor, percent in tiers:
            if followers >= floor:
                typical = percent
        return typical

    def engagement_median(self, denominator: str | None, network: str | None) -> Decimal | None:
        return self.engagement.get(denominator or "", {}).get(network or "")

    def rule(self, name: str) -> Decimal:
        return self.rules[name]


def _tiers(table: dict[str, Any], path: tuple[str, ...], ignored: list[tuple[str, ...]]) -> Tiers:
    tiers: list[tuple[int, Decimal]] = []
    for key, value in table.items():
        if not key.isdigit():
            ignored.append((*path, key))
            continue
        tiers.append((int(key), Decimal(str(value))))
    return tuple(sorted(tiers))


@cache
def default_benchmarks() -> Benchmarks:
    data = load_data("benchmarks.toml")
    ignored: list[tuple[str, ...]] = []
    return Benchmarks(
        growth={
            net: _tiers(table, ("growth", net), ignored) for net, table in data["growth"].items()
        },
        engagement={
            denominator: {net: Decimal(str(v)) for net, v in table.items()}
            for denominator, table in data["engagement"].items()
        },
        rules={name: Decimal(str(value)) for name, value in data["rules"].items()},
        sources={name: str(text) for name, text in data["sources"].items()},
    )


def benchmarks_for(settings: SmartSettings) -> Benchmarks:
    """The built-in table with a plan's ``[smart]`` table over it.

    A network under ``[smart.growth]`` replaces that network's tiers; engagement
    medians and rules replace one value each. Keys that make no sense (a growth
    tier that is not a whole number, a rule the checker does not know) are
    left out and listed in ``ignored``.
    """
    base = default_benchmarks()
    if not (settings.growth or settings.engagement or settings.rules):
        return base
    ignored: list[tuple[str, ...]] = []
    growth = dict(base.growth)
    for network, table in settings.growth.items():
        tiers = _tiers(table, ("smart", "growth", network), ignored)
        if tiers:
            growth[network] = tiers
    engagement = {denominator: dict(table) for denominator, table in base.engagement.items()}
    for denominator, table in settings.engagement.items():
        engagement.setdefault(denominator, {}).update(table)
    rules = dict(base.rules)
    for name, value in settings.rules.items():
        if name in rules:
            rules[name] = value
        else:
            ignored.append(("smart", "rules", name))
    return Benchmarks(growth, engagement, rules, base.sources, tuple(ignored))
