"""Words and formats: the message catalogue and locale-aware numbers, money and dates."""

from smplan.i18n.catalogue import (
    LANGUAGES,
    Lang,
    current_language,
    language_from_environment,
    messages,
    set_language,
    t,
)

__all__ = [
    "LANGUAGES",
    "Lang",
    "current_language",
    "language_from_environment",
    "messages",
    "set_language",
    "t",
]
