"""Every Mermaid block of every export, parsed by the real Mermaid parser (npm ``mermaid``).

All blocks go to one node process (tests/mermaid_parser/parse.mjs): node and
Mermaid take about a second to start. ``.ci/run`` installs the packages with
``npm ci``; here the test checks that ``node_modules`` holds every package of
the lock file at its version (jsdom, Mermaid and what they need) and runs
``npm ci`` itself when one is missing. Only a machine without node or npm skips
this test, and says so.
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


def missing_packages(harness: Path = HARNESS) -> list[str]:
    """Packages of the lock file that ``node_modules`` lacks or holds at another version.

    ``node_modules`` can be there and still be incomplete: an ``npm ci`` that was
    interrupted, an older install from before the lock file changed, a copy
    without one of jsdom's or Mermaid's own dependencies. Each package the lock
    file lists (optional ones aside) must have its ``package.json`` with the
    locked version.
    """
    lock = json.loads((harness / "package-lock.json").read_text(encoding="utf-8"))
    missing = []
    for where, entry in lock["packages"].items():
        if not where or entry.get("optional") or entry.get("link"):
            continue
        manifest = harness / where / "package.json"
        try:
            version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
        except (OSError, ValueError):
            version = None
        if version != entry.get("version"):
            missing.append(f"{where.removeprefix('node_modules/')}@{entry.get('version')}")
    return missing


def _ensure_installed() -> Path:
    node = shutil.which("node")
    npm = shutil.which("npm")
    if node is None or npm is None:
        pytest.skip(
            "MERMAID NOT CHECKED: node and npm are not installed, so the real Mermaid "
            "parser cannot run (install Node.js 20 and run `npm ci` in tests/mermaid_parser)"
        )
    missing = missing_packages()
    if missing:
        # What .ci/run does; a developer's checkout gets the same packages here.
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=HARNESS,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        still = missing_packages()
        assert done.returncode == 0 and not still, (
            f"tests/mermaid_parser/node_modules lacked {len(missing)} packages "
            f"({', '.join(missing[:5])}...) and `npm ci` there did not install them "
            f"(exit {done.returncode}; still missing: {', '.join(still[:5]) or 'none'}):\n"
            f"{done.stderr[-2000:]}"
        )
    return Path(node)


def test_an_incomplete_node_modules_is_noticed(tmp_path: Path) -> None:
    shutil.copy(HARNESS / "package-lock.json", tmp_path / "package-lock.json")
    lock = json.loads((tmp_path / "package-lock.json").read_text(encoding="utf-8"))
    wanted = {
        where: entry["version"]
        for where, entry in lock["packages"].items()
        if where and not entry.get("optional")
    }
    assert "node_modules/jsdom" in wanted and "node_modules/mermaid" in wanted
    assert len(missing_packages(tmp_path)) == len(wanted)  # nothing installed
    for where, version in wanted.items():
        (tmp_path / where).mkdir(parents=True, exist_ok=True)
        (tmp_path / where / "package.json").write_text(json.dumps({"version": version}))
    assert missing_packages(tmp_path) == []
    # An interrupted install: jsdom's folder without its manifest, mermaid at an old version.
    (tmp_path / "node_modules" / "jsdom" / "package.json").unlink()
    (tmp_path / "node_modules" / "mermaid" / "package.json").write_text('{"version": "10.0.0"}')
    assert missing_packages(tmp_path) == [
        f"jsdom@{wanted['node_modules/jsdom']}",
        f"mermaid@{wanted['node_modules/mermaid']}",
    ]


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
