"""Every key binding of the app, with an id users can remap in their config.

Descriptions come from the message catalogue (``key.<id>``), so the footer, the
help screen and the command palette speak the user's language. Keys avoid
ctrl+enter, ctrl+/ and alt-only chords, which many terminals do not send.

How a binding speaks the current language (Textual 8.2.8, public API only):

- each node gets its keys as the class attribute ``BINDINGS``, built once from
  the :class:`KeyDef` tuples below; Textual merges a class's ``BINDINGS`` with
  its bases' (the subclass wins per key), and a dialog class that says
  ``inherit_bindings=False`` has only its own keys, as a modal should;
- every binding has an ``id``: the user's remaps from the settings file go
  through ``App.set_keymap`` with these ids, and the id names the catalogue
  entry of its description (:data:`DESCRIPTIONS`); only the plan's keys
  (:data:`REMAPPABLE_IDS`, the ones docs/keys.md lists) take remaps, a
  dialog's ids are there for its descriptions;
- a binding's ``description`` as built here is that entry's name (never shown);
  the footer and Textual's key panel read ``Screen.active_bindings``, which every
  smplan screen overrides (:class:`smplan.tui.screens.described.DescribedKeys`)
  to put each description in the current language as it is read;
- a language switch calls ``refresh_bindings()``, so the footer is drawn again.

The help screen and the command palette build their own text with ``t()``.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


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
    #: The catalogue entry of its description, when not its own: a dialog's keys
    #: have ids of their own (remapping one leaves the others) but share "Close".
    text: str | None = None

    @property
    def description_id(self) -> str:
        """The catalogue entry that describes this key in the footer."""
        if self.text is not None:
            return self.text
        return f"key-short.{self.id}" if self.short else f"key.{self.id}"

    def binding(self) -> Binding:
        # The entry's name stands in for the text: screens translate it when it
        # is read (DescribedKeys), so it follows the language after a switch.
        return Binding(
            self.keys,
            self.action,
            self.description_id,
            show=self.show,
            priority=self.priority,
            id=self.id,
        )


def bindings(defs: tuple[KeyDef, ...]) -> list[BindingType]:
    """A class's ``BINDINGS`` for the keys ``defs``."""
    return [d.binding() for d in defs]


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

#: Step 6 as a table, a month grid or a week: one key cycles through them from
#: the table, the grid, the day's list or the form (ctrl+backslash is free in every table
#: here and reaches the app in common terminals). The calendar's own hint line names
#: it first: in the footer it pushed "Problems" off the edge at 80 columns.
CALENDAR_VIEW_KEYS: tuple[KeyDef, ...] = (
    KeyDef("calendar-view", "ctrl+backslash", "next_view", "calendar", short=True),
)

#: Detach the highlighted date of a repeating item (a table row or a grid day),
#: so that it can be changed alone. From the table, the grid, the day's list or
#: the form, like the view key beside it: ctrl+] is free in every table here and
#: in text fields, and reaches the app in common terminals.
CALENDAR_DETACH_KEYS: tuple[KeyDef, ...] = (
    KeyDef("calendar-detach", "ctrl+right_square_bracket", "detach_occurrence", "calendar"),
)

#: The month and week grid. Nothing here changes the plan but ``a``, which adds
#: an item on the highlighted day and puts the cursor in its title (the grid has
#: no type-ahead, so a letter is free).
CALENDAR_GRID_KEYS: tuple[KeyDef, ...] = (
    KeyDef("calendar-day-back", "left", "move_day(-1)", "calendar"),
    KeyDef("calendar-day-forward", "right", "move_day(1)", "calendar"),
    KeyDef("calendar-row-up", "up", "move_row(-1)", "calendar"),
    KeyDef("calendar-row-down", "down", "move_row(1)", "calendar"),
    KeyDef("calendar-page-back", "pageup", "page(-1)", "calendar"),
    KeyDef("calendar-page-forward", "pagedown", "page(1)", "calendar"),
    KeyDef("calendar-open-day", "enter", "open_day", "calendar"),
    KeyDef("calendar-add-on-day", "a,insert,ctrl+n", "add_on_day", "calendar"),
)

