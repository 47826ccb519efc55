"""People in the room: participants and the roles of the session."""

from __future__ import annotations

from pydantic import Field

from sessions.models.base import Code, FreeText, Model, short_id


class Participant(Model):
    """One participant: named in the session, never types into the app."""

    id: Code = Field(default_factory=lambda: short_id("p"))
    name: FreeText
    organisation: FreeText = ""
    group: FreeText = ""
    present: bool = True


class Roles(Model):
    """Who runs the workshop (names, free text)."""

    animateur: FreeText = ""
    second_animateur: FreeText = ""
    rapporteur: FreeText = ""
