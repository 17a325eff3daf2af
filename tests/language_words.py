"""Which words belong to which language, for the test that finds English in Indonesian.

The English word list is every word of the English catalogue that the Indonesian
catalogue does not also use, minus the words both languages share on purpose
(:data:`SHARED`: brand names, loanwords the glossary in docs/i18n.md accepts,
technical terms). The Indonesian word list is built the same way from the other
side. The user's own words (every text value of the plan that is not one of
smplan's stored keys) are never counted: a plan written in English stays English
in an Indonesian interface.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from smplan.i18n.catalogue import Lang, messages
from smplan.i18n.values import VALUE_KINDS, known_values, value_key

#: Words written the same in both languages that the glossary (docs/i18n.md) accepts:
#: names, loanwords Indonesian marketers use, and terms of the trade.
SHARED = frozenset(
    """
    album audit awareness azure bahasa blog byte carousel chgrp chmod chown ctrl data
    devops digital disk docs editor email engagement english enter eur facebook
    gender git github gitlab giveaway https ics ideal idr indonesia inf influencer inline
    ins insert instagram internal iso json kpi linkedin markdown media median nan
    obsidian persona personas pinterest podcast smart smplan snapchat swot tab
    telegram terminal threads tiktok toml tutorial twitter usd utf video webinar
    whatsapp wiki youtube del end shift escape home nul root target merge esc
    leads baseline url semi prog dir schema slug administrator format status per
    story item filter keyboard valid milestone rate true false lang plain ganti
    reel reels
    """.split()  # noqa: SIM905  (a word list reads better as words)
)
_WORD = re.compile(r"[A-Za-z]+")
_PLACEHOLDER = re.compile(r"\{[^}]*\}|%\([^)]*\)\w|\$\w+")
#: A command line is code: ``smplan new PATH``.
_COMMAND = re.compile(r"smplan (?:new|check|export|tables)\b")
_MARKUP = re.compile(r"\[/?[a-z #0-9$.-]*\]")
#: A token that is code, not prose: a TOML key path (goals[1].owner, [plan]),
#: key = value, a file name, an option (--lang): its words are not translated.
_CODE = re.compile(
    r"^[\W]*(?:\([a-z][\w-]*\)|[\w-]*\[[^\]]*\][\w.\[\]-]*|[\w-]+\.[\w.\[\]-]+|[\w-]*=[\w\"'-]*|--[\w-]+|`[^`]*`|[\w-]*_[\w-]*)[\W]*$"
)


def words_of(text: str) -> Iterator[str]:
    """The words of ``text`` a person reads as prose, in lower case (3 letters or more)."""
    for token in _COMMAND.sub(" ", text).split():
        if _CODE.match(token):
            continue
        for word in _WORD.findall(token):
            if len(word) >= 3:
                yield word.lower()


def _catalogue_words(lang: Lang) -> set[str]:
    found: set[str] = set()
    for text in messages(lang).values():
        found.update(words_of(_MARKUP.sub(" ", _PLACEHOLDER.sub(" ", text))))
    return found


@cache
def foreign_words(lang: Lang) -> frozenset[str]:
    """Words of the other language that must not show in a ``lang`` interface."""
    if lang == "id":
        # English words the Indonesian catalogue still uses are what this test is for.
        return frozenset(_catalogue_words("en") - SHARED)
    return frozenset(_catalogue_words("id") - _catalogue_words("en") - SHARED)


def _stored_keys() -> set[str]:
    keys: set[str] = set()
    for kind in VALUE_KINDS:
        keys.update(known_values(kind))
    return keys


def _strings(data: Any) -> Iterable[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def user_words(plan: Path) -> frozenset[str]:
    """The words of the user's own text in ``plan`` (smplan's stored keys excluded)."""
    data = tomllib.loads(plan.read_text(encoding="utf-8"))
    keys = _stored_keys()
    found: set[str] = {w.lower() for w in _WORD.findall(str(plan))}  # its path is shown
    for text in _strings(data):
        if value_key(text) in keys:
            continue
        found.update(w.lower() for w in _WORD.findall(text))
    return frozenset(found)


def foreign_in(text: str, lang: Lang, plan: Path) -> list[str]:
    """The other language's words in ``text`` (a ``lang`` screen or page), in order, once each."""
    bad = foreign_words(lang) - user_words(plan)
    seen: dict[str, None] = {}
    for word in words_of(text):
        if word in bad:
            seen.setdefault(word)
    return list(seen)


#: The level and code of a ``smplan check`` line stay English for scripts (docs/i18n.md).
_CHECK_CODE = re.compile(r"\b(?:error|warning) [a-z][a-z-]*:")


def check_prose(output: str) -> str:
    """``smplan check`` output without the stable level and code of each line."""
    return _CHECK_CODE.sub(" ", output)


#: The words of Mermaid's own syntax that begin a diagram's lines.
_MERMAID = frozenset(
    {"pie", "title", "showData", "gantt", "section", "xychart-beta", "x-axis", "y-axis", "line"}
)
#: Mermaid lines that hold syntax only (a date pattern), never words of the plan.
_MERMAID_SYNTAX = frozenset({"dateFormat", "axisFormat"})


def markdown_prose(page: str) -> str:
    """An export page without the Mermaid keywords that start the lines of its diagrams."""
    lines = []
    in_diagram = False
    for line in page.splitlines():
        if line.startswith("```"):
            in_diagram = line.strip() == "```mermaid"
            continue
        if in_diagram:
            words = line.split()
            if words and words[0] in _MERMAID_SYNTAX:
                continue
            while words and words[0] in _MERMAID:
                words.pop(0)
            line = " ".join(words)
        lines.append(line)
    return "\n".join(lines)
