"""People in the room: participants and the roles of the session."""

from __future__ import annotations

from pydantic import Field

from sessions.models.base import Model, short_id


class Participant(Model):
    """One participant: named in the session, never types into the app."""

    id: str = Field(default_factory=lambda: short_id("p"))
    name: str
    organisation: str = ""
    group: str = ""
    present: bool = True


class Roles(Model):
    """Who runs the workshop (names, free text)."""

    animateur: str = ""
    second_animateur: str = ""
    rapporteur: str = ""
