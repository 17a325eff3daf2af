"""The SMART scorecard: the five letters of the goal being edited, with reasons and fixes."""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import Static

from smplan.checks.smart import BADGE_MARKS, MARKS, SmartVerdict
from smplan.i18n import t

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
    """Five lines, one per letter: mark, reason and, when it does not pass, the fix."""

    _shown: str | None = None

    def show(self, verdict: SmartVerdict | None) -> None:
        if verdict is None:
            self._put(t("smart-ui.no-goal"))
            return
        title = t("smart-ui.title", None, goal=escape(verdict.goal_id or "?"))
        state = t("smart-ui.fully") if verdict.fully_smart else t("smart-ui.not-yet")
        lines = [f"[b]{title}[/b]  {state}"]
        for letter in verdict.letters:
            style = STYLES[letter.state]
            head = f"[{style}]{letter.letter} {MARKS[letter.state]}[/]"
            text = escape(letter.reason)
            if letter.fix:
                text += f" [dim]→ {escape(letter.fix)}[/dim]"
            lines.append(f"{head} {text}")
        self._put("\n".join(lines))

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
