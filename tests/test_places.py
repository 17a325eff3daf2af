"""Places in a plan in the app's words, and messages with the file's words put as the app says them."""

from __future__ import annotations

import pytest

from smplan.i18n import set_language
from smplan.i18n.places import field_label_id, in_words, place
from smplan.model import Plan
from smplan.store import PlanFile
from smplan.tui.panes import audit, goals, measurement, personas, resources, strategy
from smplan.tui.panes.calendar import CALENDAR
from smplan.tui.widgets.items import ListSpec
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def northwind() -> Plan:
    return PlanFile.open(SAMPLES / "northwind-nonprofit.toml").plan


@pytest.mark.parametrize(
    ("path", "english", "indonesian"),
    [
        (
            ("goals", 4, "deadline"),
            "Goals › Grow Instagram followers from… › Deadline",
            "Sasaran › Grow Instagram followers from… › Tenggat",
        ),
        (("goals", 1, "kpi"), "Goals › Raise volunteer shift sign-ups… › KPI", None),
        (
            ("audit", "answers", "worked_well"),
            "Audit › Audit questions › What did we do well?",
            "Audit › Pertanyaan audit › Apa yang sudah kita lakukan dengan baik?",
        ),
        (("resources", "budget"), "Resources › Budget", None),
        (("strategy", "networks", 1), "Strategy › Network cards › instagram", None),
        (
            ("resources", "team", 0, "hours_per_week"),
            "Resources › Team › Maria Alvarez › Hours per week",
            None,
        ),
        (("objectives", 0, "statement"), "Goals › Objectives › fund-meals › Statement", None),
        (("export", "flavor"), "Plan › Export › Markdown flavor", None),
        (("plan", "title"), "Plan › Title", None),
        (
            ("goals", 0, "personas", 1),
            "Goals › Grow monthly online donations… › Personas › #2",
            None,
        ),
        (("goals", 0, "colour"), "Goals › Grow monthly online donations… › “colour”", None),
        (("calendar", 99, "title"), "Calendar › calendar item #100 › Title", None),
    ],
)
def test_a_key_path_in_the_apps_words(
    northwind: Plan, path: tuple[str | int, ...], english: str, indonesian: str | None
) -> None:
    assert place(northwind, path, "en") == english
    if indonesian is not None:
        assert place(northwind, path, "id") == indonesian
    assert "[" not in place(northwind, path, "en")


def list_specs() -> list[ListSpec]:
    return [
        audit.PROFILES, audit.COMPETITORS, personas.PERSONAS, resources.TEAM, resources.TOOLS,
        resources.ALLOCATIONS, goals.OBJECTIVES, goals.GOALS, strategy.NETWORKS, CALENDAR,
        measurement.RESULTS, measurement.REVIEWS,
    ]  # fmt: skip


def test_every_list_fields_label_is_the_one_its_form_shows() -> None:
    for spec in list_specs():
        for field in spec.fields:
            path = (*spec.path, 0, field.name)
            assert field_label_id(path) == field.label_id, (spec.kind, field.name)


def test_the_fixed_forms_labels_are_the_ones_they_show() -> None:
    assert field_label_id(("audit", "answers", "past_tools")) == "question.past_tools"
    assert field_label_id(("audit", "swot", "threats")) == "swot.threats"
    assert field_label_id(("measurement", "tools")) == "field.measurement-tools"
    assert field_label_id(("export", "markdown")) == "field.export-markdown"
    assert field_label_id(("resources", "budget")) == "field.budget"


def test_messages_lose_the_files_words() -> None:
    set_language("en")
    message = 'goal "x", Achievable: add people under [[resources.team]], then set owner'
    assert in_words(message, ("goals", 0, "owner"), "en") == (
        'goal "x", Achievable: add people under “Team”, then set Owner'
    )
    fix = "set target = 200; the kpi field says leads"
    assert (
        in_words(fix, ("goals", 0, "target"), "en") == "set Target: 200; the kpi field says leads"
    )
    assert in_words("add an [[objectives]] table", (), "id") == "add an “Tujuan” table"
    # A quoted value that happens to be the key stays as written.
    assert in_words('no such owner "owner"', ("calendar", 0, "owner"), "en") == (
        'no such Owner "owner"'
    )
