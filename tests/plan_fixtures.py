"""Plans kept as files in ``tests/fixtures/``: read one, or copy one to work on.

Realistic plans live there as ``.toml`` files named for what they hold, so a
reader can open one beside the test (line numbers in findings match the file).
Short snippets that are the point of a test stay inline in the test.
"""

from __future__ import annotations

import importlib.util
import shutil
import tomllib
from pathlib import Path

from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent

#: The title of ``commented.toml``, the hand-written plan with comments.
TITLE = "Northwind: community plan"


def fixture_path(name: str) -> Path:
    path = FIXTURES / name
    assert path.is_file(), f"no fixture {name} in {FIXTURES}"
    return path


def fixture_text(name: str) -> str:
    """The text of the fixture ``name`` (``tests/fixtures/<name>``), as written."""
    return fixture_path(name).read_text(encoding="utf-8")


def copy_fixture(folder: Path, name: str, target: str = "plan.toml") -> Path:
    """A copy of the fixture ``name`` in ``folder``, called ``target``, byte for byte."""
    path = folder / target
    shutil.copyfile(fixture_path(name), path)
    return path


def copy_plan(folder: Path, name: str = "plan.toml") -> Path:
    """A realistic plan (with comments, ``commented.toml``) to work on, in ``folder``."""
    return copy_fixture(folder, "commented.toml", name)


def title_in(path: Path) -> str:
    """The plan title in the file on disk."""
    return str(tomllib.loads(path.read_text(encoding="utf-8"))["plan"]["title"])


def year_plan(folder: Path, items: int) -> Path:
    """The benchmarks' generated year plan with ``items`` calendar items, in ``folder``."""
    spec = importlib.util.spec_from_file_location(
        "generate_year_plan", ROOT / "benchmarks" / "generate_year_plan.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = folder / "year.toml"
    path.write_text(module.generate(items=items), encoding="utf-8")
    return path
