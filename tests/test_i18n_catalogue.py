"""The message catalogue is complete, consistent, and the code goes through it.

Every ``*.toml`` file under ``src/smplan/i18n/<lang>/`` takes part, whoever adds
it: a new area file must exist in every language with the same ids and the same
placeholders. The code under ``src/smplan`` is read (not run) to find the ids it
uses and the user-facing text that bypasses the catalogue; docs/i18n.md explains
what is checked and how to add to the lists below.
"""

from __future__ import annotations

import ast
import os
import re
import string
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import tomli

import smplan
from smplan.i18n import LANGUAGES

SRC = Path(smplan.__file__).parent
CATALOGUE = SRC / "i18n"
ID_SHAPE = re.compile(r"[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+")

#: Ids built at run time from a pattern, as ``t(f"kind.{kind}")``: each pattern the
#: code uses must be listed here with what fills it in, so that a translator knows
#: the family exists. ``{}`` stands for each filled-in part.
DYNAMIC_IDS: dict[str, str] = {
    "kind.{}": "the kind of item a finding is about (checks/structure/references.py)",
    "kind.{}s": "the plural of that kind (checks/structure/references.py)",
    "banner.step{}": "the comment banner of steps 1 to 8 (store/plan_file.py)",
    "recovery.conflict.{}": "what was kept where a recovered edit and the plan disagree (tui/screens/recovery_merge.py)",
    "cli.{}-description": "the description of each subcommand (cli.py)",
    "step.{}": "the name of steps 0 to 7 in the navigator, palette and go-to dialog (tui)",
    "step-title.{}": "the heading of each step's pane (tui/panes/base.py)",
    "step-intro.{}": "the line under each step's heading (tui/panes/base.py)",
    "key.{}": "the description of each key binding, by binding id (tui/keys.py, help)",
    "progress.{}": "the state of a step (empty, partial) before what it misses (checks/structure/completeness.py)",
    "key-short.{}": "a shorter description in the footer for a few bindings (tui/keys.py)",
    "help.group.{}": "the heading of each group of keys in the help screen",
    "calexport.cmd-{}": "the palette's command to export the calendar, by format (ics, csv)",
    "calexport.cmd-{}-help": "what that command writes, by format",
    "calexport.ask-{}": "where to write the calendar, by format (tui/calendar_export.py)",
    "csv.column.{}": "the CSV header of each calendar field (interchange/csv_columns.py)",
    "level.{}": "error / warning / note in the problems list",
    "hint.{}": "the placeholder of a field, by the kind of value it takes",
    "list.{}": "the heading of each list of items, by list kind",
    "item.{}": "the name of one item of each list kind",
    "add.{}": "the palette's Add command of each list kind",
    "field.{}": "the label of each field, by model field name (tui/widgets/fields.py)",
    "question.{}": "the label of each of the ten audit questions (tui/panes/audit.py)",
    "swot.{}": "the label of each SWOT quadrant (tui/panes/audit.py)",
    "value.{}.{}": "the display name of each stored value, by kind and key (i18n/values.py)",
    "export.column.{}": "the header of each column of the export's tables (export/context.py)",
    "smart.{}.{}.reason": "why a SMART letter has its state, by letter and rule (docs/smart.md)",
    "smart.{}.{}.fix": "what to do about a SMART letter that warns or fails, by letter and rule",
    "smart.letter.{}": "the name of each SMART letter in findings (checks/smart/checker.py)",
    "smart.kind.{}": "what an objective or KPI is about: awareness, sales... (checks/smart/kpis.py)",
    "calendar.column.{}": "the header of each column of the calendar table (tui/panes/calendar.py)",
    "calendar.filter.{}": "the prompt of each filter of the calendar (month, network...)",
    "calendar.sort.{}": "the name of each order of the calendar table (file order, by date...)",
    "calendar.weekday.{}": "the short name of each weekday, Monday first, in the month and week grid (presentation/calendar_grid.py)",
    "pace.verdict.{}": "the words of each progress verdict of a goal (presentation/progress.py)",
}

