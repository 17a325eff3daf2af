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
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from smplan.checks.smart.changes import Change, read_change
from smplan.checks.smart.dates import LOOK_BACK, DateMention, find_dates, mask
from smplan.checks.smart.durations import Duration, find_durations
from smplan.checks.smart.frames import RelativeFrame, find_frames
from smplan.checks.smart.kpis import Kpi, find_kpi, kpis_in
from smplan.checks.smart.numbers import (
    MINUTES,
    Quantity,
    mask_quantities,
    number_readings,
    parse_number,
    quantities_in,
)
from smplan.checks.smart.words import (
    APPROXIMATE,
    HEDGE,
    VAGUE,
    VAGUE_TIME,
    Phrases,
    Tokens,
    alternatives,
    words,
)
from smplan.i18n import Lang


@dataclass(frozen=True, slots=True)
class WeakWord:
    """A vague word, hedge, approximation or vague time word found in the statement."""

    category: str
    word: str
    #: True when a quantity stands in the same clause.
    with_number: bool


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
    #: Time frames named relative to the start: "this month", "kuartal berikutnya".
    frames: tuple[RelativeFrame, ...] = ()
    #: Purpose clauses ("in order to increase traffic"), as (start, end): read for nothing.
    purposes: tuple[tuple[int, int], ...] = ()

    @property
    def deadline(self) -> DateMention | None:
        """The date the statement sets as the deadline: a marked one, else the last.

        A date that opens a span ("from 1 July", "mulai 1 Juli") is the start, never
        the deadline.
        """
        ends = [d for d in self.dates if not d.starts]
        marked = [d for d in ends if d.marked]
        pool = marked or ends
        return pool[-1] if pool else None

    @property
    def start_date(self) -> DateMention | None:
        """The date that opens the goal's span, when the statement gives one."""
        starts = [d for d in self.dates if d.starts]
        return starts[0] if starts else None

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
_DESTINATION = re.compile(
    r"\b(?:to|into|ke|menuju)\s+(?:(?:our|the|my|kami|kita)\s+)?$", re.IGNORECASE
)
_DENOMINATOR = re.compile(
    r"\b(?:of|per|by|from|dari|atas|berdasarkan)\s+(?:(?:the|our)\s+)?$", re.IGNORECASE
)
#: "The number of followers", "the amount of leads": the KPI itself, not a denominator.
_COUNT_OF = re.compile(
    r"\b(?:number|amount|count|total|volume|quantity)\s+of\s+(?:(?:the|our|new)\s+)?$",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s-]*$")
