"""Verdicts of the SMART checker: one state per letter, with its reason, fix and proposals.

A letter passes, warns, fails, or is *not judged* ("unjudged"): the checker
lacked what it needs to say (a baseline, a benchmark for the KPI, the KPI
itself), and its fix says what would let it judge. Not judged is never a pass.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from smplan.i18n import Lang, t

LETTERS = ("S", "M", "A", "R", "T")
State = Literal["pass", "unjudged", "warn", "fail"]
#: Every state, from best to worst.
STATES: tuple[State, ...] = ("pass", "unjudged", "warn", "fail")
#: Key of each letter in the message catalogue and in finding codes.
LETTER_KEYS = {
    "S": "specific",
    "M": "measurable",
    "A": "achievable",
    "R": "relevant",
    "T": "time-bound",
}
_RANK: dict[State, int] = {state: rank for rank, state in enumerate(STATES)}
#: Marks after a lowercase letter in the badge.
BADGE_MARKS: dict[State, str] = {"pass": "", "unjudged": "-", "warn": "?", "fail": "!"}
#: Marks that read without colour, for the scorecard and the export's tables.
MARKS: dict[State, str] = {"pass": "✓", "unjudged": "–", "warn": "?", "fail": "✗"}

#: A value a proposal sets: a number, a date, a word, or a list of ids (personas).
ProposedValue = Decimal | dt.date | str | tuple[str, ...]
#: Where a proposed value comes from.
Source = Literal["statement", "catalogue", "period", "audit", "plan"]


@dataclass(frozen=True, slots=True)
class Proposal:
    """A value the advice proposes for one goal field, ready to apply.

    ``field`` is the goal field (``"target"``, ``"deadline"``, ``"kpi"``...), and
    ``value`` what to set it to, typed as the model stores it. The interface
    applies all the proposals of a letter as one undoable edit.
    """

    field: str
    value: ProposedValue
    source: Source


@dataclass(frozen=True, slots=True)
class LetterVerdict:
    letter: str
    state: State
    #: One line, in the plan's language: why the letter has this state.
    reason: str
    #: One line: what to do about it ("" when the letter passes).
    fix: str
    #: Which rule decided, e.g. "vague" or "wrong-way": stable, for code and tests.
    rule: str = ""
    #: The goal field to change first ("deadline"), or "" when no single field is at fault.
    field: str = ""
    #: Values the fix proposes, to apply together; empty when it proposes none.
    proposals: tuple[Proposal, ...] = ()

    @property
    def passed(self) -> bool:
        return self.state == "pass"

    @property
    def judged(self) -> bool:
        """False when the checker lacked what it needs to judge the letter."""
        return self.state != "unjudged"


@dataclass(frozen=True, slots=True)
class SmartVerdict:
    goal_id: str
    #: Always five, in S M A R T order.
    letters: tuple[LetterVerdict, ...]

    @property
    def fully_smart(self) -> bool:
        """Every letter passes; a warning (a stretch, a missing baseline) is not fully SMART."""
        return all(v.state == "pass" for v in self.letters)

    def letter(self, letter: str) -> LetterVerdict:
        return self.letters[LETTERS.index(letter.upper())]

    def badge_cells(self) -> list[tuple[State, str]]:
        """Each letter's state and cell: ``S`` passes, ``m?`` warns, ``r!`` fails,
        ``a-`` was not judged."""
        cells: list[tuple[State, str]] = []
        for verdict in self.letters:
            letter = verdict.letter if verdict.state == "pass" else verdict.letter.lower()
            cells.append((verdict.state, letter + BADGE_MARKS[verdict.state]))
        return cells

    def badge(self) -> str:
        """``"S M a? R- t!"``: uppercase passes; lowercase with ``?`` warns, with ``!``
        fails, with ``-`` was not judged.

        Readable without colour; the app colours the same cells (``badge_cells``).
        """
        return " ".join(cell for _, cell in self.badge_cells())


@dataclass(slots=True)
class _Issue:
    state: State
    rule: str
    field: str
    values: dict[str, Any]
    proposals: list[Proposal] = dataclasses.field(default_factory=list)

    def propose(self, value: ProposedValue, source: Source, at: str = "") -> _Issue:
        """Carry ``value`` for ``at`` (default: the issue's field) with the fix."""
        self.proposals.append(Proposal(at or self.field, value, source))
        return self


@dataclass(slots=True)
class Notes:
    """What the rules of one letter found; the first of the worst issues becomes the verdict."""

    letter: str
    lang: Lang
    issues: list[_Issue] = field(default_factory=list)

    # ``at`` is the goal field to change; positional, so that messages may use {field}.
    def fail(self, rule: str, at: str = "", /, **values: Any) -> _Issue:
        return self._add(_Issue("fail", rule, at, values))

    def warn(self, rule: str, at: str = "", /, **values: Any) -> _Issue:
        return self._add(_Issue("warn", rule, at, values))

    def unjudged(self, rule: str, at: str = "", /, **values: Any) -> _Issue:
        """The letter could not be judged; the fix says what would let it judge."""
        return self._add(_Issue("unjudged", rule, at, values))

    def note(self, rule: str, /, **values: Any) -> _Issue:
        """A pass with its own reason (an ambitious target), unless something worse is found."""
        return self._add(_Issue("pass", rule, "", values))

    def _add(self, issue: _Issue) -> _Issue:
        self.issues.append(issue)
        return issue

    def verdict(self, rule: str = "ok", /, **values: Any) -> LetterVerdict:
        """The verdict; ``rule`` gives the reason when nothing was found.

        ``values`` fill the placeholders of every message of the letter, under
        the values of the issue chosen.
        """
        # max() keeps the first of equals: the first fail, else warning, else
        # what could not be judged, else note.
        worst = max(self.issues, key=lambda issue: _RANK[issue.state], default=None)
        chosen = worst or _Issue("pass", rule, "", {})
        letter = LETTER_KEYS[self.letter]
        filled = {**values, **chosen.values}
        reason = t(f"smart.{letter}.{chosen.rule}.reason", self.lang, **filled)
        fix = ""
        if chosen.state != "pass":
            fix = t(f"smart.{letter}.{chosen.rule}.fix", self.lang, **filled)
        return LetterVerdict(
            self.letter,
            chosen.state,
            reason,
            fix,
            chosen.rule,
            chosen.field,
            tuple(chosen.proposals),
        )
