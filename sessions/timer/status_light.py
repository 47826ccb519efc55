"""Light stand-ins of a session for ``atelier status``, read from its stored document.

A status bar runs ``atelier status`` every second; building the pydantic
models of a whole session costs far more than the timer arithmetic. Here a
stored session document (the parsed JSON, see ``sessions.storage.peek``) gives
named tuples holding just what ``sessions.timer.position.view`` and
``sessions.timer.status`` read: the session's id and title, the agenda's phases
(with their turns and rotation) and the timer state. Those functions take them
in place of the models, so there is one arithmetic.

``light_session`` takes only a document of the expected shape: every key known
to the model, every value of the model's type, and a schema version this
reader knows (``SHAPE_VERSION`` or older). Anything doubtful gives None, and the caller loads the
session with pydantic as before (same result, same errors). Strings are
scrubbed of controls and escapes as the full load does (``sessions.core.text``).
What is not read (ideas, participants, vote, grid ...) is only checked for its
container type, not validated item by item.
"""

from __future__ import annotations

import math
from collections import namedtuple
from datetime import date, datetime

from sessions.agenda.phase_kind import PhaseKind
from sessions.core.limits import MAX_COUNT, MAX_MINUTES, MAX_REVISION, MAX_SECONDS, MAX_YEAR
from sessions.core.text import scrub

# Not ``typing``'s, nor dataclasses nor regular expressions: a status bar runs
# this every second, and ``typing``, ``dataclasses`` (``inspect``, ``ast`` ...)
# and compiling patterns cost more than reading the file.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Fields = dict[str, tuple[Callable[[Any], Any], Any]]

# The stored schema this reader knows (``sessions.models.session.SCHEMA_VERSION``
# when it was written; a test keeps them equal so that a new version is read here
# only once this file knows it). Older versions read here too: their agenda and
# timer are the same, and a key they had that moved since is allowed below.
# Newer versions go through the full load, which tells "newer" from "damaged".
SHAPE_VERSION = 11
# Schema 4 folded the top-level ``grid_kind`` into ``grid`` (not read here).
GRID_FOLDED = 4

_KINDS = {kind.value: kind for kind in PhaseKind}
_ID_FIRST = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")
_ID_REST = _ID_FIRST | {"_", "-"}
_NINES = str.maketrans("0123456789", "9" * 10)  # a text's shape: each ASCII digit a 9
_FRACTIONS = {"9" * n for n in range(1, 7)}  # of a second: 1 to 6 digits


class Doubtful(ValueError):
    """The document is not of the expected shape: load it with pydantic instead."""


# Named tuples: immutable, compared by value, built by position or keyword;
# their annotations repeat their fields (a test checks) to say the types.
class LightTurn(namedtuple("LightTurn", "label minutes")):
    __slots__ = ()
    label: str
    minutes: float


class LightRotation(namedtuple("LightRotation", "every_minutes label")):
    __slots__ = ()
    every_minutes: float
    label: str


class LightPhase(namedtuple("LightPhase", "id title kind minutes warn_minutes turns rotation")):
    __slots__ = ()
    id: str
    title: str
    kind: PhaseKind
    minutes: float
    warn_minutes: float | None
    turns: tuple[LightTurn, ...]
    rotation: LightRotation | None


class LightTimer(
    namedtuple(
        "LightTimer",
        "index state elapsed_s segment_wall segment_mono boot_id extra_s session_started_at"
        " turn_index turn_elapsed_offset_s session_started_mono session_started_boot"
        " planned_total_s finished_total_s",
    )
):
    __slots__ = ()
    index: int
    state: str
    elapsed_s: float
    segment_wall: datetime | None
    segment_mono: float | None
    boot_id: str | None
    extra_s: float
    session_started_at: datetime | None
    turn_index: int
    turn_elapsed_offset_s: float
    session_started_mono: float | None
    session_started_boot: str | None
    planned_total_s: float | None
    finished_total_s: float | None


class LightSession(namedtuple("LightSession", "id title agenda timer")):
    __slots__ = ()
    id: str
    title: str
    agenda: tuple[LightPhase, ...]
    timer: LightTimer


# -- checks: each returns the value as the model would hold it, or raises Doubtful ----


def _str(value: Any) -> str:
    if type(value) is not str:
        raise Doubtful
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise Doubtful
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise Doubtful
    return value


