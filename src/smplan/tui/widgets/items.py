"""A list of plan items (personas, goals, tools...) with a form for the selected one.

The list takes the keys of a list everywhere in the app: add, delete (after a
question naming the item; undo brings it back too), duplicate, move up and
down, enter to edit. Letters typed on the list find items by their label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from smplan.display import one_line, visible
from smplan.i18n import t
from smplan.keypath import KeyPath
from smplan.model import Plan, PlanTable
from smplan.tui.keys import LIST_KEYS, bindings
from smplan.tui.markup import escape
from smplan.tui.type_ahead import TypeAhead
from smplan.tui.widgets.classes import COMPACT, compact_reactive
from smplan.tui.widgets.fields import FieldSpec
from smplan.tui.widgets.form import Form
from smplan.tui.widgets.heading import KeysHeading

if TYPE_CHECKING:
    from smplan.tui.host import PlanHost

#: Rows a list shows at most (``.item-list``'s max-height in styles/lists.tcss).
LIST_ROWS = 8


@dataclass(frozen=True, slots=True, kw_only=True)
class ListSpec:
    """What a list edits and how its items look (``label`` or ``plan_label``, one of them)."""

    #: Catalogue suffix: ``list.<kind>`` heading, ``add.<kind>`` palette command, ``item.<kind>``.
    kind: str
    #: The model object that holds the list, from the plan.
    owner: Callable[[Plan], PlanTable]
    #: The list's attribute on the owner.
    name: str
    #: Key path of the list in the file.
    path: KeyPath
    #: A new, empty item.
    factory: Callable[[Plan], PlanTable]
    fields: tuple[FieldSpec, ...]
    #: One line describing an item in the list (plain text, escaped here).
    label: Callable[[Any], str] | None = None
    #: The same, for a label that needs the rest of the plan (a result names its
    #: goal and that goal's unit).
    plan_label: Callable[[Any, Plan], str] | None = None
    #: The field that holds an id, made unique when an item is duplicated.
    id_field: str | None = None

    def __post_init__(self) -> None:
        # A programming slip, never the user's: exactly one of the two says how items read.
        assert (self.label is None) != (self.plan_label is None), self.kind

    def label_of(self, item: Any, plan: Plan) -> str:
        """The item's one-line label (plain text) in ``plan``."""
        if self.plan_label is not None:
            return self.plan_label(item, plan)
        assert self.label is not None
        return self.label(item)


class ListEditor(Protocol):
    """What the app needs of a list of items (palette "Add ...", going to a finding).

    :class:`ItemsEditor` is one; a pane may offer its own (the calendar's table).
    """

    spec: ListSpec

    @property
    def items(self) -> Sequence[PlanTable]: ...

    @property
    def form(self) -> Form: ...

    def select(self, index: int) -> None: ...

    def add_item(self) -> None: ...


class DeleteAsked(Message):
    """A list wants to delete an item once the person has said yes."""

    def __init__(self, thing: str, name: str, delete: Callable[[], None]) -> None:
        super().__init__()
        #: What kind of item ("goal"), and its label, for the question.
        self.thing = thing
        self.name = name
        #: Deletes it (and says so); called only after a yes.
        self.delete = delete


def size_classes(count: int) -> dict[str, bool]:
    """The classes a list of ``count`` items has, and whether it has each."""
    # A list as tall as it may be gets that height outright: "auto" made Textual
    # measure every item on each layout (250 results: ~80 ms a first visit).
    return {"-empty": not count, "-full": count >= LIST_ROWS}


