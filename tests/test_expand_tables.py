"""Inline arrays of tables become [[tables]] only when asked: `smplan tables` and the palette."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.command import CommandPalette

from smplan.store.expand import expand_inline_tables
from tests.helpers import run_cli
from tests.test_store_hand_styles import INLINE_GOALS
from tests.tui_flow import notes, open_app, screen_text, settle, type_text, wait_for

EXPANDED_GOALS = """\
[[goals]]
id = "ig-followers"
statement = "Grow Instagram followers to 18,000"
target = 18000
deadline = 2027-06-30

# the next goal is still a draft
[[goals]]
"id" = 'tt-views'
statement = '''TikTok views
per month'''
target = 50000
personas = ['rina']

[[goals]]
id = "wa-orders"
statement = 'Orders over WhatsApp'
target = 120
"""


def test_the_store_writes_each_item_as_a_table_keeping_its_text() -> None:
    expanded = expand_inline_tables(INLINE_GOALS)
    assert expanded.converted == ["goals"] and expanded.kept == []
    text = expanded.text
    assert tomllib.loads(text) == tomllib.loads(INLINE_GOALS)
    assert "# the big one\n" + EXPANDED_GOALS in text
    assert text.startswith("# Kopi Senja, written by hand\nschema = 1\n")
    assert "goals = [" not in text
    # Goals are step 4: after the resources of step 3.
    assert text.index("[resources]") < text.index("[[goals]]")
    assert expand_inline_tables(text).converted == []  # nothing left to do


def test_nested_lists_and_crlf_and_no_final_newline() -> None:
    text = (
        'schema = 1\r\n[strategy]\r\npillars = ["a"]\r\n'
        'networks = [{ network = "x", posts_per_week = 2 }, {network="y"}]\r\n'
        "\r\n[measurement]\r\ncadence = 'monthly'"
    )
    expanded = expand_inline_tables(text)
    assert expanded.converted == ["strategy.networks"]
    assert tomllib.loads(expanded.text) == tomllib.loads(text)
    assert "\n" not in expanded.text.replace("\r\n", "")
    assert not expanded.text.endswith("\n")
    assert '[[strategy.networks]]\r\nnetwork = "x"\r\nposts_per_week = 2\r\n' in expanded.text


def test_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(INLINE_GOALS, encoding="utf-8")
    result = run_cli("tables", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{path}: wrote goals as [[tables]]"
    assert EXPANDED_GOALS in path.read_text(encoding="utf-8")
    again = run_cli("tables", path)
    assert again.returncode == 0
    assert "no inline list of tables" in again.stdout


async def test_the_palette_command_rewrites_a_saved_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(INLINE_GOALS, encoding="utf-8")
    app = open_app(path, step=None)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_for(pilot, lambda: app.main is not None and app.screen is app.main)
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: isinstance(app.screen, CommandPalette))
        await type_text(pilot, "Write inline lists")
        await settle(pilot, lambda: "Write inline lists as [[tables]]" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "plan.toml: wrote goals as" in notes(app))
        assert not app.session.dirty
        assert [g.id for g in app.plan.goals] == ["ig-followers", "tt-views", "wa-orders"]
    assert EXPANDED_GOALS in path.read_text(encoding="utf-8")
