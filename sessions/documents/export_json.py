"""The JSON interchange format: the whole session plus its ranked items and vote.

``session_to_json(session)`` is what ``atelier export SESSION --format json``
writes. The keys are a contract (see ``docs/json-format.md``): they are only
ever added, never renamed or removed. ``tests/test_schema_export.py`` pins
every key path as atelier first wrote them.

The export is mapped from the stored session explicitly (``EXPORTED``), so a
change of the storage never changes it: a stored field renamed or moved keeps
its export key here (``grid_kind``, stored in the grid part since schema 4, is
still exported at the top level). A new stored field appears under its own
name, after the mapped ones, unless ``NOT_EXPORTED`` says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sessions.models import Session
from sessions.sheets.export import sheets_json
from sessions.vote.envelope import envelope, per_person, voters
from sessions.vote.ranking import ranked_items, tied_ranks, top_numbers

FORMAT = "atelier-session"
FORMAT_VERSION = 1

Stored = dict[str, Any]


def _stored(name: str) -> Callable[[Session, Stored], Any]:
    """The stored field ``name``, as stored (its nested keys are pinned too)."""
    return lambda session, stored: stored[name]


def _grid_kind(session: Session, stored: Stored) -> str | None:
    """The template's grid, or None: ``grid.kind`` when ``grid.planned`` (schema 4)."""
    return session.grid.kind.value if session.grid.planned else None


def _grid(session: Session, stored: Stored) -> dict[str, Any]:
    """The grid part as it was exported before schema 4: kind, items, positions."""
    grid = dict(stored["grid"])
    grid.pop("planned", None)  # exported as the top-level grid_kind
    return grid


def _vote(session: Session, stored: Stored) -> dict[str, Any]:
    items = ranked_items(session)
    vote = dict(stored["vote"])
    vote["envelope_override"] = session.vote.envelope
    vote["envelope"] = envelope(session)
    vote["voters"] = len(voters(session))
    vote["top"] = top_numbers(session)
    vote["total_points"] = sum(i.points for i in items if i.status in ("active", "struck"))
    # The rule ("envelope" or "dots") and what each voter gives: points or dots.
    vote["rule"] = session.vote.rule
    vote["per_person"] = per_person(session)
    return vote


def _sheets(session: Session, stored: Stored) -> list[dict[str, Any]]:
    return sheets_json(session)


# Export key -> how it is read from the session, in the order the export writes them.
EXPORTED: dict[str, Callable[[Session, Stored], Any]] = {
    "schema_version": _stored("schema_version"),
    "id": _stored("id"),
    "title": _stored("title"),
    "date": _stored("date"),
    "place": _stored("place"),
    "theme": _stored("theme"),
    "question": _stored("question"),
    "language": _stored("language"),
    "horizon_year": _stored("horizon_year"),
    "template": _stored("template"),
    "slot_minutes": _stored("slot_minutes"),
    "grid_kind": _grid_kind,
    "roles": _stored("roles"),
    "participants": _stored("participants"),
    "agenda": _stored("agenda"),
    "timer": _stored("timer"),
    "ideas": _stored("ideas"),
    "capture": _stored("capture"),
    "vote": _vote,
    "grid": _grid,
    "sheets": _sheets,
    "next_steps": _stored("next_steps"),
    "created_at": _stored("created_at"),
    "updated_at": _stored("updated_at"),
    "revision": _stored("revision"),
}
# Stored fields the export leaves out (none so far).
NOT_EXPORTED: frozenset[str] = frozenset()


def _items(session: Session) -> list[dict[str, Any]]:
    items = ranked_items(session)
    ties = tied_ranks(items)
    names = {p.id: p.name for p in session.participants}
    return [
        {
            "number": item.number,
            "numbers": list(item.numbers),
            "text": item.text,
            "author": names.get(item.author_id) if item.author_id else None,
            "author_id": item.author_id,
            "points": item.points,
            "status": item.status,
            "rank": item.rank,
            "tied": item.rank is not None and item.rank in ties,
        }
        for item in items
    ]


def session_to_json(session: Session) -> dict[str, Any]:
    """The session as a JSON-ready dict (``json.dumps`` works on it as is)."""
    stored: Stored = session.model_dump(mode="json")
    doc = {key: read(session, stored) for key, read in EXPORTED.items()}
    for name, value in stored.items():  # a stored field added since: under its own name
        if name not in doc and name not in NOT_EXPORTED:
            doc[name] = value
    doc["items"] = _items(session)
    doc["format"] = FORMAT
    doc["format_version"] = FORMAT_VERSION
    return doc
