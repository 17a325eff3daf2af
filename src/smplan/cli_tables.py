"""`smplan tables PLAN`: write the plan's inline lists of tables as [[tables]], on request."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smplan.i18n import LANGUAGES, t

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_UNREADABLE = 2


def add_tables_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help=t("cli.tables-path-help"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang-help"))


def cmd_tables(options: argparse.Namespace) -> int:
    from smplan.files.atomic import write_atomic
    from smplan.store.expand import expand_inline_tables
    from smplan.store.lock import read_holder
    from smplan.store.reading import PlanFileError, read_text

    path: Path = options.path
    try:
        text = read_text(path, options.lang)
        expanded = expand_inline_tables(text)
    except PlanFileError as error:
        print(f"smplan: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    except ValueError as error:  # not TOML: the reader says where
        print(f"smplan: {path}: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    if expanded.kept:
        names = ", ".join(expanded.kept)
        print(f"smplan: {path}: {t('tables.kept', None, names=names)}", file=sys.stderr)
    if not expanded.converted:
        print(t("tables.nothing", None, path=path))
        return EXIT_OK
    holder = read_holder(path)
    if holder is not None and not holder.is_stale and not holder.is_me:
        message = t("tables.open", None, path=path, pid=holder.pid, host=holder.host)
        print(f"smplan: {message}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        write_atomic(path, expanded.text.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"smplan: {t('error.write-failed', None, path=path, reason=reason)}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(t("tables.done", None, path=path, names=", ".join(expanded.converted)))
    return EXIT_OK
