"""No English left in the Indonesian interface, and no Indonesian in the English one.

One app per language walks every step pane at 80x24 (scrolled top to bottom), the
help, go-to-step and problems screens and the quit question; then ``smplan check``
and the Markdown export of every sample plan run in that language. Any word of the
other language's catalogue (tests/language_words.py) that is not the user's own
text fails the test, with the place it was seen.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from smplan.cli import main
from smplan.export import export_markdown
from smplan.i18n import Lang, set_language
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.screens.goto_step import GoToStep
from smplan.tui.screens.help import HelpScreen
from smplan.tui.screens.problems import ProblemsScreen
from tests.conftest import SAMPLES
from tests.language_words import check_prose, foreign_in, markdown_prose
from tests.tui_text import screen_text

PLANS: dict[Lang, str] = {"en": "northwind-nonprofit.toml", "id": "kopi-nusantara.toml"}
SAMPLE_PLANS = sorted(SAMPLES.glob("*.toml"))
TODAY = dt.date(2026, 7, 1)


def found_report(found: dict[str, list[str]]) -> str:
    total = sum(len(words) for words in found.values())
    lines = [f"{where}: {', '.join(words)}" for where, words in found.items()]
    return f"{total} words of the other language:\n" + "\n".join(lines)


@pytest.mark.parametrize("lang", ["en", "id"])
async def test_app_speaks_one_language(lang: Lang, tmp_path: Path) -> None:
    path = tmp_path / PLANS[lang]
    path.write_bytes((SAMPLES / PLANS[lang]).read_bytes())
    set_language(lang)
    app = SmplanApp(path, PlanFile.open(path), None, step=0)
    found: dict[str, list[str]] = {}

    def look(where: str) -> None:
        words = foreign_in(screen_text(app), lang, path)
        if words:
            found.setdefault(where, [])
            found[where] += [w for w in words if w not in found[where]]

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        for step in range(8):
            pane = await app.main.show_step(step)  # type: ignore[union-attr]
            await pilot.pause(0.3)
            await app.workers.wait_for_complete()
            look(f"step {step}")
            while pane.scroll_y < pane.max_scroll_y:
                pane.scroll_to(
                    y=pane.scroll_y + pane.size.height - 1, animate=False, immediate=True
                )
                await pilot.pause(0.05)
                look(f"step {step}")
        for screen in (HelpScreen(), GoToStep(), ProblemsScreen(app.problems())):
            app.push_screen(screen)
            await pilot.pause(0.2)
            look(type(screen).__name__)
            app.pop_screen()
        pane = await app.main.show_step(2)  # type: ignore[union-attr]
        pane.editors()[0].add_item()
        await pilot.pause(0.2)
        await pilot.press("ctrl+q")  # unsaved: the quit question
        await pilot.pause(0.2)
        assert isinstance(app.screen, ChoiceDialog)
        look("quit question")
    assert not found, found_report(found)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_check_and_export_speak_one_language(
    lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found: dict[str, list[str]] = {}
    for sample in SAMPLE_PLANS:
        path = tmp_path / sample.name
        path.write_bytes(sample.read_bytes())
        main(["check", "--lang", lang, str(path)])
        words = foreign_in(check_prose(capsys.readouterr().out), lang, path)
        if words:
            found[f"smplan check {sample.name}"] = words
        set_language(lang)
        page = export_markdown(PlanFile.open(path).plan, lang=lang, today=TODAY, plan_dir=tmp_path)
        words = foreign_in(markdown_prose(page), lang, path)
        if words:
            found[f"export of {sample.name}"] = words
    assert not found, found_report(found)
