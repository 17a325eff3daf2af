"""Where a value sits in a plan, in the words of the app: step › list › item › field.

A finding's key path (``goals[3].deadline``) is how the file names a place;
people know it as "Goals › Grow Instagram followers › Deadline": the step, the
list (when the step has more than one), the item's own title, and the field's
label as the app shows it. The problems list says it this way, and so can
`smplan check` and the Markdown export: nothing here imports the interface.

:func:`in_words` also rewrites the file's words inside a message: a table name
such as ``[[resources.team]]`` becomes the list's name, and the message's own
field (``set owner``, ``target = 200``) its label.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from smplan.display import cut_at_word
from smplan.i18n.catalogue import Lang, t
from smplan.keypath import KeyPath
from smplan.model import STEP_OF_KEY, Plan

#: Longest item title shown in a place; a longer one ends in "…".
TITLE_WIDTH = 32
SEPARATOR = " › "


@dataclass(frozen=True, slots=True)
class ListPlace:
    """A list of items in the plan: its name, and what titles one of its items."""

    kind: str
    #: The item's fields that title it, the first one set wins.
    title: tuple[str, ...]
    #: Labels that differ from ``field.<name>`` for this list's fields.
    labels: tuple[tuple[str, str], ...] = ()
    #: The list is what its step is about (goals, personas, the calendar): the step
    #: name says it, the list's own name would only repeat it.
    named_by_step: bool = False


LISTS: dict[KeyPath, ListPlace] = {
    ("audit", "profiles"): ListPlace("profiles", ("network", "handle")),
    ("audit", "competitors"): ListPlace(
        "competitors", ("name",), (("networks", "field.competitor-networks"),)
    ),
    ("personas",): ListPlace(
        "personas", ("name", "id"), (("networks", "field.persona-networks"),), named_by_step=True
    ),
    ("resources", "team"): ListPlace("team", ("name", "id")),
    ("resources", "tools"): ListPlace("tools", ("name",)),
    ("resources", "allocations"): ListPlace("allocations", ("name",)),
    ("objectives",): ListPlace(
        "objectives", ("id", "statement"), (("statement", "field.objective-statement"),)
    ),
    ("goals",): ListPlace(
        "goals",
        ("statement", "id"),
        (("statement", "field.goal-statement"), ("hours_per_week", "field.goal-hours")),
        named_by_step=True,
    ),
    ("strategy", "networks"): ListPlace(
        "networks", ("network",), (("role", "field.network-role"),)
    ),
    ("calendar",): ListPlace("calendar", ("title", "date"), named_by_step=True),
    ("measurement", "results"): ListPlace("results", ("goal", "date")),
    ("measurement", "reviews"): ListPlace("reviews", ("date",)),
}

#: Parts of the plan that are not lists: their section heading, and their field labels.
SECTIONS: dict[KeyPath, tuple[str | None, Callable[[str], str]]] = {
    ("plan",): (None, lambda name: f"field.{name}"),
    ("export",): ("section.export", lambda name: {"markdown": "field.export-markdown", "ics": "field.export-ics"}.get(
        name, f"field.{name}"
    )),
    ("audit",): (None, lambda name: f"field.{name}"),
    ("audit", "answers"): ("section.audit-answers", lambda name: f"question.{name}"),
    ("audit", "swot"): ("section.swot", lambda name: f"swot.{name}"),
    ("resources",): (None, lambda name: f"field.{name}"),
    ("strategy",): (None, lambda name: f"field.{name}"),
    ("measurement",): (None, lambda name: {"tools": "field.measurement-tools"}.get(
        name, f"field.{name}"
    )),
}  # fmt: skip


def step_of(path: KeyPath) -> int:
    """The step (0-7) the value at ``path`` is written in; the plan's own details are 0."""
    step = STEP_OF_KEY.get(str(path[0]), 0) if path else 0
    return 0 if step == 8 else step


def field_label_id(path: KeyPath) -> str | None:
    """The catalogue id of the label the app shows for the field at ``path``, if it has one."""
    if not path or not isinstance(path[-1], str):
        return None
    name = path[-1]
    for prefix, place in LISTS.items():
        size = len(prefix)
        if path[:size] == prefix and len(path) == size + 2 and isinstance(path[size], int):
            return dict(place.labels).get(name, f"field.{name}")
    section = SECTIONS.get(tuple(path[:-1]))
    return section[1](name) if section is not None else None


