"""docs/keys.md lists every key binding with its id, default keys and where it works.

The table between the ``keys:start`` and ``keys:end`` markers must be exactly what
:func:`expected_rows` builds from the bindings the app has, so a binding added,
removed or given other keys fails here until the page says so too. The message
of a failure holds the table to paste.
"""

from __future__ import annotations

import re

from smplan.i18n import set_language, t
from smplan.tui.keys import (
    APP_KEYS,
    CALENDAR_DETACH_KEYS,
    CALENDAR_GRID_KEYS,
    CALENDAR_ITEM_KEYS,
    CALENDAR_KEYS,
    CALENDAR_VIEW_KEYS,
    EXPORT_PREVIEW_KEYS,
    LINE_KEYS,
    LIST_KEYS,
    RESULT_KEYS,
    SMART_KEYS,
    UP_KEYS,
    KeyDef,
    all_key_groups,
)
from tests.conftest import ROOT

DOC = ROOT / "docs" / "keys.md"

#: Where each family of bindings works, as the page says it.
WHERE: tuple[tuple[tuple[KeyDef, ...], str], ...] = (
    (APP_KEYS, "anywhere"),
    (UP_KEYS, "a field (to its list) or a list (to the steps)"),
    (LIST_KEYS, "a focused list of items, and the calendar table"),
    (CALENDAR_KEYS, "the calendar table"),
    (CALENDAR_VIEW_KEYS, "step 6: the table, the month or week grid, the day's list or the form"),
    (
        CALENDAR_DETACH_KEYS,
        "step 6: a repeating item's row, a grid day, the day's list or the form",
    ),
    (CALENDAR_GRID_KEYS, "the month or week grid"),
    (CALENDAR_ITEM_KEYS, "the calendar table, or a day's list under the month or week grid"),
    (SMART_KEYS, "step 4: the goal list or one of a goal's fields"),
    (RESULT_KEYS, "step 7: the results list or one of a result's fields"),
    (LINE_KEYS, "a one-per-line text field"),
    (EXPORT_PREVIEW_KEYS, "the export preview"),
)


def _where(key: KeyDef, family: str) -> str:
    # An app key without priority gives way to a focused widget that uses the key.
    if family == "anywhere" and not key.priority:
        return "anywhere outside a text field"
    return family


def expected_rows() -> list[str]:
    set_language("en")
    rows = []
    for keys, family in WHERE:
        for key in keys:
            shown = ", ".join(f"`{k}`" for k in key.keys.split(","))
            rows.append(f"| `{key.id}` | {shown} | {t(f'key.{key.id}')} | {_where(key, family)} |")
    return rows


def documented_rows(text: str) -> list[str]:
    block = re.search(r"<!-- keys:start -->\n(.*?)<!-- keys:end -->", text, re.S)
    assert block, "docs/keys.md has lost its keys:start / keys:end markers"
    lines = [line for line in block.group(1).splitlines() if line.startswith("| `")]
    return lines


def test_keys_page_lists_every_binding_as_the_app_has_it() -> None:
    expected = expected_rows()
    documented = documented_rows(DOC.read_text(encoding="utf-8"))
    assert documented == expected, "docs/keys.md is out of date; the table is:\n" + "\n".join(
        expected
    )


def test_every_binding_id_is_unique_and_documented_once() -> None:
    ids = [key.id for keys, _ in WHERE for key in keys]
    assert len(ids) == len(set(ids))
    documented = [row.split("`")[1] for row in documented_rows(DOC.read_text(encoding="utf-8"))]
    assert sorted(documented) == sorted(ids)


def test_the_help_screen_lists_the_same_bindings_as_the_page() -> None:
    in_help = sorted(key.id for keys in all_key_groups().values() for key in keys)
    assert in_help == sorted(key.id for keys, _ in WHERE for key in keys)
