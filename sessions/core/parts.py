"""The parts a session is made of: one table that says, for each, what it holds and how it behaves.

Every stored field of ``Session`` belongs to exactly one part (a test fails on a
field of no part or of two). Each part declares:

- ``fields``: the ``Session`` fields it owns;
- ``undo``: whether its changes go on the undo history (ctrl+z), are saved
  without being recorded (forms, the timer), or are the file's own bookkeeping;
- ``duplicate``: what ``atelier duplicate`` / the home screen's copy gives it:
  the same values (``COPIED``), the values with their live state cleared
  (``RESET``, by its ``reset`` function) or the defaults (``FRESH``);
- ``section``: the app section (``tui.sections`` mode) that shows it, if any;
- ``minutes`` / ``synthesis``: ``"module:function"`` references to the builders
  of its blocks in the document tree (``sessions.documents``), imported only
  when used; empty until a builder exists;
- ``present``: whether a given session has it (a format that uses no sheets
  has no sheets section); None: every session has it.

Names (not models) only at import: ``atelier status`` reads none of this.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sessions.models import Session


class Undo(StrEnum):
    RECORDED = "recorded"  # each change goes on the undo history (ctrl+z / ctrl+y)
    SAVED = "saved"  # saved at once, not recorded (forms, the timer, the next steps)
    FILE = "file"  # the file's own bookkeeping: nobody edits it


class Duplicate(StrEnum):
    COPIED = "copied"  # the copy starts with the same values
    RESET = "reset"  # copied, then its live state cleared (``Part.reset``)
    FRESH = "fresh"  # the copy starts with the defaults


Reset = Callable[["Session", "Session"], None]  # (source, copy): fill copy's fields


@dataclass(frozen=True)
class Part:
    name: str
    fields: tuple[str, ...]
    undo: Undo
    duplicate: Duplicate
    section: str | None = None
    reset: Reset | None = None
    minutes: tuple[str, ...] = ()  # "module:function" block builders, in no particular order
    synthesis: tuple[str, ...] = ()
    present: Callable[[Session], bool] | None = None

    def is_in(self, session: Session) -> bool:
        """Whether ``session`` has this part (its format uses it)."""
        return self.present is None or self.present(session)

    def minutes_builders(self) -> list[Callable[..., Any]]:
        return [load(ref) for ref in self.minutes]

    def synthesis_builders(self) -> list[Callable[..., Any]]:
        return [load(ref) for ref in self.synthesis]


def load(ref: str) -> Any:
    """The object a ``"module:name"`` reference names, its module imported now."""
    module_name, _, name = ref.partition(":")
    return getattr(importlib.import_module(module_name), name)


# -- what a duplicate keeps of the parts it resets ------------------------------------


def _reset_agenda(source: Session, new: Session) -> None:
    """The same phases, none of their timing; the timer back at the start."""
    new.agenda = [
        phase.model_copy(update={"actual_seconds": None, "started_at": None, "ended_at": None})
        for phase in source.agenda
    ]


def _reset_capture(source: Session, new: Session) -> None:
    """The question and the number of rounds; no turn, no draft."""
    new.capture.question = source.capture.question
    new.capture.rounds = source.capture.rounds


def _reset_vote(source: Session, new: Session) -> None:
    """The vote's rule is a choice of the format, not a result: kept; no count."""
    for name in ("rule", "per_person", "stacking"):
        if name in type(source.vote).model_fields:
            setattr(new.vote, name, getattr(source.vote, name))


def _reset_grid(source: Session, new: Session) -> None:
    """The grid's kind (impact / maîtrise or répandue / fondée); no position."""
    new.grid.kind = source.grid.kind
    new.grid.planned = source.grid.planned  # schema 4: was the top-level grid_kind


def _uses_grid(session: Session) -> bool:
    """The template planned a grid (``grid.planned``; ``grid_kind`` before schema 4), or items
    are placed on one."""
    grid = session.grid
    planned = getattr(grid, "planned", False) or getattr(session, "grid_kind", None)
    return bool(planned or grid.positions or grid.items)


def _votes(session: Session) -> bool:
    """The format votes: with dots (divergence–convergence), or to choose what goes on the
    grid (fiches outils n°1 and n°2); another format only when the group voted anyway (a
    count typed or closed, an envelope set)."""
    vote = session.vote
    if vote.rule == "dots" or _uses_grid(session):
        return True
    return bool(vote.counted or vote.tallies or vote.ballots or vote.envelope is not None)


def _gathers_ideas(session: Session) -> bool:
    """Ideas to vote on, or ideas given anyway (an atelier thématique gathers none)."""
    return _votes(session) or bool(session.ideas)


def _uses_sheets(session: Session) -> bool:
    return bool(getattr(session, "sheets", None)) or bool(session.parts.sheets)


def _uses_maps(session: Session) -> bool:
    """Its format maps, it has maps, or it has chantiers clés (each may get its resource map)."""
    chantiers = "chantier" in session.parts.sheets
    return bool(getattr(session, "maps", None)) or bool(session.parts.maps) or chantiers


def _uses_enjeux(session: Session) -> bool:
    return bool(getattr(session, "enjeux", None)) or bool(session.parts.enjeux)


_DOCS = "sessions.documents"

