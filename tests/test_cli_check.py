"""`smplan check`, `smplan new` and the top-level options, run as real processes."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from smplan.cli import main
from tests.conftest import FIXTURES, plan_files
from tests.export_plan import PLAN_TOML
from tests.helpers import run_cli


def assert_clean_failure(result, code: int) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("plan", plan_files(), ids=lambda p: p.name)
def test_check_passes_on_every_shipped_plan(plan: Path) -> None:
    result = run_cli("check", plan)
    assert_clean_failure(result, 0)
    assert " error " not in result.stdout


def test_dangling_reference_exits_1_and_names_the_line(tmp_path: Path) -> None:
    text = (FIXTURES / "commented.toml").read_text(encoding="utf-8")
    text = text.replace(
        'owner = "ana"\npersonas = ["maria"]', 'owner = "bob"\npersonas = ["maria"]'
    )
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    line = text.splitlines().index('owner = "bob"') + 1
    result = run_cli("check", plan)
    assert_clean_failure(result, 1)
    assert f"{plan}:{line}: error dangling-reference:" in result.stdout
    assert '"bob"' in result.stdout and '"ana"' in result.stdout


def test_not_toml_exits_2_with_line_and_column(tmp_path: Path) -> None:
    plan = tmp_path / "broken.toml"
    plan.write_text('schema = 1\n[plan]\ntitle = "unterminated\n', encoding="utf-8")
    result = run_cli("check", plan)
    assert_clean_failure(result, 2)
    assert f"{plan}:3:" in result.stdout
    assert "toml-syntax" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.toml", b"", "empty"),
        ("blank.toml", b"  \n\n", "empty"),
        ("binary.toml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.toml", 'title = "caf\xe9"\n'.encode("latin-1"), "UTF-8"),
    ],
)
def test_unreadable_files_exit_2_with_one_clear_line(
    tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    plan = tmp_path / name
    plan.write_bytes(content)
    result = run_cli("check", plan)
    assert_clean_failure(result, 2)
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(str(plan))
    assert words in lines[0]


def test_missing_file_and_folder_exit_2(tmp_path: Path) -> None:
    for path, words in ((tmp_path / "nope.toml", "no such file"), (tmp_path, "folder")):
        result = run_cli("check", path)
        assert_clean_failure(result, 2)
        assert words in result.stdout


def test_several_plans_in_one_run_and_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\n[plan]\ntitle = "x"\n[[goals]]\nid = "Bad Id"\n', encoding="utf-8")
    good = FIXTURES / "commented.toml"
    result = run_cli("check", good, bad, "--json")
    assert_clean_failure(result, 1)
    findings = json.loads(result.stdout)
    assert {f["file"] for f in findings if f["level"] == "error"} == {str(bad)}
    bad_id = next(f for f in findings if f["code"] == "bad-id")
    assert bad_id == {
        "file": str(bad),
        "line": 5,
        "column": None,
        "path": "goals[0].id",
        "level": "error",
        "code": "bad-id",
        "message": bad_id["message"],
        "subject": "Bad Id",
    }
    assert '"bad-id"' in bad_id["message"] or "Bad Id" in bad_id["message"]


def test_strict_counts_warnings(tmp_path: Path) -> None:
    plan = tmp_path / "warn.toml"
    plan.write_text(
        'schema = 1\n[plan]\ntitle = "x"\n[[personas]]\nid = "rina"\nname = "Rina"\n',
        encoding="utf-8",
    )
    relaxed = run_cli("check", plan)
    strict = run_cli("check", "--strict", plan)
    assert_clean_failure(relaxed, 0)
    assert "warning persona-no-sources" in relaxed.stdout
    assert_clean_failure(strict, 1)
    assert "error persona-no-sources" in strict.stdout


def test_type_errors_name_key_path_and_line(tmp_path: Path) -> None:
    plan = tmp_path / "types.toml"
    plan.write_text(
        'schema = 1\n[plan]\ntitle = "x"\nperiod_start = "2027-01-01"\n'
        '[[goals]]\nid = "a"\ntarget = "18000"\n',
        encoding="utf-8",
    )
    result = run_cli("check", plan)
    assert_clean_failure(result, 1)
    assert f"{plan}:4: error bad-date:" in result.stdout
    assert "[plan.period_start]" in result.stdout
    assert f"{plan}:7: error wrong-type:" in result.stdout
    assert "[goals[0].target]" in result.stdout


def test_new_writes_a_starter_plan_that_checks_clean(tmp_path: Path) -> None:
    plan = tmp_path / "mine.toml"
    result = run_cli("new", plan, "--title", 'Kopi "2027"')
    assert_clean_failure(result, 0)
    data = tomllib.loads(plan.read_text(encoding="utf-8"))
    assert data["plan"]["title"] == 'Kopi "2027"'
    assert data["plan"]["language"] == "en"
    assert "# Step 1:" in plan.read_text(encoding="utf-8")
    assert_clean_failure(run_cli("check", plan), 0)


def test_new_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    plan = tmp_path / "mine.toml"
    plan.write_text("keep me", encoding="utf-8")
    result = run_cli("new", plan)
    assert_clean_failure(result, 2)
    assert plan.read_text(encoding="utf-8") == "keep me"
    assert "--force" in result.stderr
    assert_clean_failure(run_cli("new", plan, "--force", "--lang", "id"), 0)
    text = plan.read_text(encoding="utf-8")
    assert 'language = "id"' in text
    assert "# Langkah 1:" in text


def test_version_and_help() -> None:
    version = run_cli("--version")
    assert_clean_failure(version, 0)
    assert version.stdout.startswith("smplan ")
    helptext = run_cli("--help")
    assert_clean_failure(helptext, 0)
    for word in ("smplan new", "smplan check", "smplan export"):
        assert word in helptext.stdout


def test_check_warns_about_a_persona_photo_that_is_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN_TOML, encoding="utf-8")
    main(["check", str(plan)])
    out = capsys.readouterr().out
    assert (
        'warning photo-missing: the photo "personas/ana.jpg" of persona "Ana, office worker"' in out
    )
    assert "[personas[0].photo]" in out
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "ana.jpg").write_bytes(b"jpeg")
    main(["check", str(plan)])
    assert "photo-missing" not in capsys.readouterr().out


def test_check_loads_neither_the_interface_nor_the_editing_modules(tmp_path: Path) -> None:
    """`smplan check` is a whole process each time: what it imports is its start-up.

    Textual, the app, tomlkit and the segment editor (only edits go through
    them; the check numbers its lines from the table headers), the goal form's
    statement drafter and the export are for other commands; a check that loaded
    them would be slower for nothing.
    """
    plan = tmp_path / "plan.toml"
    plan.write_text((FIXTURES / "commented.toml").read_text(encoding="utf-8"), encoding="utf-8")
    loaded = tmp_path / "modules.txt"
    script = (
        "import sys\n"
        "from smplan.cli import main\n"
        f"code = main(['check', {str(plan)!r}])\n"
        f"open({str(loaded)!r}, 'w').write('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    modules = set(loaded.read_text().splitlines())
    assert "smplan.checks" in modules and "smplan.store" in modules  # it did check
    unwanted_modules = (
        "textual",
        "smplan.tui",
        "tomlkit",
        "smplan.store.document",
        "smplan.checks.smart.draft",
        "smplan.checks.smart.fill",
        "smplan.export",
        "markdown_it",
    )
    for unwanted in unwanted_modules:
        assert unwanted not in modules, unwanted
