"""Write a large, realistic "year plan" for benchmarks and tests.

A year of content for one brand: 5,000 calendar items (by default) across five
networks, 50 goals, 20 personas, 10 team members, objectives, tools,
allocations, monthly results and reviews, with comments of the kind people
write by hand (step banners, notes above items, remarks at the end of lines).
About 1 MB of TOML for 5,000 items. The same seed always gives the same text,
byte for byte, so figures from different runs compare.

    python benchmarks/generate_year_plan.py OUT.toml [--items N] [--seed S]

``generate(items=..., seed=...)`` returns the text, for tests and other scripts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from decimal import Decimal
from pathlib import Path

DEFAULT_ITEMS = 5000
DEFAULT_SEED = 2027
GOALS = 50
PERSONAS = 20
TEAM = 10

YEAR = 2027
PERIOD_START = dt.date(YEAR, 1, 1)
PERIOD_END = dt.date(YEAR, 12, 31)
#: The day the plan is "read": items before it are published, after it still planned.
AS_OF = dt.date(YEAR, 6, 15)

NETWORKS = ("instagram", "tiktok", "facebook", "linkedin", "youtube")
NETWORK_NAMES = {
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "facebook": "Facebook",
    "linkedin": "LinkedIn",
    "youtube": "YouTube",
}
#: Typical organic monthly follower growth, as a fraction (see docs on SMART goals).
TYPICAL_GROWTH = {
    "instagram": 0.015,
    "tiktok": 0.05,
    "facebook": 0.005,
    "linkedin": 0.02,
    "youtube": 0.02,
}
FORMATS = {
    "instagram": ("reel", "carousel", "story", "post", "live"),
    "tiktok": ("video", "live", "duet"),
    "facebook": ("post", "video", "event", "album"),
    "linkedin": ("post", "article", "document", "video"),
    "youtube": ("video", "short", "live"),
}
NETWORK_HOURS = {
    "instagram": (1, 1.5, 2, 3),
    "tiktok": (1.5, 2, 3),
    "facebook": (0.5, 1, 1.5),
    "linkedin": (1, 1.5, 2),
    "youtube": (3, 4, 6),
}
PILLARS = (
    "Product in use",
    "Behind the scenes",
    "Customer stories",
    "How-to and tips",
    "Offers and launches",
    "Industry news",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
FIRST_NAMES = (
    "Ada", "Bilal", "Chen", "Dewi", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas",
    "Kavya", "Luca", "Maya", "Nadia", "Omar", "Paula", "Quinn", "Rina", "Sam", "Tomas",
)  # fmt: skip
ROLES = (
    "Head of social",
    "Social media manager",
    "Community manager",
    "Video producer",
    "Designer",
    "Copywriter",
    "Paid media specialist",
    "Analyst",
    "Photographer",
    "Intern",
)
SKILLS = (
    "copywriting", "analytics", "video editing", "photography", "paid social",
    "community", "design", "SEO", "live streaming", "reporting",
)  # fmt: skip
PERSONA_KINDS = (
    ("remote worker", "25-34", "Product designer"),
    ("student", "18-24", "University student"),
    ("parent of two", "35-44", "Nurse"),
    ("small-shop owner", "35-44", "Shop owner"),
    ("retiree", "65-74", "Retired engineer"),
    ("gym regular", "25-34", "Sales representative"),
    ("new graduate", "22-27", "Junior accountant"),
    ("freelancer", "28-38", "Illustrator"),
    ("team lead", "35-44", "Engineering manager"),
    ("home cook", "45-54", "Teacher"),
)
CITIES = (
    "Leeds",
    "Lyon",
    "Porto",
    "Bandung",
    "Austin",
    "Melbourne",
    "Gdansk",
    "Kraków",
    "Osaka",
    "Cork",
)
#: Titles are an opener and a topic of the same grammatical kind.
VERB_OPENERS = (
    "How we", "Three ways to", "Why you should", "Tutorial: how to", "Five mistakes when you",
    "Poll: do you", "The right way to",
)  # fmt: skip
VERB_TOPICS = (
    "pack a lunch in five minutes", "choose the right size", "care for your boots in winter",
    "style a rain shell for the office", "recycle the packaging",
    "make a jacket last twice as long",
    "travel light", "plan a week of trail meals", "clean a tent without chemicals",
    "fix the three common zip faults", "layer for a cold start",
)  # fmt: skip
NOUN_OPENERS = (
    "Behind the scenes:", "Ask us anything about", "Customer story:", "The quick guide to",
    "New in:", "Weekend special:", "Live Q&A:", "Myth or fact:",
)  # fmt: skip
NOUN_TOPICS = (
    "the winter hiking boots", "our repair workshop", "the trail lunch box",
    "recycled rain shells", "the autumn colours", "sizes for small feet", "the 30-litre pack",
    "our warranty", "the spring collection", "gifts under 30 euros", "the city cycling range",
)  # fmt: skip
ITEM_NOTES = (
    "Reuse the b-roll from the spring shoot.",
    "Check the caption with legal before scheduling.",
    "Tag the partner account and the photographer.",
    "Subtitles in English and Spanish.",
    "Needs the new product shots from the studio.",
    "Pin to the top of the profile for a week.",
    "Answer comments for the first two hours.",
    'Quote from a customer review: "finally, one that lasts".',
)
ABOVE_ITEM_COMMENTS = (
    "moved from last week: the product shots were late",
    "keep this one even if the campaign slips",
    "swap with the reel below if the weather is bad",
    "idea from the March review",
    "the partner approves the copy before this goes out",
    "repost of a top performer from last year",
)
LINE_END_COMMENTS = {
    "hours": ("includes editing", "two people on set", "estimate"),
    "cost": ("props", "paid to the creator", "boost, not an ad set"),
    "title": ("working title", "check spelling of the brand name"),
}


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes (\\", \\\\, \\n, \\uXXXX) are all valid TOML."""
    return json.dumps(text, ensure_ascii=False)


