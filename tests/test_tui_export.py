"""The export in the app: the preview (ctrl+r), its write key, and the .md written on save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from smplan.export import export_markdown
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.screens.export_preview import ExportPreview
from smplan.tui.widgets.export_markdown import ExportMarkdown
from tests.conftest import SAMPLES
from tests.markdown_render import inline_text, tables, tokens
from tests.tui_text import screen_text


async def wait_for(pilot: Pilot[int], ready: Callable[[], bool], seconds: float = 20.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if ready():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting for the app")


def shown_text(app: SmplanApp) -> str:
    """The text of the preview page's blocks, as they are drawn."""
    page = app.screen.query_one(ExportMarkdown)
    return "\n".join(str(block.render()) for block in page.query(Static))


def copy_plan(tmp_path: Path, name: str, markdown: bool = True) -> Path:
    target = tmp_path / "plan.toml"
    text = (SAMPLES / name).read_text(encoding="utf-8")
    if not markdown:
        text = text.replace("[export]\nmarkdown = true", "[export]\nmarkdown = false")
        assert "markdown = false" in text
    target.write_text(text, encoding="utf-8")
    return target


async def open_preview(pilot: Pilot[int], app: SmplanApp) -> ExportPreview:
    """ctrl+r, as a user opens it; the preview once it is the screen."""
    await pilot.press("ctrl+r")
    await wait_for(pilot, lambda: isinstance(app.screen, ExportPreview))
    preview = app.screen
    assert isinstance(preview, ExportPreview)
    return preview


async def test_ctrl_r_previews_the_export_and_w_writes_it(tmp_path: Path) -> None:
    path = copy_plan(tmp_path, "kopi-nusantara.toml", markdown=False)
    plan_file = PlanFile.open(path)
    title = plan_file.plan.plan.title or ""
    app = SmplanApp(path, plan_file, None)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        preview = await open_preview(pilot, app)
        sections = preview.query_one("#export-sections", OptionList)
        await wait_for(pilot, lambda: sections.option_count > 0 and title in shown_text(app))
        # The title block comes first, then the steps; down shows the audit.
        assert sections.option_count == len(preview.sections) >= 8
        await pilot.press("down")
        audit = preview.sections[1][0]
        await wait_for(pilot, lambda: audit in shown_text(app) and title not in shown_text(app))

        target = path.with_suffix(".md")
        assert not target.exists()
        await pilot.press("w")
        await wait_for(pilot, target.exists)
        assert target.read_text(encoding="utf-8") == export_markdown(
            plan_file.plan, plan_file.plan.export.flavor
        )
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportPreview))


async def test_the_preview_pages_a_long_calendar(tmp_path: Path) -> None:
    path = copy_plan(tmp_path, "northwind-nonprofit.toml")
    plan_file = PlanFile.open(path)
    app = SmplanApp(path, plan_file, None)
    async with app.run_test(size=(100, 30)) as pilot:
        preview = await open_preview(pilot, app)
        await wait_for(pilot, lambda: bool(preview.sections))
        calendar_titles = [title for title, _md in preview.sections[6:-1]]
        months = {(i.date.year, i.date.month) for i in plan_file.plan.calendar if i.date}
        assert len(calendar_titles) >= len(months)
        # Jump to the last page: it is drawn, and the app still answers.
        await pilot.press("end")
        last = preview.sections[-1][0]
        await wait_for(pilot, lambda: last in shown_text(app))


@pytest.mark.parametrize("markdown", [True, False])
async def test_save_writes_the_md_only_when_the_plan_asks(tmp_path: Path, markdown: bool) -> None:
    path = copy_plan(tmp_path, "kopi-nusantara.toml", markdown=markdown)
    plan_file = PlanFile.open(path)
    app = SmplanApp(path, plan_file, None)
    target = path.with_suffix(".md")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        app.edit(
            app.plan.plan, "title", "Kopi Nusantara: plan | v2", step=0, path=("plan", "title")
        )
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
        await pilot.pause(0.3)
    assert "plan | v2" in path.read_text(encoding="utf-8")
    if markdown:
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# Kopi Nusantara: plan \\| v2\n")
        assert text == export_markdown(PlanFile.open(path).plan, "github")
    else:
        assert not target.exists()


