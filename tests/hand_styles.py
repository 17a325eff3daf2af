"""Hypothesis strategies for plans written by hand, in every style people use.

A generated plan is TOML text plus a map of where things are in it: the span of
every value an edit may change and the lines of every list item, so a test can
assert that an edit through the store changed those bytes and nothing else.

Styles drawn: ``[plan]`` as a table, as dotted keys (``plan.title = ...``) or as
an inline table; goals as ``[[goals]]`` tables, as an inline array of tables one
per line with comments, or on one line; SWOT lists over several lines with
comments (trailing comma or not) or on one line; basic, literal, multi-line
basic and multi-line literal strings with tabs, control characters, quotes and
emoji; bare and quoted keys; spacing around ``=``; LF or CRLF; a final line
break or none; a byte-order mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from smplan.keypath import KeyPath

# Characters a person pastes into plan text: tab, ESC and other controls, quotes,
# backslashes, TOML punctuation, accents, emoji and right-to-left script.
CHARS = st.sampled_from(
    [
        *"abc XYZ019",
        *("\t", "\x01", "\x1b", "\x7f", '"', "'", "\\", "#", "[", "]"),
        *("{", "}", ",", "=", ".", "é", "ü", "🚀", "ש", "﷽"),
    ]
)
TEXT = st.text(CHARS, max_size=14)
# A line of seven "=" (or "<", ">", "|") is what git leaves at a merge conflict,
# and the store rightly warns about it (tests/test_conflict_markers.py); the
# plans drawn here must load without a finding, so no line of a text is one.
_CONFLICT_MARKER = re.compile(r"(<{7}|\|{7}|={7}|>{7})(?=[ \t\r]|$)")
LINE = TEXT.filter(lambda line: _CONFLICT_MARKER.match(line) is None)
MULTILINE_TEXT = st.lists(LINE, min_size=1, max_size=3).map("\n".join)


@dataclass
class Item:
    """One element of a list: the span of its value and the lines it takes."""

    span: tuple[int, int]
    first_line: int = 0
    last_line: int = 0


@dataclass
class Plan:
    """Generated plan text and where its parts are."""

    text: str = ""
    newline: str = "\n"
    #: Key path -> (start, end) of the value's text.
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    #: List path -> its items, in order.
    items: dict[KeyPath, list[Item]] = field(default_factory=dict)
    #: List path -> how it is written: "lines", "one-line" or "tables".
    layout: dict[KeyPath, str] = field(default_factory=dict)
    #: List path -> (start, end) of the whole array (inline arrays only).
    arrays: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    #: Python values of what the plan holds, for choosing edits.
    goals: int = 0
    strengths: int = 0


class Builder:
    def __init__(self, newline: str) -> None:
        self.plan = Plan(newline=newline)
        self.parts: list[str] = []
        self.size = 0

    def raw(self, text: str) -> None:
        text = text.replace("\n", self.plan.newline)
        self.parts.append(text)
        self.size += len(text)

    def value(self, path: KeyPath, text: str) -> tuple[int, int]:
        start = self.size
        self.raw(text)
        self.plan.values[path] = (start, self.size)
        return start, self.size

    def line(self) -> int:
        """0-based number of the line being written."""
        return "".join(self.parts).count("\n")

    def done(self, final_newline: bool, bom: bool) -> Plan:
        text = "".join(self.parts)
        if not final_newline:
            text = text.rstrip("\r\n")
        shift = 1 if bom else 0
        plan = self.plan
        plan.text = ("\ufeff" if bom else "") + text
        plan.values = {k: (s + shift, e + shift) for k, (s, e) in plan.values.items()}
        plan.arrays = {k: (s + shift, e + shift) for k, (s, e) in plan.arrays.items()}
        for items in plan.items.values():
            for item in items:
                item.span = (item.span[0] + shift, item.span[1] + shift)
        return plan


def _escape_basic(text: str, multiline: bool) -> str:
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n" and multiline:
            out.append("\n")
        elif char == "\t":
            out.append("\t")  # raw tabs are allowed in basic strings
        elif ord(char) < 0x20 or char == "\x7f":
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)


_LITERAL_BAD = re.compile(r"['\x00-\x08\x0a-\x1f\x7f]")
_ML_LITERAL_BAD = re.compile(r"'''|'$|^\n|[\x00-\x08\x0b-\x1f\x7f]")


@st.composite
def string(draw: st.DrawFn, multiline_ok: bool = True) -> str:
    """TOML text of a string in one of the four styles."""
    styles = ["basic", "literal"] + (["ml-basic", "ml-literal"] if multiline_ok else [])
    style = draw(st.sampled_from(styles))
    text = draw(MULTILINE_TEXT if style.startswith("ml") else TEXT)
    if style == "literal" and not _LITERAL_BAD.search(text):
        return f"'{text}'"
    if style == "ml-literal" and not _ML_LITERAL_BAD.search(text):
        return "'''" + ("\n" if draw(st.booleans()) else "") + text + "'''"
    if style == "ml-basic":
        return '"""' + ("\n" if draw(st.booleans()) else "") + _escape_basic(text, True) + '"""'
    return '"' + _escape_basic(text, False) + '"'


def key(draw: st.DrawFn, name: str) -> str:
    return draw(st.sampled_from([name, name, f'"{name}"', f"'{name}'"]))


EQUALS = st.sampled_from([" = ", "=", "  =  ", "\t= "])
COMMENT = st.sampled_from(["", "", "  # note", " #", '\t# why: [x] {y} "z"'])
NUMBER = st.sampled_from(["18000", "18_000", "0", "2500", "1_000_000", "42"])


@st.composite
def hand_written_plan(draw: st.DrawFn) -> Plan:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    b = Builder(newline)
    for _ in range(draw(st.integers(0, 2))):
        b.raw("# " + draw(st.sampled_from(["Plan", "hand written", "kept in git"])) + "\n")
    b.raw("schema = 1\n")
    plan_style = draw(st.sampled_from(["table", "dotted", "inline"]))
    goal_style = draw(st.sampled_from(["tables", "lines", "one-line"]))
    swot_style = draw(st.sampled_from(["lines", "one-line", "dotted-lines"]))

    def plan_pairs(prefix: str) -> None:
        for name in ("title", "organization"):
            b.raw(prefix + key(draw, name) + draw(EQUALS))
            b.value(("plan", name), draw(string()))
            b.raw(draw(COMMENT) + "\n")

    if plan_style == "dotted":
        plan_pairs(draw(st.sampled_from(["plan.", "plan . ", '"plan".'])))
    elif plan_style == "inline":
        b.raw("plan = {" + draw(st.sampled_from([" ", ""])))
        b.raw(key(draw, "title") + " = ")
        b.value(("plan", "title"), draw(string()))
        b.raw(", organization = ")
        b.value(("plan", "organization"), draw(string()))
        b.raw(draw(st.sampled_from([" }", "}"])) + draw(COMMENT) + "\n")
    if swot_style == "dotted-lines":
        b.raw("audit.swot.")
        strengths_list(draw, b, "lines")
    if goal_style != "tables":
        b.raw("\n")
        goals_inline(draw, b, goal_style)
    if plan_style == "table":
        b.raw("\n[plan]" + draw(COMMENT) + "\n")
        plan_pairs(draw(st.sampled_from(["", "  ", "\t"])))
    if swot_style != "dotted-lines":
        b.raw("\n[audit.swot]\n")
        strengths_list(draw, b, swot_style)
    if goal_style == "tables":
        goals_tables(draw, b)
    b.raw("\n[resources]\nbudget = 1_000\n")
    return b.done(final_newline=draw(st.booleans()), bom=draw(st.booleans()))


def strengths_list(draw: st.DrawFn, b: Builder, style: str) -> None:
    path: KeyPath = ("audit", "swot", "strengths")
    # Distinct entries: a list holding the same text twice has no single "moved" entry.
    texts = draw(
        st.lists(string(multiline_ok=False), min_size=1, max_size=4, unique_by=python_value)
    )
    count = len(texts)
    items: list[Item] = []
    b.raw(key(draw, "strengths") + draw(EQUALS))
    start = b.size
    if style == "one-line":
        b.raw("[" + draw(st.sampled_from(["", " "])))
        for index in range(count):
            span = b.value((*path, index), texts[index])
            items.append(Item(span))
            if index < count - 1:
                b.raw(draw(st.sampled_from([", ", ",", " , "])))
        b.raw(draw(st.sampled_from(["", " ", ",", ", "])) + "]")
    else:
        trailing = draw(st.booleans())
        indent = draw(st.sampled_from(["    ", "  ", "\t"]))
        b.raw("[" + draw(COMMENT) + "\n")
        for index in range(count):
            first = b.line()
            if index and draw(st.booleans()):
                b.raw(indent + "# about the next one\n")
            span = b.value((*path, index), texts[index])
            comma = "," if index < count - 1 or trailing else ""
            b.raw(comma + draw(COMMENT) + "\n")
            items.append(Item(span, first, b.line() - 1))
        b.raw("]")
    b.plan.arrays[path] = (start, b.size)
    b.raw(draw(COMMENT) + "\n")
    b.plan.items[path] = items
    b.plan.layout[path] = style
    b.plan.strengths = count


def _goal_pairs(draw: st.DrawFn, b: Builder, index: int, separator: str) -> None:
    b.raw(key(draw, "id") + " = ")
    b.value(("goals", index, "id"), f'"g{index}"')
    b.raw(separator + key(draw, "statement") + draw(EQUALS))
    b.value(("goals", index, "statement"), draw(string()))
    b.raw(separator + "target = ")
    b.value(("goals", index, "target"), draw(NUMBER))


def goals_inline(draw: st.DrawFn, b: Builder, style: str) -> None:
    path: KeyPath = ("goals",)
    count = draw(st.integers(1, 3))
    items: list[Item] = []
    b.raw("goals = ")
    start = b.size
    pad = draw(st.sampled_from([" ", "", "  "]))
    if style == "one-line":
        b.raw("[")
        for index in range(count):
            item_start = b.size
            b.raw("{" + pad)
            _goal_pairs(draw, b, index, ", ")
            b.raw(pad + "}")
            items.append(Item((item_start, b.size)))
            if index < count - 1:
                b.raw(", ")
        b.raw("]")
    else:
        trailing = draw(st.booleans())
        b.raw("[\n")
        for index in range(count):
            first = b.line()
            if index and draw(st.booleans()):
                b.raw("  # a draft\n")
            b.raw("  ")
            item_start = b.size
            b.raw("{" + pad)
            _goal_pairs(draw, b, index, draw(st.sampled_from([", ", ","])))
            b.raw(pad + "}")
            items.append(Item((item_start, b.size), first, 0))
            b.raw(("," if index < count - 1 or trailing else "") + draw(COMMENT) + "\n")
            items[-1].last_line = b.line() - 1
        b.raw("]")
    b.plan.arrays[path] = (start, b.size)
    b.raw(draw(COMMENT) + "\n")
    b.plan.items[path] = items
    b.plan.layout[path] = style
    b.plan.goals = count


def goals_tables(draw: st.DrawFn, b: Builder) -> None:
    count = draw(st.integers(1, 3))
    items: list[Item] = []
    for index in range(count):
        b.raw("\n")
        first = b.line() - 1
        if draw(st.booleans()):
            b.raw("# goal " + str(index) + "\n")
        b.raw("[[goals]]\n")
        start = b.size
        _goal_pairs(draw, b, index, "\n")
        b.raw("\n")
        items.append(Item((start, b.size), first, b.line() - 1))
    b.plan.items[("goals",)] = items
    b.plan.layout[("goals",)] = "tables"
    b.plan.goals = count


def python_value(text: str) -> Any:
    """What the TOML text of one value reads as."""
    import tomllib

    return tomllib.loads(f"v = {text}")["v"]