def _num(value: Any) -> float:
    if type(value) not in (int, float):
        raise Doubtful
    number = float(value)  # OverflowError for a huge int: doubtful too (see light_session)
    if not math.isfinite(number):
        raise Doubtful
    return number


def _is_day(text: str) -> bool:
    """``YYYY-MM-DD``, as pydantic writes a date (ASCII digits: ``\\d`` takes any script's)."""
    return text.translate(_NINES) == "9999-99-99"


def _is_moment(text: str) -> bool:
    """What pydantic writes: ``2026-11-22T09:00:00Z``, ``...T09:00:00.500000+01:00``."""
    shape = text.translate(_NINES)
    if shape.endswith("Z"):
        shape = shape[:-1]
    elif shape[-6:] in ("+99:99", "-99:99"):
        shape = shape[:-6]
    else:
        return False
    head, dot, fraction = shape.partition(".")
    return head == "9999-99-99T99:99:99" and (not dot or fraction in _FRACTIONS)


def _moment(value: Any) -> datetime:
    if type(value) is not str or not _is_moment(value):
        raise Doubtful
    return datetime.fromisoformat(value)


def _day(value: Any) -> date:
    if type(value) is not str or not _is_day(value):
        raise Doubtful
    return date.fromisoformat(value)


def _kind(value: Any) -> PhaseKind:
    if type(value) is not str or value not in _KINDS:
        raise Doubtful
    return _KINDS[value]


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise Doubtful
    return value


def _dict(value: Any) -> dict[str, Any]:
    if type(value) is not dict:
        raise Doubtful
    return value


def _strs(value: Any) -> list[str]:
    return [_str(item) for item in _list(value)]