def first_bullet(markdown: str) -> str:
    """The text of the first item of the first bullet list, as a wiki shows it."""
    found = tokens(markdown)
    start = next(i for i, token in enumerate(found) if token.type == "bullet_list_open")
    return inline_text(next(t for t in found[start:] if t.type == "inline"))


async def test_the_preview_shows_a_table_row_and_a_list_item_on_screen(tmp_path: Path) -> None:
    path = copy_plan(tmp_path, "kopi-nusantara.toml")
    plan_file = PlanFile.open(path)
    app = SmplanApp(path, plan_file, None)
    async with app.run_test(size=(200, 70)) as pilot:
        preview = await open_preview(pilot, app)
        await wait_for(pilot, lambda: bool(preview.sections))
        # The first calendar page: a table of the month's items and a list under it.
        index = next(
            i
            for i, (_title, md) in enumerate(preview.sections)
            if tables(md) and "\n- " in md and md.startswith("### ")
        )
        markdown = preview.sections[index][1]
        for _ in range(index):
            await pilot.press("down")
        await wait_for(pilot, lambda: preview.shown == index)
        await pilot.pause(0.2)
        lines = screen_text(app).splitlines()

        row = tables(markdown)[0].rows[0]
        on_screen = [line for line in lines if row[0] in line and row[1] in line]
        assert on_screen, row
        # The cells stand in their columns, in order, with no pipe of the source.
        line = on_screen[0]
        assert line.index(row[0]) < line.index(row[1])
        assert "|" not in line[line.index(row[0]) :]

        item = first_bullet(markdown)
        assert any(f"• {item[:30]}" in line for line in lines), item
        # The Markdown of the source is not shown: no "**" or "- " markers.
        assert not any(line.strip().startswith("- ") for line in lines)


def toasts(app: SmplanApp) -> str:
    """The text of the notifications on screen."""
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


@pytest.mark.parametrize("how", ["save", "preview"])
async def test_an_export_too_big_for_a_wiki_suggests_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Past the size a wiki shows, the app says so after the write and names --split."""
    import smplan.export

    path = copy_plan(tmp_path, "kopi-nusantara.toml", markdown=how == "save")
    plan_file = PlanFile.open(path)
    size = len(export_markdown(plan_file.plan, plan_file.plan.export.flavor).encode())
    # The sample's export is well under the real limit; one a little smaller than it is not.
    assert size < smplan.export.SIZE_LIMIT
    monkeypatch.setattr(smplan.export, "SIZE_LIMIT", size - 1000)
    target = path.with_suffix(".md")
    app = SmplanApp(path, plan_file, None)
    async with app.run_test(size=(140, 50), notifications=True) as pilot:
        await pilot.pause(0.2)
        if how == "save":
            app.edit(app.plan.plan, "title", "Kopi v2", step=0, path=("plan", "title"))
            await pilot.press("ctrl+s")
        else:
            await open_preview(pilot, app)
            await pilot.press("w")
        await wait_for(pilot, lambda: "--split" in toasts(app), 5)
        assert target.exists()
        shown = " ".join(toasts(app).split())
        assert f"{target.stat().st_size // 1000} KB" in shown
        assert f"{(size - 1000) // 1000} KB" in shown


async def test_an_export_under_the_limit_says_nothing_of_split(tmp_path: Path) -> None:
    path = copy_plan(tmp_path, "kopi-nusantara.toml", markdown=False)
    app = SmplanApp(path, PlanFile.open(path), None)
    async with app.run_test(size=(140, 50), notifications=True) as pilot:
        await open_preview(pilot, app)
        await pilot.press("w")
        await wait_for(pilot, path.with_suffix(".md").exists)
        await wait_for(pilot, lambda: "plan.md" in toasts(app))
        assert "--split" not in toasts(app)
