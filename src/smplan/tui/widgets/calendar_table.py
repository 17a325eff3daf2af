"""The content calendar as a table: thousands of rows, filled a chunk at a time.

Two things keep a 5,000-row table fluid (see ``benchmarks/bench_calendar.py``):

- Cells are :class:`Cell` objects, not strings. ``DataTable`` parses a string
  cell as markup and measures it to size its column, for every cell of every
  row; a :class:`Cell` is plain text in a fixed-width column, so there is
  nothing to parse or measure and it is only rendered when it is on screen.
- Rows are added in chunks: the first screenful at once, the rest on later
  ticks, so the table shows (and takes keys) before all rows are in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar, Protocol

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from smplan.display import visible
from smplan.tui.keys import CALENDAR_KEYS, LIST_KEYS, bindings
from smplan.tui.type_ahead import TypeAhead

#: Rows added at once when the table is (re)filled; the rest follow in chunks.
FIRST_ROWS = 100
#: Rows added per tick after the first screenful: a key pressed meanwhile waits
#: for one chunk at most; larger chunks fill sooner (each one lays the screen out).
CHUNK_ROWS = 500


class Cell:
    """One cell: plain text (never markup), cut with … when the column is narrower."""

    __slots__ = ("justify", "key", "style", "text")

    def __init__(self, text: str, key: str = "", style: str = "", right: bool = False) -> None:
        self.text = visible(text)
        #: The row's key, so that :meth:`CalendarTable.reorder` can sort rows by it.
        self.key = key
        self.style = style
        self.justify = "right" if right else "left"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(
            self.text,
            style=self.style,
            justify=self.justify,  # type: ignore[arg-type]
            no_wrap=True,
            overflow="ellipsis",
            end="",
        )

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Cell({self.text!r})"


class TableActions(Protocol):
    """What the table's keys do; the calendar pane implements it."""

    def add_item(self) -> None: ...
    def delete_item(self) -> None: ...
    def duplicate_item(self) -> None: ...
    def move_item(self, offset: int) -> None: ...
    def edit_item(self) -> None: ...
    def cycle_sort(self) -> None: ...
    def reverse_sort(self) -> None: ...
    def focus_search(self) -> None: ...
    def focus_filters(self) -> None: ...
    def clear_filters(self) -> None: ...
    def toggle_columns(self) -> None: ...
    def row_titles(self) -> Sequence[str]: ...


RowCells = Callable[[str], list[Cell]]