def _optional(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else check(value)


def _between(low: float, high: float, check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``check``, then the bounds of ``sessions.core.limits`` the model puts on the field."""

    def bounded(value: Any) -> Any:
        number = check(value)
        if not low <= number <= high:
            raise Doubtful
        return number

    return bounded


_minutes = _between(0, MAX_MINUTES, _num)
_seconds = _between(0, MAX_SECONDS, _num)
_signed = _between(-MAX_SECONDS, MAX_SECONDS, _num)
_count = _between(0, MAX_COUNT, _int)
_year = _between(1, MAX_YEAR + 100, _int)
_revision = _between(0, MAX_REVISION, _int)


_REQUIRED = object()


def _fields(doc: Any, fields: Fields) -> dict[str, Any]:
    """``doc``'s values checked and converted by ``fields`` (name: (check, default))."""
    if type(doc) is not dict or not doc.keys() <= fields.keys():
        raise Doubtful
    out = {}
    for name, (check, default) in fields.items():
        if name in doc:
            out[name] = check(doc[name])
        elif default is _REQUIRED:
            raise Doubtful  # missing, or a default the model would draw at random
        else:
            out[name] = default
    return out


def _turn(doc: Any) -> LightTurn:
    return LightTurn(**_fields(doc, TURN_FIELDS))


def _rotation(doc: Any) -> LightRotation:
    return LightRotation(**_fields(doc, ROTATION_FIELDS))


def _turns(value: Any) -> tuple[LightTurn, ...]:
    return tuple(_turn(item) for item in _list(value))


def _turns_from(doc: Any) -> dict[str, Any]:
    return _fields(doc, TURNS_FROM_FIELDS)


def _phase(doc: Any) -> LightPhase:
    values = _fields(doc, PHASE_FIELDS)
    return LightPhase(**{name: values[name] for name in LightPhase._fields})


def _agenda(value: Any) -> tuple[LightPhase, ...]:
    return tuple(_phase(item) for item in _list(value))


def _timer(doc: Any) -> LightTimer:
    values = _fields(doc, TIMER_FIELDS)
    return LightTimer(**{name: values[name] for name in LightTimer._fields})


def _session_id(value: Any) -> str:
    """``Session.id``'s pattern, ``[0-9a-z][0-9a-z_-]{0,63}``."""
    if (
        type(value) is not str
        or not 1 <= len(value) <= 64
        or value[0] not in _ID_FIRST
        or not _ID_REST.issuperset(value)
    ):
        raise Doubtful
    return value


def _version(value: Any) -> int:
    if not 1 <= _int(value) <= SHAPE_VERSION:
        raise Doubtful
    return value


def _moved_keys(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` without the keys its (older) version had that moved since, checked."""
    version = doc.get("schema_version", 1)
    if type(version) is not int or version >= GRID_FOLDED or "grid_kind" not in doc:
        return doc
    _optional(_str)(doc["grid_kind"])
    return {key: value for key, value in doc.items() if key != "grid_kind"}


# The models' fields (a test compares these names with the pydantic models).
TURN_FIELDS: Fields = {"label": (_str, _REQUIRED), "minutes": (_minutes, _REQUIRED)}
ROTATION_FIELDS: Fields = {"every_minutes": (_minutes, _REQUIRED), "label": (_str, "")}
TURNS_FROM_FIELDS: Fields = {
    "kind": (_str, _REQUIRED),
    "minutes": (_minutes, 3),
    "edited": (_bool, False),
}
PHASE_FIELDS: Fields = {
    "id": (_str, _REQUIRED),
    "title": (_str, _REQUIRED),
    "kind": (_kind, PhaseKind.PLENARY),
    "minutes": (_minutes, _REQUIRED),
    "notes": (_str, ""),
    "warn_minutes": (_optional(_minutes), None),
    "turns": (_turns, ()),
    "rotation": (_optional(_rotation), None),
    "turns_from": (_optional(_turns_from), None),
    "actual_seconds": (_optional(_seconds), None),
    "started_at": (_optional(_moment), None),
    "ended_at": (_optional(_moment), None),
    "extended_s": (_signed, 0.0),
}
TIMER_FIELDS: Fields = {
    "index": (_count, 0),
    "state": (_str, "not_started"),
    "elapsed_s": (_seconds, 0.0),
    "segment_wall": (_optional(_moment), None),
    "segment_mono": (_optional(_signed), None),
    "boot_id": (_optional(_str), None),
    "extra_s": (_signed, 0.0),
    "session_started_at": (_optional(_moment), None),
    "warned": (_bool, False),
    "rang_end": (_bool, False),
    "turn_index": (_count, 0),
    "turn_elapsed_offset_s": (_seconds, 0.0),
    "bells": (_strs, []),
    "session_started_mono": (_optional(_signed), None),
    "session_started_boot": (_optional(_str), None),
    "planned_total_s": (_optional(_seconds), None),
    "finished_total_s": (_optional(_seconds), None),
}
SESSION_FIELDS: Fields = {
    "schema_version": (_version, SHAPE_VERSION),
    "id": (_session_id, _REQUIRED),
    "title": (_str, _REQUIRED),
    "date": (_day, _REQUIRED),
    "place": (_str, ""),
    "theme": (_str, ""),
    "question": (_str, ""),
    "language": (_str, "fr"),
    "horizon_year": (_optional(_year), None),
    "template": (_str, ""),
    "slot_minutes": (_optional(_minutes), None),
    "parts": (_dict, None),
    "roles": (_dict, None),
    "participants": (_list, None),
    "agenda": (_agenda, ()),
    "timer": (_timer, _timer({})),
    "ideas": (_list, None),
    "capture": (_dict, None),
    "vote": (_dict, None),
    "grid": (_dict, None),
    "sheets": (_list, None),
    "enjeux": (_list, None),
    "maps": (_list, None),
    "next_steps": (_str, ""),
    "created_at": (_optional(_moment), None),
    "updated_at": (_optional(_moment), None),
    "revision": (_revision, 0),
}


_SHOWN = ("id", "title", "agenda", "timer")  # what the status reads, hence scrubs


def light_session(doc: Any) -> LightSession | None:
    """The status's view of a stored session document, or None when it is doubtful.

    ``doc`` is the session's document as stored (``{"session": {"1": doc}}``).
    What the status reads is scrubbed as the full load scrubs it; the keys
    must be printable already (scrubbing leaves them as they are), and the
    rest is not shown.
    """
    try:
        if type(doc) is not dict or not all(type(key) is str and key.isprintable() for key in doc):
            return None
        read = {name: scrub(doc[name]) for name in _SHOWN if name in doc}
        values = _fields(_moved_keys({**doc, **read}), SESSION_FIELDS)
    except (Doubtful, OverflowError, ValueError):
        return None
    if values["timer"].index >= max(1, len(values["agenda"])):  # as the model refuses it
        return None
    return LightSession(values["id"], values["title"], values["agenda"], values["timer"])
