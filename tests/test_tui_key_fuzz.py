"""Random keys, alone and in bursts, while the program builds steps ahead: it never ends.

Each seed sends 60 keys drawn from the keys that move about, edit, add, delete,
undo and switch the language, on the Northwind sample with the steps built ahead
as the program does, some pressed one at a time and most sent in bursts (the way
they arrive over ssh), with pauses of none to 50 ms. The app must still be
running after every key, and the plan file must still be valid TOML. This found
a language switch crashing with keys sent along with it (news drawn while the
widgets were built again, escape's target asked, a removed text area drawn
behind the question) and a calendar filling rows of a table removed by it.
"""

from __future__ import annotations

import asyncio
import random
import tomllib
from pathlib import Path

import pytest

from smplan.tui.screens import main as main_screen
from tests.tui_flow import copy_sample, open_app

KEYS = (
    "tab", "shift+tab", "escape", "enter", "a", "b", "1", " ", "backspace", "down", "up",
    "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "insert", "delete", "ctrl+z", "ctrl+y",
    "pagedown", "end", "home", "left", "right",
)  # fmt: skip
PAUSES = (0.0, 0.0, 0.001, 0.01, 0.05)


#: Seeds that each found one of the crashes above (and pass since): 4 and 9 the
#: navigator drawn mid-switch, 5 the removed text area, 18 the calendar's rows.
SEEDS = (4, 5, 9, 18)


@pytest.mark.parametrize("seed", SEEDS)
async def test_random_keys_never_end_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    monkeypatch.setattr(main_screen, "PRELOAD_AFTER", 0.001)
    monkeypatch.setattr(main_screen, "AHEAD_QUIET", 0.001)
    draw = random.Random(seed)
    plan = copy_sample(tmp_path, "northwind-nonprofit.toml")
    app = open_app(plan, build_ahead=True)
    async with app.run_test(size=(80, 24)) as pilot:
        for count in range(60):
            key = draw.choice(KEYS)
            if draw.random() < 0.3:
                await pilot.press(key)
            else:
                app.simulate_key(key)
            await asyncio.sleep(draw.choice(PAUSES))
            assert app.is_running, f"seed {seed}: the app ended at key {count}, {key!r}"
        await pilot.pause(0.5)
        assert app.is_running and app.return_code is None
    tomllib.loads(plan.read_text(encoding="utf-8"))