class ItemList(OptionList):
    """The items; keys act on the highlighted one, letters find an item by its label."""

    # OptionList's own keys (up, down, page...) stay; the list keys come on top.
    BINDINGS: ClassVar[list[BindingType]] = bindings(LIST_KEYS)
    compact = compact_reactive()

    def __init__(self, spec: ListSpec, count: int, id: str | None = None) -> None:
        # Sized for its items from the start, as reload keeps it (see widgets/classes.py).
        sized = " ".join(name for name, has in size_classes(count).items() if has)
        super().__init__(id=id, classes=f"item-list {COMPACT} {sized}", compact=True)
        self.spec = spec
        self._type_ahead = TypeAhead()

    def on_key(self, event: events.Key) -> None:
        # A key with a binding (help's "?", a key remapped in the settings) does
        # what it is bound to; every other printable key only moves the highlight.
        if not event.is_printable or event.character is None:
            return
        if event.key in self.screen.active_bindings:
            return
        event.stop()
        event.prevent_default()
        found = self._type_ahead.find(event.character, self.editor.labels(), self.highlighted)
        if found is not None:
            self.highlighted = found

    @property
    def editor(self) -> ItemsEditor:
        return cast(ItemsEditor, self.parent)

    def action_add_item(self) -> None:
        self.editor.add_item()

    def action_delete_item(self) -> None:
        self.editor.delete_item()

    def action_duplicate_item(self) -> None:
        self.editor.duplicate_item()

    def action_move_item(self, offset: int) -> None:
        self.editor.move_item(offset)

    def action_edit_item(self) -> None:
        self.editor.form.focus_first()


