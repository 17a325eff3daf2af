"""The user's settings file: read safely, every problem one line, never a crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smplan.config import Config, config_path, load_config, parse_config


def _write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "config.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_where_the_settings_live() -> None:
    assert config_path({"XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/dewi"}) == Path(
        "/x/cfg/smplan/config.toml"
    )
    # Unset, empty or relative XDG_CONFIG_HOME means ~/.config, as the XDG spec says.
    for env in ({"HOME": "/home/dewi"}, {"XDG_CONFIG_HOME": "", "HOME": "/home/dewi"}):
        assert config_path(env) == Path("/home/dewi/.config/smplan/config.toml")
    relative = {"XDG_CONFIG_HOME": "cfg", "HOME": "/home/dewi"}
    assert config_path(relative) == Path("/home/dewi/.config/smplan/config.toml")


def test_the_default_path_comes_from_the_environment() -> None:
    expected = Path(os.environ["XDG_CONFIG_HOME"]) / "smplan" / "config.toml"
    assert load_config().path == expected


def test_a_missing_file_is_the_normal_case(tmp_path: Path) -> None:
    config = load_config(tmp_path / "none.toml")
    assert config == Config(tmp_path / "none.toml")
    assert config.warnings() == []


def test_language_and_keys(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """# my settings
language = "id"

[keys]
save = "ctrl+s"
help = ["f1", "ctrl+question_mark"]
"quit" = " ctrl+q "
""",
    )
    config = load_config(path)
    assert config.language == "id"
    assert config.keys == {"save": "ctrl+s", "help": "f1,ctrl+question_mark", "quit": "ctrl+q"}
    assert config.problems == ()


@pytest.mark.parametrize(
    ("content", "msg_id", "english"),
    [
        (
            'language = "fr"\n',
            "config.language",
            "language = 'fr' is not a language smplan speaks",
        ),
        ("language = 3\n", "config.language", "language = 3 is not"),
        ('keys = "ctrl+s"\n', "config.keys-table", "[keys] must be a table"),
        ("[keys]\nsave = 5\n", "config.key-value", "keys.save must be a key"),
        ('[keys]\nsave = ""\n', "config.key-value", "keys.save must be a key"),
        ("[keys]\nsave = []\n", "config.key-value", "keys.save must be a key"),
        ('langauge = "id"\n', "config.unknown", "smplan has no setting `langauge`"),
        ('language = "id\n', "config.toml-syntax", "line 1: not valid TOML ("),
        (b"language = '\xff'\n", "config.not-utf8", "not UTF-8"),
        ("[" * 100_000, "config.too-deep", None),
    ],
)
def test_each_problem_is_one_line_and_the_rest_still_counts(
    tmp_path: Path, content: str | bytes, msg_id: str, english: str | None
) -> None:
    path = _write(tmp_path, content)
    config = load_config(path)
    if msg_id == "config.too-deep":
        # tomli may report the nesting as a syntax error or run out of recursion.
        assert config.problems[0].msg_id in ("config.too-deep", "config.toml-syntax")
    else:
        assert [p.msg_id for p in config.problems] == [msg_id]
    lines = config.warnings("en")
    assert len(lines) == 1 and "\n" not in lines[0]
    assert lines[0].startswith(f"smplan: {path}: warning: ")
    if english is not None:
        assert english in lines[0]
    assert config.warnings("id")[0].startswith(f"smplan: {path}: peringatan: ")


def test_a_bad_value_does_not_spoil_the_good_ones(tmp_path: Path) -> None:
    path = _write(tmp_path, 'language = "id"\ncolour = "red"\n[keys]\nsave = 1\nquit = "ctrl+q"\n')
    config = load_config(path)
    assert config.language == "id"
    assert config.keys == {"quit": "ctrl+q"}
    assert sorted(p.msg_id for p in config.problems) == ["config.key-value", "config.unknown"]


def test_unreadable_files(tmp_path: Path) -> None:
    folder = tmp_path / "config.toml"
    folder.mkdir()
    assert [p.msg_id for p in load_config(folder).problems] == ["config.is-folder"]
    other = tmp_path / "other"
    other.mkdir()
    big = _write(other, "# " + "x" * (1024 * 1024))
    assert [p.msg_id for p in load_config(big).problems] == ["config.too-large"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_a_file_we_may_not_read(tmp_path: Path) -> None:
    path = _write(tmp_path, 'language = "id"\n')
    path.chmod(0)
    config = load_config(path)
    assert [p.msg_id for p in config.problems] == ["config.unreadable"]
    assert config.language is None


def test_parse_config_takes_data_already_read() -> None:
    config = parse_config({"language": "EN", "keys": {"save": "f2"}})
    assert config.language == "en"
    assert config.keys == {"save": "f2"}
