"""A session seen as keyed slots: what an op touches, and what its undo puts back.

A *key* names one small piece of a session: one idea (``("idea", 12)``), one
turn of the tour (``("turn", 3)``), one field of the capture or vote state
(``("vote", "counted")``), one item's show of hands, one voter's ballot, the
list of participants, the grid's items, one item's grid position. ``read``
gives a slot's value as something immutable and comparable (JSON bytes for a
model, plain values for a field; ``None`` when the slot is empty) and
``write`` puts such a value back. Undo is a list of slots to put back, each
only if it still holds what the op left there (see ``sessions.core.ops``).

The draft being typed is no slot: it is never rolled back.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from enum import Enum
from operator import attrgetter, indexOf
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic_core import to_json

from sessions.models import (
    CaptureState,
    HandTally,
    Idea,
    Participant,
    Phase,
    Session,
    TimerState,
    TurnRecord,
)
from sessions.models.grid import GridPosition
from sessions.models.vote import VoteState
from sessions.sheets.model import Sheet

Key = tuple[Any, ...]

CURSOR = tuple(("capture", f) for f in ("current_round", "current_index", "turn_started_at"))
PARTICIPANTS: Key = ("participants",)
GRID_ITEMS: Key = ("grid", "items")
SHEETS_ORDER: Key = ("sheets", "order")
AGENDA_ORDER: Key = ("agenda",)  # the phases' ids in their order; ("phase", id) is one phase
MAPS: Key = ("maps",)  # the list of maps, whole (a map has no number of its own)
ENJEUX: Key = ("enjeux",)  # the list of enjeux, whole (few, short questions)


def _json(model: Any) -> bytes:
    return model.__pydantic_serializer__.to_json(model)


_NUMBER = attrgetter("number")


# The ideas list read last, its length, its last idea and that idea's number, the highest number.
_numbered: tuple[list[Idea], int, Idea, int, int] | None = None


def highest_idea_number(ideas: list[Idea]) -> int:
    """The highest number in ``ideas`` (0 when empty), without a walk per Enter.

    The highest number is kept with the list it was read from: when it is the
    same list, grown at the end only (its last idea seen still in its place,
    with its number), only the ideas added are read. Any other list, a shorter
    one or a last idea replaced is read whole.
    """
    global _numbered
    known = _numbered
    if (
        known is not None
        and known[0] is ideas
        and len(ideas) >= known[1] > 0
        and ideas[known[1] - 1] is known[2]
        and known[2].number == known[3]
    ):
        highest = max((idea.number for idea in ideas[known[1] :]), default=known[4])
        highest = max(highest, known[4])
    else:
        highest = max((idea.number for idea in ideas), default=0)
    _numbered = (ideas, len(ideas), ideas[-1], ideas[-1].number, highest) if ideas else None
    return highest


def _find_idea(session: Session, number: int) -> int | None:
    """The index of idea ``number`` in ``session.ideas`` (kept in number order)."""
    ideas = session.ideas
    index = bisect_left(ideas, number, key=lambda i: i.number)
    if index < len(ideas) and ideas[index].number == number:
        return index
    if index == len(ideas) and number > highest_idea_number(ideas):
        return None  # a new idea's slot: above every number, no walk
    try:  # absent (a new idea's slot), or a list out of order (never written so): look
        return indexOf(map(_NUMBER, ideas), number)
    except ValueError:
        return None


def read(session: Session, key: Key) -> Any:
    """The slot's value, immutable and comparable; None when the slot is empty."""
    kind = key[0]
    if kind == "idea":
        index = _find_idea(session, key[1])
        return None if index is None else _json(session.ideas[index])
    if kind == "turn":
        turns = session.capture.turns
        return _json(turns[key[1]]) if key[1] < len(turns) else None
    if kind == "capture":
        return _field(session.capture, key[1])
    if kind == "vote":
        return _field(session.vote, key[1])
    if kind == "tally":
        tally = session.vote.tallies.get(key[1])
        return None if tally is None else _json(tally)
    if kind == "ballot":
        row = session.vote.ballots.get(key[1])
        return None if row is None else tuple(sorted(row.items()))
    if kind == "participants":
        return tuple(_json(p) for p in session.participants)
    if kind == "grid":
        items = session.grid.items
        return None if items is None else tuple(items)
    if kind == "position":
        pos = session.grid.positions.get(key[1])
        return None if pos is None else _json(pos)
    if kind == "sheet":
        sheet = next((x for x in session.sheets if x.number == key[1]), None)
        return None if sheet is None else _json(sheet)
    if kind == "sheets":  # their order
        return tuple(x.number for x in session.sheets)
    if kind == "agenda":  # the phases' order
        return tuple(p.id for p in session.agenda)
    if kind == "phase":
        phase = next((p for p in session.agenda if p.id == key[1]), None)
        return None if phase is None else _json(phase)
    if kind == "timer":
        return _field(session.timer, key[1])
    if kind == "maps":
        return tuple(_json(m) for m in session.maps)
    if kind == "enjeux":
        return tuple(_json(e) for e in session.enjeux)
    raise KeyError(key)


