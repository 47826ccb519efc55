"""The JSON interchange format: the whole session plus its ranked items and vote.

``session_to_json(session)`` is what ``atelier export SESSION --format json``
writes. The keys are a contract (see ``docs/json-format.md``): they are only
ever added, never renamed or removed.
"""

from __future__ import annotations

from typing import Any

from sessions.models import Session
from sessions.vote.envelope import envelope, per_person, voters
from sessions.vote.ranking import ranked_items, tied_ranks, top_numbers

FORMAT = "atelier-session"
FORMAT_VERSION = 1


def session_to_json(session: Session) -> dict[str, Any]:
    """The session as a JSON-ready dict (``json.dumps`` works on it as is)."""
    doc: dict[str, Any] = session.model_dump(mode="json")
    items = ranked_items(session)
    ties = tied_ranks(items)
    names = {p.id: p.name for p in session.participants}
    doc["items"] = [
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
    vote = dict(doc.get("vote") or {})
    vote["envelope_override"] = session.vote.envelope
    vote["envelope"] = envelope(session)
    vote["voters"] = len(voters(session))
    vote["top"] = top_numbers(session, 10)
    vote["total_points"] = sum(i.points for i in items if i.status in ("active", "struck"))
    # The rule ("envelope" or "dots") and what each voter gives: points or dots.
    vote["rule"] = session.vote.rule
    vote["per_person"] = per_person(session)
    doc["vote"] = vote
    doc["format"] = FORMAT
    doc["format_version"] = FORMAT_VERSION
    return doc
