"""How fluid the content calendar pane is with a 5,000-item plan.

    PYTHONPATH=src python benchmarks/bench_calendar.py [--items 5000] [--size 80x24]

Measured headless with Textual's test driver, from the moment a key (or a
filter choice) is sent to the moment the screen is composed with its effect:
this includes the wait for Textual's next frame (up to 1/60 s). Baselines run in
the same process: a bare ``DataTable`` with the same number of rows, given as
plain strings, in a minimal app (how Textual's table behaves out of the box),
and an empty app with a header and a footer. Each figure is the median of
several runs; cursor moves and typing also show the 90th percentile and the
worst case.

The plan is ``benchmarks/generate_year_plan.py`` when it exists (the shared
year plan), otherwise a similar plan made here.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import RenderableType
from textual import events
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select

from smplan.model import Repeat
from smplan.presentation.calendar import (
    SORT_KEYS,
    CalendarQuery,
    CalendarRow,
    calendar_rows,
    occurrence_window,
    visible_items,
    visible_rows,
)
from smplan.store import PlanFile
from smplan.store.recovery import remove_recovery
from smplan.tui.app import SmplanApp
from smplan.tui.panes.calendar import CalendarEditor, key_of

Check = Callable[[], bool]


# -- plans ---------------------------------------------------------------------


def year_plan(items: int) -> tuple[str, str]:
    """(TOML text, where it came from) of a plan with ``items`` calendar items."""
    here = Path(__file__).resolve().parent
    if (here / "generate_year_plan.py").is_file():
        sys.path.insert(0, str(here))
        try:
            from generate_year_plan import generate  # type: ignore[import-not-found]
        finally:
            sys.path.pop(0)
        return str(generate(items=items)), "benchmarks/generate_year_plan.py"
    return _own_year_plan(items), "bench_calendar.py's own generator"


def _own_year_plan(items: int, seed: int = 2027) -> str:
    rng = random.Random(seed)
    networks = ("instagram", "tiktok", "facebook", "linkedin", "youtube")
    formats = ("reel", "carousel", "story", "video", "post")
    team = ("dewi", "budi", "sari", "andi", "rina", "tono")
    statuses = ("idea", "planned", "draft", "scheduled", "published")
    topics = ("V60 in 60 seconds", "Farmer story", "Latte art", "Behind the roast", "Q&A")
    lines = [
        "schema = 1",
        "",
        "[plan]",
        'title = "Kopi Nusantara: a year of content"',
        "period_start = 2027-01-01",
        "period_end = 2027-12-31",
        'currency = "IDR"',
        "",
        "[resources]",
        "budget = 900000000",
    ]
    for member in team:
        lines += ["", "[[resources.team]]", f'id = "{member}"', f'name = "{member.title()}"']
    for number in range(1, 51):
        lines += ["", "[[goals]]", f'id = "goal-{number}"', f'network = "{networks[number % 5]}"']
    lines += ["", "[strategy]", 'pillars = ["Origin stories", "Brewing at home", "Community"]']
    lines += ["", "# Step 6: content calendar"]
    start = dt.date(2027, 1, 1)
    for index in range(items):
        day = start + dt.timedelta(days=index * 365 // items)
        network = rng.choice(networks)
        lines += [
            "",
            "[[calendar]]",
            f"date = {day.isoformat()}",
            f"time = {rng.randrange(7, 21):02d}:00:00",
            f'network = "{network}"',
            f'format = "{rng.choice(formats)}"',
            f'title = "{rng.choice(topics)} #{index + 1}"',
            f'status = "{rng.choice(statuses)}"',
            f'owner = "{rng.choice(team)}"',
            f'goal = "goal-{rng.randrange(1, 51)}"',
            f"hours = {rng.choice(('0.5', '1', '2', '3'))}",
            f"cost = {rng.choice((0, 150000, 750000, 2500000))}",
        ]
    return "\n".join(lines) + "\n"


# -- measuring -----------------------------------------------------------------


class Probe:
    """Notes when the screen is composed with a wanted effect, as apps report frames."""

    def __init__(self) -> None:
        self.check: Check | None = None
        self.done = asyncio.Event()
        self.when = 0.0

    def frame(self) -> None:
        if self.check is not None and self.check():
            self.when = time.perf_counter()
            self.check = None
            self.done.set()

    async def measure(self, act: Callable[[], object], check: Check, timeout: float = 60) -> float:
        """Seconds from ``act()`` to the first frame after which ``check()`` holds."""
        self.done.clear()
        self.check = check
        start = time.perf_counter()
        act()
        await asyncio.wait_for(self.done.wait(), timeout)
        return self.when - start


class ProbedSmplan(SmplanApp):
    probe = Probe()

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None:
            self.probe.frame()


class PlainTableApp(App[None]):
    """The baseline: Textual's DataTable with string cells, as its docs fill it."""

    probe = Probe()

    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()

    def key_t(self) -> None:
        table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
        self.mount(table)
        table.add_columns(*(f"column {n}" for n in range(len(self.rows[0]))))
        table.add_rows(self.rows)
        table.focus()

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None:
            self.probe.frame()


