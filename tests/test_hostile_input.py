"""Hostile files never crash or hang smplan: every outcome is a finding or a clean open.

The whole TOML conformance suite (valid and invalid cases, TOML 1.0 and 1.1) goes
through `smplan check` and the app's open path; then huge, deep, binary and
escape-laden plans. Plan text holding terminal escapes is shown as visible
symbols and written back as TOML 1.0 that Python's own ``tomllib`` reads.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import sys
import time
import tomllib
import traceback
from collections import Counter
from pathlib import Path

import pytest
import tomli
from textual.widgets import Input

from smplan import cli
from smplan.open_plan.plan_checks import check_plan
from smplan.store import PlanFile, PlanFileError
from smplan.tui.app import SmplanApp
from smplan.tui.launch import open_plan
from smplan.tui.screens.main import MainScreen
from smplan.tui.screens.open_error import OpenErrorScreen
from smplan.tui.widgets.fields import FieldRow
from tests.conftest import SAMPLES
from tests.helpers import run_cli, toml_test_dir, toml_test_files

SUITE = toml_test_dir()
MISSING = (
    "TOML conformance suite NOT FOUND (looked in tests/data/toml-test, "
    "../shared/data/toml-test and $SMPLAN_TOML_TEST): hostile-input corpus tests skipped"
)
EDITED_TITLE = "Edited \x1b[31m title \x00 end"
MINIMAL = (SAMPLES / "minimal.toml").read_text()


def suite_files() -> list[Path]:
    if SUITE is None:
        print(MISSING, file=sys.stderr)
        pytest.skip(MISSING)
    files = toml_test_files(SUITE)
    assert len(files) > 700, f"the conformance suite at {SUITE} looks incomplete"
    return files


def check_in_process(*paths: Path) -> tuple[int, list[dict[str, object]]]:
    """What `smplan check --json` does, without a new process: exit code and findings."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", "--json", *map(str, paths)])
    return code, json.loads(out.getvalue())


def reads_with_tomllib(text: str) -> bool:
    try:
        tomllib.loads(text.removeprefix("\ufeff"))
    except (tomllib.TOMLDecodeError, RecursionError):
        return False
    return True


def open_edit_render(path: Path) -> str:
    """The app's open path, its checks, an edit and the text a save would write.

    Returns the outcome: ``parse`` (the open-error screen), ``schema`` (opened
    with findings) or ``clean``. Raises AssertionError when what would be saved
    loses the edit or stops being readable.
    """
    plan_file, error = open_plan(path, None)
    if plan_file is None:
        assert error is not None and error.message
        return "parse"
    result = check_plan(plan_file.plan, dt.date(2027, 1, 1))
    found = plan_file.locate(plan_file.load_findings + result.findings)
    before = plan_file.text
    plan_file.plan.plan.title = EDITED_TITLE
    try:
        text = plan_file.render()
    except PlanFileError as refused:  # a clean refusal to save is an outcome, not a crash
        assert refused.code == "too-deep", refused
        return "schema"
    again = tomli.loads(text.removeprefix("\ufeff"))
    assert again["plan"]["title"] == EDITED_TITLE
    assert "\\e" not in text.replace(before, "")
    if reads_with_tomllib(before):
        # A TOML 1.0 file stays TOML 1.0 (a 1.1-only file is kept as its author wrote it).
        assert tomllib.loads(text.removeprefix("\ufeff"))["plan"]["title"] == EDITED_TITLE
    return "schema" if any(f.level != "info" for f in found) else "clean"


# -- the conformance suite -------------------------------------------------


def test_every_conformance_file_gives_a_clean_outcome() -> None:
    files = suite_files()
    check_codes: Counter[int] = Counter()
    outcomes: Counter[str] = Counter()
    crashes: list[str] = []
    started = time.perf_counter()
    for path in files:
        name = str(path.relative_to(SUITE))  # type: ignore[arg-type]
        try:
            code, findings = check_in_process(path)
            assert code in (0, 1, 2), code
            assert all(f["message"] for f in findings)
            check_codes[code] += 1
            outcome = open_edit_render(path)
            # `smplan check` and the app agree on what cannot be opened.
            assert (outcome == "parse") == (code == 2), (outcome, code)
            outcomes[outcome] += 1
        except BaseException:  # every failure is collected and reported below
            crashes.append(f"{name}:\n{traceback.format_exc()}")
    seconds = time.perf_counter() - started
    print(
        f"\nconformance suite: {len(files)} files tried in {seconds:.1f}s; "
        f"parse findings {outcomes['parse']}, schema findings {outcomes['schema']}, "
        f"clean opens {outcomes['clean']}; check exit codes {dict(sorted(check_codes.items()))}"
    )
    assert not crashes, f"{len(crashes)} crashes:\n" + "\n".join(crashes[:5])
    assert outcomes["parse"] > 300 and outcomes["schema"] > 200