def field_label(path: KeyPath, lang: Lang | None = None) -> str | None:
    """The label the app shows for the field at ``path`` (None when it shows none)."""
    msg_id = field_label_id(path)
    if msg_id is None:
        return None
    text = t(msg_id, lang)
    return None if text == msg_id else text


def place_parts(plan: Plan | None, path: KeyPath, lang: Lang | None = None) -> list[str]:
    """``path`` as the words of the app, from the step down to the field."""
    if not path:
        return []
    step = step_of(path)
    parts = [t(f"step.{step}", lang)]
    for prefix, place in LISTS.items():
        size = len(prefix)
        if path[:size] != prefix:
            continue
        if not place.named_by_step:
            parts.append(t(f"list.{place.kind}", lang))
        rest = path[size:]
        if rest and isinstance(rest[0], int):
            parts.append(_item_title(plan, prefix, rest[0], place, lang))
            rest = rest[1:]
        parts.extend(_fields(path[: len(path) - len(rest)], rest, lang))
        return parts
    for size in range(len(path) - 1, 0, -1):
        section = SECTIONS.get(tuple(path[:size]))
        if section is None:
            continue
        heading = section[0]
        if heading is not None:
            parts.append(t(heading, lang))
        parts.extend(_fields(path[:size], path[size:], lang))
        return parts
    if step == 0 and path[0] not in ("plan", "export"):
        parts.append(_quoted(str(path[0])))
    return parts


def place(plan: Plan | None, path: KeyPath, lang: Lang | None = None) -> str:
    """``path`` as "Goals › Grow Instagram followers › Deadline"."""
    return SEPARATOR.join(place_parts(plan, path, lang))


def _fields(base: KeyPath, rest: KeyPath, lang: Lang | None) -> list[str]:
    """The rest of a path below a list item or a section: a field, or keys of the file."""
    words: list[str] = []
    if not rest:
        return words
    first = rest[0]
    label = field_label((*base, first), lang) if isinstance(first, str) else None
    if label is not None:
        words.append(label)
        rest = rest[1:]
    # Deeper than a field (a line of a list field, a key the app does not know).
    for part in rest:
        words.append(f"#{part + 1}" if isinstance(part, int) else _quoted(part))
    return words


def _item_title(
    plan: Plan | None, prefix: KeyPath, index: int, place: ListPlace, lang: Lang | None
) -> str:
    item = _item(plan, prefix, index)
    for name in place.title:
        value = getattr(item, name, None) if item is not None else None
        if value:
            return _shorten(str(value))
    return f"{t(f'item.{place.kind}', lang)} #{index + 1}"


def _item(plan: Plan | None, prefix: KeyPath, index: int) -> Any:
    node: Any = plan
    for part in prefix:
        node = getattr(node, str(part), None)
        if node is None:
            return None
    if isinstance(node, list) and 0 <= index < len(node):
        return node[index]
    return None


def _shorten(text: str) -> str:
    """One line of at most :data:`TITLE_WIDTH` characters, cut after a whole word."""
    return cut_at_word(" ".join(text.split()), TITLE_WIDTH)


def _quoted(key: str) -> str:
    return f"“{key}”"


# -- messages --------------------------------------------------------------------

_TABLE = re.compile(r"\[\[([a-z_.]+)\]\]|\[([a-z_.]+)\]")


def _table_words(match: re.Match[str], lang: Lang | None) -> str:
    name = match.group(1) or match.group(2)
    path = tuple(name.split("."))
    place = LISTS.get(path)
    if place is not None:
        return _quoted(t(f"list.{place.kind}", lang))
    section = SECTIONS.get(path)
    if section is not None and section[0] is not None:
        return _quoted(t(section[0], lang))
    if len(path) == 1 and path[0] in STEP_OF_KEY:
        return _quoted(t(f"step.{step_of(path)}", lang))
    return match.group(0)


def in_words(message: str, path: KeyPath = (), lang: Lang | None = None) -> str:
    """``message`` with the file's words put as the app says them.

    Table names (``[[resources.team]]``) become the list's name; the field the
    message is about, written as the file's key (``set owner``, ``target = 200``),
    becomes its label.
    """
    text = _TABLE.sub(lambda match: _table_words(match, lang), message)
    label = field_label(path, lang)
    if label is not None and isinstance(path[-1], str):
        key = re.escape(path[-1])
        text = re.sub(rf"\b{key} = ", f"{label}: ", text)
        text = re.sub(rf"(?<![\w\"“]){key}(?![\w\"”])", label, text)
    return text
