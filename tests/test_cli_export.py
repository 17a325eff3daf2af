"""`smplan export`: two runs as real processes, the rest in-process through cli.main."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from smplan.cli import main
from smplan.export import export_markdown
from smplan.store import PlanFile
from tests.conftest import SAMPLES
from tests.helpers import run_cli
from tests.markdown_render import headings


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "kopi.toml"
    shutil.copyfile(SAMPLES / "kopi-nusantara.toml", target)
    return target


def expected(path: Path, flavor: str = "github", lang: str | None = None) -> str:
    return export_markdown(PlanFile.open(path).plan, flavor, lang)


def test_default_writes_the_md_beside_the_plan_in_a_real_process(plan: Path) -> None:
    result = run_cli("export", plan)
    assert result.returncode == 0, result.stderr
    written = plan.with_suffix(".md")
    assert written.read_text(encoding="utf-8") == expected(plan)
    assert str(written) in result.stdout
    assert "Traceback" not in result.stderr


def test_stdout_is_the_export_whatever_the_hash_seed(plan: Path) -> None:
    outputs = {
        run_cli("export", plan, "-o", "-", "--flavor", "azure", env={"PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert outputs == {expected(plan, "azure")}
    assert not plan.with_suffix(".md").exists()


def test_dash_o_dash_prints_only_markdown(
    plan: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["export", str(plan), "-o", "-", "--flavor", "plain"]) == 0
    out = capsysbinary.readouterr()
    assert out.out.decode("utf-8") == expected(plan, "plain")
    assert out.err == b""


def test_dash_o_file_writes_there(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "wiki" / "Plan.md"
    target.parent.mkdir()
    assert main(["export", str(plan), "-o", str(target), "--flavor", "obsidian"]) == 0
    assert target.read_text(encoding="utf-8") == expected(plan, "obsidian")
    assert str(target) in capsys.readouterr().out
    assert not plan.with_suffix(".md").exists()


def test_the_plans_own_flavor_is_the_default(tmp_path: Path) -> None:
    northwind = tmp_path / "northwind.toml"
    shutil.copyfile(SAMPLES / "northwind-nonprofit.toml", northwind)
    assert PlanFile.open(northwind).plan.export.flavor == "gitlab"
    assert main(["export", str(northwind)]) == 0
    assert northwind.with_suffix(".md").read_text(encoding="utf-8") == expected(northwind, "gitlab")


def test_lang_chooses_the_language_of_the_export(plan: Path) -> None:
    assert main(["export", str(plan), "--lang", "en"]) == 0
    text = plan.with_suffix(".md").read_text(encoding="utf-8")
    assert "Content calendar" in headings(text, 2)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('schema = 1\n[plan]\ntitle = "unterminated\n', "TOML"),
        (b"\x00\x01binary", "binary"),
        ("schema = 99\n[plan]\ntitle = 'x'\n", "newer smplan"),
    ],
)
def test_a_plan_that_cannot_be_exported_exits_1_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, words: str
) -> None:
    bad = tmp_path / "bad.toml"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    assert main(["export", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"smplan: {bad}") and words in err
    assert "Traceback" not in err
    assert not bad.with_suffix(".md").exists()


def test_a_missing_plan_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "nope.toml")]) == 1
    assert "smplan new" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_exits_1_and_says_what_to_do(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert main(["export", str(plan), "-o", str(locked / "plan.md")]) == 1
    finally:
        locked.chmod(0o700)
    err = capsys.readouterr().err
    assert f"smplan: {locked / 'plan.md'}: " in err and "-o" in err


def test_a_refused_write_exits_1_and_says_what_to_do(
    plan: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same as an unwritable folder, for a test run as root (root may write anywhere)."""

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied", str(args[-2]))

    monkeypatch.setattr("smplan.export.write.write_atomic", refuse)
    monkeypatch.setattr("smplan.export.write.write_companion", refuse)
    assert main(["export", str(plan), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"smplan: {plan.with_suffix('.md')}: cannot write")
    assert "Permission denied" in err and "permissions" in err
    assert not plan.with_suffix(".md").exists()


def test_writing_where_no_folder_exists_exits_1(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "plan.md"
    assert main(["export", str(plan), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"smplan: {target}: ") and "Traceback" not in err
    assert not target.exists()


def test_writing_over_a_folder_or_the_plan_itself_is_refused(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = plan.read_bytes()
    assert main(["export", str(plan), "-o", str(plan), "--lang", "en"]) == 1
    assert plan.read_bytes() == before
    assert main(["export", str(plan), "-o", str(tmp_path), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "overwrite the plan" in err and "folder" in err


def test_an_unknown_flavor_is_a_usage_error(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["export", str(plan), "--flavor", "confluence"])
    assert stopped.value.code == 2
    assert "confluence" in capsys.readouterr().err


def test_no_plan_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["export"])
    assert stopped.value.code == 2


@pytest.fixture
def usual_umask() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mode & 0o777 for p in sorted(folder.rglob("*"))}


@pytest.mark.usefixtures("usual_umask")
def test_the_export_is_no_more_readable_than_the_plan(plan: Path, tmp_path: Path) -> None:
    """A private plan's export, single file or pages, in any folder, is private too."""
    plan.chmod(0o600)
    assert main(["export", str(plan)]) == 0
    assert plan.with_suffix(".md").stat().st_mode & 0o777 == 0o600
    elsewhere = tmp_path / "wiki"
    elsewhere.mkdir()
    assert main(["export", str(plan), "-o", str(elsewhere / "Plan.md")]) == 0
    assert (elsewhere / "Plan.md").stat().st_mode & 0o777 == 0o600
    # The after-save export of the app goes the same way.
    (plan.with_suffix(".md")).unlink()
    from smplan.export import write_export

    assert write_export(PlanFile.open(plan)) == plan.with_suffix(".md")
    assert plan.with_suffix(".md").stat().st_mode & 0o777 == 0o600
    # --split: new folders (the missing parent too) and every page, .order included.
    pages = tmp_path / "out" / "pages"
    assert main(["export", str(plan), "--split", str(pages), "--flavor", "azure"]) == 0
    modes = _modes(tmp_path / "out")
    assert "pages/.order" in modes and [p for p in pages.iterdir() if p.is_dir()]  # a month folder
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o700
    assert {mode for name, mode in modes.items() if (tmp_path / "out" / name).is_dir()} == {0o700}
    assert {mode for name, mode in modes.items() if (tmp_path / "out" / name).is_file()} == {0o600}
    # A plan the group and others may read gives pages they may read.
    plan.chmod(0o644)
    shared = tmp_path / "shared"
    assert main(["export", str(plan), "--split", str(shared), "--flavor", "azure"]) == 0
    modes = _modes(shared)
    assert shared.stat().st_mode & 0o777 == 0o755
    assert {mode for name, mode in modes.items() if (shared / name).is_dir()} == {0o755}
    assert {mode for name, mode in modes.items() if (shared / name).is_file()} == {0o644}


def _other_group() -> int:
    """A group id this process may give files (root may give any); skip where there is none."""
    mine = os.getgid()
    if os.geteuid() == 0:
        return mine + 4242
    others = [g for g in os.getgroups() if g != mine]
    if not others:
        pytest.skip("this user belongs to no second group to give the plan")
    return others[0]


@pytest.mark.usefixtures("usual_umask")
def test_split_folders_get_the_plans_group_and_mode(plan: Path, tmp_path: Path) -> None:
    """A plan its group may read gives folders of that group, open to it and no one else."""
    group = _other_group()
    os.chown(plan, -1, group)
    plan.chmod(0o640)
    pages = tmp_path / "out" / "pages"
    assert main(["export", str(plan), "--split", str(pages), "--flavor", "azure"]) == 0
    folders = [tmp_path / "out", pages, *(p for p in pages.rglob("*") if p.is_dir())]
    assert len(folders) >= 3  # the missing parent, the folder, a month folder
    for folder in folders:
        info = folder.stat()
        assert (info.st_gid, info.st_mode & 0o777) == (group, 0o750), folder
    # The pages in them are the plan's too: the group that may open the folders reads them.
    written = [p for p in pages.rglob("*") if p.is_file()]
    assert len(written) >= 3
    for page in written:
        info = page.stat()
        assert (info.st_gid, info.st_mode & 0o777) == (group, 0o640), page
    # A folder that was there already keeps its group and mode.
    kept = tmp_path / "kept"
    kept.mkdir(mode=0o711)
    kept.chmod(0o711)
    assert main(["export", str(plan), "--split", str(kept), "--flavor", "azure"]) == 0
    assert (kept.stat().st_gid, kept.stat().st_mode & 0o777) == (os.getgid(), 0o711)


@pytest.mark.usefixtures("usual_umask")
def test_a_split_folder_whose_group_cannot_be_given_is_closed_to_groups(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the plan's group, the folder's group is some other one: it gets no group bits."""
    group = _other_group()
    os.chown(plan, -1, group)
    plan.chmod(0o644)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", refuse)
    shared = tmp_path / "shared"
    assert main(["export", str(plan), "--split", str(shared), "--flavor", "azure"]) == 0
    for folder in [shared, *(p for p in shared.rglob("*") if p.is_dir())]:
        info = folder.stat()
        assert info.st_gid != group
        assert info.st_mode & 0o777 == 0o705, folder