def test_check_in_a_real_process_on_a_sample_of_the_suite() -> None:
    files = suite_files()
    wanted = ("encoding", "control", "bom", "crlf", "spec-example", "nest", "unicode")
    sample = sorted(
        set(files[::20])
        | {f for f in files if any(w in f.name or w in str(f.parent) for w in wanted)}
    )
    result = run_cli("check", "--json", *sample)
    print(f"\nsmplan check in a subprocess: {len(sample)} suite files, exit {result.returncode}")
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 2  # some of them are not TOML at all
    findings = json.loads(result.stdout)
    files_named = {f["file"] for f in findings}
    assert files_named == {str(p) for p in sample}
    # One unreadable file at a time, human output: one line, no traceback.
    broken = SUITE / "tests" / "invalid" / "encoding" / "bad-utf8-in-string.toml"  # type: ignore[operator]
    result = run_cli("check", broken)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "not-utf8" in result.stdout and "\x1b" not in result.stdout


REPRESENTATIVE = {
    "invalid/encoding/bad-utf8-in-string.toml": OpenErrorScreen,
    "invalid/control/bare-null.toml": OpenErrorScreen,
    "valid/spec-example-1.toml": MainScreen,
    "valid/string/escapes.toml": MainScreen,
}


@pytest.mark.parametrize("name", sorted(REPRESENTATIVE))
async def test_the_app_opens_representative_suite_files(name: str) -> None:
    suite_files()
    path = SUITE / "tests" / name  # type: ignore[operator]
    plan_file, error = open_plan(path, None)
    app = SmplanApp(path, plan_file, error)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, REPRESENTATIVE[name])
        if isinstance(app.screen, OpenErrorScreen):
            await pilot.press("q")
            await pilot.pause()
            assert app.return_value == 2
        else:
            await pilot.press("4")
            await pilot.pause()
            assert "\x1b" not in screen_text(app)


# -- huge, deep and binary files -------------------------------------------


def _deep(kind: str, depth: int) -> str:
    if kind == "array":
        return MINIMAL + f"\nx = {'[' * depth}{']' * depth}\n"
    if kind == "inline":
        return MINIMAL + f"\nx = {'{a=' * depth}1{'}' * depth}\n"
    if kind == "header":
        return MINIMAL + f"\n[{'.'.join(['a'] * depth)}]\nb = 1\n"
    # Nested inside [plan]: the table a title edit touches.
    return MINIMAL.replace("[plan]\n", f"[plan]\nnotes = {'[' * depth}{']' * depth}\n")


@pytest.mark.parametrize("kind", ["array", "inline", "header", "in-plan"])
@pytest.mark.parametrize("depth", [50, 150, 400, 990, 5000, 100_000])
def test_deeply_nested_plans_open_or_are_refused_cleanly(
    tmp_path: Path, kind: str, depth: int
) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(_deep(kind, depth))
    outcome = open_edit_render(path)
    code, findings = check_in_process(path)
    assert (outcome == "parse") == (code == 2)
    if outcome == "parse":
        assert findings[0]["code"] == "toml-syntax"


