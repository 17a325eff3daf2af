"""The export of each sample plan in each flavor, byte for byte.

A change to the export (or to a sample plan) shows here as a diff of the
Markdown. When the change is intended, write the new files and review them:

    SMPLAN_UPDATE_GOLDEN=1 PYTHONPATH=src python -m pytest tests/test_export_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smplan.export import FLAVORS, export_markdown
from smplan.store import PlanFile
from tests.conftest import SAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden" / "export"
UPDATE = os.environ.get("SMPLAN_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_export_matches_the_golden_file(path: Path, flavor: str) -> None:
    text = export_markdown(PlanFile.open(path).plan, flavor)
    golden = GOLDEN / f"{path.stem}.{flavor}.md"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
    assert golden.is_file(), f"no golden file {golden.name}: run with SMPLAN_UPDATE_GOLDEN=1"
    assert text == golden.read_bytes().decode("utf-8")


def test_every_golden_file_has_a_sample_plan() -> None:
    expected = {f"{p.stem}.{f}.md" for p in SAMPLES.glob("*.toml") for f in FLAVORS}
    assert {p.name for p in GOLDEN.glob("*.md")} == expected
