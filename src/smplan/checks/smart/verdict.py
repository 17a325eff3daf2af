"""Verdicts of the SMART checker: one state per letter, with its reason and fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from smplan.i18n import Lang, t

LETTERS = ("S", "M", "A", "R", "T")
State = Literal["pass", "warn", "fail"]
#: Key of each letter in the message catalogue and in finding codes.
LETTER_KEYS = {
    "S": "specific",
    "M": "measurable",
    "A": "achievable",
    "R": "relevant",
    "T": "time-bound",
}
_RANK: dict[State, int] = {"pass": 0, "warn": 1, "fail": 2}
#: Marks after a lowercase letter in the badge.
BADGE_MARKS: dict[State, str] = {"pass": "", "warn": "?", "fail": "!"}


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

    def badge(self) -> str:
        """``"S M a? R t!"``: uppercase passes, lowercase with ``?`` warns, with ``!`` fails.

        Readable without colour; the app may colour the letters as well.
        """
        cells = []
        for verdict in self.letters:
            letter = verdict.letter if verdict.state == "pass" else verdict.letter.lower()
            cells.append(letter + BADGE_MARKS[verdict.state])
        return " ".join(cells)


@dataclass(slots=True)
class _Issue:
    state: State
    rule: str
    field: str
    values: dict[str, Any]


@dataclass(slots=True)
class Notes:
    """What the rules of one letter found; the first of the worst issues becomes the verdict."""

    letter: str
    lang: Lang
    issues: list[_Issue] = field(default_factory=list)

    # ``at`` is the goal field to change; positional, so that messages may use {field}.
    def fail(self, rule: str, at: str = "", /, **values: Any) -> None:
        self.issues.append(_Issue("fail", rule, at, values))

    def warn(self, rule: str, at: str = "", /, **values: Any) -> None:
        self.issues.append(_Issue("warn", rule, at, values))

    def note(self, rule: str, /, **values: Any) -> None:
        """A pass with its own reason (an ambitious target), unless something worse is found."""
        self.issues.append(_Issue("pass", rule, "", values))

    def verdict(self, rule: str = "ok", /, **values: Any) -> LetterVerdict:
        """The verdict; ``rule`` gives the reason when nothing was found.

        ``values`` fill the placeholders of every message of the letter, under
        the values of the issue chosen.
        """
        # max() keeps the first of equals: the first fail, else warning, else note.
        worst = max(self.issues, key=lambda issue: _RANK[issue.state], default=None)
        chosen = worst or _Issue("pass", rule, "", {})
        letter = LETTER_KEYS[self.letter]
        filled = {**values, **chosen.values}
        reason = t(f"smart.{letter}.{chosen.rule}.reason", self.lang, **filled)
        fix = ""
        if chosen.state != "pass":
            fix = t(f"smart.{letter}.{chosen.rule}.fix", self.lang, **filled)
        return LetterVerdict(self.letter, chosen.state, reason, fix, chosen.rule, chosen.field)
