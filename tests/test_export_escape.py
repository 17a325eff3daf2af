"""User text in the export renders as exactly that text, and adds no element of its own."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from smplan.export import export_markdown
from smplan.export.cells import MIN_CUT
from smplan.export.escape import block, clean, inline, one_line, safe_url
from smplan.export.mermaid import label
from smplan.model import Plan
from tests.export_plan import small_plan
from tests.gfm_render import gfm_html, nodes
from tests.markdown_render import flat, normalise, tokens

MARKER = "Qqmarkerq"

#: Text fields of the plan, by where they land: headings, cells, list items, paragraphs.
FIELDS: dict[str, Callable[[Plan, str], None]] = {
    "plan.title": lambda p, v: setattr(p.plan, "title", v),
    "plan.organization": lambda p, v: setattr(p.plan, "organization", v),
    "audit.summary": lambda p, v: setattr(p.audit, "summary", v),
    "audit.answers.worked_well": lambda p, v: setattr(p.audit.answers, "worked_well", v),
    "audit.profiles.handle": lambda p, v: setattr(p.audit.profiles[0], "handle", v),
    "audit.profiles.notes": lambda p, v: setattr(p.audit.profiles[0], "notes", v),
    "audit.competitors.name": lambda p, v: setattr(p.audit.competitors[0], "name", v),
    "audit.swot.strengths": lambda p, v: p.audit.swot.strengths.__setitem__(0, v),
    "personas.name": lambda p, v: setattr(p.personas[0], "name", v),
    "personas.location": lambda p, v: setattr(p.personas[0], "location", v),
    "personas.fears": lambda p, v: p.personas[0].fears.__setitem__(0, v),
    "personas.digital_behaviour": lambda p, v: setattr(p.personas[0], "digital_behaviour", v),
    "personas.sources": lambda p, v: p.personas[0].sources.__setitem__(0, v),
    "resources.team.name": lambda p, v: setattr(p.resources.team[0], "name", v),
    "resources.team.role": lambda p, v: setattr(p.resources.team[0], "role", v),
    "resources.tools.name": lambda p, v: setattr(p.resources.tools[0], "name", v),
    "resources.allocations.name": lambda p, v: setattr(p.resources.allocations[0], "name", v),
    "strategy.pillars": lambda p, v: p.strategy.pillars.__setitem__(0, v),
    "strategy.networks.role": lambda p, v: setattr(p.strategy.networks[0], "role", v),
    "strategy.networks.tone": lambda p, v: setattr(p.strategy.networks[0], "tone", v),
    "calendar.title": lambda p, v: setattr(p.calendar[0], "title", v),
    # A title too long for its cell: the cell shows the start, the line under the table all of it.
    "calendar.title.long": lambda p, v: setattr(p.calendar[0], "title", "Long " * 9 + v),
    "calendar.notes": lambda p, v: setattr(p.calendar[0], "notes", v),
    "measurement.tools": lambda p, v: p.measurement.tools.__setitem__(0, v),
    "measurement.results.notes": lambda p, v: setattr(p.measurement.results[0], "notes", v),
    "measurement.reviews.worked": lambda p, v: setattr(p.measurement.reviews[0], "worked", v),
}

BASE = small_plan()

#: Cells cut at a word to fit their row (docs/export.md): whole when no longer than MIN_CUT.
CUT_TO_FIT = ("calendar.title", "resources.allocations.name")


def _as_shown(field: str, base_text: str, shown: str) -> set[str]:
    """What a text holding the marker may show instead: the value itself, and for a team
    member's name also its first word (a narrow owner column shows first names)."""
    forms = {shown}
    if field == "resources.team.name" and shown.split():
        forms.add(shown.split()[0])
    return {normalise(base_text.replace(MARKER, form)) for form in forms}


#: Markdown and HTML punctuation, line starts, entities, URLs: what a hostile or
#: unlucky plan might hold.
TRICKY = st.sampled_from(
    [
        "*",
        "_",
        "`",
        "```",
        "~~~",
        "#",
        "# ",
        "- ",
        "+ ",
        "1. ",
        "1) ",
        "> ",
        "|",
        "\\",
        "[",
        "]",
        "(",
        ")",
        "![x](y)",
        "[a](javascript:alert(1))",
        "<b>",
        "</div>",
        "<!--",
        "<script>alert(1)</script>",
        "&amp;",
        "&#x3C;",
        "&",
        "<http://x.y>",
        "http://example.com",
        "mailto:a@b.c",
        "---",
        "===",
        "***",
        "    ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\x00",
        "\x0b",
        "\x85",
        "\u2028",
        "\u00a0",
        "$x$",
        "==x==",
        "%%",
        "{+ +}",
        "[^1]",
        "::: mermaid",
        "  \n",
        "\\\n",
        "12.400",
        "9. ",
        ":",
        "!",
    ]
)
TEXT = st.lists(st.one_of(TRICKY, st.text(max_size=6)), min_size=1, max_size=8).map("".join)


