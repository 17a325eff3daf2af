"""The top line: plan title, file name and whether there are unsaved changes."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from smplan.display import visible
from smplan.i18n import t


class PlanHeader(Static):
    _shown = ""

    def show(self, title: str, file_name: str, modified: bool, read_only: bool = False) -> None:
        # Built from parts, not markup: a title like "A[31mB" defeats markup escaping.
        parts: list[str | tuple[str, str]] = [f" smplan · {visible(file_name)}"]
        if modified:
            parts += [" ", (t("header.modified"), "bold")]
        if read_only:
            parts.append(f" {t('header.read-only')}")
        # The file and its state come first: a long title is what gets cut at 80 columns.
        parts += [" · ", (visible(title), "bold")]
        key = repr(parts)
        # Called after every edit: an unchanged line need not be laid out again.
        if key != self._shown:
            self._shown = key
            self.update(Content.assemble(*parts))
