"""Findings about the plan's shape: schema, required keys, ids, references, unknown keys."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from functools import cache

from smplan.checks.structure.schedule import schedule_findings
from smplan.findings import Finding
from smplan.i18n import Lang, t
from smplan.i18n.formats import format_date
from smplan.keypath import KeyPath
from smplan.model import SCHEMA_VERSION, Plan, PlanTable
from smplan.model.fields import fields_of
from smplan.model.types import KNOWN_NETWORKS, SLUG_RE

_CURRENCY = re.compile(r"[A-Z]{3}")


def suggest_slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "item-1"


def _choices(ids: Iterable[str], limit: int = 5) -> str:
    listed = [f'"{i}"' for i in ids if i]
    if len(listed) > limit:
        listed = [*listed[:limit], "..."]
    return ", ".join(listed)


def _ids(items: list[PlanTable], path: KeyPath, kind: str, lang: Lang) -> Iterator[Finding]:
    """Missing, malformed and duplicate ids among one kind of item."""
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        here: KeyPath = (*path, index, "id")
        ident: str = getattr(item, "id", "")
        if not ident:
            example = suggest_slug(str(getattr(item, "name", None) or f"{kind}-{index + 1}"))
            yield Finding(
                "error",
                "missing-id",
                t("finding.id-missing", lang, kind=t(f"kind.{kind}", lang), example=example),
                here,
            )
            continue
        if not SLUG_RE.match(ident):
            yield Finding(
                "error",
                "bad-id",
                t("finding.id-bad", lang, id=ident, suggestion=suggest_slug(ident)),
                here,
                subject=ident,
            )
        if ident in first:
            owner = f"{path[-1]}[{first[ident]}]"
            yield Finding(
                "error",
                "duplicate-id",
                t(
                    "finding.id-duplicate",
                    lang,
                    id=ident,
                    first=owner,
                    kinds=t(f"kind.{kind}s", lang),
                ),
                here,
                subject=ident,
            )
        else:
            first[ident] = index


def _reference(
    value: str | None, known: dict[str, object], kind: str, path: KeyPath, lang: Lang
) -> Iterator[Finding]:
    if not value or value in known:
        return
    kind_name = t(f"kind.{kind}", lang)
    hint = (
        t("finding.dangling-hint-choose", lang, choices=_choices(known))
        if known
        else t("finding.dangling-hint-none", lang, kind=kind_name)
    )
    yield Finding(
        "error",
        "dangling-reference",
        t("finding.dangling", lang, ref=value, kind=kind_name, hint=hint),
        path,
        subject=value,
    )


def _unknown_keys(table: PlanTable, path: KeyPath, lang: Lang) -> Iterator[Finding]:
    # What ``model_extra`` returns, read without the property: a year plan has 5,400 tables.
    extra = table.__pydantic_extra__
    if extra:
        known = [key for _name, key, _kind, _default in fields_of(type(table))]
        for key in extra:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
            message = (
                t("finding.unknown-key-suggest", lang, key=key, suggestion=close[0])
                if close
                else t("finding.unknown-key", lang, key=key)
            )
            yield Finding("warning", "unknown-key", message, (*path, key))
    for name, key, kind in _table_fields(type(table)):
        value = getattr(table, name)
        if kind == "table":
            if value is not None:  # an optional table may be absent
                yield from _unknown_keys(value, (*path, key), lang)
        elif kind == "tables":
            for index, item in enumerate(value):
                yield from _unknown_keys(item, (*path, key, index), lang)


@cache
def _table_fields(cls: type[PlanTable]) -> tuple[tuple[str, str, str], ...]:
    """(attribute, key, kind) of the fields of ``cls`` that hold tables.

    Only these can hold unknown keys further down: a calendar item has none, so
    the 5,000 items of a year plan cost one lookup each instead of one per field.
    """
    return tuple((name, key, kind) for name, key, kind, _ in fields_of(cls) if kind != "leaf")


def _network(value: str | None, path: KeyPath, lang: Lang) -> Iterator[Finding]:
    if value and value not in KNOWN_NETWORKS:
        yield Finding(
            "warning",
            "unknown-network",
            t("finding.unknown-network", lang, network=value, known=", ".join(KNOWN_NETWORKS)),
            path,
        )


def check_structure(plan: Plan, lang: Lang | None = None) -> list[Finding]:
    """Every structural finding for ``plan``, in the order of the file's steps."""
    language: Lang = lang or plan.language
    return list(_structure(plan, language))


