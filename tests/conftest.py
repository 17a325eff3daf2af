"""Shared test setup: plan files to test against, no user settings, no locale."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from smplan.i18n import current_language, set_language

if TYPE_CHECKING:
    # Only for the fixture's type: the terminal package is loaded by the tests that use it.
    from tests.terminal.session import TmuxSession

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT / "sample_plans"

# CI (.ci/run) sets SMPLAN_HYPOTHESIS_PROFILE=ci: every property then runs on the
# same examples each time, so whether work lands never depends on which examples
# chance picked that run. The README's command, run anywhere else, searches anew
# each time, and what it finds becomes a fixed example in the test.
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("SMPLAN_HYPOTHESIS_PROFILE", "default"))


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker more than there are cores.

    The end-to-end tests spend most of their time waiting for a real terminal
    (keys typed at a person's pace, a save to land); another worker keeps the
    cores busy meanwhile.
    """
    return (os.cpu_count() or 1) + 1


#: Test files that take longest (a minute or more of a worker's time, most of it
#: waiting for a real terminal), longest first: they start the run, spread over
#: the workers, instead of being handed out last and running on after the rest.
#: Figures: `pytest --durations=60`, December 2026.
LONG_FILES = (
    "test_e2e_bursts_new.py",  # 115 s
    "test_tui_steps.py",  # 105 s
    "test_e2e_bursts_sample_id.py",  # 77 s
    "test_e2e_bursts_sample_minimal.py",  # 76 s
    "test_e2e_bursts_samples.py",  # 74 s
    "test_tui_key_properties.py",  # 50 s
    "test_tui_bursts.py",  # 40 s
    "test_tui_csv_import.py",  # 35 s
    "test_tui_goal_results.py",  # 34 s
    "test_tui_labels_fit.py",  # 33 s
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The files of :data:`LONG_FILES` first, in that order; the rest as collected.

    With ``--dist loadfile --no-loadscope-reorder`` (``pyproject.toml``) a worker
    is handed whole files in this order, the first ones round the workers in
    turn, so each long file starts early beside shorter ones. xdist's own order
    (most tests first) handed out the one-test end-to-end files last, and the
    run went on for minutes after everything else had finished.
    """
    rank = {name: index for index, name in enumerate(LONG_FILES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def plan_files() -> list[Path]:
    """Every realistic plan we ship or keep as a fixture, each one `smplan check` passes.

    Not the plans in ``fixtures/scenarios/``: each is made for one suite and some
    hold errors on purpose (a reference to a goal the suite adds later).
    """
    return sorted(SAMPLES.glob("*.toml")) + sorted(FIXTURES.glob("*.toml"))


@pytest.fixture(autouse=True)
def _own_settings_and_locale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the developer's settings file and locale out of every test.

    Each test sees an empty settings folder and no LANG/LC_* variables, so the
    interface language is English unless the test asks otherwise; the current
    language is restored afterwards.
    """
    config_home: Path = tmp_path_factory.mktemp("config-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(config_home))
        for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
            patch.delenv(name, raising=False)
        before = current_language()
        try:
            yield
        finally:
            set_language(before)


@pytest.fixture
def tmux_sessions() -> Iterator[list[TmuxSession]]:
    """Real terminals a test starts (``tests/terminal``), all killed afterwards whatever happened."""
    sessions: list[TmuxSession] = []
    yield sessions
    for session in sessions:
        session.kill()