#: Ids that are in the catalogue without a literal use in the code, and why.
#: Unused ids are only reported (as a warning), since another part of smplan may
#: be about to use them; set SMPLAN_STRICT_CATALOGUE=1 to make them fail.
UNUSED_ALLOWED: dict[str, str] = {}

#: Calls whose first argument is a catalogue id: a literal there must exist.
ID_CALLS = frozenset({"t", "ParseError", "ConfigProblem", "_problem"})
#: Calls whose first argument is a catalogue id when it looks like one (the model's
#: validators raise ``ValueError("type.number-quoted")`` for the store to translate).
ID_SHAPED_CALLS = frozenset({"ValueError"})


@dataclass(frozen=True, slots=True)
class Sink:
    """Where a call shows text to people: which positional and keyword arguments."""

    positions: tuple[int, ...] | None = ()  # None: every positional argument
    keywords: tuple[str, ...] = ()
    #: Arguments that are lists of tuples: position -> index of the shown label in each
    #: tuple (``ChoiceDialog(question, [("save", t("quit.save")), ...])``).
    labels: tuple[tuple[int, int], ...] = ()


#: Calls that show their text to the user. Textual's widgets are included so that
#: the app is held to the same rule.
SINKS: dict[str, Sink] = {
    "print": Sink(None),
    "notify": Sink((0,), ("message", "title")),
    "Finding": Sink((2,), ("message",)),
    "PlanFileError": Sink((2,), ("message",)),
    "ValueError": Sink((0,)),
    "ParseError": Sink((0,)),
    "SystemExit": Sink((0,)),
    "exit": Sink((), ("message",)),
    "add_argument": Sink((), ("help",)),
    "ArgumentParser": Sink((), ("description", "epilog", "usage")),
    "Binding": Sink((2,), ("description",)),
    "Label": Sink((0,)),
    "Static": Sink((0,)),
    "Button": Sink((0,), ("label",)),
    "Input": Sink((), ("placeholder",)),
    "Checkbox": Sink((0,), ("label",)),
    "RadioButton": Sink((0,), ("label",)),
    "TabPane": Sink((0,)),
    "Tab": Sink((0,)),
    "Collapsible": Sink((), ("title",)),
    "SystemCommand": Sink((0, 1)),
    "Option": Sink((0,)),
    "Select": Sink((), ("prompt",), labels=((0, 0),)),
    "Picker": Sink((), ("prompt",), labels=((0, 0),)),
    # Static.update() and the app's own dialogs and widgets.
    "update": Sink((0,)),
    "set_problem": Sink((0,)),
    "ChoiceDialog": Sink((0,), labels=((1, 1),)),
    "AskPath": Sink((0,)),
}
#: Attributes that are shown to the user when a string is assigned to them.
SHOWN_ATTRIBUTES = frozenset(
    {"TITLE", "SUB_TITLE", "title", "sub_title", "border_title", "border_subtitle", "tooltip"}
)
#: Words that are the same in every language.
NOT_ENGLISH = frozenset({"smplan"})

#: User-facing-looking text that is allowed to bypass the catalogue, by file and
#: text, with the reason.
LITERALS_ALLOWED: dict[tuple[str, str], str] = {
    ("store/plan_file.py", "a plan without a path needs a path to save to"): (
        "a programming error: the app always gives a path before saving"
    ),
    ("store/plan_file.py", "a plan without a path cannot be reloaded"): (
        "a programming error: the app only reloads plans read from a file"
    ),
    ("store/values.py", "cannot store {} in a plan"): (
        "a programming error: the model holds only storable values"
    ),
    ("store/segments.py", "bad table header: {}"): (
        "cannot happen: the header was matched before it is parsed"
    ),
    ("tui/launch.py", "smplan: the app is not available yet"): (
        "a stand-in until the app is built"
    ),
}


# -- the catalogue ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Message:
    text: str
    file: str


def _flatten(prefix: str, table: dict[str, object], file: str) -> Iterator[tuple[str, object]]:
    for key, value in table.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            yield from _flatten(name, value, file)
        else:
            yield name, value