def _shape(markdown: str, html: bool = False) -> list[tuple[str, ...]]:
    """The document's elements in order, adjacent text (and breaks) merged into one run."""
    out: list[tuple[str, ...]] = []
    for token in flat(markdown, html=html):
        if token.type in ("text", "softbreak", "hardbreak"):
            piece = " " if token.type != "text" else token.content
            if out and out[-1][0] == "TEXT":
                out[-1] = ("TEXT", out[-1][1] + piece)
            else:
                out.append(("TEXT", piece))
        elif token.type == "inline":
            continue
        elif token.type == "image":
            out.append(("image", str(token.attrGet("src"))))
            out.append(("TEXT", "".join(c.content for c in token.children or [])))
        else:
            attrs = ",".join(f"{k}={v}" for k, v in sorted(token.attrs.items()))
            extra = token.content if token.type in ("fence", "code_block", "html_block") else ""
            out.append((token.type, token.tag, attrs, extra))
    return out


def _export_with(field: str, value: str) -> str:
    plan = copy.deepcopy(BASE)
    FIELDS[field](plan, value)
    return export_markdown(plan, "github")


BASE_EXPORTS = {field: _export_with(field, MARKER) for field in FIELDS}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(FIELDS)), value=TEXT)
@example(field="calendar.title", value="a | b\nc")
@example(field="audit.summary", value="line one\n# not a heading\n- not a list\n\n1. nor this")
@example(field="personas.name", value="<img src=x onerror=alert(1)>")
@example(field="audit.swot.strengths", value="x\\|y")
@example(field="calendar.title", value="*\u2028")
@example(field="calendar.title", value="*\u3000")
# A first name (owner columns) is the first word the cell shows, not of the raw text.
@example(field="resources.team.name", value="\x00    *")
@example(field="resources.team.name", value="0\x1b0\r0")
@example(field="resources.team.name", value="*\xa0# *")
def test_any_text_renders_as_itself(field: str, value: str) -> None:
    shown = normalise(clean(value))
    assume(shown and MARKER not in value)
    # A title or name that fits its cell (a longer one is "calendar.title.long").
    assume(field not in CUT_TO_FIT or len(one_line(value)) <= MIN_CUT)
    base = _shape(BASE_EXPORTS[field])
    markdown = _export_with(field, value)
    got = _shape(markdown)
    assert [kind[0] for kind in got] == [kind[0] for kind in base], "the structure changed"
    changed = 0
    for mine, theirs in zip(got, base, strict=True):
        if mine[0] != "TEXT":
            assert mine == theirs
            continue
        if MARKER in theirs[1]:
            changed += 1
            assert normalise(mine[1]) in _as_shown(field, theirs[1], shown)
        else:
            assert mine == theirs
    assert changed >= 1
    html_kinds = {tok.type for tok in flat(markdown, html=True)}
    assert not html_kinds & {"html_block", "html_inline"}


@given(TEXT)
def test_inline_text_is_one_paragraph_of_itself(value: str) -> None:
    shown = normalise(clean(value))
    assume(shown)
    found = tokens(inline(value))
    assert [tok.type for tok in found] == ["paragraph_open", "inline", "paragraph_close"]
    assert [c.type for c in found[1].children or []] == ["text"]
    assert normalise(found[1].children[0].content) == shown  # type: ignore[index]


@given(TEXT)
@example("*\n\u2028")
def test_block_text_keeps_its_lines_in_one_paragraph(value: str) -> None:
    lines = [normalise(line) for line in clean(value).split("\n")]
    lines = [line for line in lines if line]
    assume(lines)
    found = tokens(block(value))
    assert [tok.type for tok in found] == ["paragraph_open", "inline", "paragraph_close"]
    children = found[1].children or []
    assert {c.type for c in children} <= {"text", "hardbreak"}
    texts = [normalise(c.content) for c in children if c.type == "text"]
    assert texts == lines


