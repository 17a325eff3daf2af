"""Which language smplan speaks: --lang, the plan, the settings file, then the locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from smplan.cli import main
from smplan.i18n import Lang, choose_language, language_from_environment, language_of_locale


@pytest.mark.parametrize(
    ("cli", "plan", "config", "env", "expected"),
    [
        ("en", "id", "id", {"LANG": "id_ID.UTF-8"}, "en"),
        ("id", "en", "en", {"LANG": "en_US.UTF-8"}, "id"),
        (None, "id", "en", {"LANG": "en_US.UTF-8"}, "id"),
        (None, "en", "id", {"LANG": "id_ID.UTF-8"}, "en"),
        (None, None, "id", {"LANG": "en_US.UTF-8"}, "id"),
        (None, None, "en", {"LANG": "id_ID.UTF-8"}, "en"),
        (None, None, None, {"LANG": "id_ID.UTF-8"}, "id"),
        (None, None, None, {"LANG": "en_GB.UTF-8"}, "en"),
        (None, None, None, {}, "en"),
        # A value smplan does not speak is passed over, not obeyed.
        ("fr", None, None, {"LANG": "id_ID.UTF-8"}, "id"),
        (None, None, "klingon", {"LANG": "id_ID.UTF-8"}, "id"),
        (None, None, " ID ", {}, "id"),
        ("", "", "", {"LANG": "id_ID"}, "id"),
    ],
)
def test_choose_language(
    cli: str | None, plan: str | None, config: str | None, env: dict[str, str], expected: Lang
) -> None:
    assert choose_language(cli, plan, config, env) == expected


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "id_ID"}, "id"),
        ({"LANG": "id"}, "id"),
        ({"LANG": "in_ID.UTF-8"}, "id"),  # the old ISO code, still seen
        ({"LANG": "id_ID@euro"}, "id"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "ind"}, "en"),
        # POSIX order: LC_ALL over LC_MESSAGES over LANG.
        ({"LC_ALL": "id_ID.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"}, "id"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "id_ID", "LANG": "id_ID"}, "en"),
        ({"LC_MESSAGES": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, "id"),
        ({"LC_ALL": "", "LANG": "id_ID.UTF-8"}, "id"),  # empty means unset
        ({}, None),
        ({"LC_ALL": "  "}, None),
    ],
)
def test_language_from_environment(env: dict[str, str], expected: Lang | None) -> None:
    assert language_from_environment(env) == expected


def test_language_of_locale_reads_only_the_language_part() -> None:
    assert language_of_locale("id-ID") == "id"
    assert language_of_locale("IDENTITY") == "en"


def test_the_process_environment_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert choose_language(None, None, None) == "id"
    monkeypatch.setenv("LC_ALL", "C")
    assert choose_language(None, None, None) == "en"


# -- the command line -------------------------------------------------------

PLAN_ID = """schema = 1

[plan]
title = "Rencana Kopi"
language = "id"
period_start = 2027-01-01
period_end = 2026-12-31
"""
PLAN_EN = PLAN_ID.replace('language = "id"', 'language = "en"')
PLAN_NONE = PLAN_ID.replace('language = "id"\n', "")
BAD_PERIOD_ID = "periode rencana berakhir (31 Desember 2026) sebelum dimulai (1 Januari 2027)"
BAD_PERIOD_EN = "the plan period ends (31 December 2026) before it starts (1 January 2027)"


def _settings(language: str) -> None:
    import os

    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "smplan"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(f'language = "{language}"\n', encoding="utf-8")


def _check(tmp_path: Path, text: str, *args: str) -> str:
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    assert main(["check", str(plan), *args]) == 1
    return plan.name


def test_check_speaks_the_plan_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check(tmp_path, PLAN_ID)
    assert BAD_PERIOD_ID in capsys.readouterr().out


def test_lang_option_overrides_the_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check(tmp_path, PLAN_ID, "--lang", "en")
    assert BAD_PERIOD_EN in capsys.readouterr().out
    _check(tmp_path, PLAN_EN, "--lang=id")
    assert BAD_PERIOD_ID in capsys.readouterr().out


def test_the_plan_overrides_settings_and_locale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _settings("id")
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    _check(tmp_path, PLAN_EN)
    captured = capsys.readouterr()
    assert BAD_PERIOD_EN in captured.out
    assert "1 error(s), 0 warning(s) in 1 file(s)" in captured.err


def test_the_summary_follows_the_plans_when_they_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english, indonesian = tmp_path / "en.toml", tmp_path / "id.toml"
    english.write_text(PLAN_EN, encoding="utf-8")
    indonesian.write_text(PLAN_ID, encoding="utf-8")
    assert main(["check", str(indonesian)]) == 1
    assert "1 kesalahan, 0 peringatan dalam 1 berkas" in capsys.readouterr().err
    # Plans in two languages: the summary is in the interface language.
    _settings("id")
    assert main(["check", str(indonesian), str(english)]) == 1
    captured = capsys.readouterr()
    assert BAD_PERIOD_EN in captured.out and BAD_PERIOD_ID in captured.out
    assert "2 kesalahan, 0 peringatan dalam 2 berkas" in captured.err


def test_settings_then_locale_when_the_plan_says_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    _check(tmp_path, PLAN_NONE)
    assert BAD_PERIOD_ID in capsys.readouterr().out
    _settings("en")
    _check(tmp_path, PLAN_NONE)
    assert BAD_PERIOD_EN in capsys.readouterr().out


def test_reading_findings_follow_the_plan_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The wrong type is found while reading, before the plan's language is known.
    _check(tmp_path, PLAN_ID + '\n[resources]\nbudget = "60000000"\n')
    out = capsys.readouterr().out
    assert "harus berupa angka, tetapi tertulis teks dalam tanda kutip" in out


def test_new_follows_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _settings("id")
    target = tmp_path / "rencana.toml"
    assert main(["new", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "# Langkah 1: audit, posisi kita hari ini" in text
    assert 'language = "id"' in text
    assert "sudah ditulis" in capsys.readouterr().out
    english = tmp_path / "plan.toml"
    assert main(["new", str(english), "--lang", "en"]) == 0
    assert "# Step 1: audit, where we stand today" in english.read_text(encoding="utf-8")


def test_help_is_indonesian_throughout(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--lang", "id", "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("penggunaan: smplan")
    assert "argumen posisi:" in out
    assert "opsi:" in out
    assert "tampilkan bantuan ini lalu keluar" in out
    assert "tampilkan versi smplan lalu keluar" in out
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in out


def test_argument_errors_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "--lang", "id"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "smplan check: kesalahan: argumen berikut wajib diisi: paths" in err


def test_argparse_is_left_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    with pytest.raises(SystemExit):
        main(["--lang", "id", "--help"])
    capsys.readouterr()
    parser = argparse.ArgumentParser(prog="other")
    assert parser.format_usage().startswith("usage: other")


def test_a_broken_settings_file_is_one_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "smplan"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('language = "id\n', encoding="utf-8")
    assert main(["new", str(tmp_path / "p.toml")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"smplan: {folder / 'config.toml'}: warning: line 1: not valid TOML")
