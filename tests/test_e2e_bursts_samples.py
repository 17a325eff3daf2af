"""Each sample plan typed into in the real program, slowly and in one burst: the same file.

As ``test_e2e_bursts_new.py``, with the shorter script (an item in every step,
pickers included) on plans that already hold everything; the burst alternates
``TERM=xterm-256color`` and ``linux``. Northwind is here, the minimal plan in
``test_e2e_bursts_sample_minimal.py`` and the Indonesian sample in
``test_e2e_bursts_sample_id.py``: the slow typing takes a minute a plan, and a
file each runs beside the others in CI (the suite gives each worker whole files).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.terminal import TmuxSession, needs_tmux, type_and_save
from tests.typing_script import check_typed, script

pytestmark = [needs_tmux, pytest.mark.e2e]


def test_the_northwind_sample_typed_in_a_burst_is_the_sample_typed_slowly(
    tmp_path: Path, tmux_sessions: list[TmuxSession]
) -> None:
    typed_slowly_and_in_a_burst(
        tmp_path, tmux_sessions, "northwind-nonprofit.toml", "xterm-256color"
    )


def typed_slowly_and_in_a_burst(
    tmp_path: Path, tmux_sessions: list[TmuxSession], plan: str, term: str
) -> None:
    """The short script typed into ``plan`` slowly, then in a burst in ``term``: one file."""
    tokens = script(full=False)
    slow = type_and_save(tmp_path / "slow", plan, tokens, slow=True, sessions=tmux_sessions)
    check_typed(slow, full=False)
    fast = type_and_save(
        tmp_path / "burst", plan, tokens, slow=False, term=term, sessions=tmux_sessions
    )
    assert fast == slow, f"a burst in TERM={term} saved another plan"
