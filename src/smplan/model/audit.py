"""Step 1: audit of our social networks, with SWOT."""

from __future__ import annotations

from pydantic import Field

from smplan.model.base import PlanTable, empty_list
from smplan.model.types import Count, Number, Text

#: The ten audit questions of the method, in the order the app asks them.
AUDIT_QUESTIONS = (
    "worked_well",
    "mistakes",
    "competition",
    "best_content",
    "campaign_results",
    "what_people_say",
    "most_engagement",
    "most_active_network",
    "persona_behaviour",
    "past_tools",
)

SWOT_QUADRANTS = ("strengths", "weaknesses", "opportunities", "threats")


class AuditAnswers(PlanTable):
    worked_well: Text | None = None
    mistakes: Text | None = None
    competition: Text | None = None
    best_content: Text | None = None
    campaign_results: Text | None = None
    what_people_say: Text | None = None
    most_engagement: Text | None = None
    most_active_network: Text | None = None
    persona_behaviour: Text | None = None
    past_tools: Text | None = None


class Profile(PlanTable):
    """Where we stand today on one network."""

    network: Text | None = None
    handle: Text | None = None
    followers: Count | None = None
    engagement_rate: Number | None = None
    posts_per_week: Number | None = None
    notes: Text | None = None


class Competitor(PlanTable):
    name: Text | None = None
    networks: list[Text] = Field(default_factory=empty_list)
    notes: Text | None = None


class Swot(PlanTable):
    strengths: list[Text] = Field(default_factory=empty_list)
    weaknesses: list[Text] = Field(default_factory=empty_list)
    opportunities: list[Text] = Field(default_factory=empty_list)
    threats: list[Text] = Field(default_factory=empty_list)


class Audit(PlanTable):
    summary: Text | None = None
    answers: AuditAnswers = Field(default_factory=AuditAnswers)
    profiles: list[Profile] = Field(default_factory=empty_list)
    competitors: list[Competitor] = Field(default_factory=empty_list)
    swot: Swot = Field(default_factory=Swot)
