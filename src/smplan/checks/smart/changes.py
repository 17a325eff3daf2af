"""The change a goal's statement asks for, read from its masked text.

- ``from X to Y`` / ``dari X menjadi Y``: the baseline and the target;
- a target alone: ``reach 5,000``, ``grow followers to 5,000``, ``mencapai 500 order``;
- a change from the baseline: ``by 700``, ``sebesar 15%``, ``add 5,000``, ``1,000 new
  followers``, ``20% more leads``, ``a 10% increase``, ``1.000 pengikut baru``;
- a factor: ``double``, ``menggandakan``, ``dua kali lipat``, ``halve``.

A target and a change may both be given ("by 20%, to 6,000"): the target is what
is said outright, the change only checks it. The word lists live in
``data/smart_words.toml`` (``[changes]``); figures arrive masked as ``#``, dates
and durations as ``@``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from smplan.checks.smart.numbers import Quantity
from smplan.checks.smart.words import alternatives, words


@dataclass(frozen=True, slots=True)
class Change:
    """A movement the statement asks for.

    ``before``/``after`` for "from X to Y"; ``after`` alone for a target said
    outright ("reach 5,000"); ``by`` for "by 20%" or "add 5,000"; ``factor`` for
    "double" or "halve".
    """

    before: Quantity | None = None
    after: Quantity | None = None
    by: Quantity | None = None
    factor: Decimal | None = None
    down: bool = False

    @property
    def relative(self) -> bool:
        """True when the target is only known from the baseline: "by 700", "double"."""
        return self.after is None and (self.by is not None or self.factor is not None)


@dataclass(frozen=True, slots=True)
class _Patterns:
    from_to: re.Pattern[str]
    target: re.Pattern[str]
    to_target: re.Pattern[str]
    by: re.Pattern[str]
    gain_after: re.Pattern[str]
    change_after: re.Pattern[str]
    down_words: frozenset[str]


#: Verbs of change that may take "to Y" for the target ("grow followers to 5,000").
_TO_VERBS = (
    r"(?:grow|increase|raise|boost|lift|bring|take|get|cut|reduce|lower|decrease|drop|improve"
    r"|expand|double|meningkatkan|tingkatkan|menaikkan|naikkan|menurunkan|turunkan|menambah)\w*"
)


@cache
def _patterns() -> _Patterns:
    lists = words().changes
    target = alternatives(lists["target"])
    change = alternatives(lists["change"])
    filler = alternatives(lists["filler"])
    gain_en = alternatives(lists["gain_after"])
    gain_id = alternatives(lists["gain_after_id"])
    after = alternatives((*lists["change_after"], *lists["down_after"]))
    flags = re.IGNORECASE
    return _Patterns(
        from_to=re.compile(
            r"\b(?:from|dari)\s+(?:[^\s#@]+\s+){0,3}?(?P<a>#+)(?:\s+[^\s#@]+){0,3}?"
            r"\s+(?:to|into|menjadi|jadi|ke|hingga|sampai|until)\s+(?:[^\s#@]+\s+){0,2}?(?P<b>#+)",
            flags,
        ),
        target=re.compile(
            rf"\b{target}\s+(?:(?:a|an|the|total\s+of|of|sebanyak|sejumlah|angka|total)\s+)?"
            r"(?:[^\s#@]+\s+){0,2}?(?P<q>#+)",
            flags,
        ),
        to_target=re.compile(
            rf"\b{_TO_VERBS}\b(?:\s+[^\s@]+){{0,5}}?\s+(?P<up>up\s+)?(?:to|menjadi|jadi)\s+(?P<q>#+)",
            flags,
        ),
        by=re.compile(rf"\b(?P<how>{change})\s+(?:{filler}\s+)?(?P<q>#+)", flags),
        gain_after=re.compile(
            rf"(?P<q>#+)\s+(?:{gain_en}\b|(?:[^\s#@]+\s+){{0,2}}?{gain_id}\b)", flags
        ),
        change_after=re.compile(rf"(?P<q>#+)\s+(?P<how>{after})\b", flags),
        down_words=frozenset(
            w.lower()
            for w in (
                "down",
                "turun",
                "menurun",
                "berkurang",
                "penurunan",
                *lists["down_after"],
                "decrease of",
                "drop of",
                "reduction of",
            )
        ),
    )


def read_change(
    masked: str, quantities: list[Quantity], factor: Decimal | None, down: bool
) -> Change | None:
    """The change of a statement whose figures are masked as ``#``.

    ``factor``: the first factor word ("double"), masked too; ``down``: the
    statement says the KPI goes down ("reduce", "menurunkan").
    """
    at = {q.start: q for q in quantities}
    if not at and factor is None:
        return None  # nothing to change by, and no figure to change to
    patterns = _patterns()
    pair = patterns.from_to.search(masked)
    if pair and pair.start("a") in at and pair.start("b") in at:
        return Change(before=at[pair.start("a")], after=at[pair.start("b")], down=down)

    after: Quantity | None = None
    for pattern in (patterns.target, patterns.to_target):
        for m in pattern.finditer(masked):
            if m.groupdict().get("up") or m.start("q") not in at:
                continue  # "up to 5 posts" is a ceiling, not a target
            if after is None or m.start("q") < after.start:
                after = at[m.start("q")]
            break

    by: Quantity | None = None
    going_down = down
    for pattern in (patterns.by, patterns.gain_after, patterns.change_after):
        for m in pattern.finditer(masked):
            quantity = at.get(m.start("q"))
            if quantity is None or quantity is after:
                continue
            if by is None or quantity.start < by.start:
                by = quantity
                how = " ".join((m.groupdict().get("how") or "").lower().split())
                going_down = down or how in patterns.down_words
            break
    if after is None and by is None and factor is None:
        return None
    if after is None and by is None and factor is not None:
        return Change(factor=factor, down=factor < 1)
    return Change(after=after, by=by, factor=factor, down=going_down)
