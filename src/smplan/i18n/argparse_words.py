"""argparse's own words (``usage:``, ``options``, its error lines) from the catalogue.

argparse looks each of its sentences up through the module-level gettext
function ``argparse._`` at the moment it needs it. While the block runs, that
function answers from our catalogue, so ``smplan --lang id --help`` is Indonesian
throughout; sentences we have no id for stay as argparse wrote them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from smplan.i18n.catalogue import Lang, t

#: argparse's sentence -> our catalogue id.
ARGPARSE_IDS: dict[str, str] = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid-choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid-value",
    "expected one argument": "argparse.expected-one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
}


@contextmanager
def argparse_words(lang: Lang) -> Iterator[None]:
    """Build, run and report argument parsers in ``lang`` inside this block."""
    namespace = vars(argparse)
    original: Callable[[str], str] = namespace["_"]

    def translate(sentence: str) -> str:
        msg_id = ARGPARSE_IDS.get(sentence)
        return t(msg_id, lang) if msg_id else original(sentence)

    namespace["_"] = translate
    try:
        yield
    finally:
        namespace["_"] = original
