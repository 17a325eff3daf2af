"""Switching the interface language while a plan is open.

Every valid edit lives in the model (and the session's undo history), so the
main screen can simply be built again in the new language: labels, step names,
hints, footer keys, field values in the new number and date formats. What only
the screen holds is carried across: the step shown, the selected item of each
list, the calendar's filters, sort and highlighted item, the pane's scroll
position, the focused field, and text typed into a field that is not a valid
value yet (it is read again in the new language, as if typed there).

Afterwards the app offers to keep the language in the plan (``[plan] language``),
as an ordinary edit: undoable, and written by the next save.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input

from smplan.i18n import LANGUAGES, Lang, current_language, set_language, t
from smplan.i18n.values import display_name
from smplan.model import CalendarItem
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.widgets.fields import FieldRow
from smplan.tui.widgets.items import ItemsEditor

if TYPE_CHECKING:
    from smplan.presentation.calendar import CalendarQuery
    from smplan.tui.app import SmplanApp
    from smplan.tui.screens.main import MainScreen

#: Where a widget sits under the screen: at each level its id, or its index among its siblings.
NodePath = tuple[str | int, ...]


@dataclass(slots=True)
class CalendarView:
    query: CalendarQuery
    every_column: bool
    current: CalendarItem | None
    #: The highlighted row's date (a repeating item has a row per date).
    day: dt.date | None = None


@dataclass(slots=True)
class ScreenState:
    """What the main screen shows that the model does not hold."""

    step: int
    #: Selected item of each list, by list kind.
    selected: dict[str, int] = field(default_factory=dict)
    calendar: CalendarView | None = None
    focus: NodePath | None = None
    scroll_y: float = 0.0
    #: Text of fields that does not parse (so never reached the model), by the field's place.
    unparsed: dict[NodePath, str] = field(default_factory=dict)


def other_language(lang: Lang) -> Lang:
    """The next language smplan speaks after ``lang`` (with two, the other one)."""
    return LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]


def node_path(widget: Widget, screen: DOMNode) -> NodePath | None:
    """``widget``'s place under ``screen``, or None when it is not there."""
    parts: list[str | int] = []
    node: DOMNode | None = widget
    while node is not None and node is not screen:
        parent = node.parent
        if parent is None:
            return None
        siblings: list[DOMNode] = list(parent.children)
        parts.append(node.id if node.id else siblings.index(node))
        node = parent
    return tuple(reversed(parts)) if node is screen else None


def find_node(screen: DOMNode, path: NodePath) -> Widget | None:
    """The widget at ``path`` under ``screen`` (see :func:`node_path`), if the screen has one."""
    node: DOMNode = screen
    for part in path:
        children: Sequence[DOMNode] = list(node.children)
        if isinstance(part, str):
            found = [child for child in children if child.id == part]
            if not found:
                return None
            node = found[0]
        elif 0 <= part < len(children):
            node = children[part]
        else:
            return None
    return node if isinstance(node, Widget) else None


def capture(main: MainScreen) -> ScreenState:
    """Note what the main screen shows, to show it again once rebuilt."""
    from smplan.tui.panes.calendar import CalendarEditor

    state = ScreenState(step=main.step)
    pane = main.current_pane()
    if pane is None:
        return state
    state.scroll_y = pane.scroll_y
    for editor in main.query(ItemsEditor):
        state.selected[editor.spec.kind] = editor.index
    for calendar in main.query(CalendarEditor):
        shown = calendar.current_row
        state.calendar = CalendarView(
            calendar.query_state,
            calendar.every_column,
            calendar.current,
            shown.day if shown is not None else None,
        )
    focused = main.focused
    if focused is not None:
        state.focus = node_path(focused, main)
    for row in pane.query(FieldRow):
        field = row.editor
        if row.unread and isinstance(field, Input) and field.value.strip():
            where = node_path(field, main)
            if where is not None:
                state.unparsed[where] = field.value
    return state


async def restore(main: MainScreen, state: ScreenState) -> None:
    """Show ``state`` again on the rebuilt main screen."""
    from smplan.tui.panes.calendar import CalendarEditor

    for editor in main.query(ItemsEditor):
        index = state.selected.get(editor.spec.kind)
        if index is not None and 0 <= index < len(editor.items) and index != editor.index:
            editor.select(index)
    if state.calendar is not None:
        for calendar in main.query(CalendarEditor):
            calendar.every_column = state.calendar.every_column
            calendar.set_query(state.calendar.query)
            calendar.rebuild(keep=state.calendar.current, day=state.calendar.day)
    for where, text in state.unparsed.items():
        field = find_node(main, where)
        if isinstance(field, Input):
            # Typed again, in the new language: valid there, it becomes an edit.
            field.value = text
    pane = main.current_pane()
    focus = find_node(main, state.focus) if state.focus is not None else None
    if focus is not None and focus.focusable:
        focus.focus(scroll_visible=False)
    elif pane is not None:
        pane.focus_first()
    if pane is not None:
        pane.scroll_to(y=state.scroll_y, animate=False, immediate=True)


async def switch_language(app: SmplanApp, lang: Lang) -> None:
    """Show the whole app in ``lang`` now, keeping edits, history and what is on screen."""
    main = app.main
    set_language(lang)
    # Screens describe their keys in the language of the moment (DescribedKeys):
    # the footer only needs drawing again.
    app.refresh_bindings()
    # Findings and SMART explanations are sentences: work them out again in ``lang``.
    app.check_plan()
    if main is None:
        return
    state = capture(main)
    # Keys typed meanwhile go to the new widgets, where focus is put back.
    with app.holding_keys():
        await main.rebuild(state.step)
        await restore(main, state)
    # The header and navigator in the new language (the main screen follows this).
    app.status_signal.publish(None)


async def switch_and_offer(app: SmplanApp) -> None:
    """The palette's and the key's action: the next language, then offer to keep it."""
    lang = other_language(current_language())
    await switch_language(app, lang)
    name = display_name("language", lang, current_language())
    if app.read_only or app.plan.plan.language == lang:
        app.notify(t("language.switched", None, language=name), timeout=3)
        return

    def answered(choice: str | None) -> None:
        if choice == "save":
            save_in_plan(app)
        else:
            app.notify(t("language.only-now", None, language=name), timeout=4)

    app.push_screen(
        ChoiceDialog(
            t("language.keep-question", None, language=name),
            [("save", t("language.keep")), ("cancel", t("language.not-now"))],
            default="save",
        ),
        answered,
    )


def save_in_plan(app: SmplanApp) -> None:
    """Set ``[plan] language`` to the interface language: an undoable edit, saved with the plan."""
    lang = current_language()
    name = display_name("language", lang, current_language())
    if app.read_only:
        app.notify(app.plan_file.read_only_reason or "", severity="error")
        return
    if app.plan.plan.language == lang:
        app.notify(t("language.already", None, language=name), timeout=3)
        return
    app.edit(app.plan.plan, "language", lang, step=0, path=("plan", "language"))
    # Every pane reads the plan again, not only the step on screen (the main screen follows this).
    app.reload_signal.publish(None)
    app.notify(t("language.kept", None, language=name), timeout=4)
