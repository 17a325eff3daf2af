"""How wide the export's tables are: the widest row of each table, per plan, language and flavor.

The issue's rule is about 100 characters of Markdown source per table row (a
table then renders within 1,000 px with GitHub's stylesheet). This prints,
for every sample plan and the 5,000-item year plan of
``generate_year_plan.py``, in English and Indonesian, the widest row of each
table (tables are named by their section and header row; a month's calendar
tables share one name) and the longest single cell of that row, which says
whether the row could be narrower at all.

    PYTHONPATH=src python benchmarks/table_widths.py [--flavor github] [--limit 100] [PLAN.toml ...]

Only flavors with pipe tables have rows (``plain`` writes lists). The
functions are also what ``tests/test_export_table_width.py`` measures with.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from smplan.export.cells import ROW_WIDTH

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class TableRow:
    #: The section (``## ...``) and the table's header row: names a table across months.
    table: str
    line: str

    @property
    def cells(self) -> list[str]:
        """The row's cells, split at pipes that are not escaped."""
        inner = self.line.strip()[1:-1]
        cells, current, escaped = [], "", False
        for ch in inner:
            if ch == "|" and not escaped:
                cells.append(current.strip())
                current = ""
            else:
                current += ch
            escaped = ch == "\\" and not escaped
        cells.append(current.strip())
        return cells

    @property
    def longest_cell(self) -> int:
        return max((len(cell) for cell in self.cells), default=0)


def table_rows(markdown: str) -> Iterator[TableRow]:
    """Every row of every pipe table in ``markdown``, its header row too (not the delimiter row)."""
    section = ""
    header: str | None = None
    in_fence = False
    for line in markdown.split("\n"):
        if line.startswith(("```", ":::")):
            in_fence = not in_fence
        if in_fence:
            continue
        if line.startswith("## "):
            section = line[3:]
        if not line.startswith("|"):
            header = None
            continue
        if header is None:
            header = line
        if line.startswith(("|---", "|:")):
            continue
        yield TableRow(f"{section} :: {header}", line)


def widest_by_table(markdown: str) -> dict[str, TableRow]:
    """The widest row of each table (first one of that width), in document order."""
    out: dict[str, TableRow] = {}
    for row in table_rows(markdown):
        best = out.get(row.table)
        if best is None or len(row.line) > len(best.line):
            out[row.table] = row
    return out


def fits(row: TableRow, limit: int = ROW_WIDTH) -> bool:
    """Within ``limit``, or over it only because one cell alone is longer than ``limit``."""
    return len(row.line) <= limit or row.longest_cell > limit


def year_plan_text() -> str:
    sys.path.insert(0, str(HERE))
    from generate_year_plan import generate

    return generate()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plans", nargs="*", type=Path)
    parser.add_argument("--flavor", default="github")
    parser.add_argument("--limit", type=int, default=ROW_WIDTH)
    parser.add_argument("--no-year", action="store_true", help="leave out the year plan")
    args = parser.parse_args()

    from smplan.export import export_markdown
    from smplan.store import PlanFile

    plans = [(p.stem, PlanFile.open(p).plan) for p in args.plans] or [
        (p.stem, PlanFile.open(p).plan)
        for p in sorted((HERE.parent / "sample_plans").glob("*.toml"))
    ]
    if not args.plans and not args.no_year:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "year.toml"
            path.write_text(year_plan_text(), encoding="utf-8")
            plans.append(("year-plan", PlanFile.open(path).plan))
    over = 0
    for name, plan in plans:
        for lang in ("en", "id"):
            text = export_markdown(plan, args.flavor, lang)
            for table, row in widest_by_table(text).items():
                section, header = table.split(" :: ", 1)
                mark = "" if fits(row, args.limit) else "  OVER"
                over += bool(mark)
                print(
                    f"{name:22} {lang}  {len(row.line):4}  (cell {row.longest_cell:3})  "
                    f"{section[:28]:28}  {header[:60]}{mark}"
                )
    print(f"rows over {args.limit} without a cell that long: {over} tables")
    return 0


if __name__ == "__main__":
    sys.exit(main())