_OPENING_PURPOSE = re.compile(r"\s*(?:to|untuk|in\s+order\s+to)\s+\w", re.IGNORECASE)
_REACH_CUES = frozenset(("reach", "reaching", "menjangkau", "jangkau"))
#: "Reach 20,000 people": the verb names the reach KPI when people are what is reached.
_REACH_PEOPLE = re.compile(
    r"\b(?:reach|reaching|menjangkau|jangkau)\s+(?P<q>#+)\s+(?:(?:new|unique|more|baru)\s+)?"
    r"(?:people|persons|users|accounts|viewers|orang|akun|pengguna|penonton)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Patterns built once from the word lists."""

    #: Purpose words, valued True when they may open the statement ("in order to").
    purpose: Phrases[bool]
    respond: re.Pattern[str]
    #: First words of the answering verbs: the respond pattern runs only after one.
    respond_verbs: frozenset[str]
    response_time: Kpi
    reach: Kpi


@cache
def _lexicon() -> _Lexicon:
    lists = words()
    response_time = find_kpi("first-response-time")
    reach = find_kpi("reach")
    assert response_time is not None and reach is not None
    return _Lexicon(
        purpose=Phrases.of(
            [(phrase, True) for phrase in lists.purpose["start"]]
            + [(phrase, False) for phrase in lists.purpose["inside"]]
        ),
        respond_verbs=frozenset(v.lower() for v in lists.respond["verbs"]),
        respond=re.compile(
            rf"\b{alternatives(lists.respond['verbs'])}\b(?:\s+[^\s#@]+){{0,8}}?"
            rf"\s+{alternatives(lists.respond['within'])}\s+(?P<q>#+)",
            re.IGNORECASE,
        ),
        response_time=response_time,
        reach=reach,
    )


@lru_cache(maxsize=512)
def parse_statement(text: str, lang: Lang = "en") -> Statement:
    """Everything the checker reads from a statement; ``lang`` is the plan's language."""
    chars = list(text)

    dates = find_dates(text, chars)
    durations = find_durations(text, chars)
    frames = find_frames(text, chars)

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

    change = read_change(masked, quantities, factor, lexicon.down.search(tokens))
    clauses = _clauses(masked)
    purposes = _purposes(masked, tokens, clauses)

    def in_purpose(at: int) -> bool:
        return any(start <= at < end for start, end in purposes)

    clause_starts = [start for start, _end in clauses]
    weak: list[WeakWord] = []
    for category, start, end in lexicon.weak.find(tokens):
        if category in (VAGUE, VAGUE_TIME) and in_purpose(start):
            continue  # "in order to increase traffic" says why, not how much
        clause_start, clause_end = clauses[bisect_right(clause_starts, start) - 1]
        if category == APPROXIMATE and not masked[end:clause_end].lstrip().startswith("#"):
            continue
        has_number = "#" in masked[clause_start:clause_end]
        weak.append(WeakWord(category, text[start:end], has_number))

    kpis, kpi_spans = _kpis(masked, tokens, quantities, in_purpose)
    networks = _networks(masked, tokens, kpi_spans, in_purpose)

    return Statement(
        text=text,
        lang=convention,
        quantities=tuple(quantities),
        change=change,
        dates=tuple(dates),
        durations=tuple(durations),
        weak=tuple(weak),
        networks=networks,
        kpis=kpis,
        frames=tuple(frames),
        purposes=tuple(purposes),
    )


def _purposes(masked: str, tokens: Tokens, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Purpose clauses: from a purpose word to the end of its clause, with no figure in it.

    "To increase ..." opening a statement is its goal, so words that may only
    follow the goal ("to help", "untuk meningkatkan") count after its first word.
    """
    lexicon = _lexicon()
    found: list[tuple[int, int]] = []
    first_word = len(masked) - len(masked.lstrip())
    # "To increase brand awareness, reach 20,000 people": an opening clause with no
    # figure, before one with a figure, says why.
    opening = _OPENING_PURPOSE.match(masked)
    if opening is not None and len(clauses) > 1:
        end = clauses[0][1]
        if "#" not in masked[:end] and "#" in masked[end:]:
            found.append((opening.start(), end))
    for anywhere, start, _end in lexicon.purpose.find(tokens):
        if not anywhere and start <= first_word:
            continue
        end = next((e for s, e in clauses if s <= start < e), len(masked))
        if "#" not in masked[start:end]:
            found.append((start, end))
    return found


def _kpis(
    masked: str,
    tokens: Tokens,
    quantities: list[Quantity],
    in_purpose: Callable[[int], bool],
) -> tuple[tuple[Kpi, ...], list[tuple[int, int]]]:
    """KPIs named, one per family, in order, and where each mention stands."""
    lexicon = words()
    found: list[tuple[int, int, Kpi]] = []
    # "Reply within 2 hours" sets a response time; what is answered is no KPI.
    answered: list[tuple[int, int]] = []
    durations = {q.start: q for q in quantities if q.unit == "duration"}
    words_used = set(tokens.folded)
    answering = durations and not _lexicon().respond_verbs.isdisjoint(words_used)
    for m in _lexicon().respond.finditer(masked) if answering else ():
        if m.start("q") in durations:
            found.append((m.start(), m.end(), _lexicon().response_time))
            answered.append((m.start(), m.start("q")))
    reaching = not _REACH_CUES.isdisjoint(words_used)
    for m in _REACH_PEOPLE.finditer(masked) if reaching else ():
        if not in_purpose(m.start()):
            found.append((m.start(), m.end(), _lexicon().reach))
    for kpi, start, end in kpis_in(tokens):
        if in_purpose(start) or any(a <= start < b for a, b in answered):
            continue
        before = masked[max(0, start - LOOK_BACK) : start]
        if _DENOMINATOR.search(before) and not _COUNT_OF.search(before):
            continue
        if masked[start:end].lower() in lexicon.verbs and masked[end:].lstrip().startswith("#"):
            continue
        found.append((start, end, kpi))
    found.sort(key=lambda item: item[0])
    kpis: list[Kpi] = []
    families: set[str] = set()
    for _start, _end, kpi in found:
        if kpi.family not in families:
            families.add(kpi.family)
            kpis.append(kpi)
    return tuple(kpis), [(start, end) for start, end, _kpi in found]


def _networks(
    masked: str,
    tokens: Tokens,
    kpi_spans: list[tuple[int, int]],
    in_purpose: Callable[[int], bool],
) -> tuple[str, ...]:
    """Networks named, each once, in order.

    Left out: destinations ("to our blog"), purpose clauses, "X" after a noun it
    stands in for ("produk X"), and words inside a KPI's name ("Instagram
    newsletter subscribers") when another network is named outside one; alone,
    they are the network ("blog traffic").
    """
    lexicon = words()
    found: list[tuple[int, str]] = []
    inside: list[tuple[int, str]] = []
    for phrases in (lexicon.network_aliases, lexicon.network_marks):
        for network, start, _end in phrases.find(tokens):
            if in_purpose(start):
                continue
            if _DESTINATION.search(masked, max(0, start - LOOK_BACK), start):
                continue
            if network == "x" and masked[start:_end] == "X":
                word = _WORD_BEFORE.search(masked, 0, start)
                if word is not None and word.group(1).lower() in lexicon.x_not_after:
                    continue
            if any(a <= start < b for a, b in kpi_spans):
                inside.append((start, network))
            else:
                found.append((start, network))
    chosen = found or inside
    return tuple(dict.fromkeys(network for _at, network in sorted(chosen)))


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
    "RelativeFrame",
    "Statement",
    "WeakWord",
    "number_readings",
    "parse_number",
    "parse_statement",
    "statement_language",
]