def _files(lang: str) -> list[Path]:
    return sorted((CATALOGUE / lang).glob("*.toml"))


@cache
def _catalogue(lang: str) -> dict[str, Message]:
    found: dict[str, Message] = {}
    for path in _files(lang):
        for msg_id, value in _flatten("", tomli.loads(path.read_text(encoding="utf-8")), path.name):
            found[msg_id] = Message(value if isinstance(value, str) else repr(value), path.name)
    return found


def test_the_languages_are_the_folders() -> None:
    folders = {p.name for p in CATALOGUE.iterdir() if p.is_dir() and any(p.glob("*.toml"))}
    assert folders == set(LANGUAGES)


def test_every_area_file_exists_in_every_language() -> None:
    names = {lang: {p.name for p in _files(lang)} for lang in LANGUAGES}
    everywhere = set.union(*names.values())
    missing = [f"{lang}/{name}" for lang in LANGUAGES for name in sorted(everywhere - names[lang])]
    assert not missing, f"catalogue files missing: {missing}"


def test_messages_are_non_empty_text() -> None:
    bad: list[str] = []
    for lang in LANGUAGES:
        for path in _files(lang):
            data = tomli.loads(path.read_text(encoding="utf-8"))
            for msg_id, value in _flatten("", data, path.name):
                if not isinstance(value, str) or not value.strip():
                    bad.append(f"{lang}/{path.name}: {msg_id} = {value!r}")
    assert not bad, "every message must be non-empty text:\n" + "\n".join(bad)


def test_no_id_is_defined_in_two_files() -> None:
    clashes: list[str] = []
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for path in _files(lang):
            data = tomli.loads(path.read_text(encoding="utf-8"))
            for msg_id, _value in _flatten("", data, path.name):
                if msg_id in seen:
                    clashes.append(f"{lang}: {msg_id} in {seen[msg_id]} and {path.name}")
                seen[msg_id] = path.name
    assert not clashes, "ids defined twice (the later file wins silently):\n" + "\n".join(clashes)


def test_every_id_exists_in_every_language() -> None:
    problems: list[str] = []
    for lang in LANGUAGES:
        for other in LANGUAGES:
            for msg_id, message in sorted(_catalogue(lang).items()):
                if msg_id not in _catalogue(other):
                    problems.append(f"{msg_id} ({lang}/{message.file}) has no {other} text")
    assert not problems, "untranslated ids:\n" + "\n".join(problems)


def _format_fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def _percent_fields(text: str) -> set[str]:
    return set(re.findall(r"%\(\w+\)[a-z]|%[a-z]", text.replace("%%", "")))


def test_placeholders_are_the_same_in_every_language() -> None:
    english = _catalogue("en")
    problems: list[str] = []
    for lang in LANGUAGES:
        for msg_id, message in sorted(_catalogue(lang).items()):
            try:
                fields = _format_fields(message.text)
            except ValueError as error:
                problems.append(f"{lang}: {msg_id}: bad braces ({error}): {message.text!r}")
                continue
            if "" in fields or any(name.isdigit() for name in fields):
                problems.append(f"{lang}: {msg_id}: placeholders must be named")
            if msg_id not in english or lang == "en":
                continue
            reference = english[msg_id].text
            if fields != _format_fields(reference):
                problems.append(
                    f"{msg_id}: en has {sorted(_format_fields(reference))}, "
                    f"{lang} has {sorted(fields)}"
                )
            if _percent_fields(message.text) != _percent_fields(reference):
                problems.append(f"{msg_id}: en and {lang} differ in %-placeholders")
    assert not problems, "\n".join(problems)


def test_banners_read_exactly_as_in_the_starter_plans() -> None:
    """The store finds a step's banner in a file by its text: both must agree."""
    for lang in LANGUAGES:
        starter = (SRC / "data" / "starter" / f"{lang}.toml").read_text(encoding="utf-8")
        comments = {line.removeprefix("# ") for line in starter.splitlines()}
        banners = {i: m.text for i, m in _catalogue(lang).items() if i.startswith("banner.")}
        assert len(banners) == 8
        missing = [f"{lang}: {i} = {text!r}" for i, text in banners.items() if text not in comments]
        assert not missing, "banners not in the starter plan:\n" + "\n".join(missing)


