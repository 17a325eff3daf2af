"""A burst typed once the program has built every step ahead: each key still lands in its field.

The program builds the steps not shown while nobody types (``screens/main.py``).
The other burst tests type as soon as the first screen is up, before or while
that happens; this one reads the screen first, so that every step it visits
was built hidden and is only shown: the short script (an item in every step,
pickers included) must end in the same fields as when typed slowly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.terminal import TmuxSession, needs_tmux, type_and_save
from tests.typing_script import check_typed, script

pytestmark = [needs_tmux, pytest.mark.e2e]


def test_a_burst_into_steps_built_ahead_lands_in_its_fields(
    tmp_path: Path, tmux_sessions: list[TmuxSession]
) -> None:
    data = type_and_save(
        tmp_path,
        "northwind-nonprofit.toml",
        script(full=False),
        slow=False,
        sessions=tmux_sessions,
        look=2.0,
    )
    check_typed(data, full=False)
