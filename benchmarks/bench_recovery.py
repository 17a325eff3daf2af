"""What keeping a plan safe costs: the recovery copy and the poll for changes on disk.

Generates the year plan (5,000 calendar items, about 1 MB) into a temporary
folder, makes one edit (a calendar item's title), then measures in this run:

- baseline: a plain atomic write (``write_atomic``) of the bytes the copy holds;
- recovery copy: working out the text from the model on a fresh document
  (``recovery_text``) plus writing it (``write_recovery``), and the two parts
  apart; the ratio to the baseline;
- one poll of the disk watch when nothing changed (a ``stat``), and when the
  file was touched but not changed (``stat`` + read + compare).

While typing, the copy is written at most every 2 s and on a step change, in a
worker thread (the UI thread does not wait for it); on SIGHUP, SIGTERM, a crash
or a failed save it is written at once, and this is how long that takes. The
poll runs every 1.5 s on the UI thread.

    PYTHONPATH=src python benchmarks/bench_recovery.py [--items N] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Measure this checkout's code, whatever else is installed.
if (ROOT / "src" / "smplan").is_dir():
    sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from bench_store import median_of  # noqa: E402
from generate_year_plan import DEFAULT_ITEMS, generate  # noqa: E402
from smplan.files.atomic import write_atomic  # noqa: E402
from smplan.store import PlanFile  # noqa: E402
from smplan.store.plan_file import DiskStamp  # noqa: E402
from smplan.store.recovery import recovery_path, recovery_text, write_recovery  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=DEFAULT_ITEMS)
    parser.add_argument("--repeat", type=int, default=15)
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "year.toml"
        plan.write_text(generate(options.items), encoding="utf-8")
        size = plan.stat().st_size
        plan_file = PlanFile.open(plan)
        plan_file.plan.calendar[len(plan_file.plan.calendar) // 2].title = "Edited title"
        text = recovery_text(plan_file)
        data = text.encode("utf-8")
        plain = Path(folder) / "plain.toml"

        baseline = median_of(lambda: write_atomic(plain, data), options.repeat)
        render = median_of(lambda: recovery_text(plan_file), options.repeat)
        write = median_of(lambda: write_recovery(plan, text), options.repeat)
        whole = median_of(lambda: write_recovery(plan, recovery_text(plan_file)), options.repeat)
        assert recovery_path(plan).read_text(encoding="utf-8") == text

        repeat_poll = options.repeat * 20
        unchanged = median_of(lambda: DiskStamp.of(plan) == plan_file.stamp, repeat_poll)
        os.utime(plan, None)  # touched, same text: the poll must read and compare
        touched = median_of(plan_file.changed_on_disk, options.repeat)

    print(f"year plan: {options.items} calendar items, {size / 1e6:.2f} MB")
    print(f"baseline  plain atomic write of the same bytes   {baseline * 1e3:8.2f} ms")
    print(f"recovery  text from the model (fresh document)   {render * 1e3:8.2f} ms")
    print(f"recovery  atomic write of that text              {write * 1e3:8.2f} ms")
    print(
        f"recovery  text + write                           {whole * 1e3:8.2f} ms"
        f"   ratio to baseline {whole / baseline:5.1f}x"
    )
    print(f"poll      nothing changed (stat)                 {unchanged * 1e6:8.1f} µs")
    print(f"poll      touched, same text (stat+read+compare) {touched * 1e3:8.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
