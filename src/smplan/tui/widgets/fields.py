"""One form row per plan field: a label, an editor that fits the value, and an error line.

Rows turn what the user types into model values (numbers, money and dates in the
user's language, references chosen from what exists) and post
:class:`FieldRow.Edited` when the value is valid. Invalid input never reaches
the model: the row shows why and how to write it instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input, Label, SelectionList, Static, TextArea

from smplan.display import restore_hidden, visible
from smplan.i18n import current_language, t
from smplan.i18n.values import choice_name
from smplan.open_plan.references import RefKind
from smplan.presentation.field_values import ParseError, display_value, parse_value
from smplan.tui.markup import escape
from smplan.tui.widgets.classes import COMPACT, VALID, compact_reactive
from smplan.tui.widgets.field_area import FieldArea
from smplan.tui.widgets.lines_area import LinesArea
from smplan.tui.widgets.picker import Picker

FieldKind = Literal[
    "text", "long", "lines", "int", "number", "money", "percent", "date", "time", "choice",
    "ref", "refs", "bool",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one model field is edited."""

    name: str
    kind: FieldKind = "text"
    #: Catalogue id of the label; ``field.<name>`` by default.
    label: str | None = None
    #: Fixed choices for ``choice`` fields; their labels are ``choice.<value>``.
    choices: tuple[str, ...] = ()
    ref: RefKind | None = None
    #: Rows of a multi-line editor.
    height: int = 3

    @property
    def label_id(self) -> str:
        return self.label or f"field.{self.name}"


ChoicesFn = Callable[[RefKind], Sequence[tuple[str, str]]]


