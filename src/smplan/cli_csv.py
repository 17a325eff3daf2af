"""`smplan export PLAN --format csv` and `smplan import PLAN FILE.csv`.

Exit codes as `smplan check`: 0 done, 1 bad rows or columns (nothing written
unless ``--skip-bad``), 2 a file that cannot be read or written. Errors are
lines naming the file, the line and the column, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smplan.i18n import LANGUAGES, choose_language, set_language, t

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2
#: Rows a dry run lists one by one; beyond that it counts them.
SHOWN_ROWS = 200


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", type=Path, help=t("cli.import-plan-help"))
    parser.add_argument("csv", type=Path, help=t("cli.import-csv-help"))
    parser.add_argument(
        "--map", action="append", default=[], metavar="COLUMN=FIELD", help=t("cli.import-map-help")
    )
    parser.add_argument("--dates", choices=("dmy", "mdy"), help=t("cli.import-dates-help"))
    parser.add_argument("--dry-run", action="store_true", help=t("cli.import-dry-run-help"))
    parser.add_argument("--skip-bad", action="store_true", help=t("cli.import-skip-bad-help"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang-help"))


def _say(path: object, message: str) -> None:
    print(f"smplan: {path}: {message}", file=sys.stderr)


def run_csv_export(options: argparse.Namespace) -> int:
    from smplan.files.atomic import write_companion
    from smplan.interchange.csv_export import csv_file_text, export_csv
    from smplan.store import PlanFileError
    from smplan.store.reading import parse_toml, read_text, validate

    path: Path = options.plan
    if getattr(options, "split", None) is not None:
        _say(path, t("csv.error.no-split", options.lang))
        return EXIT_FINDINGS
    try:
        raw = parse_toml(read_text(path, options.lang), str(path), options.lang)
    except PlanFileError as error:
        _say(path, error.message)
        return EXIT_FINDINGS
    plan, _valid, _findings = validate(raw, options.lang)
    lang = choose_language(
        options.lang, plan.plan.language, getattr(options, "config_language", None)
    )
    set_language(lang)
    text = export_csv(plan, lang)
    if options.output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return EXIT_OK
    target = Path(options.output) if options.output else path.with_suffix(".csv")
    try:
        write_companion(path, target, csv_file_text(text).encode("utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        _say(target, t("error.write-failed", lang, path=target, reason=reason))
        return EXIT_FINDINGS
    print(t("export.done", lang, path=target))
    return EXIT_OK


def cmd_import(options: argparse.Namespace) -> int:
    from smplan.display import visible
    from smplan.interchange.append import append_items
    from smplan.interchange.csv_import import (
        CsvUnreadable,
        MappingError,
        describe_row,
        read_items,
    )
    from smplan.interchange.csv_import import parse_mapping as read_mapping
    from smplan.store import PlanFile, PlanFileError, SaveConflict

    path: Path = options.plan
    source: Path = options.csv
    try:
        plan_file = PlanFile.open(path, options.lang)
    except PlanFileError as error:
        print(error.finding().render())
        return EXIT_UNREADABLE
    lang = choose_language(
        options.lang, plan_file.plan.plan.language, getattr(options, "config_language", None)
    )
    set_language(lang)
    try:
        mapping = read_mapping(options.map, lang)
    except MappingError as error:
        _say(source, str(error))
        return EXIT_UNREADABLE
    try:
        data = source.read_bytes()
    except OSError as error:
        _say(source, t("csv.error.read", lang, reason=error.strerror or str(error)))
        return EXIT_UNREADABLE
    networks = [item.network for item in plan_file.plan.calendar if item.network]
    try:
        result = read_items(
            data, str(source), lang, mapping=mapping, dates=options.dates, networks=networks
        )
    except CsvUnreadable as error:
        where = f"{source}:{error.line}" if error.line else str(source)
        print(visible(f"{where}: {t('level.error', lang)} csv-unreadable: {error.message}"))
        return EXIT_UNREADABLE
    for finding in result.findings:
        print(finding.render())
    items = [item for _line, item in result.items]
    bad = len(result.bad_lines)
    failed = bool(result.errors)
    if failed and (result.fatal or not options.skip_bad):
        print(t("csv.cli.nothing-written", lang, bad=bad, path=path), file=sys.stderr)
        return EXIT_FINDINGS
    if options.dry_run:
        print(t("csv.cli.would-add", lang, count=len(items), path=path, skipped=bad))
        for line, item in result.items[:SHOWN_ROWS]:
            print(visible(describe_row(line, item, lang)))
        if len(items) > SHOWN_ROWS:
            print(t("csv.cli.more-rows", lang, count=len(items) - SHOWN_ROWS))
        return EXIT_FINDINGS if failed else EXIT_OK
    if not items:
        print(t("csv.cli.no-items", lang, path=source), file=sys.stderr)
        return EXIT_FINDINGS if failed else EXIT_OK
    try:
        pending = append_items(plan_file, items)
        plan_file.write(pending)
    except SaveConflict:
        _say(path, t("csv.error.changed", lang))
        return EXIT_UNREADABLE
    except PlanFileError as error:
        _say(path, error.message)
        return EXIT_UNREADABLE
    print(t("csv.cli.added", lang, count=len(items), path=path, skipped=bad))
    return EXIT_FINDINGS if failed else EXIT_OK
