"""The session: everything one workshop group records, and its schema version.

``migrate`` upgrades a stored document of an older schema version before it is
validated; each step is a small pure function registered in ``MIGRATIONS``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pydantic import Field, model_validator

from sessions.enjeux.model import Enjeu
from sessions.maps.model import Map
from sessions.models.agenda import Phase, TimerState
from sessions.models.base import Code, FreeText, Minutes, Model, Revision, Year
from sessions.models.capture import CaptureState
from sessions.models.format_parts import FormatParts, add_format_parts
from sessions.models.grid import GridKind, GridState
from sessions.models.ideas import Idea
from sessions.models.people import Participant, Roles
from sessions.models.vote import VoteState
from sessions.sheets.model import Sheet

SCHEMA_VERSION = 11


def new_id() -> str:
    """A new session id: 8 lowercase hex digits (a unique prefix is enough to name it)."""
    return secrets.token_hex(4)


class Session(Model):
    schema_version: int = SCHEMA_VERSION
    id: Code = Field(default_factory=new_id, pattern=r"^[0-9a-z][0-9a-z_-]{0,63}$")
    title: FreeText
    date: date
    place: FreeText = ""
    theme: FreeText = ""
    question: FreeText = ""
    language: Code = "fr"
    horizon_year: Year | None = None
    template: Code = ""
    slot_minutes: Minutes | None = None
    # The parts its format uses (top N, sheet kinds, maps, enjeux), from its template.
    parts: FormatParts = Field(default_factory=FormatParts)
    roles: Roles = Field(default_factory=Roles)
    participants: list[Participant] = Field(default_factory=list)
    agenda: list[Phase] = Field(default_factory=list)
    timer: TimerState = Field(default_factory=TimerState)
    ideas: list[Idea] = Field(default_factory=list)
    capture: CaptureState = Field(default_factory=CaptureState)
    vote: VoteState = Field(default_factory=VoteState)
    grid: GridState = Field(default_factory=GridState)
    sheets: list[Sheet] = Field(default_factory=list)
    enjeux: list[Enjeu] = Field(default_factory=list)  # schema 6
    maps: list[Map] = Field(default_factory=list)  # schema 7: resource and offer maps
    next_steps: FreeText = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    revision: Revision = 0

    @model_validator(mode="after")
    def _default_horizon(self) -> Session:
        if self.horizon_year is None:
            self.horizon_year = self.date.year + 10
        return self

    @model_validator(mode="after")
    def _current_phase_exists(self) -> Session:
        # Every screen reads agenda[timer.index]: an index beyond it is a damaged file.
        if self.timer.index >= max(1, len(self.agenda)):
            raise ValueError(
                f"timer.index {self.timer.index} is beyond the agenda ({len(self.agenda)} phases)"
            )
        return self

    # Small lookups used everywhere; the heavier logic lives in its own modules.
    def idea(self, number: int) -> Idea | None:
        for idea in self.ideas:
            if idea.number == number:
                return idea
        return None

    def participant(self, pid: str | None) -> Participant | None:
        for person in self.participants:
            if person.id == pid:
                return person
        return None

    def next_idea_number(self) -> int:
        return max((idea.number for idea in self.ideas), default=0) + 1

    @property
    def grid_kind(self) -> str | None:
        """The template's grid, or None (stored as ``grid.kind`` and ``grid.planned``).

        Derived, never stored: what the JSON export's top-level ``grid_kind`` says.
        """
        return self.grid.kind.value if self.grid.planned else None

    @property
    def planned_minutes(self) -> float:
        return sum(phase.minutes for phase in self.agenda)


Migration = Callable[[dict[str, Any]], dict[str, Any]]


def fold_grid_kind(doc: dict[str, Any]) -> dict[str, Any]:
    """Schema 4: the top-level ``grid_kind`` moves into the grid part.

    It was the template's grid, stored twice (``grid_kind`` and ``grid.kind``),
    and only the first was copied by a duplicate: the top-level one wins. Set,
    it becomes ``grid.kind`` (when it names a known grid) and ``grid.planned``.
    A grid that is not an object is left for validation to refuse.
    """
    grid = doc.get("grid", {})
    if not isinstance(grid, dict):
        return doc
    kind = doc.pop("grid_kind", None)
    if kind:
        grid = {**grid, "planned": True}
        if kind in {known.value for known in GridKind}:
            grid["kind"] = kind
        doc["grid"] = grid
    return doc


# MIGRATIONS[n] upgrades a document of schema version n to version n + 1. Only a
# key that moves or changes meaning needs one; a version that adds a key with a
# default has none (older files load with the default).
MIGRATIONS: dict[int, Migration] = {
    # 2: the vote's rule (vote.rule, vote.per_person, vote.stacking); their defaults
    # make an older file an envelope vote, so nothing to rewrite.
    1: lambda doc: doc,
    # 3: the sheets (fiches); an older file has none.
    2: lambda doc: doc,
    # 4: the grid's kind is stored once, in the grid part.
    3: fold_grid_kind,
    # 5: the parts the format uses; an older file gets those its template declares.
    4: add_format_parts,
    # 6: the enjeux (questions, with the items they came from); an older file has none.
    # 7: the maps (resources of a chantier, the offer); an older file has none.
    # 8: a map's host (who stays at its table) and a node's three questions (have,
    # connection, operative); an older map has them empty.
}


class SchemaTooNew(ValueError):
    """The file was written by a newer atelier than this one."""


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Upgrade a stored session document to the current schema version."""
    version = doc.get("schema_version", 1)
    if not isinstance(version, int):
        raise ValueError(f"schema_version is not a number: {version!r}")
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"schema version {version} is newer than this atelier ({SCHEMA_VERSION})"
        )
    while version < SCHEMA_VERSION:
        # A version that only added keys (with defaults) needs no migration.
        step = MIGRATIONS.get(version)
        if step is not None:
            doc = step(doc)
        version += 1
        doc["schema_version"] = version
    return doc