def _structure(plan: Plan, lang: Lang) -> Iterator[Finding]:
    schema = plan.schema_version
    if schema is None:
        yield Finding("error", "schema-missing", t("finding.schema-missing", lang), ("schema",))
    elif schema > SCHEMA_VERSION:
        message = t("finding.schema-newer", lang, found=schema, known=SCHEMA_VERSION)
        yield Finding("error", "schema-newer", message, ("schema",))
    elif schema < 1:
        message = t("finding.schema-old", lang, found=schema, known=SCHEMA_VERSION)
        yield Finding("error", "schema-unknown", message, ("schema",))
    info = plan.plan
    if not info.title:
        yield Finding("error", "missing-title", t("finding.title-missing", lang), ("plan", "title"))
    start, end = info.period_start, info.period_end
    if start and end and end < start:
        yield Finding(
            "error",
            "bad-period",
            t(
                "finding.bad-period",
                lang,
                start=format_date(start, lang),
                end=format_date(end, lang),
            ),
            ("plan", "period_end"),
        )
    if info.currency and not _CURRENCY.fullmatch(info.currency):
        yield Finding(
            "warning",
            "bad-currency",
            t("finding.bad-currency", lang, currency=info.currency),
            ("plan", "currency"),
        )

    yield from schedule_findings(plan, lang)
    yield from _ids(list(plan.personas), ("personas",), "persona", lang)
    yield from _ids(list(plan.resources.team), ("resources", "team"), "team", lang)
    yield from _ids(list(plan.objectives), ("objectives",), "objective", lang)
    yield from _ids(list(plan.goals), ("goals",), "goal", lang)

    personas: dict[str, object] = {p.id: p for p in plan.personas if p.id}
    team: dict[str, object] = {m.id: m for m in plan.resources.team if m.id}
    objectives: dict[str, object] = {o.id: o for o in plan.objectives if o.id}
    goals: dict[str, object] = {g.id: g for g in plan.goals if g.id}

    yield from _reference(info.owner, team, "team", ("plan", "owner"), lang)
    for i, profile in enumerate(plan.audit.profiles):
        yield from _network(profile.network, ("audit", "profiles", i, "network"), lang)
    for i, persona in enumerate(plan.personas):
        if not persona.sources:
            yield Finding(
                "warning",
                "persona-no-sources",
                t("finding.persona-no-sources", lang, id=persona.id or i),
                ("personas", i, "sources") if persona.id else ("personas", i),
                subject=persona.id or None,
            )
    for i, allocation in enumerate(plan.resources.allocations):
        here: KeyPath = ("resources", "allocations", i)
        yield from _reference(allocation.goal, goals, "goal", (*here, "goal"), lang)
        yield from _network(allocation.network, (*here, "network"), lang)
    for i, goal in enumerate(plan.goals):
        here = ("goals", i)
        yield from _reference(goal.objective, objectives, "objective", (*here, "objective"), lang)
        yield from _reference(goal.owner, team, "team", (*here, "owner"), lang)
        for j, persona_id in enumerate(goal.personas):
            yield from _reference(persona_id, personas, "persona", (*here, "personas", j), lang)
        yield from _network(goal.network, (*here, "network"), lang)
    for i, network in enumerate(plan.strategy.networks):
        here = ("strategy", "networks", i)
        yield from _network(network.network, (*here, "network"), lang)
        for j, persona_id in enumerate(network.personas):
            yield from _reference(persona_id, personas, "persona", (*here, "personas", j), lang)
    pillars = set(plan.strategy.pillars)
    for i, item in enumerate(plan.calendar):
        here = ("calendar", i)
        item_goal, item_owner, item_network = item.goal, item.owner, item.network
        # The three references of a year plan's 5,000 items are nearly all sound:
        # the finders (and their key paths) run only for an item with one that is not.
        if (
            (item_goal and item_goal not in goals)
            or (item_owner and item_owner not in team)
            or (item_network and item_network not in KNOWN_NETWORKS)
        ):
            yield from _reference(item_goal, goals, "goal", (*here, "goal"), lang)
            yield from _reference(item_owner, team, "team", (*here, "owner"), lang)
            yield from _network(item_network, (*here, "network"), lang)
        if item.pillar and pillars and item.pillar not in pillars:
            yield Finding(
                "warning",
                "unknown-pillar",
                t(
                    "finding.unknown-pillar",
                    lang,
                    pillar=item.pillar,
                    choices=_choices(plan.strategy.pillars),
                ),
                (*here, "pillar"),
            )
        if item.date and start and end and not start <= item.date <= end:
            yield Finding(
                "warning",
                "outside-period",
                t(
                    "finding.outside-period",
                    lang,
                    date=format_date(item.date, lang),
                    start=format_date(start, lang),
                    end=format_date(end, lang),
                ),
                (*here, "date"),
            )
    for i, result in enumerate(plan.measurement.results):
        yield from _reference(
            result.goal, goals, "goal", ("measurement", "results", i, "goal"), lang
        )
    yield from _unknown_keys(plan, (), lang)