def write(session: Session, key: Key, value: Any) -> None:
    """Put ``value`` (as ``read`` gave it) back into the slot; None empties it."""
    kind = key[0]
    if kind == "idea":
        _write_idea(session, key[1], value)
    elif kind == "turn":
        turns = session.capture.turns
        if value is None:
            del turns[key[1] :]  # the last turn (``blocked`` says when it is not)
        elif key[1] < len(turns):
            turns[key[1]] = TurnRecord.model_validate_json(value)
        else:
            turns.append(TurnRecord.model_validate_json(value))
    elif kind == "capture":
        _set_field(session.capture, key[1], value)
    elif kind == "vote":
        _set_field(session.vote, key[1], value)
    elif kind == "tally":
        if value is None:
            session.vote.tallies.pop(key[1], None)
        else:
            session.vote.tallies[key[1]] = HandTally.model_validate_json(value)
    elif kind == "ballot":
        if value is None:
            session.vote.ballots.pop(key[1], None)
        else:
            session.vote.ballots[key[1]] = dict(value)
    elif kind == "participants":
        session.participants = [Participant.model_validate_json(p) for p in value]
    elif kind == "grid":
        session.grid.items = None if value is None else list(value)
    elif kind == "position":
        if value is None:
            session.grid.positions.pop(key[1], None)
        else:
            session.grid.positions[key[1]] = GridPosition.model_validate_json(value)
    elif kind == "sheet":
        _write_sheet(session, key[1], value)
    elif kind == "sheets":
        by_number = {x.number: x for x in session.sheets}
        ordered = [by_number.pop(n) for n in value if n in by_number]
        session.sheets = ordered + list(by_number.values())
    elif kind == "agenda":
        by_id = {p.id: p for p in session.agenda}
        session.agenda = [by_id.pop(i) for i in value if i in by_id] + list(by_id.values())
    elif kind == "phase":
        _write_phase(session, key[1], value)
    elif kind == "timer":
        _set_field(session.timer, key[1], value)
    elif kind == "maps":
        from sessions.maps.model import Map

        session.maps = [Map.model_validate_json(m) for m in value]
    elif kind == "enjeux":
        from sessions.enjeux.model import Enjeu

        session.enjeux = [Enjeu.model_validate_json(e) for e in value]
    else:
        raise KeyError(key)


_PLAIN = (str, int, float, bool, datetime, Enum, type(None))


def _field(model: BaseModel, name: str) -> Any:
    """A field's value: itself when immutable, else its JSON (tagged, to tell it apart)."""
    value = getattr(model, name)
    return value if isinstance(value, _PLAIN) else ("json", to_json(value))


def _set_field(model: BaseModel, name: str, value: Any) -> None:
    if isinstance(value, tuple) and value and value[0] == "json":
        annotation = type(model).model_fields[name].annotation
        value = TypeAdapter(annotation).validate_json(value[1])
    setattr(model, name, value)


