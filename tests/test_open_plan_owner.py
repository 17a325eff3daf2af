"""The open plan's owner without Textual: edits, live SMART and budget, findings, reload, save."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from smplan.editing import Edit
from smplan.model import Goal
from smplan.open_plan.budget_state import BUDGET_DELAY
from smplan.open_plan.plan import Checked, Job, OpenPlan
from smplan.open_plan.plan_checks import FINDINGS_DELAY, check_plan
from smplan.store import PlanFile, PlanFileError
from tests.conftest import FIXTURES, SAMPLES
from tests.tui_flow import copy_sample

TODAY = dt.date(2026, 12, 1)


class Recorder:
    """A listener that writes down what the owner told it, in order."""

    def __init__(self) -> None:
        self.news: list[str] = []
        self.edits: list[tuple[Edit, bool]] = []
        self.scheduled: dict[Job, float | None] = {}

    def plan_edited(self, edit: Edit, undoing: bool) -> None:
        self.news.append("edited")
        self.edits.append((edit, undoing))

    def budget_changed(self) -> None:
        self.news.append("budget")

    def plan_checked(self) -> None:
        self.news.append("checked")

    def schedule(self, job: Job, delay: float | None) -> None:
        self.news.append(f"schedule {job} {delay}")
        self.scheduled[job] = delay

    def edit_refused(self) -> None:
        self.news.append("refused")


def owner_of(plan_file: PlanFile) -> tuple[OpenPlan, Recorder]:
    owner = OpenPlan(plan_file)
    owner.smart.today = TODAY
    recorder = Recorder()
    owner.listener = recorder
    owner.open(plan_file)
    owner.check_now()
    recorder.news.clear()
    return owner, recorder


@pytest.fixture
def northwind(tmp_path: Path) -> tuple[OpenPlan, Recorder]:
    return owner_of(PlanFile.open(copy_sample(tmp_path, "northwind-nonprofit.toml")))


def test_a_goal_edit_updates_its_smart_verdict_at_once_and_waits_to_check(
    northwind: tuple[OpenPlan, Recorder],
) -> None:
    owner, recorder = northwind
    goal = owner.plan.goals[0]
    assert owner.smart.verdict(owner.plan, goal).letter("T").state == "pass"
    owner.edit(goal, "deadline", None, step=4, path=("goals", 0))
    assert owner.smart.verdict(owner.plan, goal).letter("T").state != "pass"
    [(edit, undoing)] = recorder.edits
    assert (edit.kind, edit.owner, edit.name, undoing) == ("set", goal, "deadline", False)
    # A deadline moves hours: the budget of a small plan is computed at once, then
    # the pane hears of the edit, then the full check waits for typing to pause.
    assert recorder.news == [
        "schedule budget None",
        "budget",
        "edited",
        f"schedule check {FINDINGS_DELAY}",
    ]
    assert owner.dirty


def test_undo_is_told_as_undoing_and_puts_the_verdict_back(
    northwind: tuple[OpenPlan, Recorder],
) -> None:
    owner, recorder = northwind
    goal = owner.plan.goals[0]
    owner.edit(goal, "deadline", None, step=4, path=("goals", 0))
    undone = owner.undo()
    assert undone is not None and goal.deadline is not None
    assert recorder.edits[-1] == (undone, True)
    assert owner.smart.verdict(owner.plan, goal).letter("T").state == "pass"
    assert not owner.dirty
    assert owner.redo() is undone and goal.deadline is None


def test_a_field_without_money_leaves_the_budget_alone(
    northwind: tuple[OpenPlan, Recorder],
) -> None:
    owner, recorder = northwind
    report = owner.budget.report
    owner.edit(owner.plan.plan, "title", "Other", step=0, path=("plan", "title"))
    assert recorder.news == ["edited", f"schedule check {FINDINGS_DELAY}"]
    assert owner.budget.report is report


def test_a_money_edit_recomputes_the_budget_in_place(
    northwind: tuple[OpenPlan, Recorder],
) -> None:
    owner, recorder = northwind
    budget = owner.budget
    before = budget.report
    assert before is not None and before.money.available is not None
    resources = owner.plan.resources
    doubled = before.money.available * 2
    owner.edit(resources, "budget", doubled, step=3, path=("resources", "budget"))
    assert owner.budget is budget  # the same state object, updated
    assert budget.report is not None and budget.report.money.available == doubled
    assert recorder.news[:2] == ["schedule budget None", "budget"]


def test_a_slow_budget_waits_for_typing_to_pause(northwind: tuple[OpenPlan, Recorder]) -> None:
    owner, recorder = northwind
    owner.budget.last_seconds = 1.0  # as on a plan of thousands of items
    before = owner.budget.report
    owner.edit(owner.plan.resources, "budget", Decimal(1), step=3, path=("resources", "budget"))
    assert recorder.scheduled["budget"] == BUDGET_DELAY
    assert "budget" not in recorder.news and owner.budget.report is before
    owner.run("budget")  # what the app's timer does
    assert recorder.news[-1] == "budget"
    assert owner.budget.report is not None and owner.budget.report.money.available == 1


def test_a_list_edit_always_recomputes_the_budget(northwind: tuple[OpenPlan, Recorder]) -> None:
    owner, recorder = northwind
    count = len(owner.plan.goals)
    removed = owner.delete(owner.plan, "goals", 0, step=4, label="goal")
    assert isinstance(removed, Goal) and len(owner.plan.goals) == count - 1
    assert recorder.news[:2] == ["schedule budget None", "budget"]
    owner.insert(owner.plan, "goals", 0, removed, step=4, label="goal")
    assert owner.plan.goals[0] is removed
    assert owner.move(owner.plan, "goals", 0, 1, step=4)
    assert owner.plan.goals[1] is removed


def test_a_check_result_replaces_findings_and_verdicts_in_place(
    northwind: tuple[OpenPlan, Recorder],
) -> None:
    owner, recorder = northwind
    smart = owner.smart
    goal = owner.plan.goals[0]
    # Set behind the owner's back: only a full check sees it.
    goal.deadline = None
    assert smart.verdict(owner.plan, goal).letter("T").state == "pass"
    checked = owner.run_check()
    assert checked is not None and checked.plan is owner.plan
    assert owner.apply_check(checked)
    assert owner.smart is smart
    assert smart.verdict(owner.plan, goal).letter("T").state != "pass"
    assert any(f.path[:2] == ("goals", 0) for f in owner.findings)
    assert recorder.news == ["checked"]


def test_a_check_of_a_plan_no_longer_open_is_dropped(tmp_path: Path) -> None:
    owner, recorder = owner_of(PlanFile.open(copy_sample(tmp_path, "northwind-nonprofit.toml")))
    old_plan = owner.plan
    stale = Checked(old_plan, check_plan(old_plan, TODAY))
    owner.open(PlanFile.open(copy_sample(tmp_path, "minimal.toml")))
    findings = owner.findings
    assert not owner.apply_check(stale)
    assert owner.findings is findings and recorder.news == []


def test_a_finding_made_while_reading_goes_once_its_value_is_edited(tmp_path: Path) -> None:
    text = (SAMPLES / "minimal.toml").read_text(encoding="utf-8")
    broken = text.replace("baseline = 640", 'baseline = "lots"')
    assert broken != text
    path = tmp_path / "plan.toml"
    path.write_text(broken, encoding="utf-8")
    owner, _ = owner_of(PlanFile.open(path))
    where = ("goals", 0, "baseline")
    assert where in owner.problems_under(("goals", 0))
    # Another goal's field: the load finding stays with its goal.
    owner.edit(owner.plan.goals[1], "baseline", 3, step=4, path=("goals", 1, "baseline"))
    owner.check_now()
    assert where in owner.problems_under(("goals", 0))
    owner.edit(owner.plan.goals[0], "baseline", 640, step=4, path=where)
    owner.check_now()
    assert where not in owner.problems_under(("goals", 0))


def test_problems_under_keeps_to_its_prefix_and_leaves_out_notes(
    northwind: tuple[OpenPlan, Recorder],
) -> None:
    owner, _ = northwind
    owner.plan.goals[0].deadline = None
    owner.plan.goals[1].deadline = None
    owner.check_now()
    first = owner.problems_under(("goals", 0))
    assert first and all(path[:2] == ("goals", 0) for path in first)
    assert owner.problems_under(("goals", 1))
    everything = owner.problems_under(())
    assert set(first) <= set(everything)
    shown = {f.path for f in owner.findings if f.level != "info"}
    assert set(everything) == shown
    problems = owner.problems()
    assert [p.finding for p in problems] == owner.findings
    assert all(p.message for p in problems)


def test_ref_choices_list_what_the_plan_has(northwind: tuple[OpenPlan, Recorder]) -> None:
    owner, _ = northwind
    plan = owner.plan
    assert [key for _, key in owner.ref_choices("goals")] == [g.id for g in plan.goals if g.id]
    assert [key for _, key in owner.ref_choices("team")] == [
        m.id for m in plan.resources.team if m.id
    ]
    labels = dict((key, label) for label, key in owner.ref_choices("personas"))
    persona = plan.personas[0]
    assert persona.id is not None and persona.name is not None
    assert labels[persona.id] == f"{persona.id} · {persona.name}"
    networks = [key for _, key in owner.ref_choices("networks")]
    used = [n.network for n in plan.strategy.networks if n.network]
    assert networks[: len(used)] == list(dict.fromkeys(used))
    assert "tiktok" in networks  # a known network the plan does not use yet
    # A new goal is offered at once: the choices are read from the plan each time.
    owner.insert(plan, "goals", len(plan.goals), Goal(id="brand-new"), step=4, label="goal")
    assert "brand-new" in [key for _, key in owner.ref_choices("goals")]


def test_reload_reads_the_file_again_and_forgets_the_history(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, "minimal.toml")
    owner, _ = owner_of(PlanFile.open(path))
    owner.edit(owner.plan.plan, "title", "Typed here", step=0, path=("plan", "title"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Corner Bakery", "Corner Café"), encoding="utf-8")
    assert owner.reload() == "reloaded"
    assert owner.plan.plan.title == "Corner Café: first social media plan"
    assert not owner.dirty and owner.undo() is None
    path.write_text("[plan\n", encoding="utf-8")
    with pytest.raises(PlanFileError):
        owner.reload()
    assert owner.plan.plan.title == "Corner Café: first social media plan"
    path.unlink()
    assert owner.reload() == "gone"


def test_a_plan_without_a_path_cannot_be_reloaded() -> None:
    text = (SAMPLES / "minimal.toml").read_text(encoding="utf-8")
    owner, _ = owner_of(PlanFile.from_text(text, None))
    assert owner.reload() == "no-path"


def test_a_restored_copy_is_unsaved_from_the_start(tmp_path: Path) -> None:
    owner, _ = owner_of(PlanFile.open(copy_sample(tmp_path, "minimal.toml")))
    owner.open(PlanFile.open(copy_sample(tmp_path, "minimal.toml")), dirty=True)
    assert owner.dirty


def test_edits_made_while_a_save_runs_stay_unsaved(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, "minimal.toml")
    owner, _ = owner_of(PlanFile.open(path))
    info = owner.plan.plan
    owner.edit(info, "title", "Saved title", step=0, path=("plan", "title"))
    snapshot = owner.snapshot_for_save(path)
    # Typed while the worker writes: neither in the snapshot nor marked saved.
    owner.edit(info, "title", "Saved title, then more", step=0, path=("plan", "title"))
    PlanFile.write(snapshot.pending)
    owner.save_finished(snapshot, ok=True)
    assert "Saved title" in path.read_text(encoding="utf-8")
    assert "then more" not in path.read_text(encoding="utf-8")
    assert owner.dirty
    owner.undo()
    assert info.title == "Saved title" and not owner.dirty


def test_locked_edits_are_refused_and_the_listener_hears_why(tmp_path: Path) -> None:
    owner, recorder = owner_of(PlanFile.open(copy_sample(tmp_path, "minimal.toml")))
    title = owner.plan.plan.title
    owner.lock_edits()
    assert owner.edits_locked
    owner.edit(owner.plan.plan, "title", "Someone else's", step=0, path=("plan", "title"))
    assert owner.plan.plan.title == title and not owner.dirty
    assert recorder.news == ["refused"]


def test_detach_is_one_undo_step_and_the_budget_hears_of_it(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    shutil.copyfile(FIXTURES / "scenarios" / "calendar_series.toml", path)
    owner, recorder = owner_of(PlanFile.open(path))
    series = owner.plan.calendar[0]
    copy = owner.detach(0, dt.date(2027, 3, 9), step=6)
    assert copy is owner.plan.calendar[-1] and copy.date == dt.date(2027, 3, 9)
    assert series.except_ == [dt.date(2027, 3, 9), dt.date(2027, 3, 16)]
    ((edit, undoing),) = recorder.edits
    assert edit.kind == "group" and edit.owner is owner.plan and not undoing
    assert "budget" in recorder.news or "schedule budget" in " ".join(recorder.news)
    assert owner.undo() is edit
    assert len(owner.plan.calendar) == 3 and series.except_ == [dt.date(2027, 3, 16)]
    assert not owner.dirty
    with pytest.raises(ValueError):
        owner.detach(0, dt.date(2027, 3, 16), step=6)  # skipped already
    with pytest.raises(ValueError):
        owner.detach(1, dt.date(2027, 3, 10), step=6)  # a plain item
    owner.lock_edits()
    recorder.news.clear()
    assert owner.detach(0, dt.date(2027, 3, 9), step=6) is None
    assert recorder.news == ["refused"] and len(owner.plan.calendar) == 3


def test_the_problems_asked_before_the_first_check_come_from_a_check(tmp_path: Path) -> None:
    # The app checks a plan once its first screen is drawn: a problems list opened
    # before that still lists every problem, not none.
    path = copy_sample(tmp_path, "minimal.toml")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"weekend-orders"', '"ig-followers"'), encoding="utf-8")
    plan_file = PlanFile.open(path)
    owner = OpenPlan(plan_file)
    recorder = Recorder()
    owner.listener = recorder
    owner.open(plan_file)
    assert not owner.checked and owner.findings == []
    problems = owner.problems()
    assert owner.checked and recorder.news == ["checked"]
    assert [p.finding.code for p in problems if p.finding.level == "error"] == ["duplicate-id"]
