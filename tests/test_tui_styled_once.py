"""A step's compact widgets are styled once when the step is built (widgets/classes.py).

Textual restyles a widget whenever it is given a class, and a compact input or
list used to be given two after it was created (Textual's ``compact``, then an
input's ``-valid`` with its first value): each time the whole stylesheet applied
to it again, about a third of a step's first build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.dom import DOMNode

from smplan.tui.screens.main import MainScreen, pane_class
from smplan.tui.widgets.classes import COMPACT, VALID
from smplan.tui.widgets.fields import FieldInput
from smplan.tui.widgets.items import ItemList
from tests.tui_flow import SMALL, copy_sample, open_app, settle


@pytest.mark.parametrize("step", [2, 3, 4])
async def test_building_a_step_styles_its_inputs_and_lists_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int
) -> None:
    app = open_app(copy_sample(tmp_path))
    restyled: list[DOMNode] = []
    update_styles = App.update_styles

    def counted(self: App[object], node: DOMNode, animate: bool = True) -> None:
        restyled.append(node)
        update_styles(self, node, animate)

    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        main = app.main
        assert isinstance(main, MainScreen)
        pane_class(step)
        monkeypatch.setattr(App, "update_styles", counted)
        await main.show_step(step, focus=False)
        await settle(pilot)
        pane = main.pane(step)
        assert pane is not None
        inputs = list(pane.query(FieldInput))
        lists = list(pane.query(ItemList))
        assert inputs and lists
        # Compact and valid from the start, as Textual would have made them.
        assert all(i.compact and i.has_class(COMPACT, VALID) for i in inputs)
        assert all(one.compact and one.has_class(COMPACT) for one in lists)
        again = [node for node in restyled if isinstance(node, FieldInput | ItemList)]
        assert again == []
