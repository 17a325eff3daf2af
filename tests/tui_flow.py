"""Driving the app like a person: open a copy of a sample plan, press keys, save, read the file."""

from __future__ import annotations

import shutil
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Static, TextArea

from smplan.config import load_config
from smplan.i18n import set_language
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.panes.plan_info import PlanPane
from smplan.tui.screens.main import MainScreen
from smplan.tui.widgets.fields import FieldRow
from smplan.tui.widgets.items import ItemsEditor
from tests.conftest import SAMPLES

#: The sample plan most flows edit: English, every step filled in, hand-written comments.
SAMPLE = "northwind-nonprofit.toml"
SMALL = (80, 24)


def copy_sample(folder: Path, name: str = SAMPLE) -> Path:
    target = folder / name
    shutil.copyfile(SAMPLES / name, target)
    return target


def open_app(
    path: Path,
    *,
    step: int | None = 1,
    keymap: dict[str, str] | None = None,
    own_language: bool = False,
    build_ahead: bool = False,
) -> SmplanApp:
    """The app on the plan at ``path``, as the launcher opens it.

    ``step=None`` opens where the app chooses (a new plan's details, else the
    audit); ``own_language`` speaks the plan's language, as the launcher does;
    ``build_ahead`` builds the steps not shown while no key comes, as the program
    does (each step is built on its first visit otherwise, which keeps a flow's
    widgets to the steps it visits).
    """
    plan_file = PlanFile.open(path)
    if own_language:
        set_language(plan_file.plan.language)
    return SmplanApp(path, plan_file, None, step=step, keymap=keymap, build_ahead=build_ahead)


def open_with_settings(path: Path, settings: str) -> SmplanApp:
    """The app on ``path`` as the launcher opens it with ``settings`` in the user's settings file."""
    config_file = Path(load_config().path or "")
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(settings)
    config = load_config()
    assert not config.problems
    return open_app(path, keymap=config.keys)


async def settle(
    pilot: Pilot[Any], done: Callable[[], bool] | None = None, tries: int = 200
) -> None:
    """Pause until ``done()`` holds (or a few frames when there is nothing to wait for)."""
    for _ in range(tries):
        await pilot.pause(0.02)
        if done is None or done():
            return
    raise AssertionError("the app never reached the expected state")


async def wait_for(pilot: Pilot[Any], predicate: Callable[[], bool], timeout: float = 8.0) -> None:
    """Let the app run until ``predicate`` holds; fails the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {predicate}")
        await pilot.pause(0.05)


async def save(pilot: Pilot[Any]) -> None:
    """ctrl+s, then wait until the session says the file holds the plan."""
    app = pilot.app
    assert isinstance(app, SmplanApp)
    await pilot.press("ctrl+s")
    await settle(pilot, lambda: not app.session.dirty)


def on_disk(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def comment_lines(text: str) -> list[str]:
    """The comments of a plan file: whole comment lines and trailing ``# ...`` parts."""
    found = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            found.append(stripped)
        elif " # " in line and '"' not in line.split(" # ", 1)[1]:
            found.append("#" + line.split(" # ", 1)[1])
        elif "  # " in line:
            found.append("#" + line.split("  # ", 1)[1])
    return found


def assert_comments_kept(path: Path, original: Path | str = SAMPLE) -> None:
    before = (SAMPLES / original).read_text(encoding="utf-8")
    after = path.read_text(encoding="utf-8")
    missing = [c for c in comment_lines(before) if c not in comment_lines(after)]
    assert comment_lines(before), "the sample plan has comments to keep"
    assert not missing, f"comments lost on save: {missing}"


def editor_of(app: SmplanApp, kind: str) -> ItemsEditor:
    return app.screen.query_one(f"#items-{kind}", ItemsEditor)


def row_in(container: Widget, name: str) -> FieldRow:
    """The field row ``name`` inside ``container`` (a form, an item editor, a pane)."""
    return next(r for r in container.query(FieldRow) if r.spec.name == name)


async def focus(pilot: Pilot[Any], widget: Widget) -> None:
    widget.focus()
    await pilot.pause()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key (newlines as enter)."""
    keys = ["enter" if char == "\n" else char for char in text]
    await pilot.press(*keys)
    await pilot.pause()


def screen_text(app: SmplanApp) -> str:
    """Every visible character of the screen, as plain text."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, color_system=None
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


async def still_screen(pilot: Pilot[Any], attempts: int = 30) -> None:
    """Wait until two pictures of the screen a moment apart are the same.

    On a busy machine a timer (the budget panel, a scroll after layout) can land
    after a fixed pause; a snapshot taken then would depend on the load.
    """
    app = pilot.app
    for field in app.screen.query("Input, TextArea"):
        # A blinking cursor is in the picture or not depending on the moment it is
        # taken, which a loaded machine moves: hold it steady (shown).
        field.cursor_blink = False  # type: ignore[attr-defined]
    for area in app.screen.query(TextArea):
        # Now and then a text area filled before its first layout keeps lines wrapped
        # for a width it no longer has (a Textual quirk): wrap once more at its width.
        area._rewrap_and_refresh_virtual_size()
        area.refresh()
    before = app.export_screenshot()
    for _ in range(attempts):
        await pilot.pause(0.1)
        now = app.export_screenshot()
        if now == before:
            return
        before = now


def title_input(app: SmplanApp) -> Input:
    """The plan's title field (step 0)."""
    pane = app.screen.query_one(PlanPane)
    editor = row_in(pane, "title").editor
    assert isinstance(editor, Input)
    return editor


async def add_to_title(pilot: Pilot[Any], app: SmplanApp, text: str) -> None:
    """Go to the plan's details (step 0) and type ``text`` at the end of the title."""
    await wait_for(pilot, lambda: app.main is not None and app.screen is app.main)
    await pilot.press("ctrl+g", "0")
    await wait_for(pilot, lambda: bool(app.screen.query(PlanPane)))
    editor = title_input(app)
    editor.focus()
    await pilot.pause()
    await pilot.press("end", *text)
    await wait_for(pilot, lambda: text in (app.plan.plan.title or ""))


def labels_and_buttons(app: SmplanApp) -> str:
    """The text of every label and button on the current screen (dialogs included)."""
    parts: list[str] = []
    for widget in app.screen.query(Static):
        parts.append(str(widget.render()))
    for button in app.screen.query(Button):
        parts.append(str(button.label))
    return "\n".join(parts)


def notes(app: SmplanApp) -> str:
    """The notifications the app is showing, one per line."""
    return "\n".join(note.message for note in app._notifications)


async def wait_for_dialog(pilot: Pilot[Any], app: SmplanApp, text: str) -> None:
    """Wait until a question containing ``text`` is up with its default answer focused."""
    await wait_for(
        pilot, lambda: text in labels_and_buttons(app) and isinstance(app.focused, Button)
    )


def every_step_built(main: MainScreen) -> bool:
    """True once all eight steps (0-7) are mounted: shown, or built ahead and hidden."""
    return all((pane := main.pane(step)) is not None and pane.is_mounted for step in range(8))
