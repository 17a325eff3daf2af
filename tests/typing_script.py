"""A whole plan's worth of typing, as keys a terminal sends, and what it should leave in the file.

The script visits every step from the keyboard alone and adds an item in each:
a profile with its numbers, a persona, a team member and a tool (with its
picker), an objective and a goal, a network card, a calendar item, a KPI result
and a review. ``full`` fills every field of the goal and of the calendar item;
the shorter script fills a few, pickers included. In step 6 both go through the
month and week views too (:func:`calendar_views`): they move the grid's cursor
to a known day, add an item there and open it again from the week.

Navigation does not depend on what the plan already holds: a step opens on its
first field, Tab from a list goes through the form of its (just added) item,
and escape goes back to the list. The values are short, never a tmux key name,
and read the same in English and Indonesian plans (whole numbers, ISO dates).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

#: tmux key names; anything else in a script is typed as text.
Key = str


@dataclass(frozen=True, slots=True)
class Text:
    """Characters typed one after the other."""

    value: str


Token = Key | Text


def typed(tokens: list[Key | Text]) -> list[Token]:
    """``tokens`` without empty texts."""
    return [t for t in tokens if not (isinstance(t, Text) and not t.value)]


def _pick(search: str) -> list[Token]:
    """Open the focused picker, type to find an option, take it."""
    return ["Enter", *([Text(search)] if search else []), "Enter"]


#: The day the calendar's views start on: the step's item is moved there first,
#: and the grid opens on the highlighted item's day (neither today nor the plan's
#: items decide it). The shorter script's day comes before every item of the
#: samples, so no repeating item of theirs (which never falls before its first
#: date) shows on the days the keys go to.
VIEW_START = {True: dt.date(2027, 2, 1), False: dt.date(2021, 2, 1)}
#: Where the month's keys end, both from a Monday: two days on (Wednesday), a
#: week down (the 10th), a month on (10 March), a day back.
VIEW_DAY = {True: dt.date(2027, 3, 9), False: dt.date(2021, 3, 9)}


def calendar_views(full: bool) -> list[Token]:
    """From the form of step 6's item: the month and the week, an item added and changed.

    Ends on the calendar's table, as it began.
    """
    return [
        # To the table, the item still highlighted, and its date set from there.
        "Escape", "Enter", "Tab", Text(VIEW_START[full].isoformat()), "Escape",
        # The month, on that day: right, right, down, a month on, left.
        "C-\\", "Right", "Right", "Down", "NPage", "Left",
        # An item on that day (two of the add keys): its title, network and format.
        "a" if full else "C-n", Text("V9"), "Tab", "Tab", "Tab", *_pick("ins"),
        "Tab", Text("pic"),
        # Back to the grid, on to the week: a day up, a week on and back, a day down.
        "Escape", "C-\\", "Up", "NPage", "PPage", "Down",
        # The day's items (the one added), the first opened: its title added to, its
        # network changed.
        "Enter", "Enter", "End", Text("w"), "Tab", "Tab", "Tab", *_pick("lin"),
        # The grid, then the table again.
        "Escape", "C-\\",
    ]  # fmt: skip


def calendar_step(full: bool) -> list[Token]:
    """Step 6: a calendar item from the table, then the month and the week."""
    keys: list[Token] = ["F7", "IC", Text("T9")]
    if full:
        keys += ["Tab", Text("2027-02-01"), "Tab", Text("09:00")]
    else:
        keys += ["Tab", "Tab"]  # the item comes dated: its date and time are left as they are
    keys += ["Tab", *_pick("fa")]
    if full:
        keys += ["Tab", Text("reel"), "Tab", *_pick(""), "Tab", *_pick("dra"), "Tab",
                 *_pick("t9"), "Tab", *_pick("g9"), "Tab", Text("1"), "Tab", Text("5"), "Tab",
                 Text("n")]  # fmt: skip
    return [*keys, *calendar_views(full)]


def script(full: bool) -> list[Token]:
    keys: list[Token] = []
    add = keys.extend
    # The plan's own details: the organization, below the title.
    add(["C-g", Text("0"), "Tab", Text("Org")])
    # Step 1: a profile and its numbers.
    add(["F2", "Tab", "IC", *_pick("tik"), "Tab", Text("@a9"), "Tab", Text("12"), "Tab",
         Text("3"), "Tab", Text("4")])  # fmt: skip
    # Step 2: a persona.
    add(["F3", "IC", Text("p9"), "Tab", Text("Ann")])
    # Step 3: a team member, then (past the member's five fields) a tool and its period.
    add(["F4", "Tab", "IC", Text("t9"), "Tab", Text("Bo"), "Tab", Text("Ed"), "Tab", Text("5"),
         "Escape", *["Tab"] * 6, "IC", Text("Cap"), "Tab", Text("8"), "Tab",
         # A new tool is "per month": the next choice, whatever the language calls it.
         "Enter", "Down", "Enter"])  # fmt: skip
    # Step 4: an objective, then (past its three fields) a goal.
    add(["F5", "IC", Text("o9"), "Escape", *["Tab"] * 4, "IC", Text("g9"), "Tab", Text("Grow"),
         "Tab", *_pick("o9"), "Tab", *_pick("ins")])  # fmt: skip
    if full:
        add(["Tab", Text("fol"), "Tab", Text("1"), "Tab", Text("2"), "Tab", Text("x"), "Tab",
             Text("2027-01-01"), "Tab", Text("2027-06-30"), "Tab", *_pick("t9"), "Tab", "Home",
             "Space", "Tab", Text("2")])  # fmt: skip
    # Step 5: a network card.
    add(["F6", "Tab", "IC", *_pick("you"), "Tab", Text("r")])
    # Step 6: a calendar item, then the month and the week.
    add(calendar_step(full))
    # Step 7: a KPI result, then (past its four fields) a review.
    add(["F8", "Tab", "Tab", "IC", *_pick("g9"), "Tab", Text("2027-03-01" if full else ""),
         "Tab", Text("7"), "Escape", *["Tab"] * 5, "IC", Text("2027-04-01" if full else ""),
         "Tab", Text("a"), "Tab", Text("b"), "Tab", Text("c")])  # fmt: skip
    add(["C-s"])
    return typed(keys)


def key_count(tokens: list[Token]) -> int:
    return sum(len(t.value) if isinstance(t, Text) else 1 for t in tokens)


def _one(items: list[dict[str, Any]], key: str, value: Any) -> dict[str, Any]:
    found = [item for item in items if item.get(key) == value]
    assert len(found) == 1, f"no single item with {key} = {value!r} in {items!r}"
    return found[0]


def check_typed(data: dict[str, Any], full: bool) -> None:
    """Assert that the values of :func:`script` are in the fields they were typed for."""
    assert data["plan"]["organization"] == "Org"
    profile = _one(data["audit"]["profiles"], "handle", "@a9")
    assert profile == {"network": "tiktok", "handle": "@a9", "followers": 12,
                       "engagement_rate": 3, "posts_per_week": 4}  # fmt: skip
    assert _one(data["personas"], "id", "p9")["name"] == "Ann"
    member = _one(data["resources"]["team"], "id", "t9")
    assert (member["name"], member["role"], member["hours_per_week"]) == ("Bo", "Ed", 5)
    tool = _one(data["resources"]["tools"], "name", "Cap")
    assert (tool["cost"], tool["per"]) == (8, "year")
    _one(data["objectives"], "id", "o9")
    goal = _one(data["goals"], "id", "g9")
    assert (goal["statement"], goal["objective"], goal["network"]) == ("Grow", "o9", "instagram")
    if full:
        assert (goal["kpi"], goal["baseline"], goal["target"], goal["unit"]) == ("fol", 1, 2, "x")
        assert (str(goal["start"]), str(goal["deadline"])) == ("2027-01-01", "2027-06-30")
        assert goal["owner"] == "t9"
        assert len(goal["personas"]) == 1
        assert goal["hours_per_week"] == 2
    card = _one(data["strategy"]["networks"], "network", "youtube")
    assert card["role"] == "r"
    item = _one(data["calendar"], "title", "T9")
    assert item["network"] == "facebook"
    assert item["date"] == VIEW_START[full]
    if full:
        assert str(item["time"]) == "09:00:00"
        assert (item["format"], item["status"], item["owner"], item["goal"]) == (
            "reel", "draft", "t9", "g9",
        )  # fmt: skip
        assert (item["hours"], item["cost"], item["notes"]) == (1, 5, "n")
    check_views(data, full)
    result = _one(data["measurement"]["results"], "goal", "g9")
    assert result["value"] == 7
    review = _one(data["measurement"]["reviews"], "worked", "a")
    assert (review["did_not_work"], review["changes"]) == ("b", "c")
    if full:
        assert (str(result["date"]), str(review["date"])) == ("2027-03-01", "2027-04-01")


def check_views(data: dict[str, Any], full: bool) -> None:
    """Assert that the item of :func:`calendar_views` is on its day with what was typed."""
    added = _one(data["calendar"], "title", "V9w")
    assert added == {"date": VIEW_DAY[full], "network": "linkedin", "format": "pic",
                     "title": "V9w", "status": "idea"}  # fmt: skip
