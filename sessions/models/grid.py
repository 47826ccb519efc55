"""Positions on the prioritisation grid (impact / maîtrise, or répandue / fondée)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from sessions.models.base import FreeText, Model, Number


class GridKind(StrEnum):
    IMPACT_MASTERY = "impact_mastery"  # fiche 1: présent and futur positions
    SPREAD_FOUNDED = "spread_founded"  # fiche 2: one position, x = fondée


class Level(StrEnum):
    LOW = "faible"
    MEDIUM = "moyen"
    HIGH = "fort"


class GridPosition(Model):
    present: Level | None = None
    future: Level | None = None
    reason: FreeText = ""


class GridState(Model):
    kind: GridKind = GridKind.IMPACT_MASTERY
    # The template plans a grid step (its ``grid = "..."``): the minutes show the
    # grid even before anything is placed. Schema 4 folded the session's top-level
    # ``grid_kind`` into ``kind`` and this flag.
    planned: bool = False
    items: list[Number] | None = None  # None: the top 10 with ties
    positions: dict[Number, GridPosition] = Field(default_factory=dict)
