"""Plan text escaped for Textual markup shows exactly as written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content
from textual.markup import escape as textual_escape

from smplan.display import visible
from smplan.tui.markup import escape


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("[]\\/ab=#@:$ \n[[") | st.characters(), max_size=30))
def test_any_text_shows_as_written(text: str) -> None:
    # Plan text is always made visible first (control characters as symbols).
    shown = visible(text, multiline=True)
    assert Content.from_markup(escape(shown)).plain == shown


def test_a_toml_table_name_shows_without_a_backslash() -> None:
    text = "add an [[objectives]] table, then set [b]objective[/b]"
    assert Content.from_markup(escape(text)).plain == text
    # What the app showed before: Textual's own escape leaves a backslash on screen.
    assert Content.from_markup(textual_escape(text)).plain != text
