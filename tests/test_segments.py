"""The segment splitter against the TOML conformance suite."""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import Any

import pytest
import tomli

from smplan.store.segments import split
from smplan.store.spans import Span, body_start, scan_body
from tests.helpers import toml_test_dir

SUITE = toml_test_dir()


def _valid_files() -> list[Path]:
    if SUITE is None:
        return []
    return sorted((SUITE / "tests" / "valid").rglob("*.toml"))


def _merge(into: Any, value: Any) -> Any:
    if isinstance(into, dict) and isinstance(value, dict):
        merged = dict(into)
        for key, item in value.items():
            merged[key] = _merge(merged[key], item) if key in merged else item
        return merged
    return value


def _place(root: dict[str, Any], path: tuple[str | int, ...], value: dict[str, Any]) -> None:
    node: Any = root
    for here, after in itertools.pairwise(path):
        if isinstance(here, int):
            while len(node) <= here:
                node.append({})
            node = node[here]
        else:
            node = node.setdefault(here, [] if isinstance(after, int) else {})
    last = path[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append({})
        node[last] = _merge(node[last], value)
    else:
        node[last] = _merge(node.get(last, {}), value)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.skipif(
    SUITE is None, reason="the TOML conformance suite (../shared/data/toml-test) is not here"
)
def test_segments_rebuild_every_valid_conformance_file() -> None:
    checked = 0
    for path in _valid_files():
        try:
            text = path.read_bytes().decode("utf-8")
            whole = tomli.loads(text)
        except (UnicodeDecodeError, tomli.TOMLDecodeError):
            continue  # TOML 1.1-only files: not ours to split
        segments = split(text)
        assert "".join(s.text for s in segments) == text, path
        rebuilt: dict[str, Any] = {}
        for segment in segments:
            part = tomli.loads(segment.text)
            if not segment.key:
                rebuilt = _merge(rebuilt, part)
                continue
            node = part
            for key in segment.key:
                node = node[key]
            _place(rebuilt, segment.path, node[0] if segment.array else node)
        assert _same(rebuilt, whole), path
        checked += 1
    assert checked > 200


def test_headers_inside_strings_and_arrays_are_not_headers() -> None:
    text = (
        'a = """\n[not]\n"""\n'
        "b = [\n  [1, 2],\n  [3]\n]\n"
        "c = '''\n[[nor]]\n'''\n"
        '[real]   # comment\nx = "[fake]"\n'
        "# lead\n[[items]]\nz = 1\n[[items]]\n[items.sub]\n"
    )
    segments = split(text)
    assert [(s.key, s.path) for s in segments] == [
        ((), ()),
        (("real",), ("real",)),
        (("items",), ("items", 0)),
        (("items",), ("items", 1)),
        (("items", "sub"), ("items", 1, "sub")),
    ]
    assert segments[2].lead == "# lead\n"


def _check_span(text: str, span: Span) -> None:
    value = tomli.loads(f"v = {text[span.start : span.end]}")["v"]
    if span.kind == "array":
        assert len(span.items) == len(value)
        for element in span.items:
            _check_span(text, element.value)
    elif span.kind == "table":
        assert len(span.pairs) == len(value) or any(len(p.keys) > 1 for p in span.pairs)
        for pair in span.pairs:
            _check_span(text, pair.value)


@pytest.mark.skipif(
    SUITE is None, reason="the TOML conformance suite (../shared/data/toml-test) is not here"
)
def test_spans_delimit_every_value_of_every_conformance_file() -> None:
    checked = 0
    for path in _valid_files():
        try:
            text = path.read_bytes().decode("utf-8")
            tomli.loads(text)
        except (UnicodeDecodeError, tomli.TOMLDecodeError):
            continue
        for segment in split(text):
            body = body_start(segment.text, segment.header_at, bool(segment.key))
            for pair in scan_body(segment.text, body):
                line = segment.text[pair.line_start : pair.line_end]
                assert line.lstrip().startswith(segment.text[pair.key_start : pair.key_end]), path
                _check_span(segment.text, pair.value)
        checked += 1
    assert checked > 200
