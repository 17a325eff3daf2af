"""A small plan with every step filled in, for tests of the export."""

from __future__ import annotations

from smplan.model import Plan
from smplan.store import PlanFile

PLAN_TOML = """\
schema = 1

[plan]
title = "Teh Senja: social media plan 2027"
organization = "Teh Senja"
owner = "ana"
period_start = 2027-01-01
period_end = 2027-06-30
currency = "IDR"
language = "en"

[audit]
summary = "Instagram sells, TikTok grows."

[audit.answers]
worked_well = "Short brewing videos."
mistakes = "Posting at random times."

[[audit.profiles]]
network = "instagram"
handle = "@tehsenja"
followers = 4200
engagement_rate = 2.5
posts_per_week = 3
notes = "Most orders come from DMs."

[[audit.competitors]]
name = "Teh Pagi"
networks = ["instagram"]
notes = "Cheaper, weaker photos."

[audit.swot]
strengths = ["Own tea garden"]
weaknesses = ["Small team"]
opportunities = ["Gift season"]
threats = ["Price war"]

[[personas]]
id = "ana-p"
name = "Ana, office worker"
photo = "personas/ana.jpg"
location = "Bandung"
fears = ["Bitter tea"]
digital_behaviour = "Scrolls at night."
sources = ["Interviews"]

[resources]
budget = 20000000

[[resources.team]]
id = "ana"
name = "Ana Putri"
role = "Social media manager"
hours_per_week = 10
skills = ["video"]

[[resources.tools]]
name = "Canva Pro"
cost = 150000
per = "month"

[[resources.allocations]]
name = "Instagram ads"
amount = 3000000
network = "instagram"
goal = "ig-followers"

[[objectives]]
id = "awareness"
kind = "marketing"
statement = "Be known in Bandung for garden-fresh tea."

[[goals]]
id = "ig-followers"
statement = "Grow Instagram followers from 4,200 to 5,000 by 30 June 2027"
objective = "awareness"
network = "instagram"
kpi = "followers"
baseline = 4200
target = 5000
unit = "followers"
start = 2027-01-01
deadline = 2027-06-30
owner = "ana"

[strategy]
pillars = ["Garden stories"]

[[strategy.networks]]
network = "instagram"
role = "Shop window."
tone = "warm"
formats = ["reel"]
posts_per_week = 3
paid = true

[[calendar]]
date = 2027-01-04
network = "instagram"
format = "reel"
pillar = "Garden stories"
title = "Picking tea at dawn"
status = "planned"
owner = "ana"
goal = "ig-followers"
hours = 3
cost = 100000
notes = "Film at 5 am."

[[calendar]]
date = 2027-02-01
network = "instagram"
format = "carousel"
title = "Five ways to brew"
status = "idea"
owner = "ana"
hours = 2

[measurement]
cadence = "monthly"
tools = ["Meta Business Suite"]

[[measurement.results]]
goal = "ig-followers"
date = 2027-01-31
value = 4400
notes = "Good start."

[[measurement.reviews]]
date = 2027-01-31
worked = "Dawn videos."
did_not_work = "Carousels."
changes = "More reels."
"""


def small_plan() -> Plan:
    return PlanFile.from_text(PLAN_TOML).plan
