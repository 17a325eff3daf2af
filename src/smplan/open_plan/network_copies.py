"""Copies of a calendar item for other networks: one item per network in the file.

Schedulers post per network, and the plan keeps one network per item, so a post
meant for three networks is three items. A copy has every field of its source
(a repeating item's copies keep the rule and its skipped dates) but the network,
and not the ``url``: that is the address of the post once published, which is
another address on every network. A post scheduled or published on its own
network is neither on the others yet: its copies are "planned" (an idea, a
plan or a draft keeps its status). Each copy is then edited on its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from smplan.model import CalendarItem, Plan

#: Statuses that hold on the source's own network only: a copy starts as planned.
NOT_YET_ELSEWHERE = frozenset({"scheduled", "published"})


def plan_networks(plan: Plan) -> list[str]:
    """The networks of the strategy's cards, then those the calendar uses, each once."""
    cards = (card.network for card in plan.strategy.networks)
    used = (item.network for item in plan.calendar)
    return list(dict.fromkeys(n for n in (*cards, *used) if n and n.strip()))


def other_networks(plan: Plan, item: CalendarItem) -> list[str]:
    """The plan's networks that ``item`` could be copied to: all but its own."""
    return [network for network in plan_networks(plan) if network != item.network]


def network_copies(item: CalendarItem, networks: Iterable[str]) -> list[CalendarItem]:
    """A copy of ``item`` for each of ``networks``, in that order, without the published URL."""
    copies = []
    for network in networks:
        copy = item.model_copy(deep=True)
        copy.network = network
        copy.url = None
        if copy.status in NOT_YET_ELSEWHERE:
            copy.status = "planned"
        copies.append(copy)
    return copies
