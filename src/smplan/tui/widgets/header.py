"""The top line: plan title, file name and whether there are unsaved changes."""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import Static

from smplan.i18n import t


class PlanHeader(Static):
    def show(self, title: str, file_name: str, modified: bool, read_only: bool = False) -> None:
        marker = f" [b]{t('header.modified')}[/b]" if modified else ""
        lock = f" {t('header.read-only')}" if read_only else ""
        self.update(f" smplan · [b]{escape(title)}[/b] · {escape(file_name)}{marker}{lock}")
