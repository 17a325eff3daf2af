"""Finding text the app's own words that the screen cuts off.

A label is clipped when its one line is wider than the widget, when its wrapped
lines need more rows than the widget has, or when the widget itself sticks out
sideways past what its containers show (a footer key or a button pushed off the
edge). Widgets that hold the user's own text (titles, list items, the values of
reference pickers) are not the app's words and may be cut; so may the few lines
that end in an ellipsis on purpose, listed in :data:`ELLIPSIS_BY_DESIGN`.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App
from textual.content import Content
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets._footer import FooterKey

from smplan.tui.widgets.fields import FieldRow
from smplan.tui.widgets.header import PlanHeader
from smplan.tui.widgets.navigator import StepList
from smplan.tui.widgets.picker import Picker

#: Lines that give way with an ellipsis at 80 columns, by design, and why that is fine.
ELLIPSIS_BY_DESIGN = {
    # The calendar's key hint shares a line with the count of items; every key it
    # names is also on the help screen (F1).
    "calendar-hint",
    # The SMART scorecard and the budget tracker show the plan's own figures and
    # names, one line each, so that they stay in view.
    "scorecard",
    "budget-tracker",
}


def _shown(widget: Widget) -> bool:
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


def _excluded(widget: Widget) -> bool:
    for node in widget.ancestors_with_self:
        if node.id in ELLIPSIS_BY_DESIGN or isinstance(node, PlanHeader):
            return True
        if isinstance(node, Picker):
            # A reference picker shows the user's ids and names.
            row = next((a for a in node.ancestors if isinstance(a, FieldRow)), None)
            return row is not None and row.spec.kind not in ("choice", "bool")
    return False


def _text_width(widget: Widget) -> int:
    visual = widget._render()
    return visual.get_optimal_width(widget.styles, 1000)


def _plain(widget: Widget) -> str:
    if isinstance(widget, Button):
        return widget.label.plain
    rendered = widget.render()
    return rendered.plain if isinstance(rendered, Content) else str(rendered)


def _sticks_out(widget: Widget) -> bool:
    """True when part of ``widget`` is hidden sideways by a container or the screen."""
    try:
        geometry = widget.screen.find_widget(widget)
    except NoMatches:
        return False
    region, clip = geometry.region, geometry.clip
    if region.height == 0 or not clip.overlaps(region):
        return False  # scrolled out of view: it shows in full when scrolled to
    return region.x < clip.x or region.right > clip.right


def clipped_labels(app: App[object]) -> list[str]:
    """A line per clipped piece of the app's own text on the current screen."""
    screen = app.screen
    problems: list[str] = []

    def report(widget: Widget, text: str, why: str) -> None:
        where = widget.id or type(widget).__name__
        problems.append(f"{type(screen).__name__} {where}: {text!r} {why}")

    for widget in screen.query("*"):
        if not _shown(widget) or _excluded(widget) or widget.size.width == 0:
            continue
        if isinstance(widget, FooterKey):
            if _sticks_out(widget):
                report(widget, widget.description, "is off the edge of the footer")
            continue
        if isinstance(widget, StepList):
            room = widget.scrollable_content_region.width
            for index in range(widget.option_count):
                prompt = widget.get_option_at_index(index).prompt
                plain = Content.from_markup(str(prompt)).plain
                if cell_len(plain) > room:
                    report(widget, plain, f"needs {cell_len(plain)} cells, has {room}")
            continue
        if isinstance(widget, Input):
            if not widget.value and widget.placeholder:
                room = widget.content_size.width
                if cell_len(widget.placeholder) > room:
                    report(
                        widget,
                        widget.placeholder,
                        f"hint needs {cell_len(widget.placeholder)} cells, has {room}",
                    )
            continue
        if isinstance(widget, OptionList) or not isinstance(widget, Static | Label | Button):
            continue
        plain = _plain(widget)
        if not plain.strip():
            continue
        if _sticks_out(widget):
            report(widget, plain, "sticks out of its container")
            continue
        width, height = widget.content_size
        one_line = (
            isinstance(widget, Button | Label)
            or widget.styles.text_wrap == "nowrap"
            or widget.has_class("field-label")
        )
        if one_line:
            needed = _text_width(widget)
            if needed > width:
                report(widget, plain, f"needs {needed} cells, has {width}")
        else:
            rows = widget.get_content_height(Size(width, height), screen.size, width)
            if rows > height:
                report(widget, plain, f"needs {rows} lines, has {height}")
    return problems
