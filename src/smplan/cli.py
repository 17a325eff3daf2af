"""The `smplan` command: open the app, start a plan, check plans, export them.

It calls the same functions as the app. Errors are one line on stderr and an exit
code, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from smplan import __version__
from smplan.config import load_config
from smplan.i18n import LANGUAGES, Lang, choose_language, current_language, set_language, t
from smplan.i18n.argparse_words import argparse_words

SUBCOMMANDS = ("new", "check", "export", "import", "tables")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2
#: What a shell reports for a program ended by SIGPIPE (128 + 13), which we stop as.
EXIT_BROKEN_PIPE = 141


def _lang_option(args: Sequence[str]) -> str | None:
    """The value of ``--lang X`` or ``--lang=X``, read before parsing so that the
    help and the parser's own errors come out in that language."""
    for at, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang":
            return args[at + 1] if at + 1 < len(args) else None
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smplan",
        description=t("cli.description"),
        epilog=t("cli.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", type=Path, help=t("cli.path-help"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang-help"))
    parser.add_argument(
        "--version", action="version", version=f"smplan {__version__}", help=t("cli.version-help")
    )
    return parser


def _sub_parser(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"smplan {command}", description=t(f"cli.{command}-description")
    )
    if command == "new":
        parser.add_argument("path", type=Path, help=t("cli.new-path-help"))
        parser.add_argument("--title", help=t("cli.title-help"))
        parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang-help"))
        parser.add_argument("--force", action="store_true", help=t("cli.force-help"))
    elif command == "check":
        parser.add_argument("paths", nargs="+", type=Path, help=t("cli.check-paths-help"))
        parser.add_argument("--json", action="store_true", help=t("cli.json-help"))
        parser.add_argument("--strict", action="store_true", help=t("cli.strict-help"))
        parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang-help"))
        parser.add_argument("--today", type=_day, metavar="YYYY-MM-DD", help=t("cli.today-help"))
    elif command == "export":
        from smplan.cli_export import add_export_arguments

        add_export_arguments(parser)
    elif command == "import":
        from smplan.cli_csv import add_import_arguments

        add_import_arguments(parser)
    elif command == "tables":
        from smplan.cli_tables import add_tables_arguments

        add_tables_arguments(parser)
    return parser


def _day(text: str) -> dt.date:
    """An ISO date given on the command line."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.today-invalid", None, value=text)) from None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    config = load_config()
    # Until a plan is read: --lang, then the user's settings, then the locale.
    language = choose_language(_lang_option(args), None, config.language)
    set_language(language)
    for line in config.warnings(language):
        print(line, file=sys.stderr)
    try:
        if args and args[0] in SUBCOMMANDS:
            command = args[0]
            with argparse_words(language):
                options = _sub_parser(command).parse_args(args[1:])
            options.config_language = config.language
            if command == "new":
                return cmd_new(options)
            if command == "check":
                return cmd_check(options)
            if command == "tables":
                from smplan.cli_tables import cmd_tables

                return cmd_tables(options)
            if command == "import":
                from smplan.cli_csv import cmd_import

                return cmd_import(options)
            from smplan.cli_export import cmd_export

            return int(cmd_export(options))
        with argparse_words(language):
            options = _app_parser().parse_args(args)
        return cmd_open(options)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`smplan export plan.toml -o - | head`): stop quietly,
        # as Unix tools do. Python would still complain while flushing the rest of
        # standard output at exit, so it now points nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def cmd_new(options: argparse.Namespace) -> int:
    from smplan.files.atomic import write_atomic
    from smplan.store.starter import starter_text

    path: Path = options.path
    lang = choose_language(options.lang, None, getattr(options, "config_language", None))
    if path.exists() and not options.force:
        print(f"smplan: {path}: {t('error.exists', lang, path=path)}", file=sys.stderr)
        return EXIT_UNREADABLE
    if path.is_dir():
        print(f"smplan: {path}: {t('error.is-folder', lang)}", file=sys.stderr)
        return EXIT_UNREADABLE
    text = starter_text(lang, options.title, path.name)
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        print(
            f"smplan: {path}: {t('error.write-failed', lang, path=path, reason=reason)}",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    print(t("cli.new-done", lang, path=path))
    return EXIT_OK


def cmd_check(options: argparse.Namespace) -> int:
    # A check reads plans whose objects all live until the process ends: the
    # garbage collector would only walk them again and again (about 30 ms of a
    # year plan's check). Refcounting still frees what is dropped.
    gc.disable()
    from smplan.checks import run_checks, sort_findings
    from smplan.findings import Finding
    from smplan.store import PlanFile, PlanFileError

    findings: list[Finding] = []
    spoken: set[Lang] = set()
    unreadable = False
    for path in options.paths:
        try:
            plan_file = PlanFile.open(path, options.lang)
        except PlanFileError as error:
            findings.append(error.finding())
            unreadable = True
            continue
        lang = choose_language(
            options.lang, plan_file.plan.plan.language, getattr(options, "config_language", None)
        )
        if lang != current_language() and plan_file.load_findings:
            # The findings made while reading were worded before the plan's language was known.
            plan_file = PlanFile.from_text(plan_file.text, path, lang)
        spoken.add(lang)
        found = plan_file.load_findings + run_checks(
            plan_file.plan, lang, plan_dir=path.parent, today=options.today
        )
        findings.extend(sort_findings(plan_file.locate(found)))
    if options.strict:
        for finding in findings:
            if finding.level == "warning":
                finding.level = "error"
    if options.json:
        json.dump([f.as_json() for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for finding in findings:
            print(finding.render())
        errors = sum(1 for f in findings if f.level == "error")
        warnings = sum(1 for f in findings if f.level == "warning")
        # In the plans' language when they share one, so that the output is all of a piece.
        summary_lang = spoken.pop() if len(spoken) == 1 else None
        summary = t(
            "cli.check-summary",
            summary_lang,
            errors=errors,
            warnings=warnings,
            files=len(options.paths),
        )
        print(summary, file=sys.stderr)
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if any(f.level == "error" for f in findings) else EXIT_OK


def cmd_open(options: argparse.Namespace) -> int:
    # The garbage collector is off until the app's first screen is drawn (the app
    # turns it back on): what start-up builds all lives on, and collecting it only
    # delayed that screen. See smplan/tui/collector.py.
    gc.disable()
    from smplan.tui.launch import launch

    return launch(options.path, options.lang)


if __name__ == "__main__":
    sys.exit(main())
