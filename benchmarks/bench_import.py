"""How long `smplan import` takes to add 5,000 CSV rows to a plan.

Run from the project root:

    python benchmarks/bench_import.py

A 5,000-row CSV (date, time, network, title, status, owner, cost, caption with
a line break, hashtags) is imported into the Indonesian sample plan, three
times, each into a fresh copy. Measured in the same run, as a baseline: Python's
``csv`` module reading the same file plus ``tomllib`` parsing the written plan
(what any import must at least do). Reported: the medians, and the import's
steps (reading the rows into items; writing the plan's new text and the file).
"""

from __future__ import annotations

import csv
import io
import shutil
import statistics
import tempfile
import time
import tomllib
from pathlib import Path

from smplan.interchange.append import append_items
from smplan.interchange.csv_import import read_items
from smplan.store import PlanFile

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_plans" / "kopi-nusantara.toml"
ROWS = 5_000
RUNS = 3


def sheet() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        ["Tanggal", "Jam", "Jaringan", "Judul", "Status", "Pemilik", "Biaya", "Teks", "Tagar"]
    )
    for n in range(ROWS):
        writer.writerow(
            [
                f"{1 + n % 28:02d}/{1 + n % 12:02d}/2027",
                f"{8 + n % 12}:30",
                ("instagram", "tiktok", "facebook")[n % 3],
                f"Post {n}",
                "planned",
                "bima",
                f"{n % 50},5",
                f"Baris satu {n}\nbaris dua",
                "#kopi #jakarta",
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def main() -> None:
    data = sheet()
    baseline: list[float] = []
    reading: list[float] = []
    writing: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(RUNS):
            path = Path(folder) / "plan.toml"
            shutil.copyfile(SAMPLE, path)
            start = time.perf_counter()
            result = read_items(data, "bench.csv", "id", dates="dmy")
            assert len(result.items) == ROWS and not result.errors
            read_done = time.perf_counter()
            plan_file = PlanFile.open(path)
            plan_file.write(append_items(plan_file, [item for _l, item in result.items]))
            end = time.perf_counter()
            reading.append(read_done - start)
            writing.append(end - read_done)
            written = path.read_text(encoding="utf-8")
            start = time.perf_counter()
            rows = list(
                csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";")
            )
            parsed = tomllib.loads(written)
            baseline.append(time.perf_counter() - start)
            assert len(rows) == ROWS + 1 and len(parsed["calendar"]) > ROWS
    total = [r + w for r, w in zip(reading, writing, strict=True)]
    base = statistics.median(baseline)
    print(f"import of {ROWS:,} rows (median of {RUNS}): {statistics.median(total) * 1000:.0f} ms")
    print(f"  rows -> items: {statistics.median(reading) * 1000:.0f} ms")
    print(f"  plan text + atomic write: {statistics.median(writing) * 1000:.0f} ms")
    print(f"baseline, csv module + tomllib of the result: {base * 1000:.0f} ms")
    print(f"ratio: {statistics.median(total) / base:.1f}x the baseline")


if __name__ == "__main__":
    main()