def test_a_one_megabyte_title_opens_saves_and_rereads(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text(MINIMAL.replace('title = "', 'title = "' + "x" * 1_000_000))
    assert open_edit_render(path) == "schema"
    plan_file = PlanFile.open(path)
    assert len(plan_file.plan.plan.title or "") > 1_000_000
    plan_file.plan.plan.owner = "mia"
    plan_file.save()
    assert len(tomllib.loads(path.read_text())["plan"]["title"]) > 1_000_000


@pytest.mark.parametrize("kind", ["calendar", "comments"])
def test_a_ten_megabyte_plan_is_checked_in_bounded_time(tmp_path: Path, kind: str) -> None:
    item = (
        '\n[[calendar]]\ndate = 2027-01-05\nnetwork = "instagram"\nformat = "reel"\n'
        'title = "Post number {} about bread"\nstatus = "idea"\n'
    )
    if kind == "calendar":
        body = "".join(item.format(i) for i in range(10_000_000 // len(item)))
    else:
        body = ("# " + "c" * 98 + "\n") * 100_000
    path = tmp_path / "ten.toml"
    path.write_text(MINIMAL + body)
    started = time.perf_counter()
    # The timeout is a hang guard, not a speed target (benchmarks/ measures speed).
    result = run_cli("check", path)
    seconds = time.perf_counter() - started
    print(f"\nsmplan check on a {path.stat().st_size / 1e6:.1f} MB {kind} plan: {seconds:.1f}s")
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b'schema = 1\n[plan]\ntitle = "caf\xe9"\n', "not-utf8"),
        (b'schema = 1\n[plan]\ntitle = "a\x00b"\n', "binary"),
        (b"\xff\xfe" + "schema = 1\n".encode("utf-16-le"), "binary"),
        (b'schema = 1\n[plan]\ntitle = "a\x1b[31mb"\n', "toml-syntax"),
        (b"\x00" * 4096, "binary"),
        (b"   \n\t\n", "empty"),
    ],
)
def test_binary_and_raw_control_bytes_are_parse_findings(
    tmp_path: Path, data: bytes, code: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(data)
    assert open_edit_render(path) == "parse"
    exit_code, findings = check_in_process(path)
    assert exit_code == 2 and findings[0]["code"] == code


# -- terminal escapes in fields ----------------------------------------------

ESCAPES = "A\x1b]2;PWNED\x07B\x1b[31mRED\x00NUL\x08BS\x1b[2JCLR\x9bC1"


def escape_plan(tmp_path: Path) -> Path:
    text = MINIMAL.replace(
        'title = "Corner Bakery: first social media plan"',
        'title = "A\\u001b]2;PWNED\\u0007B\\u001b[31mRED\\u0000NUL\\bBS\\u001b[2JCLR\\u009bC1"',
    ).replace("[plan]\n", '[plan]\n"key\\u001b[5m" = 1\n')
    path = tmp_path / "escapes.toml"
    path.write_text(text)
    return path


def screen_text(app: SmplanApp) -> str:
    """Every character the screen would send to the terminal, without the styling."""
    update = app.screen._compositor.render_full_update()
    return "\n".join("".join(strip.text for strip in line) for line in update.strips)


async def test_escapes_in_fields_show_as_symbols_and_save_as_toml_1_0(tmp_path: Path) -> None:
    path = escape_plan(tmp_path)
    plan_file = PlanFile.open(path)
    assert plan_file.plan.plan.title == ESCAPES
    app = SmplanApp(path, plan_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("0")
        await pilot.pause()
        shown = screen_text(app)
        assert "\x1b" not in shown and "\x00" not in shown and "\x07" not in shown
        assert "A␛]2;PWNED␇B␛[31mRED␀NUL␈BS␛[2JCLR" in shown
        title_row = next(r for r in app.screen.query(FieldRow) if r.spec.name == "title")
        editor = title_row.editor
        assert isinstance(editor, Input) and "␛" in editor.value
        # Showing the value did not change it: nothing to save yet.
        assert app.plan.plan.title == ESCAPES and not app.session.dirty
        owner_row = next(r for r in app.screen.query(FieldRow) if r.spec.name == "organization")
        owner_row.editor.focus()
        await pilot.press(*"Bakery")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.action_problems()
        await pilot.pause()
        assert "\x1b" not in screen_text(app)
    text = path.read_text()
    assert "\\e" not in text
    saved = tomllib.loads(text)
    assert saved["plan"]["title"] == ESCAPES
    assert saved["plan"]["organization"] == "Bakery"


def test_a_new_escape_value_is_written_as_unicode_escapes(tmp_path: Path) -> None:
    path = escape_plan(tmp_path)
    plan_file = PlanFile.open(path)
    plan_file.plan.plan.owner = "x\x1by\x7fz\x00"
    plan_file.save()
    text = path.read_text()
    assert '"x\\u001by\\u007fz\\u0000"' in text and "\\e" not in text
    assert tomllib.loads(text)["plan"]["owner"] == "x\x1by\x7fz\x00"


def test_check_prints_escapes_in_keys_as_symbols(tmp_path: Path) -> None:
    result = run_cli("check", escape_plan(tmp_path))
    assert "Traceback" not in result.stderr
    assert "key␛[5m" in result.stdout
    assert "\x1b" not in result.stdout + result.stderr
