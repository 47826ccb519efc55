"""The first frame of ``atelier open``, drawn from the file before pydantic is imported.

Building the pydantic models and validating a session of 1,000 ideas took
most of the time before the first frame. ``read_first`` reads the session's
file with the standard library (as ``atelier status`` does, with
``sessions.timer.status_light`` for the agenda and the timer) and gives a
``FirstSession``: what the overview (F2), its timer strip, its header and its
footer read of a session, nothing more. The app draws the overview from it,
then opens the session for real (lock, validation) right after that frame
and redraws it from the models: the same text. A key pressed in between is
held until the session is open.

It answers only a plain success: the file named by an id or a path, of the
current schema, every value read of the model's type. Anything else gives
None and the app opens the session first, as before (same result, same
errors). A file that reads here but not with the models (a damaged idea)
shows its first frame, then the app leaves with the error ``atelier open``
gives for it.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sessions.core.limits import MAX_MINUTES
from sessions.core.text import strip_controls
from sessions.storage.peek import DOC_ID, MAX_FILE_BYTES, SESSIONS_DIR, SUFFIX, TABLE
from sessions.storage.regular import read_regular
from sessions.timer.status_light import SHAPE_VERSION, LightSession, light_session

HORIZON_YEARS = 10  # ``Session``: no horizon year given -> the year of its date + 10
ROLES = ("animateur", "second_animateur", "rapporteur")


class Doubtful(ValueError):
    """Not of the expected shape: open the session with the models first."""


class Part(SimpleNamespace):
    """A stored object read as attributes (``session.vote.rule``); empty: falsy, as a dict."""

    def __bool__(self) -> bool:
        return bool(vars(self))


class FirstSession:
    """What the overview's first frame reads of a session, from its stored document."""

    def __init__(self, path: Path, doc: dict[str, Any], light: LightSession) -> None:
        self.path = path
        self.id = light.id
        self.title = light.title
        self.agenda = light.agenda
        self.timer = light.timer
        self.language = _text(doc["language"])
        self.date = _day(doc["date"])
        self.place = _text(doc["place"])
        self.theme = _text(doc["theme"])
        self.question = _text(doc["question"])
        year = doc["horizon_year"]
        if year is not None and type(year) is not int:
            raise Doubtful
        self.horizon_year = self.date.year + HORIZON_YEARS if year is None else year
        slot = doc["slot_minutes"]
        if slot is not None and not (type(slot) in (int, float) and 0 <= slot <= MAX_MINUTES):
            raise Doubtful  # NaN and Infinity too (json reads them): the models say why
        self.slot_minutes = slot
        roles = doc["roles"]
        if type(roles) is not dict:
            raise Doubtful
        self.roles = Part(**{role: _text(roles[role]) for role in ROLES})
        self.participants = [_person(p) for p in _list(doc["participants"])]
        # What the parts' ``present`` tests read (``sessions.core.parts``): containers only.
        for name in ("ideas", "sheets", "enjeux", "maps"):
            setattr(self, name, _list(doc[name]))
        for name in ("parts", "vote", "grid"):
            setattr(self, name, _part(doc[name]))

    @property
    def planned_minutes(self) -> float:
        return sum(phase.minutes for phase in self.agenda)


def read_first(data_dir: Path, ref: str) -> FirstSession | None:
    """The session ``ref`` names (an id or a file's path), light; None: the store decides."""
    try:
        path = _path(Path(data_dir) / SESSIONS_DIR, ref)
        if path is None:
            return None
        raw = read_regular(path, MAX_FILE_BYTES)
        if len(raw) > MAX_FILE_BYTES:
            return None
        tables = json.loads(raw.decode("utf-8"))
        doc = tables[TABLE][DOC_ID]
        if type(doc) is not dict or doc.get("schema_version") != SHAPE_VERSION:
            return None
        light = light_session(doc)
        if light is None:
            return None
        first = FirstSession(path, doc, light)
        from sessions.core.parts import part  # names only, no models

        for name in ("ideas", "vote", "grid", "sheets", "maps", "enjeux"):
            part(name).is_in(first)  # type: ignore[arg-type]  # raises if a part reads more
    except (OSError, ValueError, LookupError, TypeError, AttributeError, RecursionError):
        return None
    return first


def _path(folder: Path, ref: str) -> Path | None:
    """``SessionStore.resolve``'s first two rules: an existing file's path, or an exact id."""
    as_path = Path(ref).expanduser()
    if (os.sep in ref or ref.endswith(SUFFIX)) and as_path.is_file():
        return as_path
    exact = folder / f"{ref}{SUFFIX}"
    if exact.is_file() and not ref.startswith("."):
        return exact
    return None


def _text(value: Any) -> str:
    if type(value) is not str:
        raise Doubtful
    return strip_controls(value)


def _day(value: Any) -> date:
    if type(value) is not str or len(value) != 10 or not value.isascii():
        raise Doubtful
    return date.fromisoformat(value)


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise Doubtful
    return value


def _part(value: Any) -> Part:
    if type(value) is not dict:
        raise Doubtful
    return Part(**{key: _part(v) if type(v) is dict else v for key, v in value.items()})


def _person(value: Any) -> Part:
    if type(value) is not dict or type(value["present"]) is not bool:
        raise Doubtful
    return Part(
        name=_text(value["name"]),
        organisation=_text(value["organisation"]),
        present=value["present"],
    )
