"""The main screen: header, step navigator, the current step's pane, footer."""

from __future__ import annotations

import asyncio
from contextlib import suppress
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher, Footer

from smplan.i18n import t
from smplan.tui.follow import follow
from smplan.tui.panes.base import StepPane
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.screens.described import DescribedKeys
from smplan.tui.widgets.footer import SteadyFooter
from smplan.tui.widgets.header import PlanHeader
from smplan.tui.widgets.items import DeleteAsked
from smplan.tui.widgets.navigator import Navigator, StepList

if TYPE_CHECKING:
    from smplan.open_plan.plan import OpenPlan
    from smplan.tui.host import PlanHost
    from smplan.tui.panes.measurement import GoalResultsAsked
    from smplan.tui.screens.copy_networks import NetworksAsked

#: Narrower than this, the footer has no room for the palette key (help lists it).
FOOTER_PALETTE_WIDTH = 100
#: Narrower than this, one space between the footer's keys instead of two, so that
#: a list's keys and the app's fit (beside the palette key from 100 columns).
FOOTER_ROOMY_WIDTH = 120
#: Shorter than this, panes drop their intro line to keep rows for the plan itself.
SHORT_HEIGHT = 30

#: Each step's pane: (module under smplan.tui.panes, class). A pane's module is
#: imported on the step's first visit, so that opening a plan loads only the one
#: it shows (with what it needs: the goals pane alone brings the SMART checker).
PANES: dict[int, tuple[str, str]] = {
    0: ("plan_info", "PlanPane"),
    1: ("audit", "AuditPane"),
    2: ("personas", "PersonasPane"),
    3: ("resources", "ResourcesPane"),
    4: ("goals", "GoalsPane"),
    5: ("strategy", "StrategyPane"),
    6: ("calendar", "CalendarPane"),
    7: ("measurement", "MeasurementPane"),
}


#: The other steps' modules are imported once the first check is done (it loads the
#: checks they use), or this many seconds after the first screen if it is not done by then.
PRELOAD_AFTER = 1.0
#: The order in which the program builds the steps not shown yet, once their modules
#: are in: the steps a person goes to first, the calendar (the longest) last.
AHEAD_ORDER = (2, 3, 4, 5, 7, 6, 0, 1)
#: Seconds without a key before a step is built ahead. Building one keeps the
#: screen busy for 0.1-0.3 s, which a key typed meanwhile would wait for: a person
#: typing or moving about is left alone, one who reads gets every step built.
AHEAD_QUIET = 0.5
#: Seconds a rebuild waits for the screen's layout before it goes on regardless.
LAYOUT_WAIT = 1.0


def pane_class(step: int) -> type[StepPane]:
    """The class of step ``step``'s pane, its module imported if need be."""
    module, name = PANES[step]
    return cast("type[StepPane]", getattr(import_module(f"smplan.tui.panes.{module}"), name))