def test_unicode_line_separators_are_line_breaks_and_end_spaces_go() -> None:
    # U+2028 is a plain character to CommonMark: kept, it showed as a gap before
    # the export's own colon ("4 Jan, * :").
    assert inline("*\u2028") == "\\*"
    assert inline("\u00a0a\u2029b\u3000") == "a b"
    assert inline("a\u00a0b") == "a\u00a0b"
    assert block("one\u2028two") == "one\\\ntwo"
    plan = copy.deepcopy(BASE)
    plan.calendar[0].title = "Reel\u2028"  # short: no line under the table
    assert "- **4 Jan, Reel:** " in export_markdown(plan, "github")


def test_a_table_cell_cannot_hold_a_line_break_so_it_gets_a_space() -> None:
    assert inline("one\ntwo\r\nthree") == "one two three"
    assert "<br" not in inline("a\nb")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("personas/rina.jpg", "personas/rina.jpg"),
        ("https://example.com/x.jpg", "https://example.com/x.jpg"),
        ("http://example.com/a b.jpg", "http://example.com/a%20b.jpg"),
        ("https://example.com/x?a=1&b=2", "https://example.com/x?a=1\\&b=2"),
        ("photo (1).jpg", "photo%20%281%29.jpg"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:image/png;base64,AAA", None),
        ("file:///etc/passwd", None),
        ("vbscript:x", None),
        ("//evil.example/x.jpg", None),
        ("/etc/passwd", None),
        ("C:\\photos\\rina.jpg", None),
        ("https:no-host", None),
        ("http://a\x00b", None),
        ("", None),
    ],
)
def test_only_http_https_mailto_and_relative_paths_become_links(
    url: str, expected: str | None
) -> None:
    assert safe_url(url) == expected


@given(st.text())
def test_mermaid_labels_hold_only_safe_characters(text: str) -> None:
    shown = label(text, "-")
    assert shown
    assert all(ch.isalnum() or ch in " -.," for ch in shown)
    assert "\n" not in shown and len(shown) <= 60


def test_mermaid_task_names_cannot_be_keywords() -> None:
    plan: Any = copy.deepcopy(BASE)
    plan.goals[0].id = "title"
    text = export_markdown(plan, "github")
    # The task starts with its number: "title" cannot be read as the chart's title.
    assert "\n    1 Title :t1, 2027-01-01, 181d" in text


def _gfm_shape(markdown: str) -> list[tuple[str, str]]:
    """The page as GitHub's parser renders it: each element with its attributes, text runs merged."""
    out: list[tuple[str, str]] = []
    for node in nodes(gfm_html(markdown, autolink=False)):
        if node.kind in ("TEXT", "br"):
            # A line of a multi-line text keeps its break: part of the text, as in the test above.
            piece = node.value if node.kind == "TEXT" else " "
            if out and out[-1][0] == "TEXT":
                out[-1] = ("TEXT", out[-1][1] + piece)
            else:
                out.append(("TEXT", piece))
        else:
            out.append((node.kind, ",".join(f"{k}={v}" for k, v in sorted(node.attrs.items()))))
    return out


GFM_BASE = {field: _gfm_shape(markdown) for field, markdown in BASE_EXPORTS.items()}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(FIELDS)), value=TEXT)
@example(field="calendar.title", value="a | b\nc")
@example(field="personas.name", value="<img src=x onerror=alert(1)>")
@example(field="audit.swot.strengths", value="x\\|y")
@example(field="calendar.title", value="*\u2028")
# A first name (owner columns) is the first word the cell shows, not of the raw text.
@example(field="resources.team.name", value="\x00    *")
@example(field="resources.team.name", value="0\x1b0\r0")
@example(field="resources.team.name", value="*\xa0# *")
def test_any_text_renders_as_itself_in_githubs_parser(field: str, value: str) -> None:
    shown = normalise(clean(value))
    assume(shown and MARKER not in value)
    assume(field not in CUT_TO_FIT or len(one_line(value)) <= MIN_CUT)
    base = GFM_BASE[field]
    got = _gfm_shape(_export_with(field, value))
    assert [kind[0] for kind in got] == [kind[0] for kind in base], "the structure changed"
    changed = 0
    for mine, theirs in zip(got, base, strict=True):
        if mine[0] != "TEXT":
            assert mine == theirs
        elif MARKER in theirs[1]:
            changed += 1
            assert normalise(mine[1]) in _as_shown(field, theirs[1], shown)
        else:
            assert mine == theirs
    assert changed >= 1
