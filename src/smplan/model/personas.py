"""Step 2: buyer personas."""

from __future__ import annotations

from pydantic import Field

from smplan.model.base import PlanTable, empty_list
from smplan.model.types import Text

#: Persona fields that hold lists of short phrases.
PERSONA_LISTS = ("fears", "desires", "frustrations", "hobbies", "habits", "networks", "sources")


class Persona(PlanTable):
    id: Text = ""
    name: Text | None = None
    photo: Text | None = None
    gender: Text | None = None
    age_range: Text | None = None
    location: Text | None = None
    education: Text | None = None
    profession: Text | None = None
    personality: Text | None = None
    fears: list[Text] = Field(default_factory=empty_list)
    desires: list[Text] = Field(default_factory=empty_list)
    frustrations: list[Text] = Field(default_factory=empty_list)
    hobbies: list[Text] = Field(default_factory=empty_list)
    habits: list[Text] = Field(default_factory=empty_list)
    family: Text | None = None
    digital_behaviour: Text | None = None
    networks: list[Text] = Field(default_factory=empty_list)
    sources: list[Text] = Field(default_factory=empty_list)
