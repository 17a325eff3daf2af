"""The word lists of the SMART checker (``data/smart_words.toml``), and how phrases are found.

Hundreds of phrases in one regex alternation cost milliseconds per statement;
a dictionary of word sequences finds the same phrases in microseconds, which
matters when the statement is re-checked on every keystroke.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Generic, TypeVar

import tomli

#: Categories of words that make a statement weak, in the data file's names.
VAGUE, HEDGE, APPROXIMATE, VAGUE_TIME = "vague", "hedge", "approximate", "vague_time"
CATEGORIES = (VAGUE, HEDGE, APPROXIMATE, VAGUE_TIME)

#: Words are letters and digits; a hyphen or spaces join the words of a phrase.
_WORD = re.compile(r"[^\W_]+|[~±]")

V = TypeVar("V")
_Trie = dict[str, "_Trie"]


def load_data(name: str) -> dict[str, Any]:
    """A TOML data file shipped in ``smplan/data``."""
    text = resources.files("smplan.data").joinpath(name).read_text(encoding="utf-8")
    return tomli.loads(text)


def words_of(phrase: str, fold: bool = True) -> tuple[str, ...]:
    """``"Click-through  rate"`` -> ``("click", "through", "rate")``."""
    return tuple((w.lower() if fold else w) for w in _WORD.findall(phrase))


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a text, with where each stands, split once for every phrase list."""

    spans: tuple[tuple[int, int], ...]
    raw: tuple[str, ...]
    folded: tuple[str, ...]
    #: joined[i]: words i and i + 1 may belong to one phrase (only spaces or a hyphen between).
    joined: tuple[bool, ...]

    @classmethod
    def of(cls, text: str) -> Tokens:
        found = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
        raw = tuple(word for _s, _e, word in found)
        joined = tuple(
            text[found[i][1] : found[i + 1][0]].strip() in ("", "-") for i in range(len(found) - 1)
        )
        spans = tuple((start, end) for start, end, _w in found)
        return cls(spans, raw, tuple(w.lower() for w in raw), joined)


@dataclass(slots=True)
class Phrases(Generic[V]):
    """Phrases to find in text, each with a value; ``*`` ends a phrase that takes any ending."""

    fold: bool = True
    exact: dict[tuple[str, ...], V] = field(default_factory=dict)
    #: Words before the last -> [(start of the last word, value)].
    wild: dict[tuple[str, ...], list[tuple[str, V]]] = field(default_factory=dict)
    #: First word -> length of the longest phrase it starts; most words start none.
    starts: dict[str, int] = field(default_factory=dict)
    #: Starts of one-word phrases that take any ending ("increas").
    wild_words: tuple[str, ...] = ()

    @classmethod
    def of(cls, entries: Iterable[tuple[str, V]], fold: bool = True) -> Phrases[V]:
        phrases: Phrases[V] = cls(fold)
        for phrase, value in entries:
            key = words_of(phrase.rstrip("*"), fold)
            if not key:
                continue
            if phrase.endswith("*"):
                phrases.wild.setdefault(key[:-1], []).append((key[-1], value))
                if len(key) == 1:
                    phrases.wild_words += (key[0],)
                    continue
            else:
                phrases.exact.setdefault(key, value)
            phrases.starts[key[0]] = max(phrases.starts.get(key[0], 0), len(key))
        return phrases

    def find(self, tokens: Tokens) -> list[tuple[V, int, int]]:
        """Leftmost-longest matches, without overlap: (value, start, end) in the text."""
        words = tokens.folded if self.fold else tokens.raw
        found: list[tuple[V, int, int]] = []
        i = 0
        count = len(words)
        while i < count:
            word = words[i]
            longest = self.starts.get(word, 0)
            if not longest and not (self.wild_words and word.startswith(self.wild_words)):
                i += 1
                continue
            size = 1
            while size < longest and i + size < count and tokens.joined[i + size - 1]:
                size += 1
            match = self._match(words, i, size)
            if match is None:
                i += 1
                continue
            value, n = match
            found.append((value, tokens.spans[i][0], tokens.spans[i + n - 1][1]))
            i += n
        return found

    def _match(self, words: tuple[str, ...], i: int, size: int) -> tuple[V, int] | None:
        for n in range(size, 0, -1):
            key = words[i : i + n]
            value = self.exact.get(key)
            if value is not None:
                return value, n
            for start, wild_value in self.wild.get(key[:-1], ()):
                if key[-1].startswith(start):
                    return wild_value, n
        return None

    def search(self, tokens: Tokens) -> bool:
        return bool(self.find(tokens))


@dataclass(frozen=True, slots=True)
class Words:
    #: Every weak word, valued by its category.
    weak: Phrases[str]
    factors: Phrases[Decimal]
    down: Phrases[bool]
    verbs: frozenset[str]
    network_aliases: Phrases[str]
    #: Case-sensitive: "X" is the network, "x" a multiplier.
    network_marks: Phrases[str]
    #: Word lists of ``[changes]``, ``[purpose]`` and ``[respond]``, by key.
    changes: dict[str, tuple[str, ...]]
    purpose: dict[str, tuple[str, ...]]
    respond: dict[str, tuple[str, ...]]
    #: Words before "X" that make it a placeholder ("produk X"), not the network.
    x_not_after: frozenset[str]


@cache
def words() -> Words:
    data = load_data("smart_words.toml")
    weak = [
        (p, category)
        for category in CATEGORIES
        for lang in ("en", "id")
        for p in data[category][lang]
    ]
    networks = data["networks"]
    return Words(
        weak=Phrases.of(weak),
        factors=Phrases.of((k, Decimal(str(v))) for k, v in data["factor"].items()),
        down=Phrases.of((p, True) for p in data["down"]["words"]),
        verbs=frozenset(w.lower() for w in data["verbs"]["words"]),
        network_aliases=Phrases.of(
            (a, net) for net, names in networks.items() for a in names["aliases"]
        ),
        network_marks=Phrases.of(
            ((m, net) for net, names in networks.items() for m in names["marks"]), fold=False
        ),
        changes={key: tuple(v) for key, v in data["changes"].items()},
        purpose={key: tuple(v) for key, v in data["purpose"].items()},
        respond={key: tuple(v) for key, v in data["respond"].items()},
        x_not_after=frozenset(w.lower() for w in networks["x"].get("not_after", ())),
    )


def alternatives(phrases: Iterable[str]) -> str:
    """A regex group matching any of ``phrases``, longest first, spaces as any whitespace.

    For short lists of multi-word phrases; :func:`one_of` is faster for long lists
    of single words.
    """
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"


def one_of(words: Iterable[str]) -> str:
    """A regex group matching any of ``words``, as a trie: "jan", "januari", "june" ->
    ``(?:j(?:an(?:uari)?|une))``. Python's ``re`` tries the branches of a plain
    alternation one by one at every position; a trie looks at each letter once.
    """
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: _Trie) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"
