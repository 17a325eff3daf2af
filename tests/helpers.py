"""Helpers shared by tests: running the real CLI, finding the shared data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_cli(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``smplan`` as a user would, in a fresh process."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "smplan.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
        check=False,
    )


def toml_test_dir() -> Path | None:
    """The TOML conformance suite's files, shipped beside the checkout as ../shared."""
    candidates = [
        os.environ.get("SMPLAN_TOML_TEST", ""),
        str(ROOT.parent / "shared" / "data" / "toml-test"),
        "/work/shared/data/toml-test",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "tests").is_dir():
            return Path(candidate)
    return None
