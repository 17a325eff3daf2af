"""The header scan of the segment splitter at the end of a file, where nothing follows."""

from __future__ import annotations

import tomllib

from smplan.store.segments import split


def _keys(text: str) -> list[tuple[str, ...]]:
    tomllib.loads(text)  # every case is valid TOML
    segments = split(text)
    assert "".join(s.text for s in segments) == text
    return [s.key for s in segments]


def test_header_lookalike_in_a_last_multiline_string() -> None:
    # No bracket follows the string: the scan must not go back into it to find one.
    assert _keys('[a]\ns = """\n[b]\n"""\n') == [(), ("a",)]
    assert _keys("[a]\ns = '''\n[[b]]\n'''") == [(), ("a",)]


def test_brackets_in_last_strings_and_comments() -> None:
    text = '[a]\nx = "open [ bracket"\ny = \'and [[ two\'\n# a comment with " and [\n'
    assert _keys(text) == [(), ("a",)]


def test_quote_in_a_comment_does_not_hide_the_next_header() -> None:
    text = "x = 1 # it's \"quoted\n[a]\ny = 2\n"
    assert _keys(text) == [(), ("a",)]


def test_multiline_array_then_header() -> None:
    text = '[a]\nx = [\n  [1],\n  "[2]",\n]\n[[b]]\n[b.c]\n'
    assert _keys(text) == [(), ("a",), ("b",), ("b", "c")]


def test_a_comment_like_last_line_of_a_multiline_string_is_not_a_lead() -> None:
    # The "# not a comment" line closes a string: it must stay with its value.
    text = 'a = """\nx\n# not a comment"""\n\n# the banner\n[b]\nc = 1\n'
    segments = split(text)
    assert [s.key for s in segments] == [(), ("b",)]
    assert segments[0].text == 'a = """\nx\n# not a comment"""\n'
    assert segments[1].lead == "\n# the banner\n"
    inline = 'g = [{ s = """0\n#""", t = 1 }]\n\n[r]\n'
    assert split(inline)[0].text == 'g = [{ s = """0\n#""", t = 1 }]\n'
