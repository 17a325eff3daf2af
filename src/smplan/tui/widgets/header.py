"""The top line: plan title, file name and whether there are unsaved changes."""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import Static

from smplan.i18n import t


class PlanHeader(Static):
    _shown = ""

    def show(self, title: str, file_name: str, modified: bool, read_only: bool = False) -> None:
        marker = f" [b]{t('header.modified')}[/b]" if modified else ""
        lock = f" {escape(t('header.read-only'))}" if read_only else ""
        # The file and its state come first: a long title is what gets cut at 80 columns.
        text = f" smplan · {escape(file_name)}{marker}{lock} · [b]{escape(title)}[/b]"
        # Called after every edit: an unchanged line need not be laid out again.
        if text != self._shown:
            self._shown = text
            self.update(text)