# -- the code ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Use:
    where: str
    text: str


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        yield relative, ast.parse(path.read_text(encoding="utf-8"), filename=relative)


def _name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _template(node: ast.JoinedStr) -> str:
    """``f"kind.{kind}s"`` -> ``kind.{}s``."""
    parts: list[str] = []
    for value in node.values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            parts.append(value.value)
        else:
            parts.append("{}")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class CodeIds:
    literal: list[Use]
    dynamic: list[Use]
    every_string: frozenset[str]


@cache
def _code_ids() -> CodeIds:
    literal: list[Use] = []
    dynamic: list[Use] = []
    strings: set[str] = set()
    for relative, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _name(node)
            first = node.args[0]
            where = f"{relative}:{node.lineno}"
            if name in ID_CALLS or name in ID_SHAPED_CALLS:
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    if name in ID_CALLS or ID_SHAPE.fullmatch(first.value):
                        literal.append(Use(where, first.value))
                elif isinstance(first, ast.JoinedStr):
                    template = _template(first)
                    if name in ID_CALLS or ID_SHAPE.fullmatch(template.replace("{}", "x")):
                        dynamic.append(Use(where, template))
    return CodeIds(literal, dynamic, frozenset(strings))


def _pattern(template: str) -> re.Pattern[str]:
    # Model field names (``age_range``) fill templates too, hence the underscore.
    return re.compile("[a-z0-9_-]+".join(re.escape(part) for part in template.split("{}")))


def test_the_code_finds_ids_to_check() -> None:
    """Guards the scan itself: if it found nothing, the checks below would pass vacuously."""
    uses = {use.text for use in _code_ids().literal}
    assert {"finding.id-missing", "cli.new-done", "type.number-quoted"} <= uses
    assert {use.text for use in _code_ids().dynamic} >= {"kind.{}", "banner.step{}"}


def test_every_id_used_in_the_code_exists() -> None:
    english = _catalogue("en")
    missing = [f"{use.where}: {use.text}" for use in _code_ids().literal if use.text not in english]
    assert not missing, "ids used in the code but not in the catalogue:\n" + "\n".join(missing)


def test_every_built_id_is_a_listed_family() -> None:
    english = _catalogue("en")
    problems: list[str] = []
    for use in _code_ids().dynamic:
        if use.text not in DYNAMIC_IDS:
            problems.append(f"{use.where}: {use.text!r} is not listed in DYNAMIC_IDS")
        elif not any(_pattern(use.text).fullmatch(msg_id) for msg_id in english):
            problems.append(f"{use.where}: no id in the catalogue matches {use.text!r}")
    assert not problems, "\n".join(problems)


def test_unused_ids_are_reported() -> None:
    code = _code_ids()
    patterns = [_pattern(template) for template in DYNAMIC_IDS]
    unused = sorted(
        msg_id
        for msg_id in _catalogue("en")
        if msg_id not in code.every_string
        and msg_id not in UNUSED_ALLOWED
        and not any(pattern.fullmatch(msg_id) for pattern in patterns)
    )
    if unused and os.environ.get("SMPLAN_STRICT_CATALOGUE") == "1":
        pytest.fail("ids no code uses:\n" + "\n".join(unused))
    if unused:
        warnings.warn(f"catalogue ids no code uses: {', '.join(unused)}", stacklevel=1)
    assert all(msg_id in _catalogue("en") for msg_id in UNUSED_ALLOWED), "stale UNUSED_ALLOWED"


# -- text that bypasses the catalogue ---------------------------------------

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[a-z]|%[a-z]")
#: Textual markup tags such as [b], [/], [bold $accent] carry no words.
_MARKUP = re.compile(r"\[/?[a-z0-9 $@#._=-]*\]")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _words(text: str) -> list[str]:
    if ID_SHAPE.fullmatch(text):
        return []
    bare = _MARKUP.sub(" ", _PLACEHOLDER.sub(" ", text))
    return [word for word in _WORD.findall(bare) if word.lower() not in NOT_ENGLISH]


