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
    """The TOML conformance suite's files: the copy in tests/data, else beside the checkout.

    ``$SMPLAN_TOML_TEST`` overrides both; ``../shared/data/toml-test`` is where a
    checkout next to the shared data finds it.
    """
    candidates = [
        os.environ.get("SMPLAN_TOML_TEST", ""),
        str(ROOT / "tests" / "data" / "toml-test"),
        str(ROOT.parent / "shared" / "data" / "toml-test"),
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "tests").is_dir():
            return Path(candidate)
    return None


def toml_test_files(suite: Path) -> list[Path]:
    """Every .toml file the suite lists for TOML 1.0 or 1.1: valid and invalid cases."""
    names: set[str] = set()
    for manifest in ("files-toml-1.0.0", "files-toml-1.1.0"):
        listing = suite / "tests" / manifest
        if listing.is_file():
            names.update(n.strip() for n in listing.read_text().splitlines())
    return sorted(suite / "tests" / n for n in names if n.endswith(".toml"))
