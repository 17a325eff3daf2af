"""Step 6: the content calendar, a table of items with filters, a sort and a form.

The table lists the items that pass the filters (month, network, status, owner,
words of the title) in the chosen order; the form below edits the highlighted
item. Every change goes through the app's session; the table follows the
session's edits (including undo and redo) row by row instead of being rebuilt:

- editing a field rewrites that row's cell only;
- an added or duplicated item appears right below the highlighted row, and a
  deleted one leaves (ctrl+z puts it back where it was);
- an edited, added or restored row stays where it is, even when it no longer
  passes the filters or fits the order, until the filters or the sort change:
  rows do not jump away while they are being written.

Moving items (shift+up/down) changes their order in the plan file, so it only
works while the table is in file order (``s`` until "file order"); sorted by
anything else, a move would have no visible effect and is refused with a hint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.option_list import Option

from smplan.display import visible
from smplan.editing import Edit
from smplan.i18n import current_language, t
from smplan.i18n.formats import format_date, format_money, format_number
from smplan.i18n.values import display_name
from smplan.model import CalendarItem, Plan
from smplan.open_plan.network_copies import network_copies, other_networks
from smplan.presentation.calendar import (
    NUMERIC,
    SERIES_MARK,
    SORT_KEYS,
    CalendarQuery,
    CalendarRow,
    CellFormat,
    Column,
    SortKey,
    calendar_rows,
    choose_columns,
    content_widths,
    cost_total,
    items_of,
    month_choices,
    occurrence_window,
    spans_years,
    status_choices,
    value_choices,
    visible_rows,
)
from smplan.presentation.calendar_grid import DAY_FIELDS, CalendarDays, View, next_view
from smplan.schedule.occurrences import item_dates, repeats
from smplan.tui.follow import follow
from smplan.tui.keys import (
    CALENDAR_DETACH_KEYS,
    CALENDAR_ITEM_KEYS,
    CALENDAR_VIEW_KEYS,
    bindings,
    remappable,
)
from smplan.tui.markup import escape
from smplan.tui.panes.base import StepPane
from smplan.tui.panes.reveal import top_in_view
from smplan.tui.screens.copy_networks import NetworksAsked
from smplan.tui.widgets.calendar_grid import CalendarGrid
from smplan.tui.widgets.calendar_table import CalendarTable, Cell
from smplan.tui.widgets.fields import FieldSpec as F
from smplan.tui.widgets.form import Form
from smplan.tui.widgets.items import DeleteAsked, ListSpec, join_labels
from smplan.tui.widgets.picker import Picker

if TYPE_CHECKING:
    from smplan.tui.host import PlanEdited, PlanHost

#: The title comes first: it is what add and enter go to, and at 80x24 the first
#: row of the form is the one that shows below the table.
CALENDAR_FIELDS = (
    F("title"),
    F("date", "date"),
    F("time", "time"),
    F("network", "ref", ref="networks"),
    F("format"),
    F("pillar", "ref", ref="pillars"),
    F("status", "choice", choices=("idea", "planned", "draft", "scheduled", "published")),
    F("owner", "ref", ref="team"),
    F("goal", "ref", ref="goals"),
    F("hours", "number"),
    F("cost", "money"),
    F("notes", "long", height=2),
    # What the post says and where it lives: filled when the post is written.
    F("caption", "long", height=3),
    F("hashtags", "lines", height=2),
    F("asset"),
    F("url"),
    F("duration", "int"),
)

CALENDAR = ListSpec(
    kind="calendar",
    owner=lambda plan: plan,
    name="calendar",
    path=("calendar",),
    factory=lambda plan: CalendarItem(status="idea"),
    label=lambda i: join_labels(
        None if i.date is None else i.date.isoformat(),
        display_name("network", i.network, current_language()),
        i.title,
    ),
    fields=CALENDAR_FIELDS,
)

#: Filters of the bar: the picker's id and the query field it sets.
FILTERS = (("cal-month", "month"), ("cal-network", "network"), ("cal-status", "status"),
           ("cal-owner", "owner"))  # fmt: skip
#: Seconds of quiet typing in the search box before the table is filtered.
SEARCH_DELAY = 0.15
#: Seconds from an edit in the form to its cell in the table: two frames, so that
#: the field shows the keystroke first.
CELL_DELAY = 0.03
#: After a new filter or sort the cursor stays on its item if the item is within
#: this many rows of the top, and goes to the first row otherwise.
KEEP_WITHIN = 400
#: Seconds the cursor rests on a row before the form shows that item.
FORM_DELAY = 0.1
#: Fields of a repeating item whose change gives it other dates, so other rows.
SERIES_FIELDS = frozenset({"date", "repeat", "except_"})
#: Fields whose values make up the choices of the filter bar.
FILTERED_FIELDS = frozenset({"date", "network", "status", "owner"})
#: Row styles by status: what is done fades into colour, ideas stay dim.
STATUS_STYLES = {"idea": "dim", "published": "green"}
#: The form field that add and enter go to (date, network and owner come prefilled).
EDIT_FIELD = "title"


def row_key(item: CalendarItem, day: dt.date | None = None) -> str:
    """A row's key: the item itself (and the date of an occurrence of a repeating
    item), so it survives edits, sorting and moves."""
    return f"{id(item):x}" if day is None else f"{id(item):x}@{day.isoformat()}"


def key_of(row: CalendarRow) -> str:
    return row_key(row.item, row.occurrence)


class CalendarEditor(Vertical):
    """Filter bar, count line, table and form of the content calendar.

    Offers what the app expects of a list (``spec``, ``items``, ``form``,
    ``select``, ``add_item``), like :class:`~smplan.tui.widgets.items.ItemsEditor`.

    The table can give its place to a month grid or a week (``ctrl+\\``): the
    grid, the table and the form are views of the same items. The table stays
    the form's cursor in every view (an item opened from the grid is highlighted
    in the table), so adding, the form and undo work the same way everywhere.
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings(
        (*CALENDAR_VIEW_KEYS, *CALENDAR_DETACH_KEYS, *CALENDAR_ITEM_KEYS)
    )

    def __init__(self, *, step: int) -> None:
        super().__init__(id="calendar-editor", classes="calendar-editor")
        self.spec = CALENDAR
        self.step = step
        self.query_state = CalendarQuery()
        self.every_column = False
        #: The table's rows, in the table's order: an item, or one date of a repeating item.
        self.shown: list[CalendarRow] = []
        self._by_key: dict[str, CalendarRow] = {}
        #: The row keys of each repeating item (by id), for an edit to reach all its rows.
        self._series_keys: dict[int, list[str]] = {}
        self._index: dict[int, int] | None = None
        self._columns: dict[Column, int] = {}
        self._cells = CellFormat("USD", "en")
        self._built = False
        self._stale = False
        #: (plan, session revision) the table shows; reload() skips rebuilding when current.
        self._synced: tuple[int, int] = (0, -1)
        #: Where each deleted item's row was, for undo to put it back there.
        self._removed_at: dict[int, int] = {}
        #: The item the cursor goes to on the first build (added before the table was up).
        self._keep: CalendarItem | None = None
        self._search_timer: Timer | None = None
        self._form_timer: Timer | None = None
        #: Cells to rewrite after the next frame: (row key, column) -> item.
        self._changed_cells: dict[tuple[str, str], CalendarItem] = {}
        self._widths: tuple[tuple[int, int, CellFormat], dict[Column, int]] | None = None
        #: Every row before the filters, for (plan, session revision): a filter or a
        #: sort does not expand the repeating items again.
        self._all_rows: tuple[tuple[int, int], list[CalendarRow]] | None = None
        self._choices: dict[str, list[tuple[str, str]]] = {}
        #: "table", "month" or "week".
        self.view: View = "table"
        #: The items by day for the grid; None once an edit or a check made it old.
        self._days: CalendarDays | None = None
        self._days_for = 0

    @property
    def smplan(self) -> PlanHost:
        return cast("PlanHost", self.app)

    @property
    def plan(self) -> Plan:
        return self.smplan.plan

    @property
    def items(self) -> list[CalendarItem]:
        return self.plan.calendar

    @property
    def table(self) -> CalendarTable:
        return self.query_one(CalendarTable)

    @property
    def form(self) -> Form:
        return self.query_one(Form)

    @property
    def grid(self) -> CalendarGrid:
        return self.query_one(CalendarGrid)

    @property
    def day_list(self) -> OptionList:
        return self.query_one("#calendar-day", OptionList)

    @property
    def list_widget(self) -> Widget:
        """The table or the grid on show (escape from the form and the filters goes there)."""
        return self.table if self.view == "table" else self.grid

    def compose(self) -> ComposeResult:
        with Horizontal(id="calendar-filters"):
            for ident, field in FILTERS:
                yield Picker([], prompt=t(f"calendar.filter.{field}"), id=ident)
            yield Input(placeholder=t("calendar.search"), id="cal-search", compact=True)
        with Horizontal(id="calendar-status"):
            yield Static("", id="calendar-count")
            yield Static(t("calendar.keys-hint"), id="calendar-hint")
        yield CalendarTable(self, id="calendar-table")
        yield CalendarGrid(id="calendar-grid")
        yield Static("", id="calendar-day-title")
        yield OptionList(id="calendar-day", compact=True)
        yield Static("", id="calendar-empty")
        # Above the form of a repeating item's row: what editing it changes.
        series = Static("", id="calendar-series")
        series.display = False
        yield series
        yield Form(CALENDAR_FIELDS, step=self.step, id="calendar-form")

    def on_mount(self) -> None:
        # Every edit, undone ones too, whether the step is shown or not: the table
        # follows the plan row by row instead of being built again.
        follow(self.smplan.edited_signal, self, self._session_edited)
        # A check brings the rhythm and hours that flag days of the grid.
        follow(self.smplan.checked_signal, self, self._days_old)
        follow(self.smplan.budget_signal, self, self._days_old)
        self._show_view()
        self._refresh_choices()
        # The columns depend on the width. Building now, from the width of the
        # containers, saves laying the pane out twice; the width is checked once
        # the pane is laid out.
        if self._available_width():
            self.rebuild()
        self.call_after_refresh(self._first_build)

    def on_unmount(self) -> None:
        # A rebuilt screen (another language) has its own editor: this one stops listening.
        self.smplan.edited_signal.unsubscribe(self)
        self.smplan.checked_signal.unsubscribe(self)
        self.smplan.budget_signal.unsubscribe(self)

    def _first_build(self, tries: int = 10) -> None:
        if self.table.size.width == 0 and tries > 0:
            self.call_after_refresh(self._first_build, tries - 1)
            return
        # Built early (an item added from the palette), the width was not known yet.
        if not self._built or self._layout() != self._columns:
            self.rebuild()

    def _ensure_built(self) -> None:
        if not self._built:
            self.rebuild()

    # -- building ----------------------------------------------------------

    @property
    def built(self) -> bool:
        """True once the table has been filled for the first time."""
        return self._built

    @property
    def columns(self) -> list[Column]:
        """The columns the table shows, left to right."""
        return list(self._columns)

    def filter_choices(self, field: str) -> list[tuple[str, str]]:
        """(label, value) of what the filter ``field`` (month, network...) offers."""
        return list(self._choices.get(field, []))

    def _available_width(self) -> int:
        # The table keeps a gutter for its vertical scrollbar (styles/calendar.tcss).
        return max(0, (self.table.size.width or self._width_from_containers()) - 1)

    def _width_from_containers(self) -> int:
        """The table's width before it is laid out: the nearest sized container's
        width, less the padding, borders and scrollbar gutters in between."""
        inner = 0
        for node in self.ancestors_with_self:
            if not isinstance(node, Widget):
                break
            if node.size.width:
                return max(0, node.size.width - inner)
            styles = node.styles
            inner += styles.gutter.width
            if styles.scrollbar_gutter == "stable":
                inner += styles.scrollbar_size_vertical
        return 0

    def _layout(self) -> dict[Column, int]:
        # Measuring every item's values takes a while with thousands of them: only
        # edits change the widths, not filters and sorts.
        state = (id(self.plan), self.smplan.open_plan.revision, self._cells)
        if self._widths is None or self._widths[0] != state:
            self._widths = (state, content_widths(self.items, self._cells))
        widths = dict(self._widths[1])
        for column in widths:
            widths[column] = max(widths[column], len(self._header(column).plain))
        return choose_columns(self._available_width(), widths, every=self.every_column)

    def _header(self, column: Column) -> Text:
        label = t(f"calendar.column.{column}")
        query = self.query_state
        if query.sort == column:
            label += " ▼" if query.descending else " ▲"
        return Text(label, justify="right" if column in NUMERIC else "left")

    def rebuild(self, keep: CalendarItem | None = None, day: dt.date | None = None) -> None:
        """Filter, sort and fill the table again; the cursor stays on ``keep`` when shown
        (on its row of ``day`` when it repeats)."""
        if keep is None:
            row_now = self.current_row
            keep = self._keep or (row_now.item if row_now is not None else None)
            day = row_now.day if row_now is not None and row_now.item is keep else None
        self._keep = None
        plan = self.plan
        rows = self._rows()
        self._cells = CellFormat(plan.currency, current_language(), spans_years(rows))
        self._columns = self._layout()
        self.shown = visible_rows(rows, self.query_state)
        self._by_key = {}
        self._series_keys = {}
        for shown in self.shown:
            key = key_of(shown)
            self._by_key[key] = shown
            if shown.series:
                self._series_keys.setdefault(id(shown.item), []).append(key)
        self._index = None
        self._removed_at.clear()
        table = self.table
        table.set_columns((c, self._header(c), w) for c, w in self._columns.items())
        row = self._position(keep, day) if keep is not None else None
        # Rows are added from the top: following an item far down the new order
        # would add thousands of rows before the screen could change.
        cursor = row if row is not None and row < KEEP_WITHIN else 0
        table.load(list(self._by_key), self._row_cells, cursor)
        self._built = True
        self._stale = False
        self._synced = (id(plan), self.smplan.open_plan.revision)
        if self.current is None or self.form.target is None:
            self._show_current()  # the empty-table message, or the form's first item
        self._refresh_count()

    def _rows(self) -> list[CalendarRow]:
        """Every row, in file order: a repeating item is a row per date, in the window
        the grid shows."""
        state = (id(self.plan), self.smplan.open_plan.revision)
        if self._all_rows is None or self._all_rows[0] != state:
            self._all_rows = (state, calendar_rows(self.items, occurrence_window(self.plan)))
        return self._all_rows[1]

    def _row_cells(self, key: str) -> list[Cell]:
        row = self._by_key[key]
        return [self._cell(row, column, key) for column in self._columns]

    def _cell(self, row: CalendarRow, column: Column, key: str) -> Cell:
        item = row.item
        if column == "date":
            return Cell(self._cells.date(row.day), key)
        if column == "title":
            # The mark says the row is one date of a series (a character, not a colour:
            # it reads the same with NO_COLOR).
            mark = f"{SERIES_MARK} " if row.series else ""
            if not item.title:
                return Cell(mark + t("list.unnamed"), key, "dim")
            return Cell(mark + self._cells.cell(item, column), key)
        style = STATUS_STYLES.get(item.status or "", "") if column == "status" else ""
        return Cell(self._cells.cell(item, column), key, style, right=column in NUMERIC)

    # -- repeating items ----------------------------------------------------

    def _key_text(self, key_id: str, default: str) -> str:
        """How the key ``key_id`` reads now (the user's remap, if any)."""
        chosen = remappable(self.smplan.user_keymap).get(key_id, default)
        return self.app.get_key_display(Binding(chosen.split(",")[0].strip(), ""))

    def _show_series(self, row: CalendarRow | None) -> None:
        """Above the form of a repeating item: its edits change every date, and how to detach one."""
        hint = self.query_one("#calendar-series", Static)
        series = row is not None and row.series
        self.form.set_class(series, "-series")
        if row is None or not row.series:
            hint.display = False
            return
        key = self._key_text(CALENDAR_DETACH_KEYS[0].id, CALENDAR_DETACH_KEYS[0].keys)
        day = self._cells.date(row.day).strip()
        hint.update(f"{SERIES_MARK} " + t("calendar.detach.series-hint", None, key=key, day=day))
        hint.display = True

    def action_detach_occurrence(self) -> None:
        self.detach_occurrence()

    def detach_occurrence(self) -> None:
        """Make the highlighted date of a repeating item an item of its own, and edit it.

        In the table, the highlighted row's date; in the grid, the day under the
        cursor (the item chosen in the day's list, else the highlighted item when
        it falls on that day, else the first repeating item that does). One undo
        puts the date back in its series.
        """
        self._ensure_built()
        found = self._occurrence_here()
        if found is None:
            if self.view == "table":
                self.notify(t("calendar.detach.nothing"), timeout=5)
            else:
                when = format_date(self.grid.cursor)
                self.notify(t("calendar.detach.nothing-on-day", None, day=when), timeout=5)
            return
        item, day = found
        copy = self.smplan.open_plan.detach(self.file_index(item), day, step=self.step)
        if copy is None:
            return  # the plan is read-only: the app says so
        self._index = None
        self.select(self.file_index(copy))
        self.edit_item()
        self.notify(t("calendar.detach.done", None, day=format_date(day)), timeout=5)

    def _occurrence_here(self) -> tuple[CalendarItem, dt.date] | None:
        """(repeating item, date) that detach would take out, or None."""
        if self.view == "table":
            row = self.current_row
            if row is None or not row.series or row.day is None:
                return None
            if row.day not in item_dates(row.item, row.day, row.day):
                return None  # a series with no date left: only its own date shows
            return row.item, row.day
        day = self.grid.cursor
        found = [o for o in self.days().on(day) if repeats(o.item)]
        if not found:
            return None
        options = self.day_list
        if options.display and options.highlighted is not None:
            chosen = options.get_option_at_index(options.highlighted).id
            for occurrence in found:
                if str(occurrence.index) == chosen:
                    return occurrence.item, day
        current = self.current
        for occurrence in found:
            if occurrence.item is current:
                return current, day
        return found[0].item, day

    # -- the month and week views -----------------------------------------

    def action_next_view(self) -> None:
        self.set_view(next_view(self.view))

    def set_view(self, view: View) -> None:
        """Show the table, the month or the week; the grid's cursor on the highlighted item's day."""
        self._ensure_built()
        was = self.view
        self.view = view
        if view != "table":
            # From the table: the highlighted item's day; from the other grid, the same day.
            current = self.current_row
            day = current.day if current is not None and current.day else self._today()
            self.grid.today = self._today()
            self.grid.show(
                self.days(), view=view, cursor=self.grid.cursor if was != "table" else day
            )
        self._show_view()
        (self.table if view == "table" else self.grid).focus(scroll_visible=False)

    def _today(self) -> dt.date:
        return default_day(self.plan, self.smplan.open_plan.smart.today)

    def _show_view(self) -> None:
        table = self.view == "table"
        self.table.display = table
        self.grid.display = not table
        # The filters and their keys are the table's: the grid shows every item.
        self.query_one("#calendar-filters").display = table
        self.query_one("#calendar-hint", Static).update(
            t("calendar.keys-hint") if table else t("calendar.grid.grid-hint")
        )
        self._refresh_count()
        self.query_one("#calendar-day-title").display = False
        self.day_list.display = False

    def days(self) -> CalendarDays:
        """The plan's items by day, worked out again only after an edit that moves them."""
        if self._days is None or self._days_for != id(self.plan):
            report = self.smplan.open_plan.budget.report
            self._days = CalendarDays(
                self.plan, report.hours if report is not None else None, current_language()
            )
            self._days_for = id(self.plan)
        return self._days

    def _days_old(self, _news: None = None) -> None:
        self._days = None
        if self.is_attached and self.view != "table":
            self.grid.show(self.days())

    def _grid_edited(self, edit: Edit) -> None:
        # A group (several changes as one undo step) may hold any of them.
        moved = (
            edit.kind == "group"
            or (edit.owner is self.plan and edit.name == "calendar")
            or (isinstance(edit.owner, CalendarItem) and edit.name in DAY_FIELDS)
        )
        if moved:
            self._days = None
        if self.view == "table":
            return
        if moved:
            self.grid.show(self.days())
        else:
            self.grid.refresh()  # a title or a status: the same days, other words
        if self.day_list.display:
            self._list_day(self.grid.cursor, focus=False)

    @on(CalendarGrid.DayMoved)
    def _day_moved(self, event: CalendarGrid.DayMoved) -> None:
        event.stop()
        self.query_one("#calendar-day-title").display = False
        self.day_list.display = False

    @on(CalendarGrid.DayOpened)
    def _day_opened(self, event: CalendarGrid.DayOpened) -> None:
        event.stop()
        self._list_day(event.day, focus=True)

    def _list_day(self, day: dt.date, *, focus: bool) -> None:
        found = self.days().on(day)
        title = self.query_one("#calendar-day-title", Static)
        title.display = True
        when = format_date(day)
        if not found:
            title.update(t("calendar.grid.day-empty", None, day=when))
            self.day_list.display = False
            return
        title.update(t("calendar.grid.day-items", None, day=when))
        options = self.day_list
        options.clear_options()
        options.add_options(
            Option(
                Text(" · ".join(p for p in (
                    display_name("network", o.item.network, current_language())
                    if o.item.network else None,
                    visible(o.item.title or "") or t("list.unnamed"),
                ) if p)),
                id=str(o.index),
            )
            for o in found
        )  # fmt: skip
        options.display = True
        if focus:
            options.highlighted = 0
            options.focus()

    @on(OptionList.OptionSelected, "#calendar-day")
    def _day_item_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        self.select(int(event.option.id), self.grid.cursor)
        self.edit_item()

    @on(CalendarGrid.AddAsked)
    def _add_on_day(self, event: CalendarGrid.AddAsked) -> None:
        event.stop()
        self.add_item(event.day)

    def reload(self) -> None:
        """After undo, redo or a reload from disk: rebuild only if the table is behind.

        The form always shows the model again: an undo changes the values of the
        item it already shows (the session keeps the rows current, not the form).
        """
        if self._synced != (id(self.plan), self.smplan.open_plan.revision) or self._stale:
            self._refresh_choices()
            self.rebuild()
            self._days_old()
        else:
            self._refresh_count()
        self._show_current(again=True)

    def on_resize(self, event: events.Resize) -> None:
        if self._built and self._layout() != self._columns:
            self.rebuild()

    def on_show(self) -> None:
        if self._built and self._stale:
            self.rebuild()

    # -- the highlighted item ----------------------------------------------

    @property
    def current_row(self) -> CalendarRow | None:
        """The highlighted row (an item, or one date of a repeating item)."""
        if not self._built:
            return None
        key = self.table.key_at(self.table.cursor_row)
        return self._by_key.get(key) if key is not None else None

    @property
    def current(self) -> CalendarItem | None:
        """The highlighted item (a repeating item's row gives the whole series)."""
        row = self.current_row
        return row.item if row is not None else None

    def file_index(self, item: CalendarItem) -> int:
        if self._index is None:
            self._index = {id(it): i for i, it in enumerate(self.items)}
        return self._index[id(item)]

    def _position(self, item: CalendarItem, day: dt.date | None = None) -> int | None:
        """The row of ``item`` in the table (its row of ``day`` when it repeats and
        that date is shown, else its first), or None when it is not shown."""
        first = None
        for row, shown in enumerate(self.shown):
            if shown.item is item:
                if day is None or not shown.series or shown.day == day:
                    return row
                if first is None:
                    first = row
        return first

    def _show_current(self, again: bool = False) -> None:
        """Bind the form to the highlighted item (or hide it when there is none).

        ``again`` shows the item's values even when the form already shows that item.
        """
        current = self.current_row
        item = current.item if current is not None else None
        form = self.form
        empty = self.query_one("#calendar-empty", Static)
        self._show_series(current)
        if item is None:
            form.bind(None, self.spec.path)
            form.display = False
            if self.items and self.query_state.filtered:
                empty.update(t("calendar.nothing-matches"))
            else:
                empty.update(t("list.empty", None, thing=t("item.calendar")))
            empty.display = not self.shown
            self.table.set_class(not self.shown, "-empty")
            return
        self.table.remove_class("-empty")
        empty.display = False
        form.display = True
        path = (*self.spec.path, self.file_index(item))
        if again or form.target is not item or form.path != path:
            form.bind(item, path)

    @on(DataTable.RowHighlighted, "#calendar-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        # Filling the form redraws a dozen fields and lays the pane out again, a
        # few times slower than moving the cursor: it waits until the cursor rests.
        if self._form_timer is not None:
            self._form_timer.stop()
        self._form_timer = self.set_timer(FORM_DELAY, self._follow_cursor)

    def _follow_cursor(self) -> None:
        self._form_timer = None
        if self.current is not self.form.target:
            self._show_current()
        else:
            self._show_series(self.current_row)  # another date of the same series

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Tab or a click into the form before it followed the cursor: catch up
        # first, so that typing edits the highlighted item.
        if self.form in event.widget.ancestors:
            self._follow_cursor()

    @on(CalendarTable.Filled)
    def _filled(self, event: CalendarTable.Filled) -> None:
        # It goes on up: the app tells the garbage collector (tui/collector.py).
        self._refresh_count()

    @on(DataTable.HeaderSelected, "#calendar-table")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        column = str(event.column_key.value)
        if column in SORT_KEYS:
            query = self.query_state
            descending = not query.descending if query.sort == column else False
            self.set_sort(column, descending)

    def select(self, index: int, day: dt.date | None = None) -> None:
        """Show the item at ``index`` of the plan's calendar (its row of ``day`` when it
        repeats), clearing filters that hide it."""
        items = self.items
        if not 0 <= index < len(items):
            return
        item = items[index]
        self._ensure_built()
        row = self._position(item, day)
        if row is None:
            self.set_query(self.query_state.cleared())
            self.rebuild(keep=item, day=day)
            row = self._position(item, day)
        if row is not None:
            self.table.ensure_loaded(row)
            self.table.move_cursor(row=row)
        self._show_current()

    # -- filters and sort --------------------------------------------------

    def set_query(self, query: CalendarQuery) -> None:
        """Show ``query`` in the filter bar without the bar reacting to it."""
        self.query_state = query
        for ident, field in FILTERS:
            select = self.query_one(f"#{ident}", Picker)
            value = getattr(query, field)
            with select.prevent(Picker.Changed):
                if value is None:
                    select.clear()
                elif value in {v for _l, v in self._choices.get(field, [])}:
                    select.value = value
        search = self.query_one("#cal-search", Input)
        if search.value != query.text:
            with search.prevent(Input.Changed):
                search.value = query.text

    def apply(self, query: CalendarQuery) -> None:
        """Show the table for ``query`` (filters and sort)."""
        self.set_query(query)
        self.rebuild()

    def set_sort(self, sort: SortKey, descending: bool = False) -> None:
        self.apply(self.query_state.with_sort(sort, descending))

    def cycle_sort(self) -> None:
        now = SORT_KEYS.index(self.query_state.sort)
        self.set_sort(SORT_KEYS[(now + 1) % len(SORT_KEYS)])

    def reverse_sort(self) -> None:
        query = self.query_state
        self.set_sort(query.sort, not query.descending)

    def clear_filters(self) -> None:
        if self.query_state.filtered:
            self.apply(self.query_state.cleared())

    def toggle_columns(self) -> None:
        self.every_column = not self.every_column
        self.rebuild()

    def focus_search(self) -> None:
        self.query_one("#cal-search", Input).focus()

    def focus_filters(self) -> None:
        self.query_one("#cal-month", Picker).focus()

    @on(Picker.Changed, "#calendar-filters Picker")
    def _filter_chosen(self, event: Picker.Changed) -> None:
        event.stop()
        field = dict(FILTERS)[event.picker.id or ""]
        value = None if event.value is Picker.NULL else str(event.value)
        if getattr(self.query_state, field) != value:
            self.query_state = self.query_state.with_filter(field, value)
            self.rebuild()

    @on(Input.Changed, "#cal-search")
    def _search_typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._search_now)

    def _search_now(self) -> None:
        self._search_timer = None
        text = self.query_one("#cal-search", Input).value
        if text != self.query_state.text:
            self.query_state = replace(self.query_state, text=text)
            self.rebuild()

    @on(Input.Submitted, "#cal-search")
    def _search_done(self, event: Input.Submitted) -> None:
        event.stop()
        self._search_now()
        self.table.focus()

    def _refresh_choices(
        self, fields: Iterable[str] = ("month", "network", "status", "owner")
    ) -> None:
        """Offer in each filter the values that the items use now."""
        items = self.items
        for field in fields:
            if field == "month":
                # The months of the rows: a series offers each month it falls in.
                choices = month_choices(self._rows())
            elif field == "status":
                choices = status_choices()
            else:
                choices = value_choices(items, cast(Any, field))
            if self._choices.get(field) == choices:
                continue
            self._choices[field] = choices
            select = self.query_one(f"#cal-{field}", Picker)
            value = getattr(self.query_state, field)
            with select.prevent(Picker.Changed):
                select.set_options(choices)
                if value is not None and value in {v for _l, v in choices}:
                    select.value = value

    def _refresh_count(self) -> None:
        shown = items_of(self.shown)
        total = len(self.items)
        if self.query_state.filtered:
            count = t("calendar.count-filtered", None, shown=format_number(shown),
                      total=format_number(total))  # fmt: skip
        elif total == 1:
            count = t("calendar.count-one")
        else:
            count = t("calendar.count", None, total=format_number(total))
        parts = [f"[b]{count}[/b]"]
        cost = cost_total(self.shown)
        if cost:
            parts.append(format_money(cost, self.plan.currency))
        query = self.query_state
        if self.view == "table":  # the grid has no order: its hint takes the room
            arrow = "▼" if query.descending else "" if query.sort == "file" else "▲"
            order = t("calendar.sorted", None, key=t(f"calendar.sort.{query.sort}"), arrow=arrow)
            parts.append(order.strip())
        if self.table.pending:
            parts.append(f"[dim]{t('calendar.loading')}[/dim]")
        self.query_one("#calendar-count", Static).update(" · ".join(parts))

    # -- editing -----------------------------------------------------------

    def _new_item(self, day: dt.date | None = None) -> CalendarItem:
        """An idea on the highlighted item's day, network and owner (or today, in the period).

        ``day``: an idea on that day (added from the grid), with the network and
        owner of the highlighted item when it is on that day too.
        """
        row = self.current_row
        current = row.item if row is not None else None
        if day is not None:
            if current is not None and row is not None and row.day == day:
                return CalendarItem(
                    date=day, network=current.network, owner=current.owner, status="idea"
                )
            return CalendarItem(date=day, status="idea")
        if current is not None and row is not None:
            return CalendarItem(
                date=row.day, network=current.network, owner=current.owner, status="idea"
            )
        return CalendarItem(date=default_day(self.plan), status="idea")

    def add_item(self, day: dt.date | None = None) -> None:
        """Add an idea below the highlighted item (on ``day`` when given) and edit its title."""
        self._ensure_built()
        current = self.current
        at = self.file_index(current) + 1 if current is not None else len(self.items)
        item = self._new_item(day)
        self.smplan.open_plan.insert(
            self.plan, "calendar", at, item, step=self.step, label=self.spec.kind
        )
        self.edit_item()

    def duplicate_item(self) -> None:
        current = self.current
        if current is None:
            return
        copy = current.model_copy(deep=True)
        self.smplan.open_plan.insert(
            self.plan,
            "calendar",
            self.file_index(current) + 1,
            copy,
            step=self.step,
            label=self.spec.kind,
        )

    def delete_item(self) -> None:
        """Ask whether to delete the highlighted item (the screen asks, then calls back)."""
        current = self.current
        if current is None:
            return
        name = visible(self.spec.label_of(current, self.smplan.plan)) or t("list.unnamed")
        self.post_message(
            DeleteAsked(t("item.calendar"), name, partial(self._delete, current, name))
        )

    def _delete(self, item: CalendarItem, name: str) -> None:
        self._index = None
        if not any(it is item for it in self.items):
            return  # gone meanwhile (an undo)
        removed = self.smplan.open_plan.delete(
            self.plan, "calendar", self.file_index(item), step=self.step, label=self.spec.kind
        )
        if removed is None:  # refused: the plan is read-only
            return
        self.table.focus()
        self.notify(t("list.deleted", None, thing=t("item.calendar"), name=name))

    # -- copies for other networks -------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The copy key works on a list of items: the table, or a day's list under
        # the grid (in a form field the key is the field's own business).
        if action == "copy_to_networks":
            focused = self.screen.focused
            return focused is self.table or focused is self.day_list
        return super().check_action(action, parameters)

    def _copy_source(self) -> CalendarItem | None:
        """The item to copy: the highlighted one of a day's list on show, else the table's."""
        days = self.day_list
        if self.view != "table" and days.display and days.highlighted is not None:
            option = days.get_option_at_index(days.highlighted)
            index = int(option.id) if option.id is not None else -1
            if 0 <= index < len(self.items):
                return self.items[index]
        return self.current

    def action_copy_to_networks(self) -> None:
        self.copy_to_networks()

    def copy_to_networks(self) -> None:
        """Ask which other networks get a copy of the item (the key and the palette's command)."""
        self._ensure_built()
        source = self._copy_source()
        if source is None:
            self.notify(t("copy-networks.no-item"), timeout=4)
            return
        networks = other_networks(self.plan, source)
        if not networks:
            self.notify(t("copy-networks.no-other"), severity="warning", timeout=8)
            return
        name = visible(source.title or "") or t("list.unnamed")
        self.post_message(NetworksAsked(name, networks, partial(self._copy, source)))

    def _copy(self, source: CalendarItem, networks: list[str]) -> None:
        self._index = None
        if not any(it is source for it in self.items):
            return  # gone meanwhile (an undo)
        # Right after the source: the copies of a post sit together in the file.
        at = self.file_index(source) + 1
        before = len(self.items)
        self.smplan.open_plan.insert_many(
            self.plan, "calendar", at, network_copies(source, networks),
            step=self.step, label=self.spec.kind,
        )  # fmt: skip
        if len(self.items) == before:  # refused: the plan is read-only
            return
        self.select(at)
        days = self.day_list
        if days.display:  # copied from a day's list: the first copy is highlighted there too
            for row in range(days.option_count):
                if days.get_option_at_index(row).id == str(at):
                    days.highlighted = row
                    break
        names = ", ".join(display_name("network", n, current_language()) for n in networks)
        self.notify(escape(t("copy-networks.done", None, count=len(networks), networks=names)))

    def row_titles(self) -> list[str]:
        """The title of each row, top to bottom, as type-ahead matches it."""
        return [visible(row.item.title or "") for row in self.shown]

    def move_item(self, offset: int) -> None:
        query = self.query_state
        if query.sort != "file":
            self.notify(t("calendar.move-needs-file-order"), timeout=4)
            return
        current = self.current
        row = self.table.cursor_row
        if current is None:
            return
        # The next row of another item: a repeating item's dates are rows of one item.
        while 0 <= row + offset < len(self.shown) and self.shown[row + offset].item is current:
            row += offset
        if not 0 <= row + offset < len(self.shown):
            return
        neighbour = self.shown[row + offset].item
        self.smplan.open_plan.move(
            self.plan,
            "calendar",
            self.file_index(current),
            self.file_index(neighbour),
            step=self.step,
        )

    def edit_item(self) -> None:
        self._follow_cursor()
        if self.form.target is None:
            return
        for row in self.form.rows():
            if row.spec.name == EDIT_FIELD:
                # Scroll the pane no more than needed: the row being edited stays in view.
                row.editor.focus(scroll_visible=False)
                self.screen.scroll_to_widget(row, animate=False)
                return

    # -- following the session ---------------------------------------------

    def _session_edited(self, news: PlanEdited) -> None:
        if not self.is_attached:
            return
        edit, undoing = news
        plan = self.plan
        if not self._built:
            if edit.owner is plan and edit.name == "calendar" and edit.kind == "insert":
                self._keep = edit.new
            self._grid_edited(edit)
            return
        if edit.kind == "group" and edit.owner is plan:
            # Several changes as one (a detached date): the rows are worked out again.
            self.rebuild(*self._group_keeps(edit, undoing))
            self._refresh_choices()
            self._show_current()
        elif edit.owner is plan and edit.name == "calendar":
            self._structure_changed(edit, undoing)
        elif isinstance(edit.owner, CalendarItem):
            self._item_changed(edit.owner, edit.name)
        elif edit.owner is plan.plan and edit.name in ("currency", "language"):
            self._stale = True
        self._synced = (id(plan), self.smplan.open_plan.revision)
        self._grid_edited(edit)

    @staticmethod
    def _group_keeps(edit: Edit, undoing: bool) -> tuple[CalendarItem | None, dt.date | None]:
        """Where the cursor goes after a group: the item it added, or, undone, the
        date of the series that item was taken from."""
        added = next(
            (p.new for p in edit.new if p.kind == "insert" and isinstance(p.new, CalendarItem)),
            None,
        )
        if added is None or not undoing:
            return added, None
        changed = next((p.owner for p in edit.new if isinstance(p.owner, CalendarItem)), None)
        return changed, added.date

    def _item_changed(self, item: CalendarItem, name: str) -> None:
        if name in SERIES_FIELDS and (repeats(item) or id(item) in self._series_keys):
            # A repeating item's dates moved: its rows are other rows now.
            self.rebuild()
            self._refresh_choices(["month"])
            return
        if name in self._columns:
            # Any change of a cell redraws every row in view: do it after the frame
            # that shows the keystroke in the field, once for all keys typed meanwhile.
            if not self._changed_cells:
                self.set_timer(CELL_DELAY, self._update_cells)
            self._changed_cells[(row_key(item), name)] = item
        if name in FILTERED_FIELDS:
            self._refresh_choices(["month" if name == "date" else name])
        if name == "cost":
            self._refresh_count()

    def _update_cells(self) -> None:
        changed, self._changed_cells = self._changed_cells, {}
        table = self.table
        for (key, name), item in changed.items():
            column = cast(Column, name)
            if column not in self._columns:
                continue
            # Every date of a repeating item shows the edit.
            for each in self._series_keys.get(id(item), [key]):
                row = self._by_key.get(each)
                if row is not None and table.has_row(each):
                    table.update_cell(each, column, self._cell(row, column, each))

    def _structure_changed(self, edit: Edit, undoing: bool) -> None:
        self._index = None
        table = self.table
        if table.pending:
            # Rows are placed by their neighbours: they must all be there.
            table.finish_loading()
        if edit.kind == "inserts":
            # Many rows at once (an import, or its undo): the table is filled again.
            self.rebuild()
            return
        if edit.kind == "move":
            self._moved()
        else:
            appeared = self._appeared(edit, undoing)
            if appeared is not None:
                self._add_row(appeared)
            else:
                gone = edit.old if edit.kind == "delete" else edit.new
                if isinstance(gone, CalendarItem):
                    self._remove_row(gone)
        self._refresh_choices()
        self._refresh_count()
        self._show_current()

    @staticmethod
    def _appeared(edit: Edit, undoing: bool) -> CalendarItem | None:
        """The item an edit brings into the calendar: an insert, or a delete undone."""
        if edit.kind == "insert" and not undoing and isinstance(edit.new, CalendarItem):
            return edit.new
        if edit.kind == "delete" and undoing and isinstance(edit.old, CalendarItem):
            return edit.old
        return None

    def _add_row(self, item: CalendarItem) -> None:
        if repeats(item):
            self.rebuild(keep=item)  # a row per date, each in its place
            return
        table = self.table
        row = self._removed_at.pop(id(item), None)
        if row is None:
            row = table.cursor_row + 1 if self.shown else 0
        row = max(0, min(row, len(self.shown)))
        key = row_key(item)
        self.shown.insert(row, CalendarRow(item))
        self._by_key[key] = self.shown[row]
        table.add_row(*self._row_cells(key), key=key)
        if row != len(self.shown) - 1:
            table.reorder({key_of(it): i for i, it in enumerate(self.shown)})
        table.move_cursor(row=row)

    def _remove_row(self, item: CalendarItem) -> None:
        if id(item) in self._series_keys:
            self.rebuild()  # all its dates go
            return
        row = self._position(item)
        if row is None:
            return
        self._removed_at[id(item)] = row
        del self.shown[row]
        key = row_key(item)
        del self._by_key[key]
        table = self.table
        table.remove_row(key)
        table.move_cursor(row=min(row, max(0, table.row_count - 1)))

    def _moved(self) -> None:
        if self.query_state.sort != "file":
            return
        current = self.current_row
        self.shown.sort(
            key=lambda row: self.file_index(row.item), reverse=self.query_state.descending
        )
        self.table.reorder({key_of(it): i for i, it in enumerate(self.shown)})
        if current is not None:
            row = self._position(current.item, current.day)
            if row is not None:
                self.table.move_cursor(row=row)


