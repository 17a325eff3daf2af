"""The message catalogue: every user-facing string, by id, in English and Indonesian.

Messages live in TOML data files, one folder per language (``en/``, ``id/``) and
one file per area, so a translation is a data change, not a code change. Ids are
the dotted table path in those files: ``[finding] dangling-reference = "..."`` is
``finding.dangling-reference``. Placeholders use ``str.format`` syntax.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from typing import Any, Literal

import tomli

Lang = Literal["en", "id"]
LANGUAGES: tuple[Lang, ...] = ("en", "id")
_current: Lang = "en"


def _flatten(prefix: str, table: dict[str, Any], into: dict[str, str]) -> None:
    for key, value in table.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            _flatten(name, value, into)
        else:
            into[name] = str(value)


@cache
def messages(lang: Lang) -> dict[str, str]:
    """All messages of one language, by id."""
    found: dict[str, str] = {}
    folder = resources.files("smplan.i18n").joinpath(lang)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            _flatten("", tomli.loads(entry.read_text(encoding="utf-8")), found)
    return found


def set_language(lang: Lang) -> None:
    global _current
    _current = lang


def current_language() -> Lang:
    return _current


def language_from_environment() -> Lang | None:
    """An ``id`` locale in LC_ALL, LC_MESSAGES or LANG gives Indonesian."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return (
                "id" if value.lower().startswith(("id_", "id.", "in_")) or value == "id" else "en"
            )
    return None


def t(msg_id: str, lang: Lang | None = None, /, **values: Any) -> str:
    """The message ``msg_id`` in ``lang`` (default: the current language)."""
    language = lang or _current
    text = messages(language).get(msg_id)
    if text is None:
        text = messages("en").get(msg_id, msg_id)
    if values:
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text
