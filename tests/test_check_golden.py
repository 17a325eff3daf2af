"""What `smplan check` prints for each sample, fixture and scenario plan and for the
year plan, byte for byte: findings, line numbers, summary and exit code.

Work that makes the check faster must not change a character of it. When a
change to the checks (or to a plan) is intended, write the new files and review
the diff:

    SMPLAN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -n 0 tests/test_check_golden.py
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from smplan.cli import main
from tests.conftest import FIXTURES, SAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden" / "check"
UPDATE = os.environ.get("SMPLAN_UPDATE_GOLDEN") == "1"
#: A fixed day: what is late or overdue depends on it.
TODAY = "2026-12-01"
BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

PLANS = (
    sorted(SAMPLES.glob("*.toml"))
    + sorted(FIXTURES.glob("*.toml"))
    + sorted((FIXTURES / "scenarios").glob("*.toml"))
)


@pytest.fixture(autouse=True)
def _collector_back_on() -> Iterator[None]:
    # `smplan check` turns the garbage collector off for the rest of its process.
    yield
    gc.enable()


def check_output(
    path: Path, capsys: pytest.CaptureFixture[str], *options: str, folder: Path | None = None
) -> str:
    """Exit code, standard output and standard error of `smplan check`, as one text.

    The plan's folder (where photos are looked for) is written as ``<folder>`` so
    that the text does not depend on where the plan lies.
    """
    code = main(["check", "--today", TODAY, *options, str(path)])
    out, err = capsys.readouterr()
    text = f"exit {code}\n--- stdout\n{out}--- stderr\n{err}"
    return text.replace(str(folder or path.parent), "<folder>")


def compare(text: str, name: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
    assert golden.is_file(), f"no golden file {golden.name}: run with SMPLAN_UPDATE_GOLDEN=1"
    assert text == golden.read_bytes().decode("utf-8")


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_check_prints_what_the_golden_file_holds(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    compare(check_output(path, capsys), f"{path.stem}.txt")


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_check_json_is_what_the_golden_file_holds(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    compare(check_output(path, capsys, "--json"), f"{path.stem}.json.txt")


def test_check_of_the_year_plan_is_what_the_golden_file_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from generate_year_plan import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    plan = tmp_path / "year.toml"
    plan.write_text(generate(), encoding="utf-8")
    text = check_output(plan, capsys)
    # A year plan has findings of many kinds on many lines: a check that passes on
    # it proves little unless it found them.
    assert text.count("\n") > 200
    compare(text, "year-plan.txt")


#: Calendar items whose references, network, pillar, date or keys are wrong, alone
#: and together, appended to a fixture plan: the check reports each, in order.
BROKEN_ITEMS = """
[[calendar]]
date = 2027-02-01
title = "Goal nobody set"
goal = "no-such-goal"

[[calendar]]
date = 2027-02-02
title = "Owner nobody hired"
owner = "no-such-person"

[[calendar]]
date = 2027-02-03
title = "Network nobody knows"
network = "myspace"

[[calendar]]
date = 2030-02-04
title = "All wrong at once"
goal = "no-such-goal"
owner = "no-such-person"
network = "friendster"
pillar = "no-such-pillar"
colour = "red"

[[calendar]]
date = 2027-02-05
title = "Sound, with an odd repeat"
network = "instagram"
owner = "ana"
repeat = { every = "week", colour = "blue" }
"""


def test_check_of_calendar_items_with_broken_references(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "broken-items.toml"
    text = (FIXTURES / "commented.toml").read_text(encoding="utf-8")
    plan.write_text(text + BROKEN_ITEMS, encoding="utf-8")
    output = check_output(plan, capsys)
    for code in ("dangling-reference", "unknown-network", "unknown-pillar", "unknown-key"):
        assert code in output
    compare(output, "calendar-broken-items.txt")


def test_every_golden_file_has_a_plan() -> None:
    expected = {f"{p.stem}{suffix}" for p in PLANS for suffix in (".txt", ".json.txt")}
    expected |= {"year-plan.txt", "calendar-broken-items.txt"}
    assert {p.name for p in GOLDEN.glob("*.txt")} == expected
