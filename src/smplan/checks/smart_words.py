"""The word lists of the SMART checker (``data/smart_words.toml``), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import tomli

#: Categories of words that make a statement weak, in the data file's names.
VAGUE, HEDGE, APPROXIMATE, VAGUE_TIME = "vague", "hedge", "approximate", "vague_time"
CATEGORIES = (VAGUE, HEDGE, APPROXIMATE, VAGUE_TIME)


def load_data(name: str) -> dict[str, Any]:
    """A TOML data file shipped in ``smplan/data``."""
    text = resources.files("smplan.data").joinpath(name).read_text(encoding="utf-8")
    return tomli.loads(text)


def phrase_pattern(phrase: str) -> str:
    """A whole-word regex for ``phrase``; ``*`` at the end stands for any ending."""
    wild = phrase.endswith("*")
    words = phrase.rstrip("*").split()
    body = r"\s+".join(re.escape(word) for word in words)
    if wild:
        body += r"\w*"
    # Symbols such as "~" or "±" have no word boundary of their own.
    head = r"(?<![\w-])" if phrase[:1].isalnum() else ""
    tail = r"(?![\w-])" if phrase.rstrip("*")[-1:].isalnum() else ""
    return head + body + tail


def alternation(phrases: list[str]) -> str:
    """Longest phrases first, so that "lebih banyak" wins over "banyak"."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p.rstrip("*")), p))
    return "|".join(phrase_pattern(p) for p in ordered)


@dataclass(frozen=True, slots=True)
class Words:
    #: One regex over every weak word; the name of the group that matched is its category.
    weak: re.Pattern[str]
    factor: re.Pattern[str]
    factors: dict[str, Decimal]
    down: re.Pattern[str]
    verbs: re.Pattern[str]
    network_aliases: re.Pattern[str]
    network_marks: re.Pattern[str]
    network_of: dict[str, str]


@cache
def words() -> Words:
    data = load_data("smart_words.toml")
    groups = []
    for category in CATEGORIES:
        phrases = [p for lang in ("en", "id") for p in data[category][lang]]
        groups.append(f"(?P<{category}>{alternation(phrases)})")
    factors = {key.lower(): Decimal(str(value)) for key, value in data["factor"].items()}
    network_of: dict[str, str] = {}
    aliases: list[str] = []
    marks: list[str] = []
    for network, names in data["networks"].items():
        network_of[network] = network
        for alias in names["aliases"]:
            network_of[alias.lower()] = network
            aliases.append(alias)
        for mark in names["marks"]:
            network_of[mark] = network
            marks.append(mark)
    return Words(
        weak=re.compile("|".join(groups), re.IGNORECASE),
        factor=re.compile(alternation(list(factors)), re.IGNORECASE),
        factors=factors,
        down=re.compile(alternation(data["down"]["words"]), re.IGNORECASE),
        verbs=re.compile(alternation(data["verbs"]["words"]), re.IGNORECASE),
        network_aliases=re.compile(alternation(aliases), re.IGNORECASE),
        # Marks are case-sensitive: "X" is the network, "x" a multiplier.
        network_marks=re.compile(alternation(marks)),
        network_of=network_of,
    )