class MainScreen(DescribedKeys, Screen[None]):
    class FirstShown(Message):
        """The first step is drawn: work kept back so as not to delay it may start."""

    class StepBuilt(Message):
        """A step was built (its first visit) and drawn."""

    def __init__(self, step: int = 1, *, focus_first: bool = False) -> None:
        super().__init__(id="main")
        self.step = step
        self._focus_first = focus_first
        #: Panes being mounted (built ahead, hidden): a visit waits for the mount to end.
        self._mounting: dict[int, AwaitMount] = {}
        #: Bumped when the panes are built again (another language) or the app ends:
        #: building ahead for the old ones stops.
        self._generation = 0
        #: The other steps' modules are being imported, or are.
        self._preloading = False
        #: Every widget is being built again (rebuild): the header and navigator are
        #: not there to be drawn for a moment.
        self._rebuilding = False

    @property
    def smplan(self) -> PlanHost:
        return cast("PlanHost", self.app)

    def compose(self) -> ComposeResult:
        yield PlanHeader(id="plan-header")
        with Horizontal(id="body"):
            yield Navigator(id="navigator")
            # Panes are mounted on first visit: opening a plan only builds one.
            yield ContentSwitcher(id="panes")
        footer = SteadyFooter()
        yield footer
        # Fitted to the terminal here, when built (again, in another language), before
        # it is mounted: fitted after, every footer key and the whole screen were styled
        # again. A resize fits it again (on_resize).
        self._fit(footer, self.app.size.width, self.app.size.height)

    def on_mount(self) -> None:
        follow(self.smplan.status_signal, self, self._status_changed)
        follow(self.smplan.reload_signal, self, self._reload_asked)
        follow(self.smplan.checked_signal, self, lambda _news: self.call_later(self._preload))
        # The first step is built once this screen's resume event has been handled
        # (it comes after the mount): that event restyles every widget the screen
        # holds, and a step built before it was styled twice (some 80 ms at start).
        self.call_later(self._show_first_step)

    async def _show_first_step(self) -> None:
        try:
            await self.show_step(self.step, focus=self._focus_first)
            if not self._focus_first:
                # The step list, at once: the first keys typed go there.
                self.set_focus(self.query_one(StepList))
            self.refresh_status()
            self.call_after_refresh(self.post_message, self.FirstShown())
            self.set_timer(PRELOAD_AFTER, self._preload)
        finally:
            self.smplan.release_keys()  # held since the app pushed this screen

    def _preload(self) -> None:
        """After the first check: import the other steps' modules, then build them."""
        if not self._preloading:
            self._preloading = True
            self._import_panes(list(PANES))

    def _import_panes(self, steps: list[int]) -> None:
        """Import the other steps' modules, one per turn of the event loop: their
        first visits then build widgets only, and a key typed meanwhile waits for
        one module at most (a few milliseconds)."""
        if steps:
            pane_class(steps[0])
            self.call_later(self._import_panes, steps[1:])
        elif self.smplan.build_ahead:
            # At once: the first step is drawn and checked, and no key came for
            # AHEAD_QUIET seconds, or the build waits for that (_build_ahead).
            self._build_ahead_later(0.001)

    def _build_ahead_later(self, delay: float) -> None:
        self.set_timer(delay, partial(self._build_ahead, self._generation))

    async def _build_ahead(self, generation: int) -> None:
        """Build the next step not built yet, hidden, unless a key came in the last
        AHEAD_QUIET seconds; then the next, until every step is built. A first visit
        then only shows the step (the time of a later visit)."""
        if generation != self._generation or not self.is_attached:
            return
        step = next((step for step in AHEAD_ORDER if self.pane(step) is None), None)
        if step is None:
            return
        host = self.smplan
        quiet = host.quiet_for
        if quiet < AHEAD_QUIET or host.keys_waiting:
            self._build_ahead_later(max(0.05, AHEAD_QUIET - quiet))
            return
        await self._mount_pane(step, shown=False)
        if generation == self._generation:
            # After a turn of the queue: a key read during the build goes first.
            self._build_ahead_later(0.01)

    @property
    def building(self) -> bool:
        """True while a step's pane is being mounted (built ahead, or on its first visit)."""
        return bool(self._mounting)

    def stop_building_ahead(self) -> None:
        """Build no more steps ahead (the app is ending, or every pane is built again);
        a build under way goes on."""
        self._generation += 1

    async def panes_built(self) -> None:
        """Wait until the panes being mounted now are whole."""
        for mounting in list(self._mounting.values()):
            await mounting

    def on_resize(self, event: events.Resize) -> None:
        self._fit(self.query_one(Footer), event.size.width, event.size.height)
        if event.size == self.outer_size:
            # Textual 8.2.8 lays the whole screen out again for every resize event, also
            # one of the size the screen was last laid out at (it posts one to itself
            # after its first layout, the app posts the terminal's size again once
            # idle): at start, two layouts of the first step (some 60 ms) that changed
            # nothing. What does change the screen (a mount, a new style, the footer
            # fitted just now) asks for a layout itself.
            event.prevent_default()

    def _fit(self, footer: Footer, width: int, height: int) -> None:
        footer.show_command_palette = width >= FOOTER_PALETTE_WIDTH
        # One space between keys instead of two: a list's keys and the app's fit 80 columns.
        footer.compact = width < FOOTER_ROOMY_WIDTH
        self.set_class(height < SHORT_HEIGHT, "-short")

    def pane(self, step: int) -> StepPane | None:
        # Asked after every edit: look among the panes, not through every widget.
        switcher = self.query_one("#panes", ContentSwitcher)
        try:
            return cast(StepPane, switcher.get_child_by_id(f"pane-{step}"))
        except NoMatches:
            return None

    async def show_step(self, step: int, focus: bool = True) -> StepPane:
        switcher = self.query_one("#panes", ContentSwitcher)
        pane = self.pane(step)
        if pane is None:
            pane = await self._mount_pane(step, shown=True)
        elif step in self._mounting:
            await self._mounting[step]  # being built ahead: shown once it is whole
        if switcher.current != pane.id:
            switcher.current = pane.id
            pane.shown_again()
        if step != self.step:
            self.smplan.step_changed()
        self.step = step
        self.query_one(Navigator).show(self.smplan.plan, step)
        if focus:
            pane.focus_first()
        return pane

    async def _mount_pane(self, step: int, *, shown: bool) -> StepPane:
        """Build step ``step``'s pane: on screen, or hidden until it is visited."""
        pane = pane_class(step)()
        pane.display = shown
        mounting = self._mounting[step] = self.query_one("#panes", ContentSwitcher).mount(pane)
        try:
            await mounting
        finally:
            if self._mounting.get(step) is mounting:
                del self._mounting[step]
        self.call_after_refresh(self.post_message, self.StepBuilt())
        return pane

    # -- escape goes up -------------------------------------------------------

    def _up(self) -> tuple[str, Widget] | None:
        """Where escape goes from the focused widget: ("list" or "steps", the widget)."""
        if self._rebuilding:
            return None  # the footer asks while the widgets are built again
        focused = self.focused
        steps = self.query_one(StepList)
        if focused is None or focused is steps:
            return None
        for node in focused.ancestors_with_self:
            listing = getattr(node, "list_widget", None)
            if isinstance(listing, Widget):
                return ("steps", steps) if focused is listing else ("list", listing)
        return ("steps", steps)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back_to_list", "back_to_steps"):
            up = self._up()
            return up is not None and f"back_to_{up[0]}" == action
        return True

    def action_back_to_list(self) -> None:
        self._go_up()

    def action_back_to_steps(self) -> None:
        self._go_up()

    def _go_up(self) -> None:
        up = self._up()
        if up is not None:
            # At once, not by focus(): keys typed after escape go to the list.
            self.set_focus(up[1])

    def current_pane(self) -> StepPane | None:
        return self.pane(self.step)

    def _status_changed(self, _news: None) -> None:
        # While every widget is built again the header and navigator are gone for a
        # moment; rebuild() draws them once they are back.
        if not self._rebuilding:
            self.refresh_status()

    def _reload_asked(self, _news: None) -> None:
        # Each step pane follows the same signal and shows the plan again itself.
        if not self._rebuilding:
            self.refresh_status()

    def refresh_status(self) -> None:
        """Header and navigator after any change."""
        app = self.smplan
        self.query_one(PlanHeader).show(
            app.plan.plan.title or "",
            app.file_label,
            app.open_plan.dirty,
            app.read_only,
        )
        navigator = self.query_one(Navigator)
        navigator.show(app.plan, self.step)
        navigator.summary(status_lines(app.open_plan))

    async def rebuild(self, step: int) -> None:
        """Build every widget again (in a new language), showing ``step``."""
        self.stop_building_ahead()
        self._rebuilding = True
        try:
            # Textual 8.2.8 would remove a pane still being mounted before its widgets'
            # own mount handlers ran, which then find their children gone (a
            # traceback): the one under way finishes first.
            await self.panes_built()
            await self.recompose()  # compose fits the new footer to the terminal
            await self.show_step(step, focus=False)
            # Laid out before anything goes on top: a dialog draws this screen
            # behind it from the screen's last layout, which still held the old
            # widgets (Textual 8.2.8 then drew a removed text area: a traceback).
            await self._laid_out()
        finally:
            self._rebuilding = False
        self.refresh_status()
        if self.smplan.build_ahead:
            self._build_ahead_later(0.001)  # _build_ahead waits for the quiet itself

    async def _laid_out(self) -> None:
        """Return once the screen has been laid out again (at most after a second)."""
        done = asyncio.Event()
        self.screen_layout_refresh_signal.subscribe(self, lambda _screen: done.set())
        try:
            self.refresh(layout=True)
            with suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), LAYOUT_WAIT)
        finally:
            self.screen_layout_refresh_signal.unsubscribe(self)

    @on(DeleteAsked)
    async def _delete_asked(self, event: DeleteAsked) -> None:
        """Ask before a list deletes an item: enter deletes, escape keeps it."""
        event.stop()

        def answered(choice: str | None) -> None:
            if choice == "delete":
                event.delete()

        question = ChoiceDialog(
            t("list.delete-question", None, thing=event.thing, name=event.name),
            [("delete", t("list.delete-yes")), ("cancel", t("quit.cancel"))],
            default="delete",
        )
        # Keys typed after the delete key answer the question, once it is there.
        with self.smplan.holding_keys():
            await self.app.push_screen(question, answered)

    # The two handlers below are found by their names (Textual's on_<message>
    # convention), not by @on: that would import the calendar's and step 7's
    # modules with this screen, before the first step is shown.

    async def on_networks_asked(self, event: NetworksAsked) -> None:
        """Ask which networks get a copy of a calendar item: enter copies, escape does nothing."""
        from smplan.tui.screens.copy_networks import CopyToNetworks

        event.stop()

        def answered(chosen: list[str] | None) -> None:
            if chosen:
                event.copy(chosen)

        # Keys typed after the copy key (arrows, space) go to the list, once it is there.
        with self.smplan.holding_keys():
            await self.app.push_screen(CopyToNetworks(event.title, event.networks), answered)

    async def on_goal_results_asked(self, event: GoalResultsAsked) -> None:
        event.stop()
        await self.open_goal_results(event.goal)

    async def open_goal_results(self, goal: str | None) -> None:
        """Show the results of ``goal`` by date; None: the highlighted result's goal
        when step 7 is shown, else the first goal with a result."""
        from smplan.tui.panes.measurement import MeasurementPane
        from smplan.tui.screens.goal_results import GoalResultsScreen

        if goal is None:
            pane = self.current_pane()
            if isinstance(pane, MeasurementPane):
                goal = pane.results.highlighted_goal()
        app = self.smplan
        # Keys typed after the key that opened it (arrows, escape) go to the view.
        with app.holding_keys():
            await self.app.push_screen(GoalResultsScreen(app.plan, goal, app.open_plan.smart.today))

    @on(StepList.Picked)
    async def _picked(self, event: StepList.Picked) -> None:
        # Keys typed after enter belong to the step's first field, once it is there.
        with self.smplan.holding_keys():
            await self.show_step(event.step)


def status_lines(owner: OpenPlan) -> list[str]:
    """Short lines under the navigator: how SMART the goals are, then money and hours."""
    if not owner.checked:
        # A big plan's first check runs after the first screen: the SMART line comes
        # with the money and hours once it reports (50 goals checked here, on the UI
        # thread, took some 50 ms of a year plan's first screen).
        return gauges(owner)
    full, total = owner.smart.summary(owner.plan)
    lines = [t("smart-ui.nav", None, full=full, total=total)] if total else []
    return lines + gauges(owner)


def gauges(owner: OpenPlan) -> list[str]:
    """The money and hours gauges: none before the first check has worked out the
    budget (their module, with the budget's, loads after the first screen)."""
    report = owner.budget.report
    if report is None:
        return []
    from smplan.tui.widgets.budget_panel import gauge_lines

    return gauge_lines(report)
