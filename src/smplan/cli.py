"""The `smplan` command: open the app, start a plan, check plans, export them.

It calls the same functions as the app. Errors are one line on stderr and an exit
code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from smplan import __version__
from smplan.i18n import LANGUAGES, Lang, language_from_environment, set_language, t

SUBCOMMANDS = ("new", "check", "export")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


def _language(arg: str | None) -> Lang:
    if arg == "en":
        return "en"
    if arg == "id":
        return "id"
    return language_from_environment() or "en"


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smplan",
        description=t("cli.description"),
        epilog=t("cli.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", type=Path, help=t("cli.path-help"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang-help"))
    parser.add_argument("--version", action="version", version=f"smplan {__version__}")
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
    elif command == "export":
        from smplan.cli_export import add_export_arguments

        add_export_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    lang_arg = None
    if "--lang" in args:
        at = args.index("--lang")
        lang_arg = args[at + 1] if at + 1 < len(args) else None
    set_language(_language(lang_arg))
    try:
        if args and args[0] in SUBCOMMANDS:
            command = args[0]
            options = _sub_parser(command).parse_args(args[1:])
            if command == "new":
                return cmd_new(options)
            if command == "check":
                return cmd_check(options)
            from smplan.cli_export import cmd_export

            return int(cmd_export(options))
        options = _app_parser().parse_args(args)
        return cmd_open(options)
    except KeyboardInterrupt:
        return 130


def cmd_new(options: argparse.Namespace) -> int:
    from smplan.store.atomic import write_atomic
    from smplan.store.starter import starter_text

    path: Path = options.path
    lang: Lang = options.lang or _language(None)
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
    from smplan.checks import run_checks, sort_findings
    from smplan.findings import Finding
    from smplan.store import PlanFile, PlanFileError

    findings: list[Finding] = []
    unreadable = False
    for path in options.paths:
        try:
            plan_file = PlanFile.open(path, options.lang)
        except PlanFileError as error:
            findings.append(error.finding())
            unreadable = True
            continue
        lang = options.lang or plan_file.plan.language
        found = plan_file.load_findings + run_checks(plan_file.plan, lang)
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
        print(
            t(
                "cli.check-summary",
                None,
                errors=errors,
                warnings=warnings,
                files=len(options.paths),
            ),
            file=sys.stderr,
        )
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if any(f.level == "error" for f in findings) else EXIT_OK


def cmd_open(options: argparse.Namespace) -> int:
    from smplan.tui.launch import launch

    return launch(options.path, options.lang)


if __name__ == "__main__":
    sys.exit(main())
