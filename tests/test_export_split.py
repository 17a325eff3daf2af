"""`smplan export --split DIR`: pages that fit wikis, linked under each wiki's rules."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import deque
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote

import pytest

from smplan.cli import main
from smplan.export import SIZE_LIMIT, export_markdown, write_split
from smplan.i18n import t
from smplan.model import Plan
from smplan.store import PlanFile
from tests.conftest import ROOT, SAMPLES
from tests.gfm_render import gfm_html, tables

_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_year_plan", ROOT / "benchmarks" / "generate_year_plan.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def year_plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, Path]:
    folder = tmp_path_factory.mktemp("year")
    path = folder / "year.toml"
    path.write_text(_generator().generate(), encoding="utf-8")
    return PlanFile.open(path).plan, path


def _follow(folder: Path, start: Path, wiki: bool) -> set[Path]:
    """Every page reached from ``start`` by its links; fails on a link that goes nowhere."""
    seen = {start}
    queue = deque([start])
    while queue:
        page = queue.popleft()
        for target in _LINK.findall(page.read_text(encoding="utf-8")):
            if target.startswith(("#", "http")):
                continue
            name = unquote(target.split("#")[0])
            found = (folder / (name + ".md")) if wiki else (page.parent / name)
            assert found.is_file(), f"{page.name}: link {target} goes nowhere"
            found = found.resolve()
            if found not in seen:
                seen.add(found)
                queue.append(found)
    return seen


@pytest.mark.parametrize(
    ("flavor", "wiki", "index"),
    [
        ("github", False, "README.md"),
        ("github", True, "Home.md"),
        ("gitlab", True, "home.md"),
        ("azure", False, "Plan-overview.md"),
        ("obsidian", False, "Plan overview.md"),
        ("plain", False, "README.md"),
    ],
)
def test_the_year_plan_splits_into_pages_that_fit_and_link(
    year_plan: tuple[Plan, Path], tmp_path: Path, flavor: str, wiki: bool, index: str
) -> None:
    plan, path = year_plan
    folder = tmp_path / "wiki"
    written = write_split(plan, path, folder, flavor, wiki=wiki)
    pages = [p for p in written if p.suffix == ".md"]
    # Every page is well under what a wiki shows.
    sizes = {p.name: p.stat().st_size for p in pages}
    assert max(sizes.values()) < SIZE_LIMIT, max(sizes.items(), key=lambda kv: kv[1])
    # Every link resolves, and every page is reached from the index.
    reached = _follow(folder, (folder / index).resolve(), wiki)
    assert reached == {p.resolve() for p in pages}
    # The union of the pages holds every calendar item: one row (or list item) each.
    if flavor == "plain":
        text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
        assert text.count("\n- **") >= len(plan.calendar)
    else:
        rows = 0
        for page in pages:
            html = gfm_html(page.read_text(encoding="utf-8"))
            rows += sum(len(t.rows) for t in tables(html) if "Title" in t.header)
        assert rows == len(plan.calendar)
    if flavor == "azure":
        order = (folder / ".order").read_text(encoding="utf-8").split()
        assert order[0] == "Plan-overview" and len(order) == 8
        months = (folder / "Content-calendar" / ".order").read_text(encoding="utf-8").split()
        assert all((folder / "Content-calendar" / f"{m}.md").is_file() for m in months)
        assert len(months) == len(list((folder / "Content-calendar").glob("*.md")))


def test_split_pages_are_the_same_bytes_each_time(tmp_path: Path) -> None:
    path = SAMPLES / "kopi-nusantara.toml"
    plan = PlanFile.open(path).plan
    first = write_split(plan, path, tmp_path / "a", "github")
    second = write_split(plan, path, tmp_path / "b", "github")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    # The Indonesian plan's pages are named in Indonesian.
    assert (tmp_path / "a" / "6-Kalender-konten.md").is_file()


def test_the_cli_writes_pages_and_refuses_split_with_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = SAMPLES / "northwind-nonprofit.toml"
    assert main(["export", str(plan), "--split", str(tmp_path / "wiki"), "--flavor", "github"]) == 0
    assert (tmp_path / "wiki" / "README.md").is_file()
    assert "page" in capsys.readouterr().out
    assert main(["export", str(plan), "--split", str(tmp_path / "w"), "-o", "x.md"]) == 1
    assert "--split" in capsys.readouterr().err
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    assert main(["export", str(plan), "--split", str(a_file)]) == 1
    assert "folder" in capsys.readouterr().err


def test_a_big_single_file_says_so_and_suggests_split(
    year_plan: tuple[Plan, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plan, path = year_plan
    target = tmp_path / "year.md"
    assert main(["export", str(path), "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert target.stat().st_size > SIZE_LIMIT
    assert "--split" in err and "KB" in err
    small = tmp_path / "small.md"
    assert main(["export", str(SAMPLES / "minimal.toml"), "-o", str(small)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("lang", ["en", "id"])
def test_calendar_rows_stay_narrow_and_titles_stay_whole(
    year_plan: tuple[Plan, Path], lang: str
) -> None:
    from smplan.export.calendar import TITLE_WIDTH
    from smplan.export.cells import ROW_WIDTH

    plans = [year_plan[0], *(PlanFile.open(p).plan for p in sorted(SAMPLES.glob("*.toml")))]
    for plan in plans:
        if not plan.calendar:
            continue
        text = export_markdown(plan, "github", lang)
        start = text.index("\n## " + t("export.heading.calendar", lang))
        end = text.find("\n## ", start + 1)
        section = text[start : end if end > 0 else None]
        rows = [line for line in section.split("\n") if line.startswith("|")]
        assert rows
        assert max(len(row) for row in rows) <= ROW_WIDTH  # docs/export.md
        # A cut title is whole in the line under its month's table; pillars have their key.
        for item in plan.calendar[:300]:
            title = " ".join((item.title or "").split())
            if len(title) > TITLE_WIDTH and not any(ch in title for ch in "\\`*_[]<>&|~$#={}^:"):
                assert f", {title}**" in section or f", {title}:**" in section, title
        if any(item.pillar in plan.strategy.pillars for item in plan.calendar):
            assert t("export.pillar-key", lang) in section
