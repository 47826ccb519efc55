"""The stored map: its kind, its centre, its chantier (a resource map) and its nodes.

A **resource map** (fiche outil n°4) has a chantier sheet at its centre and
resources grouped by nature; an **offer map** ([004]) has "Offre de médiation
numérique - <EPCI>" at its centre and offers grouped by family. Each node's
``link`` is the quality of the relation: ``aucun`` (no acquaintance: no line),
``pointille`` (acquaintance, no joint project: dotted), ``plein`` (a joint
project now or before: solid); a resource also answers the guide's three
questions (``have``, ``connection``, ``operative``). ``host`` is who stays at
the map's table while the others change table every 20 minutes. Own tiny
pydantic base: the session model imports this module, so it must not import
``sessions.models``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sessions.core.limits import MAX_COUNT
from sessions.core.marks import CODE, FreeText

KINDS = ("ressources", "offre")
LINKS = ("aucun", "pointille", "plein")
NATURES = ("financieres", "humaines", "techniques", "intellectuelles", "materielles")
HAVE = ("", "oui", "non")  # "Est-ce qu'on a la ressource ?" ("": not answered)
OPERATIVE = ("", "court", "moyen_long", "non")  # "Est-ce qu'elle est opérante ? à court terme ?..."

MapKind = Annotated[Literal["ressources", "offre"], CODE]
Link = Annotated[Literal["aucun", "pointille", "plein"], CODE]
Have = Annotated[Literal["", "oui", "non"], CODE]
Operative = Annotated[Literal["", "court", "moyen_long", "non"], CODE]
Number = Annotated[int, Field(ge=1, le=MAX_COUNT)]


class MapNode(BaseModel):
    """One resource (or offer): its label, its group (nature or family), its link, notes."""

    model_config = ConfigDict(extra="forbid")

    label: FreeText = Field(min_length=1)
    group: FreeText = ""  # a nature of NATURES on a resource map; a family on an offer map
    link: Link = "aucun"
    notes: FreeText = ""
    # The guide's three questions for a resource (schema 8; empty: not answered).
    have: Have = ""  # do we have it?
    connection: FreeText = ""  # are we connected with it, how?
    operative: Operative = ""  # is it operative: short term, medium-long term, not at all?


class Map(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: MapKind
    centre: FreeText = ""
    chantier: Number | None = None  # the chantier sheet's number (a resource map)
    host: FreeText = ""  # who stays at this map's table while the others rotate (schema 8)
    nodes: list[MapNode] = Field(default_factory=list)

    @model_validator(mode="after")
    def _natures(self) -> Map:
        if self.kind == "ressources":
            for node in self.nodes:
                if node.group not in NATURES:
                    raise ValueError(f"group {node.group!r} is not one of {', '.join(NATURES)}")
        return self
