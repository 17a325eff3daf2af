"""Properties of keys pressed without a pause: nothing is lost, nothing typed on a list changes the plan.

Hypothesis draws key sequences and sends each one to the app in a single burst
(``tests/tui_keys.py``), as a terminal delivers what it reads at once. Each
example starts a fresh app on a copy of the Northwind sample, so examples are
few and bounded in length: enough to exercise focus moves, pickers, lists,
undo and redo, without making the suite slow.

1. Any sequence of Tab, shift+tab, enter, escape, arrows, page keys, the
   calendar's view key (ctrl+\\: its month and week, where the arrows, the page
   keys, enter and ``a`` are the grid's), letters, digits, undo and redo, then
   ctrl+s: the app is still running, every field on screen shows the value the
   plan holds, and the file read back holds that plan.
2. Any printable text typed while a list or the calendar table has focus,
   then ctrl+s: the file is byte for byte what it was.
"""

from __future__ import annotations

import asyncio
import os
import string
import tempfile
from itertools import chain
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textual.widgets import SelectionList, TextArea

from smplan.presentation.field_values import parse_value
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.widgets.fields import FieldRow
from smplan.tui.widgets.picker import Picker
from tests.tui_flow import SMALL, copy_sample, open_app, settle
from tests.tui_keys import burst

#: Steps the first property starts on (F-key), each with lists and pickers.
STEPS = ("f2", "f4", "f5", "f7", "f8")
#: Keys between words, the more frequent ones more than once: moving on and back,
#: opening and choosing, undoing and redoing what was typed. The view key only
#: does something on the calendar (step 6): there it brings the month grid and
#: the week, which the arrows and page keys move through.
MOVES = ["tab", "tab", "shift+tab", "enter", "enter", "escape", "up", "down", "left", "right",
         "pageup", "pagedown", "ctrl+backslash", "ctrl+z", "ctrl+z", "ctrl+y"]  # fmt: skip
#: A move, or a short word (what a person types into a field between moves).
ACTIONS = st.sampled_from(MOVES).map(lambda key: [key]) | st.text(
    string.ascii_letters + string.digits, min_size=1, max_size=5
).map(list)
KEYS = st.lists(ACTIONS, min_size=1, max_size=16).map(lambda actions: list(chain(*actions)))
#: Lists the second property types on: (step key, what gets focus).
LISTS = (("f2", "#items-profiles ItemList"), ("f3", "#items-personas ItemList"),
         ("f5", "#items-goals ItemList"), ("f7", "#calendar-table"),
         ("f8", "#items-reviews ItemList"))  # fmt: skip
TEXT = st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=30)

#: Examples per property; CI keeps it small, SMPLAN_KEY_EXAMPLES=200 searches harder.
EXAMPLES = int(os.environ.get("SMPLAN_KEY_EXAMPLES", "12"))
RUNS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def shown_value(row: FieldRow, currency: str) -> Any:
    """The model value the row's editor shows: its text read as typing it would be."""
    editor = row.editor
    if isinstance(editor, SelectionList):
        return sorted(str(v) for v in editor.selected)
    if isinstance(editor, Picker):
        value = None if editor.value is Picker.NULL else editor.value
        return value if row.spec.kind != "bool" or value is None else value == "yes"
    text = editor.text if isinstance(editor, TextArea) else editor.value  # type: ignore[attr-defined]
    return parse_value(row.spec.kind, text, currency)


def stale_fields(app: SmplanApp) -> list[str]:
    """Fields on screen that show something other than what the plan holds."""
    pane = app.main.current_pane() if app.main else None
    assert pane is not None
    stale = []
    for form in pane.forms():
        if form.target is None or not form.display:
            continue
        for row in form.rows():
            if row.unread:
                continue  # text that is not a value yet: the plan keeps the one before
            held = getattr(form.target, row.spec.name)
            if row.spec.kind == "refs":
                held = sorted(held or [])
            shown = shown_value(row, app.plan.currency)
            if shown != held:
                stale.append(f"{row.spec.name}: shows {shown!r}, the plan holds {held!r}")
    return stale


async def keys_then_save(path: Path, step: str, keys: list[str]) -> None:
    app = open_app(path, step=1)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(step)
        await settle(pilot)
        await burst(pilot, keys)
        await pilot.pause(0.3)  # a form follows a calendar row after 0.1 s
        assert app.is_running
        assert stale_fields(app) == []
        while app.screen is not app.main:  # a question the keys opened
            await pilot.press("escape")
            await pilot.pause()
        if app.session.dirty:
            await pilot.press("ctrl+s")
            await settle(pilot, lambda: not app.session.dirty)
        shown = app.plan.model_dump(mode="json")
    assert PlanFile.open(path).plan.model_dump(mode="json") == shown


@RUNS
@given(step=st.sampled_from(STEPS), keys=KEYS)
# Found by hand before this test: the calendar form kept a title that undo took back.
@example(step="f7", keys=["enter", "x", "y", "ctrl+z"])
# The grid: a day and a month on, an item added there and typed into, then the
# week, the day's items opened and the title changed, undone.
@example(step="f7", keys=["ctrl+backslash", "right", "down", "pagedown", "a", "x", "escape",
                          "ctrl+backslash", "enter", "enter", "end", "y", "ctrl+z"])  # fmt: skip
def test_keys_in_a_burst_leave_the_screen_and_the_file_as_the_plan(
    step: str, keys: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(keys_then_save(copy_sample(Path(folder)), step, keys))


async def type_on_a_list(path: Path, step: str, where: str, text: str) -> None:
    app = open_app(path, step=1)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(step)
        await settle(pilot)
        listing = app.screen.query_one(where)
        listing.focus()
        await pilot.pause()
        await burst(pilot, list(text))
        # Typing on a list may open help ("?"): close whatever opened.
        while app.screen is not app.main:
            await pilot.press("escape")
            await pilot.pause()
        assert not app.session.dirty
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)


@RUNS
@given(target=st.sampled_from(LISTS), text=TEXT)
def test_text_typed_on_a_list_leaves_the_file_byte_for_byte(
    target: tuple[str, str], text: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = copy_sample(Path(folder))
        before = path.read_bytes()
        asyncio.run(type_on_a_list(path, *target, text))
        assert path.read_bytes() == before
