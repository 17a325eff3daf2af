"""The checker's data files and messages hold together: every rule has its words in both languages."""

from __future__ import annotations

import re
import string
from decimal import Decimal
from pathlib import Path

import pytest

from smplan.checks.smart.benchmarks import default_benchmarks
from smplan.checks.smart.kpis import GOAL_KINDS, catalogue, find_kpi, normalise
from smplan.checks.smart.verdict import LETTER_KEYS
from smplan.checks.smart.words import words_of
from smplan.i18n import messages

CHECKS = Path(__file__).resolve().parent.parent / "src" / "smplan" / "checks" / "smart"
#: Module of each letter's rules.
LETTER_MODULES = {
    "specific": "specific.py",
    "measurable": "measurable.py",
    "achievable": "achievable.py",
    "relevant": "relevant.py",
    "time-bound": "time_bound.py",
}
_RULE_CALL = re.compile(r'notes\.(fail|warn|note|unjudged)\(\s*"([a-z-]+)"')


def _rules() -> list[tuple[str, str, str]]:
    """(letter key, kind of call, rule) for every rule the code can report."""
    found = []
    for letter, module in LETTER_MODULES.items():
        source = (CHECKS / module).read_text(encoding="utf-8")
        found += [(letter, kind, rule) for kind, rule in _RULE_CALL.findall(source)]
        found.append((letter, "note", "ok"))
    return found


def _smart_messages(lang: str) -> dict[str, str]:
    return {k: v for k, v in messages(lang).items() if k.startswith("smart.")}  # type: ignore[arg-type]


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_the_rule_scan_finds_rules() -> None:
    assert len(_rules()) > 50


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_rule_has_a_reason_and_a_fix(lang: str) -> None:
    catalogue_ = _smart_messages(lang)
    for letter, kind, rule in _rules():
        key = f"smart.{letter}.{rule}"
        assert f"{key}.reason" in catalogue_, key
        if kind != "note":
            assert f"{key}.fix" in catalogue_, key
    for letter in LETTER_KEYS.values():
        assert f"smart.letter.{letter}" in catalogue_
    for kind in GOAL_KINDS:
        assert f"smart.kind.{kind}" in catalogue_


def test_both_languages_have_the_same_messages_and_placeholders() -> None:
    english, indonesian = _smart_messages("en"), _smart_messages("id")
    assert english.keys() == indonesian.keys()
    for key, text in english.items():
        assert _fields(text) == _fields(indonesian[key]), key
        assert "\n" not in text and "\n" not in indonesian[key], key
        # Only loanwords Indonesian marketers use as they are may read the same.
        assert text != indonesian[key] or key.startswith("smart.kind."), key


def test_kpi_catalogue_is_consistent() -> None:
    kpis = catalogue().kpis
    assert len(kpis) >= 25
    owner: dict[str, str] = {}
    for kpi in kpis.values():
        assert kpi.units and set(kpi.units) <= {
            "count",
            "percent",
            "money",
            "ratio",
            "duration",
            "score",
        }
        assert kpi.kinds and set(kpi.kinds) <= set(GOAL_KINDS), kpi.id
        assert kpi.better in ("up", "down")
        assert kpi.name and kpi.name_id
        if kpi.units[0] == "percent" and kpi.growth != "rate":
            assert (kpi.low, kpi.high) in ((0, 100), (-100, 100)), kpi.id
        assert find_kpi(kpi.id) is kpi and find_kpi(kpi.name) is kpi
        for synonym in kpi.synonyms:
            # One synonym names one KPI; otherwise the statement and the field could disagree.
            key = " ".join(words_of(synonym))
            assert owner.setdefault(key, kpi.id) == kpi.id, (synonym, owner[key], kpi.id)
    paid = {k.id for k in kpis.values() if k.paid}
    assert paid == {"cpc", "cpm", "cpa", "roas"}
    lower_is_better = {k.id for k in kpis.values() if k.better == "down"}
    assert lower_is_better == {"cpc", "cpm", "cpa", "first-response-time", "churn-rate"}


def test_every_goal_kind_has_kpis_and_words_in_both_languages() -> None:
    found = catalogue()
    for kind in GOAL_KINDS:
        assert any(kind in k.kinds for k in found.kpis.values()), kind
        assert kinds_in_words(kind), kind
    # Service KPIs have their homes beyond customer service.
    homes = {k.id: set(k.kinds) for k in found.kpis.values()}
    assert {"service", "community", "reputation"} <= homes["first-response-time"]
    assert "reputation" in homes["share-of-voice"] and "awareness" in homes["share-of-voice"]
    assert "reputation" in homes["net-sentiment"]
    assert homes["applicants"] == {"recruitment"}
    assert homes["churn-rate"] == {"retention"}
    assert "retention" in homes["repeat-purchases"]
    assert "service" in homes["resolution-rate"]


def kinds_in_words(kind: str) -> bool:
    """Whether the objective words of ``kind`` include English and Indonesian ones."""
    words = [w for w, k in catalogue().kind_words.exact.items() if k == kind]
    return len(words) >= 4


def test_kpi_field_lookup_forgives_case_spacing_and_language() -> None:
    assert find_kpi("Engagement_Rate ") is catalogue().kpis["engagement-rate"]
    assert find_kpi("tingkat konversi") is catalogue().kpis["conversion-rate"]
    assert find_kpi("Cost-per-click") is catalogue().kpis["cpc"]
    assert find_kpi("brand searches") is None
    assert normalise("  Waktu   Respons ") == "waktu respons"


def test_benchmark_table_has_its_sources_and_ordered_tiers() -> None:
    bench = default_benchmarks()
    assert set(bench.sources) >= {
        "growth",
        "engagement_followers",
        "engagement_impressions",
        "reply_hours",
    }
    for network, tiers in bench.growth.items():
        floors = [floor for floor, _percent in tiers]
        assert floors[0] == 0 and floors == sorted(floors), network
    assert bench.typical_growth("instagram", 9999) == 3
    assert bench.typical_growth("instagram", 10000) == 1.5
    assert bench.typical_growth("instagram", 250000) == 1
    assert bench.typical_growth("mastodon", 100) is None
    assert bench.engagement_median("followers", "tiktok") == Decimal("3.70")
    assert bench.rule("growth_fail") > bench.rule("growth_stretch") > bench.rule("growth_ambitious")
