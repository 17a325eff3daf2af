"""Step 7's KPI results read with the goal's name, the date as the language writes it
and the goal's unit; a key shows one goal's results by date, with the change since
the result before and the share of the way, above the goal's pace."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from smplan.checks.progress import goal_progress
from smplan.i18n import set_language
from smplan.model import Goal
from smplan.presentation.progress import result_rows, results_table
from smplan.tui.app import SmplanApp
from smplan.tui.panes.measurement import MeasurementPane, ResultsEditor
from smplan.tui.screens.goal_results import GoalResultsScreen
from smplan.tui.screens.main import MainScreen
from smplan.tui.widgets.picker import Picker
from tests.tui_flow import copy_sample, on_disk, open_app, row_in, save, settle, type_text

D = dt.date
RATE = Goal(
    id="ctr",
    unit="%",
    baseline=Decimal("2.0"),
    target=Decimal("3.0"),
    start=D(2027, 1, 1),
    deadline=D(2027, 12, 31),
)


def test_result_rows_are_by_date_with_change_and_share_of_the_way() -> None:
    readings = [
        (D(2027, 3, 1), Decimal("2.4")),
        (D(2026, 12, 1), Decimal("1.9")),  # before the start: history, no share
        (D(2027, 2, 1), Decimal("2.5")),
    ]
    item = goal_progress(RATE, readings, today=D(2027, 3, 2))
    rows = result_rows(item, "en")
    assert [r.date for r in rows] == ["1 December 2026", "1 February 2027", "1 March 2027"]
    assert [r.value for r in rows] == ["1.9%", "2.5%", "2.4%"]
    # A rate moves by percentage points.
    assert [r.change for r in rows] == ["", "+0.6 pts", "-0.1 pts"]
    # 2.5 is half of the way from 2.0 to 3.0; the latest is the panel's percent.
    assert [r.share for r in rows] == ["", "50.0%", "40.0%"]
    assert item.percent == Decimal("40.0")
    head, *lines = results_table(rows, "en")
    assert head.split() == ["Date", "Value", "Change", "Of", "the", "way"]
    assert lines[0].startswith("1 December 2026") and lines[0].endswith("–")
    rows_id = result_rows(item, "id")
    assert rows_id[0].date == "1 Desember 2026"
    assert [r.value for r in rows_id] == ["1,9%", "2,5%", "2,4%"]
    assert [r.change for r in rows_id] == ["", "+0,6 poin", "-0,1 poin"]


def test_a_word_unit_is_on_the_value_and_not_repeated_in_the_change() -> None:
    goal = Goal(id="f", unit="followers", baseline=Decimal(100), target=Decimal(200),
                start=D(2027, 1, 1), deadline=D(2027, 12, 31))  # fmt: skip
    readings = [(D(2027, 2, 1), Decimal(1200)), (D(2027, 3, 1), Decimal(1150))]
    rows = result_rows(goal_progress(goal, readings, today=D(2027, 3, 2)), "en")
    assert [(r.value, r.change) for r in rows] == [
        ("1,200 followers", ""),
        ("1,150 followers", "-50"),
    ]


def _pane(app: SmplanApp) -> MeasurementPane:
    return app.screen.query_one(MeasurementPane)


async def _step_7(pilot: Pilot[Any]) -> ResultsEditor:
    app = pilot.app
    await settle(pilot, lambda: isinstance(app.screen, MainScreen))
    await pilot.press("ctrl+g", "7")
    await settle(pilot, lambda: bool(app.screen.query(MeasurementPane)))
    return _pane(app).results  # type: ignore[arg-type]


async def _add_result(
    pilot: Pilot[Any], results: ResultsEditor, words: str, day: str, value: str
) -> None:
    """Insert on the list, pick the goal by a word, type the date and the value, escape."""
    app = pilot.app
    results.item_list.focus()
    await settle(pilot, lambda: results.item_list.has_focus)
    count = len(results.items)
    await pilot.press("insert")
    await settle(pilot, lambda: len(results.items) == count + 1)
    picker = row_in(results, "goal").editor
    assert isinstance(picker, Picker)
    await settle(pilot, lambda: app.focused is picker)
    await pilot.press("enter")
    await type_text(pilot, words)
    await pilot.press("enter")
    date_field = row_in(results, "date").editor
    await pilot.press("tab")
    await settle(pilot, lambda: app.focused is date_field)
    await pilot.press("end", "ctrl+u")
    await type_text(pilot, day)
    value_field = row_in(results, "value").editor
    assert isinstance(value_field, Input)
    await pilot.press("tab")
    await settle(pilot, lambda: app.focused is value_field)
    await type_text(pilot, value)
    await pilot.press("escape")
    await settle(pilot, lambda: results.item_list.has_focus)


async def _results_flow(
    path: Path, lang: str, goal: str, words: str, entries: list[tuple[str, str]]
) -> tuple[str, list[str]]:
    """Type ``entries`` (date, value) as results of ``goal``, save; the goal as its
    picker names it, and the labels of the results list."""
    set_language(lang)
    app = open_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        results = await _step_7(pilot)
        for day, value in entries:
            await _add_result(pilot, results, words, day, value)
        await save(pilot)
        name = next(label for label, key in app.ref_choices("goals") if key == goal)
        return name, results.labels()


async def test_two_results_typed_in_read_with_goal_name_date_and_unit_in_english(
    tmp_path: Path,
) -> None:
    path = copy_sample(tmp_path)
    entries = [("2026-11-30", "2.9"), ("2026-12-01", "3.2")]
    name, labels = await _results_flow(path, "en", "newsletter-ctr", "newsletter", entries)
    saved = on_disk(path)["measurement"]["results"]
    assert {"goal": "newsletter-ctr", "date": D(2026, 11, 30), "value": 2.9} in saved
    assert {"goal": "newsletter-ctr", "date": D(2026, 12, 1), "value": 3.2} in saved
    assert name.startswith("newsletter-ctr · Raise the newsletter click rate")
    assert f"30 November 2026 · 2.9% · {name}" in labels
    assert f"1 December 2026 · 3.2% · {name}" in labels


async def test_two_results_typed_in_read_with_goal_name_date_and_unit_in_indonesian(
    tmp_path: Path,
) -> None:
    path = copy_sample(tmp_path, "kopi-nusantara.toml")
    entries = [("2026-11-30", "4,8"), ("2026-12-01", "5,1")]
    name, labels = await _results_flow(path, "id", "tiktok-engagement", "engagement", entries)
    saved = on_disk(path)["measurement"]["results"]
    assert {"goal": "tiktok-engagement", "date": D(2026, 11, 30), "value": 4.8} in saved
    assert {"goal": "tiktok-engagement", "date": D(2026, 12, 1), "value": 5.1} in saved
    assert name.startswith("tiktok-engagement · Menaikkan engagement rate TikTok")
    assert f"30 November 2026 · 4,8% · {name}" in labels
    assert f"1 Desember 2026 · 5,1% · {name}" in labels
    # A word unit follows the number: the sample's own results of a follower goal.
    assert any(" pengikut · ig-followers · " in label for label in labels)


def _shown(app: SmplanApp, widget_id: str) -> str:
    return str(app.screen.query_one(widget_id, Static).content)


async def test_the_key_on_a_result_shows_its_goal_results_in_date_order(tmp_path: Path) -> None:
    set_language("en")
    app = open_app(copy_sample(tmp_path))
    app.smart.today = D(2026, 12, 2)
    async with app.run_test(size=(100, 40)) as pilot:
        results = await _step_7(pilot)
        # A result typed in late, dated before the others: the view puts it first.
        await _add_result(pilot, results, "newsletter", "2025-12-31", "2.0")
        ctr = [r for r in app.plan.measurement.results if r.goal == "newsletter-ctr"]
        assert len(ctr) > 2
        pane = _pane(app)
        await pilot.press("ctrl+t")
        await settle(pilot, lambda: isinstance(app.screen, GoalResultsScreen))
        await settle(pilot, lambda: "newsletter-ctr" in _shown(app, "#goal-results-title"))
        table = _shown(app, "#goal-results-table").splitlines()[1:]
        dates = [
            dt.datetime.strptime(" ".join(line.split()[:3]), "%d %B %Y").date() for line in table
        ]
        assert dates == sorted(r.date for r in ctr if r.date is not None)
        assert dates[0] == D(2025, 12, 31)
        values = [line.split()[3] for line in table]
        assert all(value.endswith("%") for value in values)
        by_day = {r.date: r.value for r in ctr}
        for line, before, day in zip(table[1:], dates[:-1], dates[1:], strict=True):
            change = Decimal(line.split()[4].replace("±", "+"))
            assert change == by_day[day] - by_day[before]  # type: ignore[operator]
        # The goal's verdict and pace close the view, as the progress panel says them.
        pace = _shown(app, "#goal-results-pace")
        panel = str(pane.query_one("#progress-panel", Static).content)
        assert pace.splitlines()[0] in panel.splitlines()
        # Down goes to the next goal's results; escape closes.
        goals = app.screen.query_one("#goal-results-goals", OptionList)
        first = goals.highlighted
        await pilot.press("down")
        await settle(pilot, lambda: goals.highlighted == (first or 0) + 1)
        assert "newsletter-ctr" not in _shown(app, "#goal-results-title")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))


async def _palette_opens_the_view(tmp_path: Path, lang: str, command: str) -> None:
    set_language(lang)
    app = open_app(copy_sample(tmp_path))
    app.smart.today = D(2026, 12, 2)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert command in titles
        await pilot.press("ctrl+p")
        await type_text(pilot, command)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, GoalResultsScreen))
        # Opened away from step 7: on the first goal that has a result.
        assert "online-donations" in _shown(app, "#goal-results-title")


async def test_the_palette_offers_the_results_of_a_goal_in_english(tmp_path: Path) -> None:
    await _palette_opens_the_view(tmp_path, "en", "Results of a goal")


async def test_the_palette_offers_the_results_of_a_goal_in_indonesian(tmp_path: Path) -> None:
    await _palette_opens_the_view(tmp_path, "id", "Hasil per sasaran")


async def test_a_goal_given_another_unit_in_step_4_reads_so_in_step_7(tmp_path: Path) -> None:
    set_language("en")
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        results = await _step_7(pilot)

        def shown() -> list[str]:
            """The rows as the list draws them (not worked out again from the plan)."""
            listing = results.item_list
            return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]

        assert any(" 48 hours · response-time · " in row for row in shown())
        await pilot.press("f5")
        await settle(pilot, lambda: cast(MainScreen, app.screen).step == 4)
        index, goal = next((i, g) for i, g in enumerate(app.plan.goals) if g.id == "response-time")
        app.edit(goal, "unit", "minutes", step=4, path=("goals", index))
        # The plan is checked again while step 4 is shown: step 7 learns of it on show.
        await pilot.pause(1.0)
        await pilot.press("f8")
        await settle(pilot, lambda: any(" 48 minutes · response-time · " in r for r in shown()))
        assert not any(" 48 hours · " in row for row in shown())
