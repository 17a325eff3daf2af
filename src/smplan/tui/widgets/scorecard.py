"""The SMART scorecard: the five letters of the goal being edited, with reasons and fixes."""

from __future__ import annotations

from textual.widgets import Static

from smplan.checks.smart import MARKS, SmartVerdict
from smplan.i18n import t
from smplan.i18n.places import in_words
from smplan.tui.markup import escape

#: Colours on top of the marks, which read without colour. Not judged is muted:
#: neither a pass nor a problem found, but never shown as a pass.
STYLES = {
    "pass": "$success",
    "unjudged": "$text-muted",
    "warn": "$warning",
    "fail": "$error",
}


def badge_markup(verdict: SmartVerdict) -> str:
    """The goal's badge (``S m? A r! T``) with failing letters coloured too."""
    return " ".join(f"[{STYLES[state]}]{cell}[/]" for state, cell in verdict.badge_cells())


class Scorecard(Static):
    """Five lines, one per letter: mark, reason and, when it does not pass, the fix.

    On a short terminal it is one line (the five letters and the first one that
    does not pass), so that the goal list and the goal's fields keep the rows;
    each field still shows its own problem under it.
    """

    _shown: str | None = None
    _verdict: SmartVerdict | None = None
    #: One line instead of six.
    compact = False
    #: The key that applies a letter's proposed values, shown beside that letter.
    apply_key = "f12"

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            self.show(self._verdict)

    def show(self, verdict: SmartVerdict | None) -> None:
        self._verdict = verdict
        if verdict is None:
            self._put(t("smart-ui.no-goal"))
            return
        key = self.apply_key
        self._put(_one_line(verdict, key) if self.compact else _card(verdict, key))

    def _put(self, text: str) -> None:
        # Called on every keystroke in a goal field: an unchanged card is left alone,
        # and one with as many lines as before (they never wrap) needs no new layout,
        # which would cost the whole screen's arrangement per key.
        before = self._shown
        if text == before:
            return
        self._shown = text
        same_height = before is not None and before.count("\n") == text.count("\n")
        self.update(text, layout=not same_height)


def applicable(verdict: SmartVerdict) -> str:
    """The letter whose proposed values the apply key sets: the first that does not
    pass and proposes some ("" when none does)."""
    found = next((v for v in verdict.letters if v.state != "pass" and v.proposals), None)
    return found.letter if found is not None else ""


def _card(verdict: SmartVerdict, key: str) -> str:
    title = t("smart-ui.title", None, goal=escape(verdict.goal_id or "?"))
    state = t("smart-ui.fully") if verdict.fully_smart else t("smart-ui.not-yet")
    lines = [f"[b]{title}[/b]  {state}"]
    apply = applicable(verdict)
    for letter in verdict.letters:
        style = STYLES[letter.state]
        head = f"[{style}]{letter.letter} {MARKS[letter.state]}[/]"
        text = escape(in_words(letter.reason))
        if letter.fix:
            text += f" [dim]→ {escape(in_words(letter.fix))}[/dim]"
        if letter.letter == apply:
            text += f" [reverse]{escape(key)}[/reverse]"
        lines.append(f"{head} {text}")
    return "\n".join(lines)


def _one_line(verdict: SmartVerdict, key: str) -> str:
    """``goal-1  S✓ M✗ A? R✓ T✓  M: the reason`` (cut with … where the line ends);
    ``M f12: ...`` when the apply key sets that letter's proposed values."""
    marks = " ".join(
        f"[{STYLES[letter.state]}]{letter.letter}{MARKS[letter.state]}[/]"
        for letter in verdict.letters
    )
    line = f"[b]{escape(verdict.goal_id or '?')}[/b]  {marks}"
    first = next((letter for letter in verdict.letters if letter.state != "pass"), None)
    if first is None:
        return f"{line}  {t('smart-ui.fully')}"
    hint = f" [reverse]{escape(key)}[/reverse]" if first.letter == applicable(verdict) else ""
    return f"{line}  {first.letter}{hint}: {escape(in_words(first.reason))}"
