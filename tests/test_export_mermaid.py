"""Every Mermaid block of every export, parsed by the real Mermaid parser (npm ``mermaid``).

All blocks go to one node process (tests/mermaid_parser/parse.mjs): node and
Mermaid take about a second to start. ``.ci/run`` installs the packages with
``npm ci``; here they are installed the same way when missing. Only a machine
without node or npm skips this test, and says so.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from smplan.export import FLAVORS, export_markdown
from smplan.store import PlanFile
from tests.conftest import SAMPLES
from tests.export_plan import small_plan

HARNESS = Path(__file__).resolve().parent / "mermaid_parser"
_FENCED = re.compile(r"^```mermaid\n(.*?)\n```$", re.M | re.S)
_COLONS = re.compile(r"^::: mermaid\n(.*?)\n:::$", re.M | re.S)


def _blocks(markdown: str) -> list[str]:
    return _FENCED.findall(markdown) + _COLONS.findall(markdown)


def _hostile_plan_exports() -> list[str]:
    """Names that could break a chart: keywords, punctuation, long and repeated names."""
    plan = copy.deepcopy(small_plan())
    goal = plan.goals[0]
    variants = []
    for goal_id, objective in [
        ("title", "section"),
        ("click-me", "dateFormat"),
        ("a" * 90, "x" * 40),
        ("%%-comment", "#; : quote's"),
    ]:
        goal.id = goal_id
        goal.objective = objective
        goal.deadline = goal.start  # a goal due the day it starts
        variants.append(export_markdown(plan, "github"))
    return variants


def _ensure_installed() -> Path:
    node = shutil.which("node")
    npm = shutil.which("npm")
    if node is None or npm is None:
        pytest.skip(
            "MERMAID NOT CHECKED: node and npm are not installed, so the real Mermaid "
            "parser cannot run (install Node.js 20 and run `npm ci` in tests/mermaid_parser)"
        )
    if not (HARNESS / "node_modules" / "mermaid").is_dir():
        subprocess.run(
            [npm, "ci", "--silent", "--no-audit", "--no-fund"],
            cwd=HARNESS,
            check=True,
            timeout=300,
        )
    return Path(node)


def test_every_mermaid_block_parses_in_mermaid() -> None:
    node = _ensure_installed()
    sources: list[tuple[str, str]] = []
    for path in sorted(SAMPLES.glob("*.toml")):
        plan = PlanFile.open(path).plan
        for flavor in FLAVORS:
            for lang in ("en", "id"):
                for block in _blocks(export_markdown(plan, flavor, lang)):
                    sources.append((f"{path.stem} {flavor} {lang}", block))
    for n, text in enumerate(_hostile_plan_exports()):
        sources += [(f"hostile names {n}", block) for block in _blocks(text)]
    assert len(sources) > 20
    done = subprocess.run(
        [str(node), str(HARNESS / "parse.mjs")],
        input=json.dumps([source for _where, source in sources]),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    failures = [
        f"{where}: {error}\n{source}"
        for (where, source), error in zip(sources, results, strict=True)
        if error is not None
    ]
    assert not failures, "\n\n".join(failures)
