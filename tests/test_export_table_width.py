"""Every table row of the export fits about 100 characters of Markdown source.

Rows of at most ``ROW_WIDTH`` characters render within 1,000 px with GitHub's
stylesheet (docs/export.md, "How wide the tables are"). Measured on every
sample plan and the 5,000-item year plan, in every flavor and both languages,
with the same code as ``benchmarks/table_widths.py``. The one exception: a row
holding a cell whose own text is longer than the limit (a long role a user
wrote), which no layout can make narrower.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from smplan.export import FLAVORS, calendar, export_markdown
from smplan.export.cells import MIN_CUT, ROW_WIDTH, row_width
from smplan.i18n import t
from smplan.model import Plan
from smplan.store import PlanFile
from tests.conftest import ROOT, SAMPLES


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


widths = _load("table_widths")


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Plan]:
    year = tmp_path_factory.mktemp("year") / "year.toml"
    year.write_text(_load("generate_year_plan").generate(), encoding="utf-8")
    found = {p.stem: PlanFile.open(p).plan for p in sorted(SAMPLES.glob("*.toml"))}
    found["year-plan"] = PlanFile.open(year).plan
    return found


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("flavor", sorted(FLAVORS))
def test_every_table_row_fits_the_width(plans: dict[str, Plan], flavor: str, lang: str) -> None:
    measured = 0
    for name, plan in plans.items():
        text = export_markdown(plan, flavor, lang)
        rows = list(widths.table_rows(text))
        if flavor == "plain":
            assert rows == []  # strict CommonMark: lists, not tables
            continue
        measured += len(rows)
        wide = [row.line for row in rows if not widths.fits(row, ROW_WIDTH)]
        assert wide == [], f"{name} ({flavor}, {lang}): {len(wide)} rows over {ROW_WIDTH}"
    assert flavor == "plain" or measured > 5000  # the year plan's calendar was measured


def test_only_a_cell_longer_than_the_limit_makes_a_row_wider(plans: dict[str, Plan]) -> None:
    """A role of 120 characters cannot fit; its row is the only one over, by that cell."""
    plan = plans["kopi-nusantara"]
    long_role = "Community lead for " + "and ".join(["the coffee farmers' stories "] * 4)
    assert len(long_role) > ROW_WIDTH
    member = plan.resources.team[0]
    old = member.role
    try:
        member.role = long_role
        rows = list(widths.table_rows(export_markdown(plan, "github", "en")))
    finally:
        member.role = old
    over = [row for row in rows if len(row.line) > ROW_WIDTH]
    assert [row.longest_cell > ROW_WIDTH for row in over] == [True]
    assert all(widths.fits(row) for row in rows)


def test_a_long_allocation_name_is_cut_in_its_row_and_whole_below(
    plans: dict[str, Plan],
) -> None:
    plan = plans["kopi-nusantara"]
    allocation = plan.resources.allocations[0]
    old = allocation.name
    name = "Instagram ads for the harvest season, with three creators and a giveaway in Bali"
    try:
        allocation.name = name
        text = export_markdown(plan, "github", "en")
    finally:
        allocation.name = old
    rows = [row for row in widths.table_rows(text) if row.cells[0].startswith("Instagram ads")]
    assert len(rows) == 1 and rows[0].cells[0].endswith("…")
    assert len(rows[0].line) <= ROW_WIDTH
    assert f"- **{name}**" in text


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split(" | ")]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_calendar_table_fits_counted_at_each_columns_widest_cell(
    plans: dict[str, Plan], lang: str
) -> None:
    """A browser gives each column its widest cell, whatever the row: the table is that sum."""
    title_header, channel_header = (t(f"export.column.{c}", lang) for c in ("title", "channel"))
    tables = 0
    for name, plan in plans.items():
        for block in export_markdown(plan, "github", lang).split("\n\n"):
            rows = [_cells(line) for line in block.split("\n") if line.startswith("| ")]
            if not rows or not {title_header, channel_header} <= set(rows[0]):
                continue  # not a month of the calendar
            widest = [max(column, key=len) for column in zip(*rows, strict=True)]
            titles = [row[rows[0].index(title_header)] for row in rows[1:]]
            # Titles are never cut below MIN_CUT: a table of long channels may pass.
            assert row_width(widest) <= calendar.TABLE_WIDTH or all(
                len(title) <= MIN_CUT + 1 for title in titles if title.endswith("…")
            ), f"{name} ({lang}): {row_width(widest)} > {calendar.TABLE_WIDTH}\n{block[:400]}"
            tables += 1
    assert tables > 12  # the year plan's months and the samples'
