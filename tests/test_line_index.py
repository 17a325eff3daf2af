"""The line index gives every key path the line the document gives it.

`smplan check` numbers its findings' lines with :class:`LineIndex` (table headers
only); the app, once it has split the text for editing, with
:meth:`PlanDocument.line_of`. Both must say the same line for the same text and
path: for every value, table, array item and array element of every shipped
plan, fixture and scenario, the year plan, the TOML conformance suite's valid
files, and hand-written plans in every style; and for keys that are not there.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import given, settings

from smplan.keypath import KeyPath
from smplan.store.document import PlanDocument
from smplan.store.line_index import LineIndex
from smplan.store.plan_file import PlanFile
from smplan.store.reading import BOM
from tests.conftest import FIXTURES, SAMPLES
from tests.hand_styles import Plan as HandPlan
from tests.hand_styles import hand_written_plan
from tests.helpers import toml_test_dir

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
PLANS = (
    sorted(SAMPLES.glob("*.toml"))
    + sorted(FIXTURES.glob("*.toml"))
    + sorted((FIXTURES / "scenarios").glob("*.toml"))
)


def paths_in(value: Any, path: KeyPath = ()) -> Iterator[KeyPath]:
    """Every key path of parsed TOML data, with a missing key below each table."""
    yield path
    if isinstance(value, dict):
        yield (*path, "no-such-key")
        for key, inner in value.items():
            yield from paths_in(inner, (*path, key))
    elif isinstance(value, list):
        yield (*path, len(value))  # one past the end
        for index, inner in enumerate(value):
            yield from paths_in(inner, (*path, index))


def assert_same_lines(text: str, paths: Iterator[KeyPath] | list[KeyPath]) -> int:
    text = text.removeprefix(BOM)
    document = PlanDocument(text)
    index = LineIndex(text)
    count = 0
    for path in paths:
        assert index.line_of(path) == document.line_of(path), path
        count += 1
    return count


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_every_path_of_each_plan_has_the_documents_line(plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    extra: list[KeyPath] = [("no-such-table",), ("no-such-table", 0, "x"), ("goals", 999)]
    assert assert_same_lines(text, [*paths_in(tomli.loads(text)), *extra]) > 20


def test_every_table_and_a_sample_of_items_of_the_year_plan() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from generate_year_plan import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    text = generate()
    paths = [
        path
        for path in paths_in(tomli.loads(text))
        # Every calendar item's own line, the fields of every 97th.
        if path[:1] != ("calendar",)
        or len(path) <= 2
        or (isinstance(path[1], int) and path[1] % 97 == 0)
    ]
    assert assert_same_lines(text, paths) > 5_000


def _conformance_files() -> list[Path]:
    suite = toml_test_dir()
    return [] if suite is None else sorted((suite / "tests" / "valid").rglob("*.toml"))


def test_every_path_of_the_conformance_files_has_the_documents_line() -> None:
    files = _conformance_files()
    if not files:
        pytest.skip("the TOML conformance suite is not here")
    checked = 0
    for file in files:
        try:
            text = file.read_bytes().decode("utf-8")
            data = tomli.loads(text)
        except (UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError):
            continue
        checked += assert_same_lines(text, list(paths_in(data)))
    assert checked > 1_000


@settings(max_examples=150, deadline=None)
@given(hand_written_plan())
def test_hand_written_plans_in_every_style(plan: HandPlan) -> None:
    text = plan.text
    assert_same_lines(text, list(paths_in(tomli.loads(text.removeprefix(BOM)))))


def test_plan_file_locates_by_the_index_until_a_document_is_built(tmp_path: Path) -> None:
    source = SAMPLES / "kopi-nusantara.toml"
    plan_file = PlanFile.open(source)
    paths = list(paths_in(tomli.loads(source.read_text(encoding="utf-8"))))
    by_index = [plan_file._lines().line_of(path) for path in paths]
    assert plan_file._document is None  # the index alone answered
    by_document = [plan_file.document.line_of(path) for path in paths]
    assert by_index == by_document
    assert plan_file._lines() is plan_file.document
