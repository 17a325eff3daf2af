"""The message catalogue: every user-facing string, by id, in English and Indonesian.

Messages live in TOML data files, one folder per language (``en/``, ``id/``) and
one file per area, so a translation is a data change, not a code change. Ids are
the dotted table path in those files: ``[finding] dangling-reference = "..."`` is
``finding.dangling-reference``. Placeholders use ``str.format`` syntax.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
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


def language_of_locale(value: str) -> Lang:
    """The language of a POSIX locale name: ``id_ID.UTF-8`` -> ``id``, ``C`` -> ``en``.

    ``in`` is the old ISO 639 code for Indonesian, still seen in ``in_ID``.
    """
    code = re.split(r"[_.@-]", value.strip(), maxsplit=1)[0].lower()
    return "id" if code in ("id", "in") else "en"


def language_from_environment(env: Mapping[str, str] | None = None) -> Lang | None:
    """The language of the first of LC_ALL, LC_MESSAGES and LANG that is set.

    That is the POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG.
    An ``id`` locale gives Indonesian, any other English; None when none is set.
    """
    variables = os.environ if env is None else env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = variables.get(name, "")
        if value.strip():
            return language_of_locale(value)
    return None


def as_language(value: object) -> Lang | None:
    """``value`` when it names a language smplan speaks (``"id"``, ``" EN "``), else None."""
    if isinstance(value, str):
        code = value.strip().lower()
        if code == "en":
            return "en"
        if code == "id":
            return "id"
    return None


def choose_language(
    cli: str | None,
    plan_language: str | None,
    config_language: str | None,
    env: Mapping[str, str] | None = None,
) -> Lang:
    """The interface language: ``--lang``, then the plan's, the user's config, the locale.

    Values that are not a language smplan speaks are passed over (the command
    line and the config loader report them); with nothing set, English.
    """
    for candidate in (cli, plan_language, config_language):
        chosen = as_language(candidate)
        if chosen is not None:
            return chosen
    return language_from_environment(env) or "en"


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