def default_day(plan: Plan, today: dt.date | None = None) -> dt.date:
    """Today, moved into the plan's period when the period is set and today is outside it."""
    day = today or dt.date.today()
    start, end = plan.plan.period_start, plan.plan.period_end
    if start is not None and day < start:
        return start
    if end is not None and day > end:
        return end
    return day


class CalendarPane(StepPane):
    STEP = 6

    def compose(self) -> ComposeResult:
        yield from self.heading()
        yield CalendarEditor(step=self.STEP)

    @property
    def editor(self) -> CalendarEditor:
        return self.query_one(CalendarEditor)

    def editors(self) -> Sequence[CalendarEditor]:
        return [self.editor]

    def reload(self) -> None:
        super().reload()
        self.editor.reload()

    def focus_first(self) -> None:
        # Focus scrolls a widget it cannot see whole to the centre; the table is
        # laid out after this call, so that would scroll the filters out of sight.
        self.editor.table.focus(scroll_visible=False)

    def reveal(self, widget: Widget) -> None:
        # The table or a grid that takes focus (the step shown, another view chosen)
        # while its top shows leaves the pane where it is, heading and filters in
        # sight. Showing it whole scrolled them away, or not, as the layout of the
        # view just switched to was timed: a picture taken at 80x24 differed run to run.
        editor = self.editor
        if widget in (editor.table, editor.grid) and top_in_view(self, widget):
            return
        super().reveal(widget)

    def system_commands(self) -> Iterable[SystemCommand]:
        editor = self.editor
        for sort in SORT_KEYS:
            yield SystemCommand(
                t("calendar.cmd.sort", None, key=t(f"calendar.sort.{sort}")),
                t("calendar.cmd.sort-help"),
                partial(editor.set_sort, sort),
            )
        yield SystemCommand(
            t("key.calendar-reverse"), t("calendar.cmd.sort-help"), editor.reverse_sort
        )
        yield SystemCommand(
            t("key.calendar-search"), t("calendar.cmd.filter-help"), editor.focus_search
        )
        yield SystemCommand(
            t("key.calendar-filters"), t("calendar.cmd.filter-help"), editor.focus_filters
        )
        yield SystemCommand(
            t("key.calendar-clear"), t("calendar.cmd.filter-help"), editor.clear_filters
        )
        yield SystemCommand(
            t("key.calendar-columns"), t("calendar.cmd.columns-help"), editor.toggle_columns
        )
        yield SystemCommand(
            t("key.calendar-detach"), t("calendar.cmd.detach-help"), editor.detach_occurrence
        )
        yield SystemCommand(
            t("key.calendar-copy-networks"),
            t("calendar.cmd.copy-networks-help"),
            editor.copy_to_networks,
        )