def _texts(node: ast.expr) -> Iterator[str]:
    """The literal text inside an argument; calls such as ``t(...)`` are not entered."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        yield _template(node)
    elif isinstance(node, ast.BinOp):
        yield from _texts(node.left)
        yield from _texts(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _texts(node.body)
        yield from _texts(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _texts(value)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Constant | ast.JoinedStr)
    ):
        # "Saved {path}".format(...): the template is the text.
        yield from _texts(node.func.value)


def _shown(node: ast.AST) -> Iterator[ast.expr]:
    """The arguments or values of ``node`` that reach the user."""
    if isinstance(node, ast.Call):
        sink = SINKS.get(_name(node) or "")
        if sink is None:
            return
        for index, arg in enumerate(node.args):
            if sink.positions is None or index in sink.positions:
                yield arg
            for position, label in sink.labels:
                if index == position and isinstance(arg, ast.List | ast.Tuple):
                    for pair in arg.elts:
                        if isinstance(pair, ast.Tuple) and len(pair.elts) > label:
                            yield pair.elts[label]
        for keyword in node.keywords:
            if keyword.arg in sink.keywords:
                yield keyword.value
    elif isinstance(node, ast.Assign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if name in SHOWN_ATTRIBUTES and node.value is not None:
                yield node.value


def find_bypasses(tree: ast.Module, relative: str) -> list[str]:
    """Each user-facing English literal in ``tree`` that is not in LITERALS_ALLOWED."""
    found: list[str] = []
    for node in ast.walk(tree):
        for value in _shown(node):
            for text in _texts(value):
                if _words(text) and (relative, text) not in LITERALS_ALLOWED:
                    found.append(f"{relative}:{value.lineno}: {text!r}")
    return found


def test_no_user_facing_text_bypasses_the_catalogue() -> None:
    found = [line for relative, tree in _sources() for line in find_bypasses(tree, relative)]
    assert not found, (
        "user-facing text written in the code; put it in the catalogue and use t():\n"
        + "\n".join(found)
    )


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ('print("Saved the plan")', True),
        ('print(f"Saved {path}")', True),
        ('print("Saved " + str(path))', True),
        ('print("Saved {}".format(path))', True),
        ('self.notify("Plan saved", severity="information")', True),
        ('app.notify(message="Plan saved")', True),
        ('Finding("error", "bad-id", "the id is bad", path)', True),
        ('raise ValueError("expected a number")', True),
        ('Binding("ctrl+s", "save", "Save")', True),
        ('Button("OK", id="ok")', True),
        ('self.title = "Untitled plan"', True),
        ('label = Label("Budget" if big else "Money")', True),
        ('print(t("cli.new-done", lang, path=path))', False),
        ("print(f\"smplan: {path}: {t('error.exists', lang)}\")", False),
        ('raise ValueError("type.number-quoted")', False),
        ('Finding("error", "bad-id", message, path)', False),
        ('Binding("ctrl+s", "save", t("keys.save"))', False),
        ('Static("[b]{}[/b]".format(t("x.y")))', False),
        ('Static("█" * 10)', False),
        ('ChoiceDialog("Really quit?", [("yes", t("quit.save"))], default="yes")', True),
        ('ChoiceDialog(t("quit.question"), [("save", "Save it")], default="save")', True),
        ('ChoiceDialog(t("quit.question"), [("save", t("quit.save"))], default="save")', False),
        ('self.query_one("#count", Static).update("No items yet")', True),
        ('row.set_problem("not a number")', True),
        ('Select([("Monthly", "monthly")], prompt=t("field.none"))', True),
        ('Select([(t("choice.monthly"), "monthly")], prompt="Pick one")', True),
        ('print("")', False),
        ('log.debug("not shown to the user")', False),
    ],
)
def test_the_bypass_scan(source: str, caught: bool) -> None:
    found = find_bypasses(ast.parse(source), "example.py")
    assert bool(found) is caught, found
