"""The header scan of the segment splitter: at the end of a file, where nothing follows;
and reading only the lines that hold brackets against reading every character."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from smplan.store.segments import _scan_bracket_lines, _scan_headers, split
from tests.conftest import FIXTURES, SAMPLES
from tests.helpers import toml_test_dir

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


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


# The scan of the lines that hold a bracket (any text without multi-line strings)
# against the scan of every character: the same headers, for any text.

_FRAGMENTS = st.sampled_from(
    [
        "[a]", "[[b]]", " [ a . \"q b\" ]", "\t[[ b.c ]]", "[x.y]  # c", "k = [", "k = {",
        "]", "}", "[", "{", "1,", " ", "\t", "\n", "\r\n", "\n[", "\n [", "\n[[",
        '"s[ "', "'t]'", "# c [x] \" '", "#", '"', "'", '"a\\"b"', '"\\\\"', "x = ",
        '"open [', "'open {", "a.b = 1", "= 2", "[a]\n", "[[b]]\n",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40).map("".join))
def test_reading_bracket_lines_finds_what_reading_everything_finds(text: str) -> None:
    # Texts with multi-line strings are read whole: leave their quotes out.
    while '"""' in text or "'''" in text:
        text = text.replace('"""', '"').replace("'''", "'")
    assert _scan_bracket_lines(text) == _scan_headers(text)


def _texts() -> list[tuple[str, str]]:
    files = [*sorted(SAMPLES.glob("*.toml")), *sorted(FIXTURES.rglob("*.toml"))]
    suite = toml_test_dir()
    if suite is not None:
        files += sorted((suite / "tests" / "valid").rglob("*.toml"))
        files += sorted((suite / "tests" / "invalid").rglob("*.toml"))
    texts = []
    for file in files:
        try:
            texts.append((file.name, file.read_bytes().decode("utf-8")))
        except UnicodeDecodeError:
            continue
    return texts


def test_reading_bracket_lines_agrees_on_every_plan_and_conformance_file() -> None:
    compared = 0
    for name, text in _texts():
        if '"""' in text or "'''" in text:
            continue
        assert _scan_bracket_lines(text) == _scan_headers(text), name
        compared += 1
    assert compared > 10


def test_reading_bracket_lines_agrees_on_the_year_plan() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from generate_year_plan import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    text = generate()
    assert '"""' not in text  # else the whole-text scan reads it anyway
    found = _scan_bracket_lines(text)
    assert len(found) > 5_000
    assert found == _scan_headers(text)
