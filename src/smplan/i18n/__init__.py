"""Words and formats: the message catalogue and locale-aware numbers, money and dates."""

from smplan.i18n.catalogue import (
    LANGUAGES,
    Lang,
    as_language,
    choose_language,
    current_language,
    language_from_environment,
    language_of_locale,
    messages,
    set_language,
    t,
)

__all__ = [
    "LANGUAGES",
    "Lang",
    "as_language",
    "choose_language",
    "current_language",
    "language_from_environment",
    "language_of_locale",
    "messages",
    "set_language",
    "t",
]
