"""When Python's garbage collector may skip what the app has built: a choice for the whole process.

A full collection visits every object: with a calendar of thousands of items
and their cells it stops the screen for 0.1-0.3 s every so often (the worst
cursor move in ``benchmarks/bench_calendar.py`` goes from about 40 ms to
230-310 ms without this). What a filled calendar table holds lives as long as
the table, so once it is filled the collector is told to leave the objects that
exist then (``gc.freeze``) until the table is loaded again; refcounting still
frees whatever is dropped meanwhile. The collector belongs to the process, so
the app decides, from the table's messages, rather than a pane.

Start-up is the same story told earlier: reading a plan and building the first
screen make hundreds of thousands of objects that all live on, and the
collections they set off took 0.05-0.3 s of a year plan's start-up. ``launch``
turns the collector off before reading the plan; the app calls
:meth:`CollectorPolicy.started` once the first screen is drawn (or the open
error shown), which leaves what start-up built to refcounting and turns the
collector back on. Each step built afterwards (its first visit) is frozen the
same way: left to the collector, the steps' widgets made every full collection
take 90-130 ms, some five times in a dozen step visits of a year plan.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smplan.tui.screens.main import MainScreen
    from smplan.tui.widgets.calendar_table import CalendarTable


class CollectorPolicy:
    """Mixed into the app: freezes the collector's view of a filled calendar table.

    Handlers by name (Textual finds them along the class's bases), as ``@on``
    only registers methods of message-pump classes.
    """

    #: Start-up's objects were frozen (the app was started by `smplan`, not a test).
    _frozen_at_start = False

    def started(self) -> None:
        """Start-up is over: the collector runs again, past what start-up built."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
            self._frozen_at_start = True

    def on_main_screen_step_built(self, message: MainScreen.StepBuilt) -> None:
        # A step's widgets live as long as the app: left to the collector, they were
        # walked by every full collection (90-130 ms each, some five per dozen visits).
        if self._frozen_at_start:
            gc.freeze()

    #: A filled table's objects are frozen: a reload must thaw them to let go of them.
    _table_frozen = False

    def on_calendar_table_loading(self, message: CalendarTable.Loading) -> None:
        # Only a table filled before has anything frozen to give back. Thawing for
        # the first fill as well handed everything start-up froze back to the
        # collector, which then walked it all during the fill (0.2-0.3 s).
        if self._table_frozen:
            self._table_frozen = False
            gc.unfreeze()

    def on_calendar_table_filled(self, message: CalendarTable.Filled) -> None:
        gc.freeze()
        self._table_frozen = True