def _write_idea(session: Session, number: int, value: bytes | None) -> None:
    index = _find_idea(session, number)
    if value is None:
        if index is not None:
            del session.ideas[index]
        return
    idea = Idea.model_validate_json(value)
    if index is not None:
        session.ideas[index] = idea
        return
    ideas = session.ideas
    ideas.insert(bisect_left(ideas, number, key=lambda i: i.number), idea)


def _write_sheet(session: Session, number: int, value: bytes | None) -> None:
    """A sheet put back in its place (or at the end: the order slot places it), or removed."""
    index = next((i for i, x in enumerate(session.sheets) if x.number == number), None)
    if value is None:
        if index is not None:
            del session.sheets[index]
    elif index is None:
        session.sheets.append(Sheet.model_validate_json(value))
    else:
        session.sheets[index] = Sheet.model_validate_json(value)


def _write_phase(session: Session, phase_id: str, value: bytes | None) -> None:
    """A phase put back in its place (or at the end: the order slot places it), or removed."""
    index = next((i for i, p in enumerate(session.agenda) if p.id == phase_id), None)
    if value is None:
        if index is not None:
            del session.agenda[index]
    elif index is None:
        session.agenda.append(Phase.model_validate_json(value))
    else:
        session.agenda[index] = Phase.model_validate_json(value)


def blocked(session: Session, key: Key, value: Any, step: Mapping[Key, Any] | None = None) -> bool:
    """True when ``value`` cannot go back into the slot whatever it holds.

    Turns live in a list: one is emptied only from its end (a turn recorded
    after it, elsewhere, keeps it) and filled only at its end (none may be
    missing before it) - unless ``step``, what the same step writes in each
    slot, empties or fills those too (``write_order`` writes them in turn).
    """
    if key[0] != "turn":
        return False
    step = step or {}
    count = len(session.capture.turns)
    if value is None:
        return any(step.get(("turn", i), True) is not None for i in range(key[1] + 1, count))
    return any(step.get(("turn", i)) is None for i in range(count, key[1]))


def write_order(changes: Sequence[tuple[Key, Any]]) -> list[tuple[Key, Any]]:
    """The (slot, value) pairs of a step in the order to write them.

    Last first (an order slot is declared before what it orders, so it is
    written once they are back), but turns, which live in a list, are
    emptied from the last and filled from the first.
    """
    others = [change for change in reversed(changes) if change[0][0] != "turn"]
    turns = sorted((c for c in changes if c[0][0] == "turn"), key=lambda c: c[0][1])
    emptied = [c for c in reversed(turns) if c[1] is None]
    filled = [c for c in turns if c[1] is not None]
    return [*others, *emptied, *filled]


def all_keys(session: Session) -> Iterator[Key]:
    """Every slot of the session that undo knows (for a change given as a bare function)."""
    for idea in session.ideas:
        yield ("idea", idea.number)
    for index in range(len(session.capture.turns)):
        yield ("turn", index)
    for field in CaptureState.model_fields:
        if field not in ("turns", "draft"):  # turns one by one; the draft never goes back
            yield ("capture", field)
    for field in VoteState.model_fields:
        if field not in ("tallies", "ballots"):  # one slot per item, per voter
            yield ("vote", field)
    for number in session.vote.tallies:
        yield ("tally", number)
    for pid in session.vote.ballots:
        yield ("ballot", pid)
    yield PARTICIPANTS
    yield GRID_ITEMS
    for number in session.grid.positions:
        yield ("position", number)
    yield AGENDA_ORDER  # before the phases: undo writes it last, once they are back
    for phase in session.agenda:
        yield ("phase", phase.id)
    for field in TimerState.model_fields:
        yield ("timer", field)
    yield SHEETS_ORDER
    for sheet in session.sheets:
        yield ("sheet", sheet.number)
    yield MAPS
    yield ENJEUX