class ItemsEditor(Vertical):
    """Heading, list and the selected item's form."""

    class Shown(Message):
        """The form now shows another item (or none)."""

        def __init__(self, editor: ItemsEditor) -> None:
            super().__init__()
            self.editor = editor

    def __init__(self, spec: ListSpec, *, step: int) -> None:
        super().__init__(classes="items-editor", id=f"items-{spec.kind}")
        self.spec = spec
        self.step = step
        self.index = 0

    @property
    def smplan(self) -> PlanHost:
        return cast("PlanHost", self.app)

    def compose(self) -> ComposeResult:
        yield KeysHeading(classes="items-heading")
        yield ItemList(self.spec, len(self.items))
        yield Form(self.spec.fields, step=self.step)

    @property
    def item_list(self) -> ItemList:
        return self.query_one(ItemList)

    @property
    def form(self) -> Form:
        return self.query_one(Form)

    @property
    def list_widget(self) -> ItemList:
        """The list itself (escape from the form goes there)."""
        return self.item_list

    @property
    def items(self) -> list[PlanTable]:
        items = getattr(self.spec.owner(self.smplan.plan), self.spec.name)
        assert isinstance(items, list)
        return items

    def on_mount(self) -> None:
        self.reload()

    # -- showing -----------------------------------------------------------

    def labels(self) -> list[str]:
        """Each item's label as plain text, as type-ahead matches it."""
        return [one_line(self.item_label(item)) for item in self.items]

    def item_label(self, item: PlanTable) -> str:
        """The item's label as its list shows it (plain text)."""
        return self.spec.label_of(item, self.smplan.plan)

    def _prompt(self, item: PlanTable) -> str:
        # One row per item: a statement typed with line breaks (or ending in one)
        # would otherwise take two rows, the second one looking empty.
        return escape(one_line(self.item_label(item))) or f"[dim]{t('list.unnamed')}[/dim]"

    def reload(self, index: int | None = None) -> None:
        """Rebuild the list from the model and show the item at ``index`` (or the current one)."""
        items = self.items
        if index is not None:
            self.index = index
        self.index = max(0, min(self.index, len(items) - 1))
        options = [Option(self._prompt(item)) for item in items]
        if not items:
            # An empty list still shows (and takes focus on) a line: how to add one.
            empty = t("list.empty", None, thing=t(f"item.{self.spec.kind}"))
            options = [Option(f"[dim]{escape(empty)}[/dim]", disabled=True)]
        listing = self.item_list
        listing.clear_options()
        listing.add_options(options)
        for name, has in size_classes(len(items)).items():
            listing.set_class(has, name)
        if items:
            listing.highlighted = self.index
        self._heading()
        self._bind_form()

    def _heading(self) -> None:
        heading = f"{t(f'list.{self.spec.kind}')} ({len(self.items)})"
        self.query_one(".items-heading", KeysHeading).show(heading, t("list.keys-hint"))

    def _bind_form(self) -> None:
        items = self.items
        if items:
            self.form.bind(items[self.index], (*self.spec.path, self.index))
            self.form.display = True
        else:
            self.form.bind(None, self.spec.path)
            self.form.display = False
        self.post_message(self.Shown(self))

    def refresh_labels(self, every: bool = False) -> None:
        """Update the list's labels after an edit: the selected item's, or ``every`` one."""
        items = self.items
        listing = self.item_list
        if listing.option_count != len(items) or listing.has_class("-empty") == bool(items):
            self.reload()
            return
        indexes = range(len(items)) if every else [self.index]
        for index in indexes:
            if 0 <= index < len(items):
                prompt = self._prompt(items[index])
                # Runs on every keystroke: a replaced prompt redraws the whole list.
                if listing.get_option_at_index(index).prompt != prompt:
                    listing.replace_option_prompt_at_index(index, prompt)

    def select(self, index: int) -> None:
        self.index = index
        self.item_list.highlighted = index
        self._bind_form()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self.index:
            self.index = event.option_index
            self._bind_form()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.form.focus_first()

    # -- editing -----------------------------------------------------------

    def _owner(self) -> PlanTable:
        return self.spec.owner(self.smplan.plan)

    def add_item(self) -> None:
        item = self.spec.factory(self.smplan.plan)
        at = self.index + 1 if self.items else 0
        self.smplan.open_plan.insert(
            self._owner(), self.spec.name, at, item, step=self.step, label=self.spec.kind
        )
        self.reload(at)
        self.form.focus_first()

    def delete_item(self) -> None:
        """Ask whether to delete the highlighted item (the screen asks, then calls back)."""
        items = self.items
        if not items:
            return
        item = items[self.index]
        name = visible(self.item_label(item)) or t("list.unnamed")
        thing = t(f"item.{self.spec.kind}")
        self.post_message(DeleteAsked(thing, name, partial(self._delete, item, name)))

    def _delete(self, item: PlanTable, name: str) -> None:
        items = self.items
        # The item may have moved (or gone, by an undo) while the question was open.
        index = next((i for i, it in enumerate(items) if it is item), None)
        if index is None:
            return
        removed = self.smplan.open_plan.delete(
            self._owner(), self.spec.name, index, step=self.step, label=self.spec.kind
        )
        if removed is None:  # refused: the plan is read-only
            return
        self.reload(index)
        self.item_list.focus()
        self.notify(t("list.deleted", None, thing=t(f"item.{self.spec.kind}"), name=name))

    def duplicate_item(self) -> None:
        items = self.items
        if not items:
            return
        copy = items[self.index].model_copy(deep=True)
        if self.spec.id_field:
            taken = {str(getattr(i, self.spec.id_field)) for i in items}
            base = str(getattr(copy, self.spec.id_field) or self.spec.kind)
            candidate = f"{base}-copy"
            number = 2
            while candidate in taken:
                candidate = f"{base}-copy-{number}"
                number += 1
            setattr(copy, self.spec.id_field, candidate)
        at = self.index + 1
        self.smplan.open_plan.insert(
            self._owner(), self.spec.name, at, copy, step=self.step, label=self.spec.kind
        )
        self.reload(at)

    def move_item(self, offset: int) -> None:
        to = self.index + offset
        if self.smplan.open_plan.move(
            self._owner(), self.spec.name, self.index, to, step=self.step
        ):
            self.reload(to)
            self.item_list.focus()


def unique_id(items: list[Any], prefix: str) -> str:
    """``prefix-N`` with the first N not used by ``items``: new items never start with an error."""
    taken = {getattr(item, "id", "") for item in items}
    number = len(items) + 1
    while f"{prefix}-{number}" in taken:
        number += 1
    return f"{prefix}-{number}"


def join_labels(*parts: str | None, separator: str = " · ") -> str:
    """An item's list label from its non-empty parts."""
    return separator.join(part for part in parts if part)
