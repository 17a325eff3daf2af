"""The keys' descriptions follow the language, live, and remapped keys stay remapped.

The footer (and every dialog's keys) are read through the screens'
``active_bindings``, which put each description in the current language; these
flows switch with F9 like a user, then read what the footer shows.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from smplan.i18n import current_language, t
from smplan.tui.app import SmplanApp
from smplan.tui.keys import DESCRIPTIONS, DIALOG_KEYS, EVERY_KEY, remappable
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.screens.goto_step import GoToStep
from tests.tui_flow import SMALL, copy_sample, open_app, open_with_settings, settle


def footer_keys(app: SmplanApp) -> list[tuple[str, str]]:
    """(key, description) of each key the main screen's footer shows, left to right."""
    footer = app.screen.query_one(Footer)
    return [(key.key, str(key.description)) for key in footer.query(FooterKey)]


def in_other_language(description: str, lang: str) -> set[str]:
    """What an English description of one of our keys says in ``lang``."""
    return {
        t(entry, lang)  # type: ignore[arg-type]
        for entry in set(DESCRIPTIONS.values())
        if t(entry, "en") == description
    }


def test_binding_ids_are_unique_dialogs_included() -> None:
    ids = [key.id for key in EVERY_KEY]
    assert len(ids) == len(set(ids))


def test_the_settings_remap_the_plans_keys_not_a_dialogs() -> None:
    """docs/keys.md: ids not in its table are ignored (a dialog's keys have ids to be described)."""
    dialog = DIALOG_KEYS[0].id
    assert remappable({"save": "f12", dialog: "x"}) == {"save": "f12"}


def test_every_description_is_in_both_catalogues() -> None:
    for entry in DESCRIPTIONS.values():
        assert t(entry, "en") != entry and t(entry, "id") != entry, entry


async def test_f9_puts_the_footer_and_the_dialogs_keys_in_the_new_language(
    tmp_path: Path,
) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: app.main is not None and len(footer_keys(app)) > 2)
        english = footer_keys(app)
        assert (("ctrl+s", t("key.save", "en"))) in english
        assert (("ctrl+q", t("key.quit", "en"))) in english

        await pilot.press("f9")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert current_language() == "id"
        # The question that offers to keep the language: its escape says so in Indonesian.
        escape = app.screen.active_bindings["escape"].binding
        assert escape.description == t("key.cancel", "id") != t("key.cancel", "en")
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is app.main)

        await settle(pilot, lambda: footer_keys(app) != english)
        indonesian = footer_keys(app)
        # The same keys, in the same order, each described in Indonesian.
        assert [key for key, _ in indonesian] == [key for key, _ in english]
        for (key, before), (_, after) in zip(english, indonesian, strict=True):
            assert after in in_other_language(before, "id"), (key, before, after)
        assert ("ctrl+s", t("key.save", "id")) in indonesian
        assert t("key.save", "en") not in [text for _, text in indonesian]

        # A dialog opened now speaks Indonesian too: go-to-step's keys.
        await pilot.press("ctrl+g")
        await settle(pilot, lambda: isinstance(app.screen, GoToStep))
        keys = app.screen.active_bindings
        assert keys["escape"].binding.description == t("key.cancel", "id")
        assert keys["3"].binding.description == t("step.3", "id") != t("step.3", "en")
        await pilot.press("3")
        await settle(pilot, lambda: app.screen is app.main and app.main.step == 3)

        # And back to the plan's own English (no question then): the footer as at first.
        await pilot.press("f9")
        await settle(pilot, lambda: ("ctrl+s", t("key.save", "en")) in footer_keys(app))
        assert app.screen is app.main
        english_texts = {t(entry, "en") for entry in DESCRIPTIONS.values()}
        assert all(text in english_texts for _, text in footer_keys(app)), footer_keys(app)
        assert current_language() == "en"


async def test_a_key_remapped_in_the_settings_shows_remapped_in_the_footer(
    tmp_path: Path,
) -> None:
    path = copy_sample(tmp_path)
    app = open_with_settings(path, '[keys]\nsave = "f12"\n')
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: app.main is not None and len(footer_keys(app)) > 2)
        shown = footer_keys(app)
        assert ("f12", t("key.save", "en")) in shown
        assert "ctrl+s" not in [key for key, _ in shown]

        # Still remapped once the footer speaks Indonesian.
        await pilot.press("f9")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("escape")
        await settle(pilot, lambda: ("f12", t("key.save", "id")) in footer_keys(app))
        assert "ctrl+s" not in [key for key, _ in footer_keys(app)]
