"""Plan text made safe to show on a terminal.

A plan is a text file anyone can write, so a field may hold control characters:
ESC sequences that would recolour, clear or retitle the terminal, NUL, backspace.
Wherever plan text is shown (the app, `smplan check`) it goes through
:func:`visible` first: each control character becomes a visible symbol of the
Unicode "Control Pictures" block (ESC shows as ``␛``). Only the shown text
changes; the stored value stays as it is until the user edits that field.
"""

from __future__ import annotations

import re

#: C0 controls, DEL and C1 controls; newline and tab are kept where text may span lines.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: C1 controls have no picture of their own: one sign stands for them all.
_C1_SIGN = "\u2426"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, ESC is ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return _C1_SIGN


def visible(text: str, *, multiline: bool = False) -> str:
    """``text`` with every control character shown as a symbol.

    ``multiline`` keeps newlines and tabs (for text areas); otherwise they are
    shown as symbols too, since a one-line field cannot hold them.
    """
    pattern = _CONTROL_MULTILINE if multiline else _CONTROL
    return pattern.sub(_picture, text)


def one_line(text: str) -> str:
    """``text`` for a one-line place (a list's row): its lines joined by single spaces,
    and every other control character shown as a symbol."""
    return visible(" ".join(text.split()))


def cut_at_word(line: str, width: int) -> str:
    """``line`` (one line) in at most ``width`` characters: cut after a whole word, with "…"."""
    if len(line) <= width:
        return line
    cut = line[: width - 1]
    if line[width - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:-") + "…"


def restore_hidden(edited: str, shown: str, original: str) -> str:
    """The text the user means by ``edited``, a change of ``shown`` (``visible(original)``).

    A field shows a tab or ESC as a symbol; the user edits that picture. What they
    did not touch (the text before and after the part they changed) comes back as
    ``original`` had it, control characters included; what they typed is kept as
    typed. ``visible`` turns each character into exactly one symbol, so a position
    in ``shown`` is the same position in ``original``.
    """
    if shown == original or len(shown) != len(original):
        return edited
    limit = min(len(shown), len(edited))
    start = 0
    while start < limit and shown[start] == edited[start]:
        start += 1
    end = 0
    while end < limit - start and shown[-1 - end] == edited[-1 - end]:
        end += 1
    return original[:start] + edited[start : len(edited) - end] + original[len(original) - end :]
