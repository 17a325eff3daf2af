"""Heading anchors as the wikis compute them, so every contents link lands on its heading.

A heading's id comes from the text it shows (Markdown escapes removed):

- GitHub (and Azure DevOps, whose wiki documents the same rule): lower case;
  every character that is not a letter, a mark, a decimal digit, a connector
  (``_``), a hyphen or a space removed; each space made a hyphen.
- GitLab: the same, then each run of hyphens made one.

Ids repeat in document order with ``-1``, ``-2``... appended (GitHub's
de-duplication; GitLab's is the same). Obsidian links a heading by its text,
so it has no ids here. See docs/export.md for the sources.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Literal

SlugRule = Literal["github", "gitlab"]
_HEADING = re.compile(r"^(#{1,6}) (.*)$")
_FENCE = re.compile(r"^(```|~~~|:::)")
#: CommonMark's backslash escapes: a backslash before ASCII punctuation shows the punctuation.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_HYPHENS = re.compile(r"-{2,}")


def shown_text(markdown: str) -> str:
    """The text a heading written as ``markdown`` (plain words and escapes) shows."""
    return _ESCAPED.sub(r"\1", markdown).strip()


def _kept(ch: str) -> bool:
    if ch in "- ":
        return True
    category = unicodedata.category(ch)
    return category[0] in "LM" or category in ("Nd", "Pc")


def slug(text: str, rule: SlugRule = "github") -> str:
    """The id GitHub (or GitLab) gives a heading that shows ``text``, before de-duplication."""
    words = "".join(ch for ch in text.strip().lower() if _kept(ch)).replace(" ", "-")
    return _HYPHENS.sub("-", words) if rule == "gitlab" else words


class Slugger:
    """Ids in document order, a repeated id taking ``-1``, ``-2``... as the wikis do."""

    def __init__(self, rule: SlugRule = "github") -> None:
        self.rule: SlugRule = rule
        self._seen: dict[str, int] = {}

    def next(self, text: str) -> str:
        base = slug(text, self.rule)
        candidate = base
        while candidate in self._seen:
            self._seen[base] += 1
            candidate = f"{base}-{self._seen[base]}"
        self._seen[candidate] = 0
        return candidate


def headings(markdown: str) -> Iterator[tuple[int, str]]:
    """(level, shown text) of each ATX heading of the export, in order; fenced blocks skipped."""
    fence: str | None = None
    for line in markdown.split("\n"):
        opened = _FENCE.match(line)
        if fence is not None:
            if line.startswith(fence) and line.strip() == fence:
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        match = _HEADING.match(line)
        if match:
            yield len(match.group(1)), shown_text(match.group(2))


def heading_ids(parts: Iterable[str], rule: SlugRule = "github") -> list[list[str]]:
    """The ids of the headings of each part of one page, counted across the parts in order."""
    slugger = Slugger(rule)
    return [[slugger.next(text) for _level, text in headings(part)] for part in parts]


__all__ = ["SlugRule", "Slugger", "heading_ids", "headings", "shown_text", "slug"]
