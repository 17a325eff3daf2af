"""The minimal sample typed into in the real program, slowly and in one burst: the same file.

``test_e2e_bursts_samples.py`` says how.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.terminal import TmuxSession, needs_tmux
from tests.test_e2e_bursts_samples import typed_slowly_and_in_a_burst

pytestmark = [needs_tmux, pytest.mark.e2e]


def test_the_minimal_sample_typed_in_a_burst_is_the_sample_typed_slowly(
    tmp_path: Path, tmux_sessions: list[TmuxSession]
) -> None:
    typed_slowly_and_in_a_burst(tmp_path, tmux_sessions, "minimal.toml", "linux")