def _number(value: int | float | Decimal) -> str:
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _figure(value: int | Decimal) -> str:
    """A number as written in an English sentence: 28,880 or 2.5."""
    return f"{value:,}" if isinstance(value, int) else _number(value)


def _strings(values: list[str]) -> str:
    return "[" + ", ".join(_string(v) for v in values) + "]"


def _long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, text: str = "") -> None:
        self.lines.append(text)

    def banner(self, text: str) -> None:
        self.lines.append("")
        self.lines.append(f"# {text}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def generate(items: int = DEFAULT_ITEMS, seed: int = DEFAULT_SEED) -> str:
    """The TOML text of a year plan with ``items`` calendar items."""
    rng = random.Random(seed)
    out = _Writer()

    team_ids = [name.lower() for name in FIRST_NAMES[:TEAM]]
    persona_ids = [f"persona-{n:02d}" for n in range(1, PERSONAS + 1)]

    out.line("# Year plan for benchmarks: a brand with five networks and a busy calendar.")
    out.line("# Regenerate with: python benchmarks/generate_year_plan.py OUT.toml")
    out.line("schema = 1")
    out.line()
    out.line("[plan]")
    out.line(f"title = {_string(f'Northwind Outdoor: social media plan {YEAR}')}")
    out.line('organization = "Northwind Outdoor"')
    out.line(f'owner = "{team_ids[0]}"')
    out.line(f"period_start = {PERIOD_START.isoformat()}")
    out.line(f"period_end = {PERIOD_END.isoformat()}")
    out.line('currency = "EUR"')
    out.line('language = "en"')

    # -- step 1 -------------------------------------------------------------
    out.banner("Step 1: audit, where we stand today")
    out.line("[audit]")
    out.line(
        'summary = "Instagram and TikTok carry the brand; Facebook reaches existing customers; '
        'LinkedIn and YouTube are young channels with little routine."'
    )
    out.line()
    out.line("[audit.answers]")
    for key, answer in (
        ("worked_well", "Short how-to videos and customer photos."),
        ("mistakes", "Posting without a calendar in the summer; replies took two days."),
        ("competition", "Two competitors post daily reels and run monthly giveaways."),
        ("best_content", "Care guides and behind-the-scenes workshop videos."),
        ("campaign_results", "The autumn launch reached 410,000 people and sold 1,900 units."),
        ("what_people_say", "Good quality, slow delivery to the islands."),
        ("most_engagement", "Reels and TikTok videos under 30 seconds."),
        ("most_active_network", "Instagram, five posts a week."),
        ("persona_behaviour", "Evenings on Instagram and TikTok, mornings on LinkedIn."),
        ("past_tools", "Meta Business Suite, Canva, a shared spreadsheet."),
    ):
        out.line(f"{key} = {_string(answer)}")
    for network in NETWORKS:
        out.line()
        out.line("[[audit.profiles]]")
        out.line(f'network = "{network}"')
        out.line(f'handle = "@northwind.{network}"')
        out.line(f"followers = {rng.randrange(4000, 60000, 10)}")
        out.line(f"engagement_rate = {_number(Decimal(rng.randrange(5, 60)) / 10)}")
        out.line(f"posts_per_week = {rng.randrange(1, 7)}")
        out.line(f"notes = {_string(f'Numbers from {network} insights, December {YEAR - 1}.')}")
    for n, name in enumerate(("Fjord Gear", "Trailhead Co", "Summit & Sons"), start=1):
        out.line()
        out.line("[[audit.competitors]]")
        out.line(f"name = {_string(name)}")
        out.line(f"networks = {_strings(sorted(rng.sample(NETWORKS, 2)))}")
        out.line(f"notes = {_string(f'Competitor {n}: strong on giveaways and creator deals.')}")
    out.line()
    out.line("[audit.swot]")
    out.line('strengths = ["Products that last", "A loyal community", "In-house workshop"]')
    out.line('weaknesses = ["Small team", "Slow replies", "Few videos"]')
    out.line('opportunities = ["Short video", "Creators in the outdoor niche"]')
    out.line('threats = ["Rising ad prices", "Cheaper imports"]')

    # -- step 2 -------------------------------------------------------------
    out.banner("Step 2: buyer personas, who we talk to")
    for n, persona_id in enumerate(persona_ids):
        kind, ages, profession = PERSONA_KINDS[n % len(PERSONA_KINDS)]
        first = FIRST_NAMES[(n * 7 + 3) % len(FIRST_NAMES)]
        out.line()
        if n % 5 == 0:
            out.line(f"# Personas {n + 1}-{n + 5} come from the {MONTHS[n % 12]} interviews.")
        out.line("[[personas]]")
        out.line(f'id = "{persona_id}"')
        out.line(f"name = {_string(f'{first}, the {kind}')}")
        out.line(f'photo = "personas/{persona_id}.jpg"')
        out.line(f'gender = "{rng.choice(("female", "male", "non-binary"))}"')
        out.line(f'age_range = "{ages}"')
        out.line(f"location = {_string(CITIES[n % len(CITIES)])}")
        out.line('education = "University degree"')
        out.line(f"profession = {_string(profession)}")
        out.line('personality = "Curious, practical, careful with money"')
        out.line('fears = ["Buying something that breaks", "Wasting a weekend"]')
        out.line('desires = ["Gear that lasts", "More time outdoors"]')
        out.line('frustrations = ["Slow delivery", "Confusing size charts"]')
        out.line('hobbies = ["Hiking", "Cycling"]')
        out.line('habits = ["Scrolls in the evening", "Saves posts for later"]')
        out.line(f"digital_behaviour = {_string('Watches short videos daily; buys on mobile.')}")
        out.line(f"networks = {_strings(sorted(rng.sample(NETWORKS, 2)))}")
        out.line(
            f'sources = ["Customer interviews ({MONTHS[n % 12]} {YEAR - 1})", "Survey (n=412)"]'
        )

    # -- step 3 -------------------------------------------------------------
    out.banner("Step 3: resources, what we have (money, people, time, tools)")
    out.line("[resources]")
    budget_at = len(out.lines)
    out.line("budget = 0")  # replaced below, once the money committed is known
    team_hours = [40] * (TEAM - 2) + [20] * 2
    for n, member in enumerate(team_ids):
        out.line()
        out.line("[[resources.team]]")
        out.line(f'id = "{member}"')
        out.line(f"name = {_string(f'{FIRST_NAMES[n]} {chr(65 + n)}.')}")
        out.line(f"role = {_string(ROLES[n])}")
        hours = team_hours[n]
        comment = "  # part time" if hours == 20 else ""
        out.line(f"hours_per_week = {hours}{comment}")
        out.line(f"skills = {_strings(sorted(rng.sample(SKILLS, 3)))}")
    committed = Decimal(0)
    for name, cost, per in (
        ("Canva Teams", 300, "year"),
        ("Later Growth", 45, "month"),
        ("CapCut Pro", 10, "month"),
        ("Brandwatch Consumer Research", 800, "month"),
        ("Linktree Pro", 9, "month"),
        ("Lighting kit", 640, "once"),
        ("Adobe Creative Cloud", 90, "month"),
        ("Shotgun microphone", 180, "once"),
        ("Notion Plus", 96, "year"),
        ("Meta Verified", 15, "month"),
    ):
        out.line()
        out.line("[[resources.tools]]")
        out.line(f"name = {_string(name)}")
        out.line(f"cost = {cost}")
        out.line(f'per = "{per}"')
        committed += cost * (12 if per == "month" else 1)

    goal_ids = [f"goal-{n:02d}" for n in range(1, GOALS + 1)]
    goal_network = {goal: NETWORKS[n % len(NETWORKS)] for n, goal in enumerate(goal_ids)}
    for quarter in range(4):
        for n, network in enumerate(NETWORKS):
            amount = rng.randrange(1500, 6000, 100)
            goal = goal_ids[(quarter * len(NETWORKS) + n) % GOALS]
            start = dt.date(YEAR, quarter * 3 + 1, 1)
            out.line()
            out.line("[[resources.allocations]]")
            out.line(f"name = {_string(f'{NETWORK_NAMES[network]} ads, Q{quarter + 1}')}")
            out.line(f"amount = {amount}")
            out.line(f'network = "{network}"')
            out.line(f'goal = "{goal}"')
            out.line(f"start = {start.isoformat()}")
            out.line(f"end = {_month_end(YEAR, quarter * 3 + 3).isoformat()}")
            committed += amount

    # -- step 4 -------------------------------------------------------------
    out.banner("Step 4: objectives and SMART goals, where we are going")
    objectives = (
        ("awareness", "communication", "Be the outdoor brand people name first in our markets."),
        ("community", "communication", "Grow a community that answers each other's questions."),
        ("sales", "marketing", "Make social media a profitable sales channel."),
        ("leads", "marketing", "Win retail and corporate partners through LinkedIn."),
        ("service", "communication", "Answer every customer question the same day."),
    )
    for ident, kind, statement in objectives:
        out.line()
        out.line("[[objectives]]")
        out.line(f'id = "{ident}"')
        out.line(f'kind = "{kind}"')
        out.line(f"statement = {_string(statement)}")
    goal_owner: dict[str, str] = {}
    for n, goal in enumerate(goal_ids):
        network = goal_network[goal]
        owner = team_ids[n % TEAM]
        goal_owner[goal] = owner
        start = dt.date(YEAR, 1 + (n % 3), 1)
        deadline = _month_end(YEAR, 6 + (n % 7))
        months = (deadline.year - start.year) * 12 + deadline.month - start.month + 1
        personas = sorted(rng.sample(persona_ids, 1 + n % 2))
        persona_name = f"{FIRST_NAMES[(persona_ids.index(personas[0]) * 7 + 3) % 20]}"
        kind = n % 5
        if kind == 0:
            kpi, unit, objective = "followers", "followers", "awareness"
            baseline = rng.randrange(5000, 40000, 10)
            growth = TYPICAL_GROWTH[network] * rng.uniform(0.6, 1.0)
            if n == 20:
                growth = TYPICAL_GROWTH[network] * 3.5  # the one stretch goal of the plan
            target = int(round(baseline * (1 + growth) ** months, -1))
            verb = "Grow"
        elif kind == 1:
            kpi, unit, objective = "engagement rate", "%", "community"
            baseline = Decimal(rng.randrange(8, 30)) / 10
            target = baseline + Decimal(rng.randrange(2, 6)) / 10
            verb = "Raise"
        elif kind == 2:
            kpi, unit, objective = "conversions", "orders per month", "sales"
            baseline = rng.randrange(80, 400)
            target = int(baseline * rng.uniform(1.15, 1.4))
            verb = "Grow"
        elif kind == 3:
            kpi, unit, objective = "CTR", "%", "leads"
            baseline = Decimal(rng.randrange(6, 15)) / 10
            target = baseline + Decimal(rng.randrange(1, 5)) / 10
            verb = "Raise"
        else:
            kpi, unit, objective = "first response time", "minutes", "service"
            baseline = rng.randrange(90, 300, 5)
            target = rng.randrange(20, 60, 5)
            verb = "Cut"
        after = "%" if unit == "%" else ""
        statement = (
            f"{verb} {NETWORK_NAMES[network]} {kpi} from {_figure(baseline)}{after}"
            f" to {_figure(target)}{after}{'' if after else ' ' + unit}"
            f" by {_long_date(deadline)} for {persona_name} and people like them."
        )
        out.line()
        if n % 10 == 0:
            out.line(f"# Goals for {network}, reviewed every month by {owner}.")
        out.line("[[goals]]")
        out.line(f'id = "{goal}"')
        out.line(f"statement = {_string(statement)}")
        out.line(f'objective = "{objective}"')
        out.line(f'network = "{network}"')
        out.line(f'kpi = "{kpi}"')
        out.line(f"baseline = {_number(baseline)}")
        out.line(f"target = {_number(target)}")
        out.line(f'unit = "{unit}"')
        out.line(f"start = {start.isoformat()}")
        out.line(f"deadline = {deadline.isoformat()}")
        out.line(f'owner = "{owner}"')
        out.line(f"personas = {_strings(personas)}")
        out.line("hours_per_week = 1")

    # -- step 5 -------------------------------------------------------------
    out.banner("Step 5: strategy per network, which roads we take")
    out.line("[strategy]")
    out.line(f"pillars = {_strings(list(PILLARS))}")
    for n, network in enumerate(NETWORKS):
        out.line()
        out.line("[[strategy.networks]]")
        out.line(f'network = "{network}"')
        out.line(f"role = {_string(f'Role of {network} in the plan: reach and conversation.')}")
        out.line('audience = "Outdoor people aged 22-45 in our six markets"')
        out.line(f"personas = {_strings(persona_ids[n * 4 : n * 4 + 4])}")
        out.line('tone = "friendly, expert, never preachy"')
        out.line(f"formats = {_strings(list(FORMATS[network]))}")
        out.line(f"posts_per_week = {round(items / 52 / len(NETWORKS))}")
        out.line(f"paid = {'true' if n < 3 else 'false'}")
        out.line(f"notes = {_string('Weekly slots are fixed; topics move freely.')}")

    # -- step 6 -------------------------------------------------------------
    out.banner("Step 6: content calendar, the day-by-day itinerary")
    out.line("# Items are sorted by date; every week starts with a comment line.")
    days = (PERIOD_END - PERIOD_START).days + 1
    dates = sorted(PERIOD_START + dt.timedelta(days=rng.randrange(days)) for _ in range(items))
    goals_by_network: dict[str, list[str]] = {network: [] for network in NETWORKS}
    for goal, network in goal_network.items():
        goals_by_network[network].append(goal)
    capacity = dict(zip(team_ids, team_hours, strict=True))
    goal_hours = {member: sum(1 for o in goal_owner.values() if o == member) for member in team_ids}
    load: dict[tuple[str, int], float] = {}
    last_week = None
    for n, day in enumerate(dates):
        network = NETWORKS[n % len(NETWORKS)]
        goal = rng.choice(goals_by_network[network])
        hours = rng.choice(NETWORK_HOURS[network])
        week = day.isocalendar()[1]
        owner = team_ids[rng.randrange(TEAM)] if n % 3 == 0 else goal_owner[goal]
        # A planner hands work on to a colleague when the owner's week is full.
        room = capacity[owner] * 0.9 - goal_hours[owner]
        if load.get((owner, week), 0.0) + hours > room:
            owner = min(team_ids, key=lambda m: (load.get((m, week), 0.0) / capacity[m], m))
        load[(owner, week)] = load.get((owner, week), 0.0) + hours
        if day < AS_OF:
            status = "published"
        elif day < AS_OF + dt.timedelta(days=14):
            status = rng.choice(("scheduled", "scheduled", "draft"))
        else:
            status = rng.choice(("planned", "planned", "draft", "idea"))
        out.line()
        if week != last_week:
            out.line(f"# Week {week}, from {_long_date(day)}")
            last_week = week
        elif rng.random() < 0.03:
            out.line(f"# {rng.choice(ABOVE_ITEM_COMMENTS)}")
        if rng.random() < 0.5:
            title = f"{rng.choice(VERB_OPENERS)} {rng.choice(VERB_TOPICS)}"
        else:
            title = f"{rng.choice(NOUN_OPENERS)} {rng.choice(NOUN_TOPICS)}"
        cost = rng.choice((0, 0, 0, 0, 0, 0, 0, 0, 25, 40, 60, 120))
        committed += cost
        out.line("[[calendar]]")
        out.line(f"date = {day.isoformat()}")
        if rng.random() < 0.4:
            out.line(f"time = {rng.randrange(7, 22):02d}:{rng.choice((0, 15, 30, 45)):02d}:00")
        out.line(f'network = "{network}"')
        out.line(f'format = "{rng.choice(FORMATS[network])}"')
        out.line(f"pillar = {_string(rng.choice(PILLARS))}")
        out.line(f"title = {_string(title)}{_line_end(rng, 'title')}")
        out.line(f'status = "{status}"')
        out.line(f'owner = "{owner}"')
        out.line(f'goal = "{goal}"')
        out.line(f"hours = {_number(Decimal(str(hours)))}{_line_end(rng, 'hours')}")
        out.line(f"cost = {cost}{_line_end(rng, 'cost') if cost else ''}")
        if rng.random() < 0.1:
            out.line(f"notes = {_string(rng.choice(ITEM_NOTES))}")

    # -- step 7 -------------------------------------------------------------
    out.banner("Step 7: measurement and review, checking the route")
    out.line("[measurement]")
    out.line('cadence = "monthly"')
    tools = ["Meta Business Suite", "TikTok Studio", "LinkedIn analytics", "YouTube Studio"]
    out.line(f"tools = {_strings(tools)}")
    month_ends = [_month_end(YEAR, month) for month in range(1, AS_OF.month)]
    for goal in goal_ids:
        for month_end in month_ends:
            out.line()
            out.line("[[measurement.results]]")
            out.line(f'goal = "{goal}"')
            out.line(f"date = {month_end.isoformat()}")
            out.line(f"value = {rng.randrange(100, 20000)}")
    for month_end in month_ends:
        out.line()
        out.line("[[measurement.reviews]]")
        out.line(f"date = {month_end.isoformat()}")
        out.line(f"worked = {_string(f'Reels and short videos in {MONTHS[month_end.month - 1]}.')}")
        out.line('did_not_work = "Link posts on Facebook; late replies at weekends."')
        out.line('changes = "Move two Facebook slots to video; weekend rota for replies."')

    out.banner("Export settings")
    out.line("[export]")
    out.line("markdown = true")

    # About 8 % headroom over what is committed, as a careful planner leaves.
    budget = int((committed * Decimal("1.08")).to_integral_value()) // 1000 * 1000 + 1000
    out.lines[budget_at] = f"budget = {budget}"
    return out.text()


def _line_end(rng: random.Random, key: str) -> str:
    return f"  # {rng.choice(LINE_END_COMMENTS[key])}" if rng.random() < 0.02 else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="where to write the plan")
    parser.add_argument("--items", type=int, default=DEFAULT_ITEMS, help="calendar items")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    options = parser.parse_args(argv)
    text = generate(options.items, options.seed)
    options.out.write_text(text, encoding="utf-8")
    print(f"{options.out}: {len(text.encode('utf-8')):,} bytes, {options.items} calendar items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