PARTS: tuple[Part, ...] = (
    Part(
        "file",
        ("schema_version", "id", "created_at", "updated_at", "revision"),
        Undo.FILE,
        Duplicate.FRESH,
    ),
    Part(
        "details",
        (
            "title",
            "date",
            "place",
            "theme",
            "question",
            "language",
            "horizon_year",
            "template",
            "slot_minutes",
            "parts",
        ),
        Undo.SAVED,
        Duplicate.COPIED,
        section="overview",
        minutes=(f"{_DOCS}.minutes_sections:header_blocks",),
    ),
    Part(
        "roles",
        ("roles",),
        Undo.SAVED,
        Duplicate.COPIED,
        section="overview",
        minutes=(f"{_DOCS}.minutes_sections:roles_blocks",),
    ),
    Part(
        "participants",
        ("participants",),
        Undo.RECORDED,
        Duplicate.COPIED,
        section="capture",
        minutes=(f"{_DOCS}.minutes_sections:participants_blocks",),
    ),
    Part(
        "agenda",
        ("agenda", "timer"),
        Undo.RECORDED,  # agenda edits: ctrl+z / ctrl+y; the timer's keys are saved, not recorded
        Duplicate.RESET,
        section="timer",
        reset=_reset_agenda,
        minutes=(f"{_DOCS}.minutes_sections:agenda_blocks",),
    ),
    Part(
        "ideas",
        ("ideas",),
        Undo.RECORDED,
        Duplicate.FRESH,
        section="capture",
        minutes=(f"{_DOCS}.minutes_sections:ideas_blocks",),
        present=_gathers_ideas,
    ),
    Part(
        "capture",
        ("capture",),
        Undo.RECORDED,
        Duplicate.RESET,
        section="capture",
        reset=_reset_capture,
    ),
    Part(
        "vote",
        ("vote",),
        Undo.RECORDED,
        Duplicate.RESET,
        section="vote",
        reset=_reset_vote,
        minutes=(
            f"{_DOCS}.minutes_vote:vote_blocks",
            f"{_DOCS}.minutes_vote:late_blocks",
            f"{_DOCS}.minutes_vote:top_blocks",
        ),
        synthesis=(f"{_DOCS}.synthesis:top_group_blocks",),
        present=_votes,
    ),
    Part(
        "grid",
        ("grid",),
        Undo.RECORDED,
        Duplicate.RESET,
        section="grid",
        reset=_reset_grid,
        minutes=(f"{_DOCS}.minutes_vote:grid_blocks",),
        synthesis=(f"{_DOCS}.synthesis:grid_group_blocks",),
        present=_uses_grid,
    ),
    Part(
        "sheets",
        ("sheets",),
        Undo.RECORDED,
        Duplicate.FRESH,
        section="sheets",
        minutes=("sessions.sheets.minutes:sheet_blocks",),
        synthesis=(f"{_DOCS}.synthesis:sheets_group_blocks",),
        present=_uses_sheets,
    ),
    Part(
        "enjeux",
        ("enjeux",),
        Undo.RECORDED,  # typed and reworded in the Enjeux section, ctrl+z / ctrl+y
        Duplicate.COPIED,  # the questions a copy of the session works on too
        section="enjeux",
        minutes=(
            "sessions.enjeux.minutes:enjeux_blocks",
            "sessions.enjeux.minutes:chantiers_blocks",
        ),
        synthesis=(
            f"{_DOCS}.synthesis:enjeux_group_blocks",
            "sessions.enjeux.minutes:chantiers_synthesis_blocks",
        ),
        present=_uses_enjeux,
    ),
    Part(
        "maps",
        ("maps",),
        Undo.RECORDED,  # edited in the Cartes section, ctrl+z / ctrl+y
        Duplicate.FRESH,  # a map is what a group drew
        section="maps",
        minutes=("sessions.maps.minutes:map_blocks",),
        synthesis=(f"{_DOCS}.synthesis:maps_group_blocks",),
        present=_uses_maps,
    ),
    Part(
        "next_steps",
        ("next_steps",),
        Undo.SAVED,
        Duplicate.FRESH,
        section="minutes",
        minutes=(f"{_DOCS}.minutes_sections:next_steps_blocks",),
    ),
)


def part(name: str) -> Part:
    for candidate in PARTS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def owner(field: str) -> Part:
    """The part a ``Session`` field belongs to."""
    for candidate in PARTS:
        if field in candidate.fields:
            return candidate
    raise KeyError(field)


def fields_where(keep: Callable[[Part], bool]) -> frozenset[str]:
    return frozenset(f for p in PARTS if keep(p) for f in p.fields)


def recorded_fields() -> frozenset[str]:
    """The fields whose changes go on the undo history."""
    return fields_where(lambda p: p.undo is Undo.RECORDED)


def parts_of(session: Session, names: Iterable[str] | None = None) -> list[Part]:
    """The parts ``session`` has (all of them, or those of ``names``), in the table's order."""
    wanted = None if names is None else set(names)
    return [p for p in PARTS if (wanted is None or p.name in wanted) and p.is_in(session)]


def duplicate_session(source: Session, title: str | None = None) -> Session:
    """A new session from ``source``: each part copied, reset or fresh as it declares."""
    from sessions.models import Session

    values = {
        name: copy.deepcopy(getattr(source, name))
        for p in PARTS
        if p.duplicate is Duplicate.COPIED
        for name in p.fields
    }
    if title:
        values["title"] = title
    new = Session(**values)
    for p in PARTS:
        if p.duplicate is Duplicate.RESET and p.reset is not None:
            p.reset(source, new)
    return new