class EmptyApp(App[None]):
    probe = Probe()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None:
            self.probe.frame()


def press(app: App[Any], key: str, character: str | None = None) -> Callable[[], None]:
    """Send a key as a terminal would (through the driver), not through the test pilot."""

    def send() -> None:
        assert app._driver is not None
        app._driver.send_message(events.Key(key, character))

    return send


async def settle(app: App[Any]) -> None:
    """Let the app finish what a measurement started (filling rows, timers)."""
    await asyncio.sleep(0.05)
    for _ in range(400):
        editor = app.screen.query(CalendarEditor)
        if not editor or not editor.first().table.pending:
            break
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.05)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def spread(samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[int(len(ordered) * 0.9) - 1]
    return f"median {ms(statistics.median(ordered))}, p90 {ms(p90)}, max {ms(ordered[-1])}"


# -- runs ----------------------------------------------------------------------


async def bench_empty(size: tuple[int, int]) -> float:
    app = EmptyApp()
    start = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        app.probe.check = lambda: True
        await app.probe.done.wait()
        took = app.probe.when - start
        await pilot.pause()
    return took


async def bench_plain_table(rows: list[tuple[str, ...]], size: tuple[int, int]) -> dict[str, Any]:
    app = PlainTableApp(rows)
    out: dict[str, Any] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()

        def shown() -> bool:
            found = app.screen.query(DataTable)
            return bool(found) and found.first().virtual_size.height > len(rows)

        out["show"] = await app.probe.measure(press(app, "t", "t"), shown)
        await pilot.pause()
        table = app.query_one(DataTable)
        moves = []
        for _ in range(100):
            row = table.cursor_row
            moves.append(
                await app.probe.measure(press(app, "down"), lambda r=row: table.cursor_row == r + 1)
            )
        out["cursor"] = moves
    return out


async def bench_calendar(path: Path, size: tuple[int, int]) -> dict[str, Any]:
    app = ProbedSmplan(path, PlanFile.open(path), None)
    probe = app.probe
    out: dict[str, Any] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()

        def editor() -> CalendarEditor:
            return app.screen.query_one(CalendarEditor)

        def table_shows(order: list[Any]) -> Check:
            def check() -> bool:
                found = app.screen.query(CalendarEditor)
                if not found:
                    return False
                table = found.first().table
                return bool(order) and table.key_at(0) == key_of(order[0])

            return check

        plan_items = app.plan.calendar
        # The table's rows: an item, or a date of a repeating item (--repeats).
        all_rows = calendar_rows(plan_items, occurrence_window(app.plan))

        def rows_for(query: CalendarQuery) -> list[CalendarRow]:
            return visible_rows(all_rows, query)

        start = time.perf_counter()
        out["show"] = await probe.measure(press(app, "f7"), table_shows(rows_for(CalendarQuery())))
        while editor().table.pending:
            await asyncio.sleep(0.005)
        out["filled"] = time.perf_counter() - start
        await settle(app)

        # Filters: choose each network in turn, then no network again.
        network = app.screen.query_one("#cal-network", Select)
        networks = [value for _label, value in editor().filter_choices("network")][:4]
        filters = []
        for value in [*networks, None]:
            query = CalendarQuery(network=value)
            order = rows_for(query)

            def choose(value: str | None = value) -> None:
                if value is None:
                    network.clear()
                else:
                    network.value = value

            def matches(query: CalendarQuery = query, order: list[Any] = order) -> bool:
                return editor().query_state == query and table_shows(order)()

            filters.append(await probe.measure(choose, matches))
            await settle(app)
        out["filter"] = filters
        out["filter-rows"] = len(rows_for(CalendarQuery(network=networks[0])))

        # Sort: s cycles through date, network, status, owner, cost and back to file order.
        editor().table.focus()
        await pilot.pause()
        sorts = []
        for _ in range(6):
            following = editor().query_state.sort
            sort = SORT_KEYS[(SORT_KEYS.index(following) + 1) % len(SORT_KEYS)]
            query = CalendarQuery(sort=sort)
            order = rows_for(query)

            def sorted_now(query: CalendarQuery = query, order: list[Any] = order) -> bool:
                return editor().query_state == query and table_shows(order)()

            sorts.append(await probe.measure(press(app, "ctrl+t"), sorted_now))
            await settle(app)
        out["sort"] = sorts

        # Cursor: 100 rows down, one key at a time.
        table = editor().table
        moves = []
        for _ in range(100):
            row = table.cursor_row
            moves.append(
                await probe.measure(press(app, "down"), lambda r=row: table.cursor_row == r + 1)
            )
        out["cursor"] = moves
        await settle(app)

        # Typing in the title: key press to the table's row showing the new title.
        ed = editor()
        item = ed.current
        assert item is not None
        title = ed.form.query_one("#f-title", Input)
        title.focus()
        await pilot.pause()
        title.action_end()  # focus selects the whole title: type after it instead
        await pilot.pause()
        typing = []
        echo = []
        current_row = ed.current_row
        assert current_row is not None
        key = key_of(current_row)
        for letter in "abcdefghijklmnopqrst":
            wanted = (item.title or "") + letter

            def shown(wanted: str = wanted) -> bool:
                return item.title == wanted and title.value == wanted

            def updated(wanted: str = wanted) -> bool:
                # A date of a series reads "↻ title".
                return str(ed.table.get_cell(key, "title")).endswith(wanted)

            start = time.perf_counter()
            echo.append(await probe.measure(press(app, letter, letter), shown))
            await probe.measure(lambda: None, updated)
            typing.append(probe.when - start)
        out["typing"] = typing
        out["echo"] = echo
    return out


async def bench_small_calendar(path: Path, size: tuple[int, int]) -> float:
    """F7 to the calendar pane of a plan with a handful of items: the pane's own cost."""
    app = ProbedSmplan(path, PlanFile.open(path), None)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()

        def shown() -> bool:
            found = app.screen.query(CalendarEditor)
            return bool(found) and found.first().table.row_count > 0

        took = await app.probe.measure(press(app, "f7"), shown)
        await settle(app)
    return took


async def bench_goals(path: Path, size: tuple[int, int]) -> dict[str, Any]:
    """The same plan's Goals pane: how any pane with a form shows and takes typing."""
    # The calendar run typed edits it never saved: its recovery copy would be offered.
    remove_recovery(path)
    app = ProbedSmplan(path, PlanFile.open(path), None)
    probe = app.probe
    out: dict[str, Any] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()

        def goals_shown() -> bool:
            found = app.screen.query("#pane-4 #items-goals Form")
            return bool(found) and found.first().target is not None

        out["show"] = await probe.measure(press(app, "f5"), goals_shown)
        await settle(app)
        goal = app.plan.goals[0]
        field = app.screen.query_one("#pane-4 #items-goals #f-kpi", Input)
        field.focus()
        await pilot.pause()
        field.action_end()
        await pilot.pause()
        typing = []
        for letter in "abcdefghijklmnopqrst":
            wanted = (goal.kpi or "") + letter

            def typed(wanted: str = wanted) -> bool:
                return goal.kpi == wanted and field.value == wanted

            typing.append(await probe.measure(press(app, letter, letter), typed))
        out["typing"] = typing
    return out


def model_times(path: Path) -> dict[str, float]:
    """The filters and sorts without the screen: what the table work adds to."""
    plan = PlanFile.open(path).plan
    items = plan.calendar
    out = {}
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        calendar_rows(items, occurrence_window(plan))
        runs.append(time.perf_counter() - start)
    # Every rebuild of the table starts here: a row per item, a row per date of a series.
    out["rows (repeats expanded)"] = statistics.median(runs)
    for name, query in (
        ("filter by network", CalendarQuery(network="instagram")),
        ("filter by month", CalendarQuery(month="2027-06")),
        ("search titles", CalendarQuery(text="latte")),
        ("sort by date", CalendarQuery(sort="date")),
        ("sort by cost", CalendarQuery(sort="cost", descending=True)),
    ):
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            visible_items(items, query)
            runs.append(time.perf_counter() - start)
        out[name] = statistics.median(runs)
    return out


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--size", default="80x24", help="terminal size, e.g. 120x40")
    parser.add_argument(
        "--repeats",
        type=int,
        default=0,
        help="make the first N dated items weekly series (a table row per week each)",
    )
    options = parser.parse_args(argv)
    width, height = (int(n) for n in options.size.split("x"))
    size = (width, height)

    text, source = year_plan(options.items)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "year.toml"
        path.write_text(text, encoding="utf-8")
        if options.repeats:
            series = PlanFile.open(path)
            dated = [item for item in series.plan.calendar if item.date is not None]
            for item in dated[: options.repeats]:
                item.repeat = Repeat(every="week")
            series.save()
        plan = PlanFile.open(path).plan
        count = len(plan.calendar)
        table_rows = len(calendar_rows(plan.calendar, occurrence_window(plan)))
        names = ("date", "time", "network", "format", "title", "status", "owner", "goal")
        rows = [
            (*(str(getattr(item, name) or "") for name in names), str(item.hours), str(item.cost))
            for item in plan.calendar
        ]
        print(
            f"calendar pane, {count:,} items ({source}), {table_rows:,} table rows"
            f" ({options.repeats} weekly series), terminal {width}x{height}"
        )
        print(f"python {sys.version.split()[0]}, headless; medians unless said otherwise\n")

        empty = await bench_empty(size)
        plain = await bench_plain_table(rows, size)
        small = Path(folder) / "small.toml"
        small.write_text(year_plan(12)[0], encoding="utf-8")
        small_show = await bench_small_calendar(small, size)
        calendar = await bench_calendar(path, size)
        goals = await bench_goals(path, size)
        model = model_times(path)

    print("baselines, same run")
    print(f"  empty app with header and footer, first screen    {ms(empty)}")
    print(f"  bare DataTable, {count:,} string rows: key to table shown {ms(plain['show'])}")
    print(f"  bare DataTable, cursor down x100       {spread(plain['cursor'])}")
    print(f"  Goals pane of the same plan: F5 to its form shown    {ms(goals['show'])}")
    print(f"  Goals pane, typing in the KPI field x20 {spread(goals['typing'])}")
    print(f"  calendar pane of a 12-item plan: F7 to its rows shown {ms(small_show)}")
    print("\ncalendar pane")
    print(f"  F7 to the pane shown with its first rows          {ms(calendar['show'])}")
    print(f"  F7 to every row in the table                      {ms(calendar['filled'])}")
    filters = calendar["filter"]
    print(
        f"  filter by network ({calendar['filter-rows']:,} rows for the first), "
        f"{len(filters) - 1} networks then none: {spread(filters)}"
    )
    print(
        f"  sort: ctrl+t x6 (date, network, status, owner, cost, file) {spread(calendar['sort'])}"
    )
    print(f"  cursor down x100                       {spread(calendar['cursor'])}")
    print(f"  typing in the title x20, key to the field   {spread(calendar['echo'])}")
    print(f"  typing in the title x20, key to row updated {spread(calendar['typing'])}")
    print("\nfilters and sorts of the model alone (no screen)")
    for name, seconds in model.items():
        print(f"  {name:<24} {ms(seconds)}")
    ratio = statistics.median(calendar["cursor"]) / statistics.median(plain["cursor"])
    print(f"\ncursor move, calendar pane / bare DataTable: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
