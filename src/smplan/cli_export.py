"""`smplan export PLAN`: write the Markdown export beside the plan, to a file, or to stdout.

``--format ics`` writes the content calendar as iCalendar instead (``PLAN.ics``
beside the plan by default; see smplan.interchange.ics), ``--format csv`` as a
spreadsheet (``PLAN.csv``; see smplan.cli_csv).

Exit codes: 0 written, 1 the plan cannot be exported or the file cannot be
written, 2 wrong usage (argparse). Errors are one line naming the file and
what to do, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from smplan.i18n import LANGUAGES, Lang, choose_language, set_language, t

if TYPE_CHECKING:
    from smplan.model import Plan

EXIT_OK = 0
EXIT_FAILED = 1
FLAVOR_NAMES = ("github", "gitlab", "azure", "obsidian", "plain")
FORMAT_NAMES = ("md", "ics", "csv")


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", type=Path, help=t("cli.export-plan-help"))
    parser.add_argument("-o", "--output", metavar="OUT", help=t("cli.export-output-help"))
    parser.add_argument(
        "--format", choices=FORMAT_NAMES, default="md", help=t("cli.export-format-help")
    )
    parser.add_argument("--split", metavar="DIR", type=Path, help=t("cli.export-split-help"))
    parser.add_argument("--wiki", action="store_true", help=t("cli.export-wiki-help"))
    parser.add_argument("--flavor", choices=FLAVOR_NAMES, help=t("cli.export-flavor-help"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.export-lang-help"))


def _fail(path: object, message: str) -> int:
    print(f"smplan: {path}: {message}", file=sys.stderr)
    return EXIT_FAILED


def run_export(options: argparse.Namespace) -> int:
    # Imported here so that `smplan --help` stays fast.
    from smplan.export import (
        ExportError,
        check_exportable,
        export_markdown,
        plan_flavor,
        size_warning,
        write_split,
    )
    from smplan.export.write import default_path, write_text
    from smplan.store import PlanFileError
    from smplan.store.reading import parse_toml, read_text, validate

    if getattr(options, "format", "md") == "csv":
        from smplan.cli_csv import run_csv_export

        return run_csv_export(options)
    path: Path = options.plan
    split: Path | None = getattr(options, "split", None)
    if split is not None and options.output:
        return _fail(path, t("export.error.split-and-output"))
    try:
        # Read and validate as PlanFile.open does, without what saving needs.
        raw = parse_toml(read_text(path, options.lang), str(path), options.lang)
    except PlanFileError as error:
        return _fail(path, error.message)
    plan, _valid, load_findings = validate(raw, options.lang)
    lang = choose_language(
        options.lang, plan.plan.language, getattr(options, "config_language", None)
    )
    set_language(lang)
    errors = sum(1 for f in load_findings if f.level == "error")
    if errors:
        print(
            f"smplan: {path}: {t('export.error.load-problems', lang, count=errors, path=path)}",
            file=sys.stderr,
        )
    if getattr(options, "format", "md") == "ics":
        return _export_ics(options, plan, path, lang)
    try:
        check_exportable(plan, path)
        flavor = plan_flavor(plan, options.flavor)
        if split is not None:
            written_pages = write_split(
                plan,
                path,
                split,
                flavor,
                lang,
                wiki=bool(getattr(options, "wiki", False)),
            )
            print(t("cli.export-split-done", lang, count=len(written_pages), path=split))
            return EXIT_OK
        target_dir = (
            None
            if options.output == "-"
            else (Path(options.output) if options.output else default_path(path)).parent
        )
        text = export_markdown(
            plan, flavor, lang, plan_dir=path.parent, out_dir=target_dir or path.parent
        )
        too_big = size_warning(len(text.encode("utf-8")), lang)
        if too_big:
            print(f"smplan: {path}: {t('level.warning', lang)}: {too_big}", file=sys.stderr)
        if options.output == "-":
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.buffer.flush()
            return EXIT_OK
        target = Path(options.output) if options.output else default_path(path)
        written = write_text(target, text, path)
    except ExportError as error:
        return _fail(error.path or path, error.message)
    print(t("export.done", lang, path=written))
    return EXIT_OK


def _export_ics(options: argparse.Namespace, plan: Plan, path: Path, lang: Lang) -> int:
    """``--format ics``: the calendar as iCalendar, beside the plan, to ``-o`` or to stdout."""
    from smplan.export import ExportError
    from smplan.interchange.ics import export_ics, write_plan_ics

    for option, given in (
        ("--split", getattr(options, "split", None) is not None),
        ("--wiki", bool(getattr(options, "wiki", False))),
        ("--flavor", getattr(options, "flavor", None) is not None),
    ):
        if given:
            return _fail(path, t("ics.only-md", lang, option=option))
    try:
        if options.output == "-":
            result = export_ics(plan, lang, path)
            sys.stdout.flush()
            sys.stdout.buffer.write(result.text.encode("utf-8"))
            sys.stdout.buffer.flush()
        else:
            target = Path(options.output) if options.output else None
            written, result = write_plan_ics(plan, path, target, lang)
    except ExportError as error:
        return _fail(error.path or path, error.message)
    if result.undated:
        print(f"smplan: {path}: {t('ics.undated', lang, count=result.undated)}", file=sys.stderr)
    if options.output != "-":
        print(t("export.done", lang, path=written))
    return EXIT_OK


#: The name cli.py calls.
cmd_export = run_export
