"""A whole plan typed into the real program in tmux, slowly and in bursts, over ssh too: the same file.

The reference run types the script one key at a time, so the app is idle before
each key (see ``tests/terminal/keystrokes.py``); the others send it all at once (in one
``tmux send-keys`` call up to each escape), with ``TERM=linux``, and through
``ssh -tt`` to the test sshd (``TERM=xterm-256color``), where keys arrive in
chunks the network cuts. The samples are typed in both terminals too
(``test_e2e_bursts_samples.py``). Each run saves; the files must hold the same
data, and the slow one the values where they were typed. See
``tests/typing_script.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.terminal import TmuxSession, needs_tmux, type_and_save
from tests.test_e2e_terminals import SshServer, _remote, remote_pids, sshd
from tests.typing_script import check_typed, script

pytestmark = [needs_tmux, pytest.mark.e2e]
__all__ = ["remote_pids", "sshd"]  # fixtures, used by name


def test_a_new_plan_typed_in_bursts_and_over_ssh_is_the_plan_typed_slowly(
    tmp_path: Path,
    tmux_sessions: list[TmuxSession],
    sshd: SshServer,
    remote_pids: list[Path],
) -> None:
    tokens = script(full=True)
    slow = type_and_save(tmp_path / "slow", "new", tokens, slow=True, sessions=tmux_sessions)
    check_typed(slow, full=True)
    fast = type_and_save(
        tmp_path / "burst", "new", tokens, slow=False, term="linux", sessions=tmux_sessions
    )
    assert fast == slow, "a burst in TERM=linux saved another plan"

    pid_file = tmp_path / "remote.pid"
    remote_pids.append(pid_file)

    def over_ssh(plan: Path, home: Path) -> list[str]:
        return sshd.command(_remote(plan, home, pid_file))

    remote = type_and_save(
        tmp_path / "ssh", "new", tokens, slow=False, command=over_ssh, sessions=tmux_sessions
    )
    assert remote == slow, "a burst over ssh saved another plan"
