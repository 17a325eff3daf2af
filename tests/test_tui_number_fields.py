"""Typing the ambiguous 1.500 into the app's fields: the plan's language decides.

In an Indonesian plan 1.500 is fifteen hundred rupiah. In an English plan it is
one and a half where a field takes decimals, and where it does not (a count, a
dollar amount with its cents) the field refuses it and names both readings,
leaving the plan as it was.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

from textual.widget import Widget
from textual.widgets import Input

from smplan.i18n import Lang, current_language, t
from smplan.open_plan.plan_checks import FINDINGS_DELAY
from smplan.tui.panes.goals import GoalsEditor
from tests.tui_flow import copy_sample, open_app
from tests.tui_text import field_row, screen_text


async def type_into(pilot, root: Widget, name: str, text: str, paste: bool = False) -> str:  # type: ignore[no-untyped-def]
    """Type (or paste) ``text`` into field ``name``; the problem line it shows ("" if none).

    Typed key by key, each valid beginning (``1`` of ``1,500``) is an edit of its
    own; pasted, the field sees the whole text at once. Either way it is a new
    visit to the field: a refused text leaves the plan as it was before it.
    """
    row = field_row(root, name)
    editor = row.editor
    assert isinstance(editor, Input)
    root.screen.set_focus(None)
    await pilot.pause()
    editor.focus()
    await pilot.pause()
    if paste:
        editor.value = text  # the old text replaced in one change
    else:
        editor.value = ""
        await pilot.press(*text)
    await pilot.pause()
    return str(row.query_one(".field-error").render()) if row.has_class("-invalid") else ""


async def test_indonesian_money_field_reads_1500(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "kopi-nusantara.toml"), step=3, own_language=True)
    assert current_language() == "id" and app.plan.currency == "IDR"
    async with app.run_test(size=(100, 40)) as pilot:
        pane = app.screen.query_one("#pane-3", Widget)
        # Taken: no word about reading it (the budget finding may already be shown).
        assert "bisa berarti" not in await type_into(pilot, pane, "budget", "1.500")
        assert app.plan.resources.budget == Decimal(1500)
        # The English way of writing it is refused, with both readings, in Indonesian.
        problem = await type_into(pilot, pane, "budget", "1,500", paste=True)
        assert "1,5" in problem and "1.500" in problem and "bisa berarti" in problem
        # Once the checks have run again (the budget of 1500 is now far too small),
        # the field still says why its text was not taken.
        await pilot.pause(FINDINGS_DELAY + 0.3)
        await app.workers.wait_for_complete()
        assert any(f.code == "budget-over" for f in app.findings)
        assert field_row(pane, "budget").has_class("-invalid")
        assert "bisa berarti" in screen_text(app)
        assert app.plan.resources.budget == Decimal(1500)


async def test_english_decimal_field_reads_one_and_a_half(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "northwind-nonprofit.toml"), step=4, own_language=True)
    assert current_language() == "en"
    async with app.run_test(size=(100, 40)) as pilot:
        goals = app.screen.query_one(GoalsEditor)
        problem = await type_into(pilot, goals, "baseline", "1.500")
        # Taken (the SMART check may then say the statement names another baseline).
        assert "could mean" not in problem
        goal = app.plan.goals[goals.index]
        assert goal.baseline == Decimal("1.5")


async def test_english_count_and_dollars_refuse_1500_with_both_readings(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "northwind-nonprofit.toml"), step=1, own_language=True)
    lang: Lang = current_language()
    assert lang == "en" and app.plan.currency == "USD"
    async with app.run_test(size=(100, 40)) as pilot:
        followers = app.plan.audit.profiles[0].followers
        pane = app.screen.query_one("#pane-1", Widget)
        problem = await type_into(pilot, pane, "followers", "1.500", paste=True)
        assert problem == "! " + t(
            "input.number-ambiguous", "en", text="1.500", first="1.5", second="1,500"
        )
        assert app.plan.audit.profiles[0].followers == followers
        assert "could mean 1.5 or 1,500" in screen_text(app)

        budget = app.plan.resources.budget
        await app.action_goto(3)
        await pilot.pause()
        pane = app.screen.query_one("#pane-3", Widget)
        problem = await type_into(pilot, pane, "budget", "1.500", paste=True)
        assert "could mean 1.5 or 1,500" in problem
        assert app.plan.resources.budget == budget
        # Written the English way, it is taken.
        assert "could mean" not in await type_into(pilot, pane, "budget", "1,500")
        assert app.plan.resources.budget == Decimal(1500)


async def test_typing_an_unreadable_number_key_by_key_leaves_the_value_as_it_was(
    tmp_path: Path,
) -> None:
    # Key by key, "1" and "1.5" are readable beginnings of "1.500"; once the whole
    # text is refused, none of them may stay in the plan.
    app = open_app(copy_sample(tmp_path, "northwind-nonprofit.toml"), step=3, own_language=True)
    async with app.run_test(size=(100, 40)) as pilot:
        budget = app.plan.resources.budget
        pane = app.screen.query_one("#pane-3", Widget)
        problem = await type_into(pilot, pane, "budget", "1.500")
        assert "could mean 1.5 or 1,500" in problem
        assert app.plan.resources.budget == budget
        # The field still holds the text so it can be corrected; correcting it is taken.
        await pilot.press("backspace", "backspace", "backspace", "backspace", "comma", *"500")
        await pilot.pause()
        assert app.plan.resources.budget == Decimal(1500)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    saved = tomllib.loads((tmp_path / "northwind-nonprofit.toml").read_text(encoding="utf-8"))
    assert saved["resources"]["budget"] == 1500
