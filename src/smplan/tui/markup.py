"""Plan text put into Textual markup, shown as written.

``textual.markup.escape`` (Textual 8.2.8) escapes a ``[`` only when a letter
follows it, so a TOML table name such as ``[[objectives]]`` comes out as
``[\\[objectives]]`` on screen. Textual's markup reads ``\\[`` as a plain ``[``
wherever it stands, so escaping every ``[`` shows any text exactly
(``tests/test_markup.py`` checks it on arbitrary text).
"""

from __future__ import annotations


def escape(text: str) -> str:
    """``text`` as markup that shows exactly ``text``."""
    return text.replace("[", "\\[")