class FieldInput(Input):
    """A one-line field whose typing repaints the field instead of the whole screen.

    Textual's input sets its virtual width to its text's on every key, and that
    asks for a layout of the screen: on a pane of forty fields, most of the time
    between a key and the SMART scorecard. A field's own width comes from the
    stylesheet and it shows no scrollbar, so a repaint is enough; scrolling to the
    cursor reads the virtual width directly.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)
    compact = compact_reactive()

    def on_paste(self, event: events.Paste) -> None:
        # Textual's input keeps the first line of a paste and drops the rest; a
        # one-line field takes all of it, its lines joined by spaces.
        event.stop()
        event.prevent_default()
        if not event.text:
            return
        text = " ".join(event.text.splitlines())
        start, end = sorted(self.selection)
        self.replace(text, start, end)


def _untouched(kind: FieldKind, value: Any, current: Any) -> Any:
    """Keep the stored text of what the user did not change (spaces at the ends included)."""
    if kind == "lines" and isinstance(value, list) and isinstance(current, list):
        unchanged: dict[str, list[str]] = {}
        for entry in current:
            unchanged.setdefault(entry.strip(), []).append(entry)
        return [unchanged[v].pop(0) if unchanged.get(v) else v for v in value]
    if kind == "text" and isinstance(current, str) and current.strip() == value:
        return current
    return value


class FieldRow(Vertical):
    """A label and an editor for one field of the item being edited."""

    class Edited(Message):
        def __init__(self, row: FieldRow, value: Any) -> None:
            super().__init__()
            self.row = row
            self.value = value

    def __init__(self, spec: FieldSpec, choices: ChoicesFn) -> None:
        super().__init__(classes=f"field-row -{spec.kind}")
        self.spec = spec
        self._choices = choices
        self._loading = False
        self._problem: str | None = None
        #: Why the text in the editor cannot be read, while it cannot.
        self._unread: str | None = None
        #: The value the plan holds for this field now, as far as this row knows...
        self._current: Any = None
        #: ...and the one it held when the user came to the field: text that cannot
        #: be read puts this back, so a half-typed ``1.500`` never leaves ``1.5`` behind.
        self._before: Any = None
        #: The text in the editor and the plan text it pictures (control characters
        #: shown as symbols), so that what the user did not touch is stored as it was.
        self._shown: tuple[str, str] | None = None
        #: The line under the field that says what is wrong, built with the first error.
        self._error_line: Static | None = None

    # -- building ----------------------------------------------------------

    def compose(self) -> ComposeResult:
        spec = self.spec
        label = Label(t(spec.label_id), classes="field-label")
        editor = self._editor()
        if spec.kind in ("long", "lines", "refs"):
            yield label
            yield editor
        else:
            with Horizontal(classes="field-line"):
                yield label
                yield editor
        # No error line until there is an error (set_problem): most rows never have
        # one, and a step of 60 rows built 60 hidden widgets for it on its first visit.

    def _editor(self) -> Widget:
        spec = self.spec
        ident = f"f-{spec.name}"
        if spec.kind in ("long", "lines"):
            kind = LinesArea if spec.kind == "lines" else FieldArea
            area = kind("", soft_wrap=True, show_line_numbers=False, tab_behavior="focus", id=ident)
            area.styles.height = spec.height
            return area
        if spec.kind == "choice":
            options = [(choice_name(value, current_language()), value) for value in spec.choices]
            return Picker(options, prompt=t("field.none"), id=ident)
        if spec.kind == "bool":
            options = [(choice_name(v, current_language()), v) for v in ("yes", "no")]
            return Picker(options, prompt=t("field.none"), id=ident)
        if spec.kind == "ref" and spec.ref is not None:
            return Picker(self._choices(spec.ref), prompt=t("field.none"), id=ident)
        if spec.kind == "refs" and spec.ref is not None:
            picker: SelectionList[str] = SelectionList(id=ident, compact=True)
            picker.styles.height = spec.height
            return picker
        hint = t(f"hint.{spec.kind}") if spec.kind != "text" else ""
        # Valid from the start: it has no validators (see widgets/classes.py).
        return FieldInput(
            "", placeholder=hint, id=ident, compact=True, classes=f"{COMPACT} {VALID}"
        )

    @property
    def editor(self) -> Widget:
        return self.query_one(f"#f-{self.spec.name}")

    def focus_editor(self) -> None:
        self.editor.focus()

    # -- model -> screen ---------------------------------------------------

    def show(self, value: Any) -> None:
        """Put the model's value in the editor without it counting as an edit."""
        self._loading = True
        try:
            # Editors report a programmatic change by a message handled later, when
            # _loading is over: without this, showing an item would set it again
            # (a picker's new options even pass through "no value" on the way).
            with self.prevent(
                Input.Changed, TextArea.Changed, Picker.Changed, SelectionList.SelectedChanged
            ):
                self._show(value)
        finally:
            self._loading = False
        self._current = self._before = value
        self._unread = None
        self.set_problem(None)

    def _show(self, value: Any) -> None:
        spec = self.spec
        editor = self.editor
        self._shown = None
        if isinstance(editor, TextArea):
            source = "\n".join(value or []) if spec.kind == "lines" else (value or "")
            # Shown, not stored: the model keeps the value until the user edits it.
            text = visible(source, multiline=True)
            self._shown = (text, source)
            if editor.text != text:
                editor.load_text(text)
        elif isinstance(editor, Input):
            source = display_value(spec.kind, value)
            text = visible(source)
            if spec.kind == "text":
                self._shown = (text, source)
            if editor.value != text:
                editor.value = text
                editor.cursor_position = len(text)
        elif isinstance(editor, SelectionList):
            options = self._choices(spec.ref) if spec.ref else []
            chosen = set(value or [])
            known = {v for _l, v in options}
            extra = [(v, v) for v in value or [] if v not in known]
            editor.clear_options()
            editor.add_options([(label, v, v in chosen) for label, v in [*options, *extra]])
        elif isinstance(editor, Picker):
            if spec.kind == "ref" and spec.ref is not None:
                options = list(self._choices(spec.ref))
                if value and value not in {v for _l, v in options}:
                    options.append((t("field.unknown-ref", None, value=value), value))
                editor.set_options(options)
            shown = value
            if spec.kind == "bool":
                shown = None if value is None else ("yes" if value else "no")
            editor.value = shown if shown is not None else Picker.NULL

    @property
    def unread(self) -> bool:
        """True while the editor holds text that is not a value (so not in the plan)."""
        return self._unread is not None

    def mark_finding(self, message: str | None) -> None:
        """Show a finding about the field, unless its text cannot be read: that comes first
        (the finding is about the value the plan still holds, not the text on screen)."""
        self.set_problem(self._unread if self._unread is not None else message)

    def set_problem(self, message: str | None) -> None:
        """Mark the row as wrong with ``message`` (a finding or a parse error), or clear it."""
        if message == self._problem:
            return  # updating the line lays the whole screen out again, on every key
        self._problem = message
        text = f"! {escape(visible(message))}" if message else ""
        if self._error_line is not None:
            self._error_line.update(text)
        elif message:
            self._error_line = Static(text, classes="field-error")
            self.mount(self._error_line)
        self.set_class(message is not None, "-invalid")

    # -- screen -> model ---------------------------------------------------

    def _edited(self, raw: Any) -> None:
        if self._loading:
            return
        plan = getattr(self.app, "plan", None)
        currency = plan.currency if plan is not None else "USD"
        if self._shown is not None and isinstance(raw, str):
            shown, source = self._shown
            typed, raw = raw, restore_hidden(raw, shown, source)
            self._shown = (typed, raw)
        try:
            value = _untouched(
                self.spec.kind, parse_value(self.spec.kind, raw, currency), self._current
            )
        except ParseError as error:
            self._unread = error.message()
            self.set_problem(self._unread)
            if self._current != self._before:
                # Each readable beginning of the text was an edit; none of them is
                # what the user meant, so the plan goes back to its value before.
                self._post_edit(self._before)
            return
        self._unread = None
        self.set_problem(None)
        self._post_edit(value)

    def _post_edit(self, value: Any) -> None:
        self._current = value
        self.post_message(self.Edited(self, value))

    def on_descendant_focus(self) -> None:
        self._before = self._current
        self._mark_focus()

    def on_descendant_blur(self) -> None:
        self._mark_focus()

    def _mark_focus(self) -> None:
        # A class, not :focus-within: Textual 8.2.8 restyles the focused widget's
        # ancestors on a focus change, not their other children (the label). Asked
        # of the screen, since the blur of the field left and the focus of the
        # next may arrive in either order.
        self.set_class(self.has_focus_within, "-focused")

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._edited(event.value)

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._edited(event.text_area.text)

    @on(Picker.Changed)
    def _select_changed(self, event: Picker.Changed) -> None:
        event.stop()
        value: Any = None if event.value is Picker.NULL else event.value
        if self.spec.kind == "bool" and value is not None:
            value = value == "yes"
        if self._loading:
            return
        self.set_problem(None)
        self._post_edit(value)

    @on(SelectionList.SelectedChanged)
    def _picked(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        if self._loading:
            return
        picker = event.selection_list
        chosen = set(picker.selected)
        # Keep the order of the options, not the order of clicks, so the file is stable.
        ordered = [
            str(picker.get_option_at_index(i).value)
            for i in range(picker.option_count)
            if picker.get_option_at_index(i).value in chosen
        ]
        self._post_edit(ordered)
