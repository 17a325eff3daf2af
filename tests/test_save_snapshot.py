"""A save writes plan.toml and plan.md from one snapshot: edits typed while it writes reach neither."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import smplan.store.plan_file as plan_file_module
from smplan.export import export_markdown, plan_flavor
from smplan.files.atomic import Written
from smplan.store import PlanFile
from tests.plan_fixtures import title_in
from tests.tui_flow import copy_sample, open_app, wait_for

EDITED = "Typed while the save was writing"


async def test_an_edit_made_while_the_save_writes_reaches_neither_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_sample(tmp_path, "kopi-nusantara.toml")
    export = path.with_suffix(".md")
    writing = threading.Event()
    go_on = threading.Event()
    real_write = plan_file_module.write_atomic

    def slow_write(target: Path, data: bytes) -> Written:
        # The worker stops here, after the text was worked out, until the test has edited.
        writing.set()
        assert go_on.wait(30)
        return real_write(target, data)

    monkeypatch.setattr(plan_file_module, "write_atomic", slow_write)
    app = open_app(path, step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.plan.plan.title or ""
        app.edit(app.plan.plan, "title", before + " (saved)", step=0, path=("plan", "title"))
        await pilot.press("ctrl+s")
        await wait_for(pilot, writing.is_set, timeout=30)
        app.edit(app.plan.plan, "title", EDITED, step=0, path=("plan", "title"))
        go_on.set()
        await wait_for(pilot, lambda: export.exists(), timeout=30)
        await app.workers.wait_for_complete()
        assert app.session.dirty  # the edit made during the save is still to be saved

    assert title_in(path) == before + " (saved)"
    saved = PlanFile.open(path).plan
    # Byte for byte the export of what plan.toml holds: the same plan in both files.
    assert export.read_text(encoding="utf-8") == export_markdown(saved, plan_flavor(saved))
    assert EDITED not in export.read_text(encoding="utf-8")
