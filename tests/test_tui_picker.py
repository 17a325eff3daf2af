"""The picker on its own: the keys of a compact Select, focus kept, the menu built when opened.

The flows of every step choose with it (``test_tui_steps``, ``test_tui_bursts``,
``test_tui_key_properties``); here each key is checked against the value and
the messages, in a small app of two pickers and a text field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList

from smplan.tui.widgets.picker import Picker
from tests.tui_flow import SMALL, copy_sample, open_app, settle
from tests.tui_text import field_row

NETWORKS = [("Instagram", "instagram"), ("Facebook", "facebook"), ("TikTok", "tiktok")]
PERIODS = [("per month", "month"), ("per year", "year"), ("once", "once")]


class PickerApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.changes: list[tuple[str | None, Any]] = []

    def compose(self) -> ComposeResult:
        yield Picker(NETWORKS, prompt="(none)", id="network")
        yield Picker(PERIODS, prompt="(none)", id="per")
        yield Input(id="after")

    def on_picker_changed(self, event: Picker.Changed) -> None:
        self.changes.append((event.picker.id, event.value))


def closes_menu(app: App[None]) -> bool:
    """True when the footer's escape is the picker's "close the menu"."""
    active = app.screen.active_bindings.get("escape")
    return active is not None and active.binding.action == "close_menu" and active.enabled


def picker(app: App[None], ident: str) -> Picker:
    return app.query_one(f"#{ident}", Picker)


async def test_enter_opens_the_menu_on_the_value_and_enter_chooses() -> None:
    app = PickerApp()
    async with app.run_test() as pilot:
        network = picker(app, "network")
        network.focus()
        network.value = "facebook"
        await pilot.pause()
        app.changes.clear()
        assert not network.query(OptionList)  # no menu until it is opened
        await pilot.press("enter")
        assert network.expanded and app.focused is network
        menu = network.query_one(OptionList)
        await pilot.pause()
        assert menu.highlighted == 2  # "(none)", Instagram, then the value
        # The footer offers escape to close it, while it is open only.
        assert closes_menu(app)
        await pilot.press("down", "enter")
        assert network.value == "tiktok" and not network.expanded
        assert app.changes == [("network", "tiktok")]
        assert app.focused is network
        assert not closes_menu(app)


async def test_every_opening_key_and_every_move() -> None:
    app = PickerApp()
    async with app.run_test() as pilot:
        network = picker(app, "network")
        network.focus()
        for key in ("enter", "space", "up", "down"):
            await pilot.press(key)
            assert network.expanded, key
            await pilot.press("escape")
            assert not network.expanded and network.value is Picker.NULL
        await pilot.press("enter", "end", "enter")
        assert network.value == "tiktok"
        await pilot.press("enter", "home", "down", "enter")
        assert network.value == "instagram"
        await pilot.press("enter", "pagedown", "pageup", "down", "down", "enter")
        assert network.value == "facebook"
        # The first row is "no value".
        await pilot.press("enter", "home", "enter")
        assert network.value is Picker.NULL
        assert app.changes == [
            ("network", "tiktok"),
            ("network", "instagram"),
            ("network", "facebook"),
            ("network", Picker.NULL),
        ]


async def test_escape_keeps_the_value_and_letters_find_a_word() -> None:
    app = PickerApp()
    async with app.run_test() as pilot:
        per = picker(app, "per")
        per.focus()
        await pilot.press("enter", *"y", "enter")
        assert per.value == "year"  # the start of a word: "per year"
        await pilot.press("enter", "down", "escape")
        assert per.value == "year" and not per.expanded
        await pilot.press("enter", *"on", "enter")
        assert per.value == "once"


async def test_a_burst_through_two_pickers_into_a_field_lands_where_typed() -> None:
    app = PickerApp()
    async with app.run_test() as pilot:
        picker(app, "network").focus()
        await pilot.pause()
        # As ssh delivers them: the choice, Tab, the next choice, Tab, text.
        await pilot.press("enter", "down", "enter", "tab", "enter", "end", "enter", "tab", *"hi")
        assert picker(app, "network").value == "instagram"
        assert picker(app, "per").value == "once"
        assert app.query_one("#after", Input).value == "hi"


async def test_leaving_an_open_picker_closes_it_unchanged() -> None:
    app = PickerApp()
    async with app.run_test() as pilot:
        network = picker(app, "network")
        network.focus()
        await pilot.press("enter", "down", "down", "tab")
        assert not network.expanded and network.value is Picker.NULL
        assert app.focused is picker(app, "per")


async def test_new_options_keep_the_value_when_it_is_still_offered() -> None:
    app = PickerApp()
    async with app.run_test() as pilot:
        network = picker(app, "network")
        network.value = "tiktok"
        await pilot.pause()
        app.changes.clear()
        network.set_options([("TikTok", "tiktok"), ("X", "x")])
        assert network.value == "tiktok" and app.changes == []
        network.set_options([("X", "x")])
        await pilot.pause()
        assert network.value is Picker.NULL
        assert app.changes == [("network", Picker.NULL)]
        # An open menu shows the new options, "(none)" first.
        network.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert network.query_one(OptionList).option_count == 2


async def test_escape_on_an_open_menu_in_a_step_closes_the_menu_only(tmp_path: Path) -> None:
    # The step's own escape (back to the list) waits for the menu to be closed.
    app = open_app(copy_sample(tmp_path), step=4)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        network = field_row(app.screen, "network").editor
        assert isinstance(network, Picker)
        network.focus()
        await settle(pilot)
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert not network.expanded and app.focused is network
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is not network
