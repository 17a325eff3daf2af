"""What a goal's statement says: numbers, dates, durations, weak words, networks, KPIs.

Statements are free text in English or Indonesian, and a plan in one language
may hold goals written in the other, so both vocabularies are always searched.

Dates and durations are found first and masked (:mod:`.dates`,
:mod:`.durations`), so that the numbers inside them (``30 June 2027``,
``3 bulan``) are not taken for quantities; quantities are masked next
(:mod:`.numbers`), and what is left is split into clauses and searched for words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from smplan.checks.smart.dates import LOOK_BACK, DateMention, find_dates, mask
from smplan.checks.smart.durations import Duration, find_durations
from smplan.checks.smart.kpis import Kpi, kpis_in
from smplan.checks.smart.numbers import (
    MINUTES,
    Quantity,
    mask_quantities,
    number_readings,
    parse_number,
    quantities_in,
)
from smplan.checks.smart.words import APPROXIMATE, HEDGE, VAGUE, VAGUE_TIME, Tokens, words
from smplan.i18n import Lang


@dataclass(frozen=True, slots=True)
class WeakWord:
    """A vague word, hedge, approximation or vague time word found in the statement."""

    category: str
    word: str
    #: True when a quantity stands in the same clause.
    with_number: bool


@dataclass(frozen=True, slots=True)
class Change:
    """A movement the statement asks for.

    ``before``/``after`` for "from X to Y"; ``by`` for "by 20%" or "add 5,000";
    ``factor`` for "double" or "halve".
    """

    before: Quantity | None = None
    after: Quantity | None = None
    by: Quantity | None = None
    factor: Decimal | None = None
    down: bool = False


@dataclass(frozen=True, slots=True)
class Statement:
    text: str
    #: Number convention the statement was read with.
    lang: Lang
    quantities: tuple[Quantity, ...]
    change: Change | None
    dates: tuple[DateMention, ...]
    durations: tuple[Duration, ...]
    weak: tuple[WeakWord, ...]
    #: Networks named, in order, each once (destinations like "to our blog" left out).
    networks: tuple[str, ...]
    #: KPIs named, in order, one per family (denominators like "by reach" left out).
    kpis: tuple[Kpi, ...]

    @property
    def deadline(self) -> DateMention | None:
        """The date the statement sets as the deadline: a marked one, else the last."""
        marked = [d for d in self.dates if d.marked]
        pool = marked or list(self.dates)
        return pool[-1] if pool else None

    def first(self, category: str, with_number: bool | None = None) -> WeakWord | None:
        for weak in self.weak:
            if weak.category == category and (
                with_number is None or weak.with_number == with_number
            ):
                return weak
        return None


_ID_CUES = frozenset((
    "dari", "menjadi", "pada", "paling", "lambat", "sebelum", "dalam", "bulan", "pengikut", "dan",
    "yang", "untuk", "dengan", "meningkatkan", "mencapai", "sebesar", "hingga", "akhir", "tahun",
    "kami", "kita", "di", "ke",
))  # fmt: skip
_EN_CUES = frozenset((
    "from", "to", "by", "the", "and", "within", "followers", "of", "on", "in", "increase", "reach",
    "grow", "month", "months", "our", "we", "for", "with", "end", "at",
))  # fmt: skip


def statement_language(text: str, fallback: Lang) -> Lang:
    """The language whose little words the statement uses most; ``fallback`` on a tie."""
    return _language(Tokens.of(text), fallback)


def _language(tokens: Tokens, fallback: Lang) -> Lang:
    indonesian = sum(1 for word in tokens.folded if word in _ID_CUES)
    english = sum(1 for word in tokens.folded if word in _EN_CUES)
    if indonesian == english:
        return fallback
    return "id" if indonesian > english else "en"


_CLAUSE_BREAK = re.compile(r"[;!?\n()\[\]—–]|[.,:](?=\s|$)|\s-\s")
_CHANGE = re.compile(
    r"\b(?:from|dari)\s+(?:[^\s#@]+\s+){0,3}?(?P<a>#+)(?:\s+[^\s#@]+){0,3}?"
    r"\s+(?:to|into|menjadi|jadi|ke|hingga|sampai|until)\s+(?:[^\s#@]+\s+){0,2}?(?P<b>#+)",
    re.IGNORECASE,
)
_BY = re.compile(
    r"\b(?P<how>by|up|down|sebesar|naik|turun|meningkat|menurun|bertambah|berkurang|tumbuh"
    r"|add|gain|menambah|tambah)\s+(?:(?:another|lagi|extra|sebanyak)\s+)?(?P<q>#+)",
    re.IGNORECASE,
)
_DESTINATION = re.compile(
    r"\b(?:to|into|ke|menuju)\s+(?:(?:our|the|my|kami|kita)\s+)?$", re.IGNORECASE
)
_DENOMINATOR = re.compile(
    r"\b(?:of|per|by|from|dari|atas|berdasarkan)\s+(?:(?:the|our)\s+)?$", re.IGNORECASE
)


@lru_cache(maxsize=512)
def parse_statement(text: str, lang: Lang = "en") -> Statement:
    """Everything the checker reads from a statement; ``lang`` is the plan's language."""
    chars = list(text)

    dates = find_dates(text, chars)
    durations = find_durations(text, chars)

    # Numbers are masked before their language is known: the words left tell it.
    matches = mask_quantities(chars)
    masked = "".join(chars)
    tokens = Tokens.of(masked)
    convention = _language(tokens, lang)
    quantities = quantities_in(matches, convention)

    lexicon = words()
    factor: Decimal | None = None
    factors = lexicon.factors.find(tokens)
    for value, start, end in factors:
        factor = factor or value
        mask(chars, start, end, "#")
    if factors:
        masked = "".join(chars)
        tokens = Tokens.of(masked)

    by_start = {q.start: q for q in quantities}
    down = lexicon.down.search(tokens)
    change: Change | None = None
    pair = _CHANGE.search(masked)
    if pair and pair.start("a") in by_start and pair.start("b") in by_start:
        change = Change(
            before=by_start[pair.start("a")], after=by_start[pair.start("b")], down=down
        )
    else:
        relative = _BY.search(masked)
        if relative and relative.start("q") in by_start:
            how = relative["how"].lower()
            going_down = down or how in ("down", "turun", "menurun", "berkurang")
            change = Change(by=by_start[relative.start("q")], down=going_down)
        elif factor is not None:
            change = Change(factor=factor, down=factor < 1)

    clauses = _clauses(masked)
    clause_starts = [start for start, _end in clauses]
    weak: list[WeakWord] = []
    for category, start, end in lexicon.weak.find(tokens):
        clause_start, clause_end = clauses[bisect_right(clause_starts, start) - 1]
        if category == APPROXIMATE and not masked[end:clause_end].lstrip().startswith("#"):
            continue
        has_number = "#" in masked[clause_start:clause_end]
        weak.append(WeakWord(category, text[start:end], has_number))

    found_networks = [
        (start, network)
        for phrases in (lexicon.network_aliases, lexicon.network_marks)
        for network, start, _end in phrases.find(tokens)
        if not _DESTINATION.search(masked, max(0, start - LOOK_BACK), start)
    ]
    networks = tuple(dict.fromkeys(network for _at, network in sorted(found_networks)))

    kpis: list[Kpi] = []
    families: set[str] = set()
    for kpi, start, end in kpis_in(tokens):
        if _DENOMINATOR.search(masked, max(0, start - LOOK_BACK), start):
            continue
        if masked[start:end].lower() in lexicon.verbs and masked[end:].lstrip().startswith("#"):
            continue
        if kpi.family not in families:
            families.add(kpi.family)
            kpis.append(kpi)

    return Statement(
        text=text,
        lang=convention,
        quantities=tuple(quantities),
        change=change,
        dates=tuple(dates),
        durations=tuple(durations),
        weak=tuple(weak),
        networks=networks,
        kpis=tuple(kpis),
    )


def _clauses(masked: str) -> list[tuple[int, int]]:
    """(start, end) of each clause: split at punctuation outside numbers and dates."""
    spans: list[tuple[int, int]] = []
    last = 0
    for m in _CLAUSE_BREAK.finditer(masked):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(masked)))
    return spans


__all__ = [
    "APPROXIMATE",
    "HEDGE",
    "MINUTES",
    "VAGUE",
    "VAGUE_TIME",
    "Change",
    "DateMention",
    "Duration",
    "Quantity",
    "Statement",
    "WeakWord",
    "number_readings",
    "parse_number",
    "parse_statement",
    "statement_language",
]
