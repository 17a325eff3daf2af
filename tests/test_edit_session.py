"""The edit session's idea of "unsaved": the plan differs from the last save.

Unit cases for the usual ways back to a clean plan, and a Hypothesis property:
after any series of edits, undos, redos and saves, ``dirty`` is True exactly
when the plan's data differs from what the last save held.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from smplan.editing import EditSession
from smplan.model import Persona, Plan


def plan_with(*ids: str) -> Plan:
    plan = Plan()
    plan.personas = [Persona(id=i) for i in ids]
    return plan


def test_add_then_delete_is_clean_again() -> None:
    plan, session = plan_with("a"), EditSession()
    session.insert(plan, "personas", 1, Persona(id="b"))
    assert session.dirty
    session.delete(plan, "personas", 1)
    assert not session.dirty


def test_an_edit_typed_back_or_undone_is_clean_again() -> None:
    plan, session = plan_with("a"), EditSession()
    session.set(plan.plan, "title", "New")
    assert session.dirty
    session.set(plan.plan, "title", None)
    assert not session.dirty
    session.set(plan.personas[0], "name", "Ann")
    session.undo()
    assert not session.dirty
    session.redo()
    assert session.dirty


def test_several_fields_set_together_are_one_undo_step() -> None:
    plan, session = plan_with("a"), EditSession()
    persona = plan.personas[0]
    session.set(persona, "name", "Ann")
    changed = session.set_fields(
        persona, {"name": "Ann", "profession": "Buyer", "age_range": "30-40"}
    )
    assert changed == ("profession", "age_range")  # the name already held it
    assert (persona.profession, persona.age_range) == ("Buyer", "30-40")
    assert (
        session.set_fields(persona, {"profession": "Buyer"}) == ()
    )  # nothing changes, nothing kept
    session.undo()
    assert (persona.name, persona.profession, persona.age_range) == ("Ann", None, None)
    session.mark_saved(session.checkpoint())
    session.redo()
    assert (persona.profession, persona.age_range) == ("Buyer", "30-40")
    assert session.dirty
    session.undo()
    assert not session.dirty


def test_items_inserted_together_are_one_undo_step() -> None:
    plan, session = plan_with("a", "z"), EditSession()
    session.insert_many(plan, "personas", 1, [Persona(id="b"), Persona(id="c")])
    assert [p.id for p in plan.personas] == ["a", "b", "c", "z"]
    assert session.dirty
    session.undo()
    assert [p.id for p in plan.personas] == ["a", "z"]
    assert not session.dirty and not session.can_undo
    session.redo()
    assert [p.id for p in plan.personas] == ["a", "b", "c", "z"]
    assert session.dirty


def test_a_value_set_on_an_item_that_is_deleted_again_does_not_count() -> None:
    plan, session = plan_with("a"), EditSession()
    new = Persona(id="b")
    session.insert(plan, "personas", 1, new)
    session.set(new, "name", "Bea")
    session.delete(plan, "personas", 1)
    assert not session.dirty


def test_undo_past_the_save_is_unsaved_and_redo_back_to_it_is_clean() -> None:
    plan, session = plan_with("a"), EditSession()
    session.set(plan.plan, "title", "One")
    session.set(plan.plan, "owner", "me")
    session.mark_saved(session.checkpoint())
    assert not session.dirty
    session.undo()
    assert session.dirty
    session.redo()
    assert not session.dirty


def test_moves_that_cancel_out_are_clean() -> None:
    plan, session = plan_with("a", "b", "c"), EditSession()
    session.move(plan, "personas", 0, 2)
    assert session.dirty
    session.move(plan, "personas", 2, 0)
    assert not session.dirty


def test_a_restored_copy_stays_unsaved_until_saved() -> None:
    plan, session = plan_with("a"), EditSession()
    session.mark_dirty()
    assert session.dirty
    session.set(plan.plan, "title", "x")
    session.set(plan.plan, "title", None)
    assert session.dirty
    session.mark_saved(session.checkpoint())
    assert not session.dirty


# -- the property --------------------------------------------------------------

ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("title"), st.sampled_from([None, "A", "B"])),
        st.tuples(st.just("name"), st.integers(0, 5), st.sampled_from([None, "x", "y"])),
        st.tuples(st.just("insert"), st.integers(0, 5)),
        st.tuples(st.just("delete"), st.integers(0, 5)),
        st.tuples(st.just("move"), st.integers(0, 5), st.integers(0, 5)),
        st.tuples(st.just("undo")),
        st.tuples(st.just("redo")),
        st.tuples(st.just("save")),
    ),
    max_size=30,
)


def snapshot(plan: Plan) -> Any:
    """The plan's data, with each item told apart by identity as well as by value."""
    return (plan.plan.title, [(id(p), p.model_dump()) for p in plan.personas])


@settings(max_examples=400, deadline=None)
@given(ACTIONS)
def test_dirty_is_exactly_a_difference_from_the_last_save(actions: list[tuple[Any, ...]]) -> None:
    plan, session = plan_with("a", "b"), EditSession()
    saved = snapshot(plan)
    kept: list[Persona] = list(plan.personas)  # items stay alive: ids are never reused
    for action in actions:
        kind, *args = action
        items = plan.personas
        if kind == "title":
            session.set(plan.plan, "title", args[0])
        elif kind == "name" and items:
            session.set(items[args[0] % len(items)], "name", args[1])
        elif kind == "insert":
            new = Persona(id="n")
            kept.append(new)
            session.insert(plan, "personas", args[0] % (len(items) + 1), new)
        elif kind == "delete" and items:
            session.delete(plan, "personas", args[0] % len(items))
        elif kind == "move" and items:
            session.move(plan, "personas", args[0] % len(items), args[1] % len(items))
        elif kind == "undo":
            session.undo()
        elif kind == "redo":
            session.redo()
        elif kind == "save":
            session.mark_saved(session.checkpoint())
            saved = snapshot(plan)
        assert session.dirty == (snapshot(plan) != saved), (action, session.dirty)


def test_edits_made_in_a_group_are_one_undo_step_and_one_notice() -> None:
    plan, session = plan_with("a"), EditSession()
    heard: list[tuple[str, bool]] = []
    session.subscribe(lambda edit, undoing: heard.append((edit.kind, undoing)))
    persona = plan.personas[0]
    with session.grouped(plan, "personas", step=2, label="persona"):
        session.set(persona, "name", "Ann")
        session.set(persona, "name", "Anna")  # typing inside a group is not merged away
        session.insert(plan, "personas", 1, Persona(id="b"))
    assert heard == [("group", False)]
    assert [p.id for p in plan.personas] == ["a", "b"] and persona.name == "Anna"
    session.undo()
    assert [p.id for p in plan.personas] == ["a"] and persona.name is None
    assert not session.dirty and not session.can_undo
    session.redo()
    assert [p.id for p in plan.personas] == ["a", "b"] and persona.name == "Anna"
    assert heard == [("group", False), ("group", True), ("group", False)]
    # A group that changed nothing leaves no step.
    with session.grouped(plan, "personas"):
        session.set(persona, "name", "Anna")
    assert len(heard) == 3
