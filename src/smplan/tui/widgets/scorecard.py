"""The SMART scorecard: the five letters of the goal being edited, with reasons and fixes."""

from __future__ import annotations

from textual.widgets import Static

from smplan.checks.smart import BADGE_MARKS, MARKS, SmartVerdict
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
    cells = []
    for letter in verdict.letters:
        text = letter.letter if letter.state == "pass" else letter.letter.lower()
        cells.append(f"[{STYLES[letter.state]}]{text}{BADGE_MARKS[letter.state]}[/]")
    return " ".join(cells)


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

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            self.show(self._verdict)

    def show(self, verdict: SmartVerdict | None) -> None:
        self._verdict = verdict
        if verdict is None:
            self._put(t("smart-ui.no-goal"))
            return
        self._put(_one_line(verdict) if self.compact else _card(verdict))

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


def _card(verdict: SmartVerdict) -> str:
    title = t("smart-ui.title", None, goal=escape(verdict.goal_id or "?"))
    state = t("smart-ui.fully") if verdict.fully_smart else t("smart-ui.not-yet")
    lines = [f"[b]{title}[/b]  {state}"]
    for letter in verdict.letters:
        style = STYLES[letter.state]
        head = f"[{style}]{letter.letter} {MARKS[letter.state]}[/]"
        text = escape(in_words(letter.reason))
        if letter.fix:
            text += f" [dim]→ {escape(in_words(letter.fix))}[/dim]"
        lines.append(f"{head} {text}")
    return "\n".join(lines)


def _one_line(verdict: SmartVerdict) -> str:
    """``goal-1  S✓ M✗ A? R✓ T✓  M: the reason`` (cut with … where the line ends)."""
    marks = " ".join(
        f"[{STYLES[letter.state]}]{letter.letter}{MARKS[letter.state]}[/]"
        for letter in verdict.letters
    )
    line = f"[b]{escape(verdict.goal_id or '?')}[/b]  {marks}"
    first = next((letter for letter in verdict.letters if letter.state != "pass"), None)
    if first is None:
        return f"{line}  {t('smart-ui.fully')}"
    return f"{line}  {first.letter}: {escape(in_words(first.reason))}"
