"""The user's own settings: ``$XDG_CONFIG_HOME/smplan/config.toml``.

::

    language = "id"          # the interface language when neither --lang nor the plan says

    [keys]                   # key bindings, by binding id
    save = "ctrl+s"
    help = ["f1", "ctrl+question_mark"]

A missing file is the normal case. A file that cannot be read or holds a bad
value never stops smplan: what is wrong is left out and reported as a one-line
problem, in the interface language, by whoever shows it (the command line prints
it on stderr). Pure module: reading the file is the only side effect.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from smplan.i18n import Lang, as_language, t

CONFIG_NAME = "config.toml"
#: No settings file comes near this; a larger one is not read.
MAX_BYTES = 1024 * 1024
#: Top-level settings smplan knows; others are reported (a typo would otherwise
#: silently do nothing).
KNOWN_SETTINGS = frozenset({"language", "keys"})


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """Something wrong in the settings file, as a catalogue id and its values."""

    msg_id: str
    values: tuple[tuple[str, str], ...] = ()

    def message(self, lang: Lang | None = None) -> str:
        return t(self.msg_id, lang, **dict(self.values))


@dataclass(frozen=True, slots=True)
class Config:
    path: Path | None = None
    #: The language asked for in the file, or None.
    language: Lang | None = None
    #: Key bindings by binding id, each a comma-separated list of keys as Textual
    #: takes them (``{"save": "ctrl+s", "help": "f1,ctrl+question_mark"}``).
    keys: dict[str, str] = field(default_factory=dict)
    problems: tuple[ConfigProblem, ...] = ()

    def warnings(self, lang: Lang | None = None) -> list[str]:
        """One line per problem: ``smplan: PATH: warning: ...``."""
        return [
            t("config.line", lang, path=self.path, message=problem.message(lang))
            for problem in self.problems
        ]


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """Where the settings live: ``$XDG_CONFIG_HOME/smplan/config.toml``.

    As the XDG spec says, an unset, empty or relative ``XDG_CONFIG_HOME`` means
    ``~/.config``.
    """
    variables = os.environ if env is None else env
    base = variables.get("XDG_CONFIG_HOME", "")
    if not base or not os.path.isabs(base):
        home = variables.get("HOME") or os.path.expanduser("~")
        base = os.path.join(home, ".config")
    return Path(base) / "smplan" / CONFIG_NAME


def _problem(msg_id: str, **values: object) -> ConfigProblem:
    # Reasons from the OS or the TOML parser may span lines; a warning is one line.
    return ConfigProblem(msg_id, tuple((k, " ".join(str(v).split())) for k, v in values.items()))


def _read(path: Path) -> tuple[dict[str, Any] | None, ConfigProblem | None]:
    try:
        if path.is_dir():
            return None, _problem("config.is-folder")
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, _problem("config.too-large", size=size)
        data = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as error:
        return None, _problem("config.unreadable", reason=error.strerror or str(error))
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None, _problem("config.not-utf8")
    try:
        return tomli.loads(text), None
    except tomli.TOMLDecodeError as error:
        line = getattr(error, "lineno", None) or "?"
        reason = getattr(error, "msg", None) or str(error)
        return None, _problem("config.toml-syntax", line=line, reason=reason)
    except RecursionError:
        return None, _problem("config.too-deep")


def _keys(table: object, problems: list[ConfigProblem]) -> dict[str, str]:
    if not isinstance(table, dict):
        problems.append(_problem("config.keys-table"))
        return {}
    keys: dict[str, str] = {}
    for name, value in table.items():
        if isinstance(value, str) and value.strip():
            keys[name] = value.strip()
        elif (
            isinstance(value, list)
            and value
            and all(isinstance(key, str) and key.strip() for key in value)
        ):
            keys[name] = ",".join(key.strip() for key in value)
        else:
            problems.append(_problem("config.key-value", name=name))
    return keys


def parse_config(data: Mapping[str, Any], path: Path | None = None) -> Config:
    """The settings in already-read TOML ``data``, with a problem per bad value."""
    problems: list[ConfigProblem] = []
    language: Lang | None = None
    if "language" in data:
        language = as_language(data["language"])
        if language is None:
            problems.append(_problem("config.language", value=repr(data["language"])))
    keys = _keys(data["keys"], problems) if "keys" in data else {}
    for name in data:
        if name not in KNOWN_SETTINGS:
            problems.append(_problem("config.unknown", key=name))
    return Config(path, language, keys, tuple(problems))


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """The user's settings; defaults (and a problem) when the file is unusable."""
    where = path or config_path(env)
    data, problem = _read(where)
    if data is None:
        return Config(where, problems=(problem,) if problem else ())
    return parse_config(data, where)
