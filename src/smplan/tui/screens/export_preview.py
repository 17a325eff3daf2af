"""The Markdown export, previewed section by section, with a key to write it.

The export is built in a worker thread, and one section is shown at a time
(the calendar in pages of a few dozen rows): a year plan's calendar as one
Markdown document would hold the app for seconds (docs/export.md).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from smplan.export import (
    ExportError,
    Section,
    plan_flavor,
    preview_sections,
    size_warning,
    write_markdown,
)
from smplan.i18n import current_language, t
from smplan.i18n.values import display_name
from smplan.store import PlanFile
from smplan.tui.keys import EXPORT_PREVIEW_KEYS, bindings
from smplan.tui.screens.described import DescribedKeys
from smplan.tui.widgets.export_markdown import ExportMarkdown

#: Seconds a highlighted section waits before it is drawn.
SHOW_DELAY = 0.08


class ExportPreview(DescribedKeys, ModalScreen[None], inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = bindings(EXPORT_PREVIEW_KEYS)

    def __init__(self, plan_file: PlanFile, flavor: str | None = None) -> None:
        super().__init__(id="export-preview")
        self.plan_file = plan_file
        self.flavor = plan_flavor(plan_file.plan, flavor)
        #: (title, Markdown) of each section, once the worker has built them.
        self.sections: list[Section] = []
        #: The section on screen, or None before the first is shown.
        self.shown: int | None = None
        self._pending: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            title = t(
                "export.preview.title",
                None,
                flavor=display_name("flavor", self.flavor, current_language()),
            )
            yield Static(f"[b]{escape(title)}[/b]", classes="dialog-title")
            with Horizontal(id="export-body"):
                yield OptionList(id="export-sections")
                with VerticalScroll(id="export-page"):
                    yield Static(t("export.preview.building"), id="export-status")
                    yield ExportMarkdown(id="export-markdown")
            yield Static(t("export.preview.hint"), classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.build()

    @work(thread=True, exclusive=True, group="export-preview")
    def build(self) -> None:
        worker = get_current_worker()
        try:
            sections = preview_sections(self.plan_file.plan, self.flavor)
        except (ValueError, KeyError, IndexError, RuntimeError, ExportError) as error:
            # The model changed under the thread, or the plan cannot be exported.
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, str(error))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._built, sections)

    def _failed(self, reason: str) -> None:
        self.query_one("#export-status", Static).update(
            escape(t("export.preview.failed", None, reason=reason))
        )

    def _built(self, sections: list[Section]) -> None:
        self.sections = sections
        listing = self.query_one("#export-sections", OptionList)
        listing.add_options(Option(escape(title)) for title, _markdown in sections)
        listing.highlighted = 0
        listing.focus()
        self.show_section(0)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index is None or not self.sections:
            return
        # Holding an arrow key down shows only the section it stops on.
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(SHOW_DELAY, partial(self.show_section, event.option_index))

    def show_section(self, index: int) -> None:
        if index == self.shown or not 0 <= index < len(self.sections):
            return
        self.shown = index
        status = self.query_one("#export-status", Static)
        status.display = False
        page = self.query_one("#export-page", VerticalScroll)
        page.scroll_home(animate=False)
        self.query_one("#export-markdown", ExportMarkdown).update(self.sections[index][1])

    def action_close(self) -> None:
        self.dismiss(None)

    def action_write_export(self) -> None:
        self._write()

    @work(thread=True, exclusive=True, group="export-write")
    def _write(self) -> None:
        try:
            written: Path | None = write_markdown(self.plan_file, flavor=self.flavor)
        except ExportError as error:
            self.app.call_from_thread(self._report, error.message, True)
            return
        assert written is not None
        self.app.call_from_thread(self._report, t("export.written", None, name=written.name), False)
        try:
            too_big = size_warning(written.stat().st_size)
        except OSError:
            too_big = None
        if too_big:
            self.app.call_from_thread(self._report, too_big, False)

    def _report(self, message: str, failed: bool) -> None:
        self.notify(message, severity="error" if failed else "information", timeout=6)