class CalendarTable(DataTable[Cell]):
    """Rows keyed by item; keys of a list (add, delete...) and of the calendar (sort...).

    Letters typed on the table go to the next row whose title starts with them;
    no printable key changes the plan or the table's order.
    """

    # Our keys win where DataTable binds the same key (enter selects a row there).
    BINDINGS: ClassVar[list[BindingType]] = bindings((*LIST_KEYS, *CALENDAR_KEYS))

    class Loading(Message):
        """A :meth:`load` has begun: the rows of the one before are gone."""

    class Filled(Message):
        """Every row of the last :meth:`load` is in the table."""

    def __init__(self, actions: TableActions, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id, classes="calendar-table")
        self._actions = actions
        self._pending: list[str] = []
        self._row_cells: RowCells = lambda key: []
        #: Bumped by every load, so that steps scheduled by an older load do nothing.
        self._generation = 0
        self._fill_scheduled = False
        #: Following the screen's layouts until one places the table (_wait_for_place).
        self._awaiting_place = False
        self._type_ahead = TypeAhead()

    # -- filling -----------------------------------------------------------

    def set_columns(self, columns: Iterable[tuple[str, Text | str, int]]) -> None:
        """Replace all columns (and rows): (key, header, width) each, widths fixed."""
        self._stop_filling()
        self.clear(columns=True)
        for key, label, width in columns:
            self.add_column(label, width=width, key=key)

    def load(self, keys: Sequence[str], cells: RowCells, cursor: int = 0) -> None:
        """Show the rows ``keys`` (cells made by ``cells(key)``), the cursor on row ``cursor``.

        The rows up to the cursor and a screenful more are added now, the others
        in chunks; :attr:`pending` counts the rows still to come.
        """
        self._stop_filling()
        self.clear()
        self._announce(self.Loading())
        self._row_cells = cells
        self._pending = list(keys)
        cursor = max(0, min(cursor, len(keys) - 1))
        self._add(max(FIRST_ROWS, cursor + self.size.height + 1))
        if keys:
            self.move_cursor(row=cursor)
        self._schedule()
        if not self._pending:  # every row fitted in the first batch
            self._announce(self.Filled())

    @property
    def pending(self) -> int:
        """Rows that :meth:`load` has not added yet."""
        return len(self._pending)

    def ensure_loaded(self, row: int) -> None:
        """Add the rows still pending up to ``row`` now (to put the cursor there)."""
        missing = row + 1 - self.row_count
        if missing > 0:
            self._add(missing)

    def finish_loading(self) -> None:
        """Add every pending row now."""
        self._add(len(self._pending))
        self._stop_filling()
        self._announce(self.Filled())

    def _add(self, count: int) -> None:
        if count <= 0 or not self._pending:
            return
        batch, self._pending = self._pending[:count], self._pending[count:]
        cells = self._row_cells
        for key in batch:
            self.add_row(*cells(key), key=key)

    def _schedule(self) -> None:
        # After the next frame: the rows added so far are drawn before more come.
        if self._pending and not self._fill_scheduled:
            self._fill_scheduled = True
            self.call_after_refresh(self._fill_step, self._generation)

    def _fill_step(self, generation: int) -> None:
        if generation != self._generation:
            return  # a newer load replaced the rows this step was adding to
        if not self.is_attached:
            return  # removed since (its step built again in another language)
        self._fill_scheduled = False
        if not self.region.area:
            # Not on screen: its step is hidden (left before the rows were all in,
            # or built ahead) or not laid out yet. The rows wait for the table to be
            # placed; asking again after every frame kept a processor busy meanwhile.
            self._wait_for_place()
            return
        self._add(CHUNK_ROWS)
        self._schedule()
        if not self._pending:
            self._announce(self.Filled())

    def _wait_for_place(self) -> None:
        """Go on filling after the first layout of the screen that places the table.

        Textual 8.2.8 sends ``Show`` only to widgets that a full layout adds to
        the screen's map. One first placed by a layout after a scroll (the pane
        showing its focused field) gets none, and the rows stopped at the first
        batch: a calendar of 100 rows out of 438, one visit in ten. Every layout
        publishes the screen's ``screen_layout_refresh_signal``, full or not.
        """
        if not self._awaiting_place:
            self._awaiting_place = True
            self.screen.screen_layout_refresh_signal.subscribe(self, self._laid_out)

    def _laid_out(self, _screen: object) -> None:
        if self.region.area and self._awaiting_place:
            self._awaiting_place = False
            self.screen.screen_layout_refresh_signal.unsubscribe(self)
            self._schedule()

    def on_show(self) -> None:
        self._schedule()

    def _announce(self, message: Message) -> None:
        # Sent as the table's own: Textual stops a message at the widget whose code
        # posted it (the pane, which calls load), and these go on up to the app.
        self.post_message(message.set_sender(self))

    def _stop_filling(self) -> None:
        self._generation += 1
        self._fill_scheduled = False
        self._pending = []

    # -- rows --------------------------------------------------------------

    def key_at(self, row: int) -> str | None:
        """The key of the row at ``row``, or None when there is no such row."""
        if not 0 <= row < self.row_count:
            return None
        value = self.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value
        return value

    def has_row(self, key: str) -> bool:
        return key in self.rows

    def reorder(self, position: dict[str, int]) -> None:
        """Put the rows in the order of ``position`` (row key -> index), keeping their cells."""
        self.sort(key=lambda cells: position.get(cells[0].key, len(position)))

    # -- keys --------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        # A key with a binding (help's "?", a key remapped in the settings) does
        # what it is bound to; every other printable key only moves the cursor.
        if not event.is_printable or event.character is None:
            return
        if event.key in self.screen.active_bindings:
            return
        event.stop()
        event.prevent_default()
        current = self.cursor_row if self.row_count else None
        found = self._type_ahead.find(event.character, self._actions.row_titles(), current)
        if found is not None:
            self.ensure_loaded(found)
            self.move_cursor(row=found)

    def action_cursor_first(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_cursor_last(self) -> None:
        # The last item, not the last row added so far (rows come in chunks).
        if self.pending:
            self.finish_loading()
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    def action_add_item(self) -> None:
        self._actions.add_item()

    def action_delete_item(self) -> None:
        self._actions.delete_item()

    def action_duplicate_item(self) -> None:
        self._actions.duplicate_item()

    def action_move_item(self, offset: int) -> None:
        self._actions.move_item(offset)

    def action_edit_item(self) -> None:
        self._actions.edit_item()

    def action_cycle_sort(self) -> None:
        self._actions.cycle_sort()

    def action_reverse_sort(self) -> None:
        self._actions.reverse_sort()

    def action_focus_search(self) -> None:
        self._actions.focus_search()

    def action_focus_filters(self) -> None:
        self._actions.focus_filters()

    def action_clear_filters(self) -> None:
        self._actions.clear_filters()

    def action_toggle_columns(self) -> None:
        self._actions.toggle_columns()
