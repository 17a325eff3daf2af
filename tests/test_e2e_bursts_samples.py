"""Each sample plan typed into in the real program, slowly and in one burst: the same file.

As ``test_e2e_bursts_new.py``, with the shorter script (an item in every step,
pickers included) on plans that already hold everything; the burst alternates
``TERM=xterm-256color`` and ``linux``. The English samples are here, the
Indonesian one in ``test_e2e_bursts_sample_id.py``: the slow typing takes a
minute or more a plan, and a file of its own runs beside the others in CI.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.terminal import TmuxSession, needs_tmux, type_and_save
from tests.typing_script import check_typed, script

pytestmark = [needs_tmux, pytest.mark.e2e]

SAMPLES = {
    "minimal.toml": "linux",
    "northwind-nonprofit.toml": "xterm-256color",
}


@pytest.mark.parametrize(("plan", "term"), SAMPLES.items(), ids=list(SAMPLES))
def test_a_sample_typed_in_a_burst_is_the_sample_typed_slowly(
    tmp_path: Path, tmux_sessions: list[TmuxSession], plan: str, term: str
) -> None:
    typed_slowly_and_in_a_burst(tmp_path, tmux_sessions, plan, term)


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
