"""Every key binding of the app, with an id users can remap in their config.

Descriptions come from the message catalogue (``key.<id>``), so the footer, the
help screen and the command palette speak the user's language. Keys avoid
ctrl+enter, ctrl+/ and alt-only chords, which many terminals do not send.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from smplan.i18n import t


@dataclass(frozen=True, slots=True)
class KeyDef:
    id: str
    keys: str
    action: str
    group: str
    show: bool = False
    priority: bool = False
    #: The footer says it in fewer words (``key-short.<id>``): 80 columns hold few keys.
    short: bool = False

    def binding(self) -> Binding:
        description = t(f"key-short.{self.id}") if self.short else t(f"key.{self.id}")
        return Binding(
            self.keys,
            self.action,
            description,
            show=self.show,
            priority=self.priority,
            id=self.id,
        )


STEP_KEYS = tuple(
    KeyDef(f"step-{n}", f"f{n + 1}", f"goto({n})", "steps", priority=True) for n in range(1, 8)
)

APP_KEYS: tuple[KeyDef, ...] = (
    KeyDef("save", "ctrl+s", "save", "file", show=True, priority=True),
    KeyDef("quit", "ctrl+q", "request_quit", "file", show=True, priority=True),
    KeyDef("help", "f1", "help", "app", show=True, priority=True),
    KeyDef("help-text", "question_mark", "help", "app"),
    # Set here because the app's bindings replace Textual's defaults, palette key included.
    KeyDef("palette", "ctrl+p", "command_palette", "app", priority=True),
    KeyDef("goto-step", "ctrl+g", "goto_step", "steps", show=True, priority=True, short=True),
    *STEP_KEYS,
    KeyDef("undo", "ctrl+z", "undo", "edit", priority=True),
    KeyDef("redo", "ctrl+y", "redo", "edit", priority=True),
    KeyDef("problems", "ctrl+l", "problems", "app", show=True, priority=True),
    KeyDef("export-preview", "ctrl+r", "export_preview", "file", priority=True),
    KeyDef("edit-in-editor", "ctrl+o", "edit_in_editor", "file", priority=True),
    KeyDef("language", "f9", "switch_language", "app", priority=True),
)

#: Escape goes up a level: from a field to its list, from a list to the steps.
#: Bound at the app without priority, so an open menu takes its own escape
#: first; the main screen says which of the two applies (the footer shows it).
UP_KEYS: tuple[KeyDef, ...] = (
    KeyDef("back-to-list", "escape", "screen.back_to_list", "app", show=True, short=True),
    KeyDef("back-to-steps", "escape", "screen.back_to_steps", "app", show=True, short=True),
)

#: Every binding of the app itself; escape first, so the footer shows it even at 80 columns.
APP_BINDINGS = (*UP_KEYS, *APP_KEYS)

#: Shorter names of keys in the footer and help, where columns are few.
KEY_DISPLAY = {"insert": "ins", "delete": "del", "escape": "esc"}

LIST_KEYS: tuple[KeyDef, ...] = (
    # No printable key changes the plan from a list: letters typed there by
    # mistake (a person who thinks a field has focus) only move the highlight.
    # The footer shows delete; add is in the list's heading and help (80 columns).
    KeyDef("add-item", "insert,ctrl+n", "add_item", "list"),
    # Delete asks first, naming the item; ctrl+z brings it back after too.
    KeyDef("delete-item", "delete", "delete_item", "list", show=True),
    KeyDef("duplicate-item", "ctrl+d", "duplicate_item", "list"),
    KeyDef("move-up", "shift+up,ctrl+up", "move_item(-1)", "list"),
    KeyDef("move-down", "shift+down,ctrl+down", "move_item(1)", "list"),
    KeyDef("edit-item", "enter", "edit_item", "list"),
)

#: The content calendar's table, on top of :data:`LIST_KEYS`. Control keys only:
#: letters typed on the table find titles. No ctrl+a or ctrl+b (screen's and
#: tmux's own keys), no ctrl+w (closes a browser terminal's tab).
CALENDAR_KEYS: tuple[KeyDef, ...] = (
    KeyDef("calendar-sort", "ctrl+t", "cycle_sort", "calendar"),
    KeyDef("calendar-reverse", "ctrl+e", "reverse_sort", "calendar"),
    KeyDef("calendar-search", "ctrl+f", "focus_search", "calendar"),
    KeyDef("calendar-filters", "ctrl+k", "focus_filters", "calendar"),
    KeyDef("calendar-clear", "ctrl+x", "clear_filters", "calendar"),
    KeyDef("calendar-columns", "ctrl+u", "toggle_columns", "calendar"),
    KeyDef("calendar-first", "home", "cursor_first", "calendar"),
    KeyDef("calendar-last", "end", "cursor_last", "calendar"),
)
#: The SMART goals of step 4, while the goal list or one of a goal's fields has focus.
#: Function keys: no letter changes the plan from a list, and the control keys
#: left are taken by text fields (ctrl+a, e, k, u, w...) or by terminals and
#: multiplexers. Each is in the command palette too, where a desktop terminal
#: keeps F10 or F11 for itself.
SMART_KEYS: tuple[KeyDef, ...] = (
    # Not in the footer, which holds no more at 80 columns: the SMART card shows
    # the key beside the advice it applies.
    KeyDef("apply-advice", "f12", "apply_advice", "smart"),
    KeyDef("fill-from-statement", "f10", "fill_from_statement", "smart"),
    KeyDef("write-statement", "f11", "write_statement", "smart"),
)
#: The KPI results of step 7, while the results list or one of a result's fields has
#: focus. A control key no text field uses (no letter: letters find results by label).
RESULT_KEYS: tuple[KeyDef, ...] = (KeyDef("goal-results", "ctrl+t", "goal_results", "results"),)
LINE_KEYS: tuple[KeyDef, ...] = (
    KeyDef("move-line-up", "ctrl+up", "move_line(-1)", "field"),
    KeyDef("move-line-down", "ctrl+down", "move_line(1)", "field"),
)

#: The export preview (a modal: the app's own keys do not reach past it).
EXPORT_PREVIEW_KEYS: tuple[KeyDef, ...] = (
    KeyDef("export-write", "w", "write_export", "export", show=True),
    KeyDef("export-close", "escape,ctrl+r", "close", "export", show=True),
)


def bindings_map(defs: tuple[KeyDef, ...]) -> BindingsMap:
    """A fresh bindings map in the current language (for language switches too)."""
    return BindingsMap([d.binding() for d in defs])


# Textual 8.2.8 has no public way to give a node bindings built at run time:
# ``BINDINGS`` is read per class when a node is made (its descriptions would stay
# in the language of the first import), ``App.bind`` only adds (and its docstring
# says it may become private), and ``App.set_keymap`` changes keys, not
# descriptions. So the three functions below are the only places that write a
# node's ``_bindings``; everything else goes through them.


def replace_bindings(node: DOMNode, bindings: BindingsMap) -> None:
    """Give ``node`` exactly ``bindings`` (a dialog's keys, described in the current language)."""
    node._bindings = bindings


def set_bindings(node: DOMNode, defs: tuple[KeyDef, ...]) -> None:
    """Give ``node`` exactly the keys ``defs``, described in the current language."""
    replace_bindings(node, bindings_map(defs))
    node.refresh_bindings()


def add_bindings(node: DOMNode, defs: tuple[KeyDef, ...]) -> None:
    """Give ``node`` the keys ``defs`` on top of its own (ours win where both bind a key)."""
    own = bindings_map(defs)
    taken = set(own.key_to_bindings)
    kept = BindingsMap(binding for key, binding in node._bindings if key not in taken)
    node._bindings = BindingsMap.merge([kept, own])


def all_key_groups() -> dict[str, list[KeyDef]]:
    groups: dict[str, list[KeyDef]] = {}
    for key in (
        *APP_BINDINGS,
        *LIST_KEYS,
        *CALENDAR_KEYS,
        *SMART_KEYS,
        *RESULT_KEYS,
        *LINE_KEYS,
        *EXPORT_PREVIEW_KEYS,
    ):
        groups.setdefault(key.group, []).append(key)
    return groups
