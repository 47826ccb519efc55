"""The vote's closing steps as commands: close, reopen, reveal, merge, unmerge.

The command line (``atelier vote SESSION ...``) runs each one as a locked
transaction (``store.transact``); the open app picks the change up on its
next file poll. They use the same domain functions as the F5 screen
(``sessions.vote.envelope``) and add the refusals a script needs to be told about: an
action that would change nothing (closing a closed count), or that the
method puts later (merging "by consensus" comes after the 0-point items are
struck, so after the count is closed). Each raises ``VoteError`` and changes
nothing when it refuses.

``vote_summary`` is the ``--json`` result of every action.
"""

from __future__ import annotations

from typing import Any

from sessions.models import Session
from sessions.vote import dots
from sessions.vote import envelope as v
from sessions.vote.ranking import ranked_items, raw_points, top_numbers, vote_items


def _require_items(session: Session) -> None:
    if not vote_items(session):
        raise v.VoteError("vote.err.no_items")


def has_votes(session: Session) -> bool:
    """Whether any vote was entered: a point or a dot on some item."""
    return any(raw_points(session).values())


def require_votes(session: Session) -> None:
    """Refuse to close an open count before any vote is entered: every item would be struck."""
    if vote_items(session) and not session.vote.counted and not has_votes(session):
        raise v.VoteError("vote.err.no_votes")


def close(session: Session) -> int:
    """Close the count; returns how many items are struck (0 points).

    The command line and F5 call ``require_votes`` first (unless told to force it).
    """
    _require_items(session)
    if session.vote.counted:
        raise v.VoteError("vote.err.already_closed")
    v.close_count(session, True)
    return sum(1 for item in ranked_items(session) if item.status == "struck")


def reopen(session: Session) -> None:
    """Reopen a closed count (the struck items are active again)."""
    if not session.vote.counted:
        raise v.VoteError("vote.err.not_closed")
    v.close_count(session, False)


def reveal(session: Session) -> None:
    """Show the ranking (ends the blind mode's secrecy); the count must be closed."""
    if not session.vote.counted:
        raise v.VoteError("vote.err.close_first")
    if session.vote.revealed:
        raise v.VoteError("vote.err.already_revealed")
    v.reveal(session, True)


def merge(session: Session, numbers: list[int]) -> int:
    """Merge items by consensus once the count is closed; returns the survivor."""
    if not session.vote.counted:
        raise v.VoteError("vote.err.close_first")
    return v.merge(session, numbers)


def unmerge(session: Session, number: int) -> list[int]:
    """Undo a merge (see ``sessions.vote.envelope.unmerge``); returns the numbers released."""
    return v.unmerge(session, number)


def set_rule(session: Session, rule: str, count: int | None, stacking: bool) -> str:
    """``atelier vote SESSION dots [N] [--stacking]`` / ``envelope [N]``: before counting.

    For dots, N is the dots per person (kept when omitted); for the envelope,
    N overrides the envelope's points (kept when omitted). Returns the rule in words.
    """
    if stacking and rule != dots.DOTS:
        raise v.VoteError("dots.err.stacking_envelope")
    dots.set_rule(session, rule)
    if rule == dots.DOTS:
        if count is not None:
            dots.set_per_person(session, count)
        dots.set_stacking(session, stacking)
    elif count is not None:
        v.set_envelope(session, count)
    return v.rule_text(session)


def vote_summary(session: Session) -> dict[str, Any]:
    """The vote's state after an action, for ``--json`` (keys are a contract)."""
    items = ranked_items(session)
    return {
        "counted": session.vote.counted,
        "revealed": session.vote.revealed,
        "blind": session.vote.blind,
        "method": session.vote.method,
        "rule": session.vote.rule,
        "per_person": v.per_person(session),
        "stacking": session.vote.stacking,
        "items": len(vote_items(session)),
        "struck": [i.number for i in items if i.status == "struck"],
        "merged": {str(i.number): list(i.numbers) for i in items if len(i.numbers) > 1},
        "top": top_numbers(session),
        "total_points": v.grand_total(session),
    }
