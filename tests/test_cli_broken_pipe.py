"""A reader that stops early (`| head`) ends smplan quietly: no traceback reaches the user."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.test_export_split import _generator


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    plan = tmp_path / "year.toml"
    # Far more lines than a pipe holds (64 KB), printed one by one, so smplan is
    # still writing when the reader goes: each of the 5,000 items has an unknown key.
    text = _generator().generate().replace('network = "', 'network_ = "')
    plan.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "smplan", "check", str(plan)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(100)
    process.stdout.close()  # as `head -c 100` does once it has its bytes
    errors = process.stderr.read().decode()
    code = process.wait(timeout=60)
    assert first  # it did write before the reader left
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
    assert code == 141