#: The highlighted item of the calendar table, or of a day's list under the month or
#: week grid. A control key (no letter changes the plan from a list) that no text
#: field, table or terminal takes; bound on the calendar pane for both lists.
CALENDAR_ITEM_KEYS: tuple[KeyDef, ...] = (
    KeyDef("calendar-copy-networks", "ctrl+j", "copy_to_networks", "calendar"),
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


#: The dialogs' keys. Not in the help screen or docs/keys.md, which list the
#: keys of the plan; each dialog's are in its own footer or hint.
HELP_KEYS: tuple[KeyDef, ...] = (
    KeyDef("help-close", "escape,f1,q", "dismiss", "dialog", text="key.close"),
)
PROBLEMS_KEYS: tuple[KeyDef, ...] = (
    KeyDef("problems-close", "escape,ctrl+l", "dismiss(None)", "dialog", text="key.close"),
)
RECOVERY_DIFF_KEYS: tuple[KeyDef, ...] = (
    KeyDef("recovery-diff-close", "escape,q", "dismiss", "dialog", text="key.close"),
)
RECOVERY_MERGE_KEYS: tuple[KeyDef, ...] = (
    KeyDef("recovery-merge-close", "escape,q", "dismiss", "dialog", text="key.close"),
)
ASK_PATH_KEYS: tuple[KeyDef, ...] = (
    KeyDef("ask-path-cancel", "escape", "dismiss(None)", "dialog", text="key.cancel"),
)
CHOICE_KEYS: tuple[KeyDef, ...] = (
    KeyDef("choice-cancel", "escape", "choose('cancel')", "dialog", text="key.cancel"),
)
GOTO_KEYS: tuple[KeyDef, ...] = (
    KeyDef("goto-cancel", "escape", "dismiss(None)", "dialog", text="key.cancel"),
    *(KeyDef(f"goto-{n}", str(n), f"dismiss({n})", "dialog", text=f"step.{n}") for n in range(8)),
)
GOAL_RESULTS_KEYS: tuple[KeyDef, ...] = (
    KeyDef("goal-results-close", "escape", "dismiss", "dialog", text="key.close"),
)
OPEN_ERROR_KEYS: tuple[KeyDef, ...] = (
    KeyDef(
        "open-error-editor", "e", "choose('editor')", "dialog", show=True, text="key.open-editor"
    ),
    KeyDef("open-error-retry", "r", "choose('retry')", "dialog", show=True, text="key.retry"),
    KeyDef("open-error-quit", "q,escape", "choose('quit')", "dialog", show=True, text="key.quit"),
)
#: Choosing the networks to copy a calendar item to: enter has priority over the
#: list's own enter (which toggles, as space does).
COPY_NETWORKS_KEYS: tuple[KeyDef, ...] = (
    KeyDef("copy-networks-copy", "enter", "copy", "dialog", priority=True),
    KeyDef("copy-networks-cancel", "escape", "cancel", "dialog", text="key.cancel"),
)
#: An open picker's menu: escape closes it (the footer says so while it is open).
PICKER_KEYS: tuple[KeyDef, ...] = (
    KeyDef("picker-close", "escape", "close_menu", "dialog", show=True, text="key.close"),
)
DIALOG_KEYS: tuple[KeyDef, ...] = (
    *HELP_KEYS,
    *PROBLEMS_KEYS,
    *RECOVERY_DIFF_KEYS,
    *RECOVERY_MERGE_KEYS,
    *ASK_PATH_KEYS,
    *CHOICE_KEYS,
    *GOTO_KEYS,
    *GOAL_RESULTS_KEYS,
    *OPEN_ERROR_KEYS,
    *COPY_NETWORKS_KEYS,
    *PICKER_KEYS,
)

#: The keys of the plan, which help and docs/keys.md list and the settings may remap.
PLAN_KEYS: tuple[KeyDef, ...] = (
    *APP_BINDINGS,
    *LIST_KEYS,
    *CALENDAR_KEYS,
    *CALENDAR_VIEW_KEYS,
    *CALENDAR_DETACH_KEYS,
    *CALENDAR_GRID_KEYS,
    *CALENDAR_ITEM_KEYS,
    *SMART_KEYS,
    *RESULT_KEYS,
    *LINE_KEYS,
    *EXPORT_PREVIEW_KEYS,
)
#: Every key smplan binds, its own and its dialogs'.
EVERY_KEY: tuple[KeyDef, ...] = (*PLAN_KEYS, *DIALOG_KEYS)
#: Binding id -> the catalogue entry of its description.
DESCRIPTIONS: dict[str, str] = {key.id: key.description_id for key in EVERY_KEY}


def all_key_groups() -> dict[str, list[KeyDef]]:
    groups: dict[str, list[KeyDef]] = {}
    for key in PLAN_KEYS:
        groups.setdefault(key.group, []).append(key)
    return groups


#: The ids a settings file may remap: the keys of the plan, in docs/keys.md. A
#: dialog's keys have ids only to be described; the settings leave them alone.
REMAPPABLE_IDS = frozenset(key.id for key in PLAN_KEYS)


def remappable(keymap: dict[str, str]) -> dict[str, str]:
    """The user's remaps of :data:`REMAPPABLE_IDS` (other ids are ignored, as the docs say)."""
    return {key_id: keys for key_id, keys in keymap.items() if key_id in REMAPPABLE_IDS}
