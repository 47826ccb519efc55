"""Points per item and the ranked list of items after the vote (METHOD step 3).

Choices made here (documented in ``docs/vote.md``):

- an item *merged* into another one counts in the surviving item: the
  survivor's points are the sum of the group, its ``numbers`` list every
  number of the group and its ``text`` joins their texts with `` / ``;
- an idea marked *duplicate of N* (already given during the tour de table)
  is not a separate item: it is listed under N's numbers (its text is not
  repeated) and has status ``merged``; its points, if any, go to N;
- an item is *struck* only once the count is closed (``vote.counted``) and
  it has 0 points; before that, a 0-point item is still active and ranked;
- ranks are competition ranks (1, 2, 2, 4) over active items; ties are
  listed by ascending number;
- the top ``n`` is every active item whose rank is at most ``n``: this
  includes every item tied at the ``n``-th place; an item with no points is
  never in it. ``n`` is ``top_n(session)``: 10 unless the session's template
  declared another.

Each rule has one definition here, used by F5, F6, F12, the watch, the
minutes, the synthesis and the JSON export: ``top_n`` / ``top_items``,
``rank_label`` (the rank and its tie, through the catalog), ``is_item`` (put
to the vote), ``counts_as_idea`` and ``voters``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sessions.i18n import t
from sessions.models import Idea, Participant, Session
from sessions.models.format_parts import TOP_N
from sessions.people.roster import present

ACTIVE = "active"
STRUCK = "struck"
MERGED = "merged"
DELETED = "deleted"
STATUS_ORDER = {ACTIVE: 0, STRUCK: 1, MERGED: 2, DELETED: 3}
DEFAULT_TOP_N = TOP_N  # METHOD step 3: the top 10 (its one literal: FormatParts' default)


@dataclass(frozen=True)
class RankedItem:
    number: int  # the item's stable number (for a merge: the surviving item's number)
    numbers: tuple[int, ...]  # all numbers merged into it (just (number,) when not merged)
    text: str  # for a merge: the texts joined with " / "
    author_id: str | None
    points: int
    status: str  # "active" | "struck" | "merged" | "deleted"
    rank: int | None  # competition rank over active items; None otherwise


def top_n(session: Session) -> int:
    """How many places the top keeps: what the session's template declared, else 10.

    The one place that reads it. A template's ``[parts]`` table declares a
    ``top`` that is copied into the session's ``parts`` (``FormatParts``, or a
    mapping); a session without one, or with a value that is not a whole
    number of at least 1, keeps 10.
    """
    parts: Any = getattr(session, "parts", None)
    declared = parts.get("top") if isinstance(parts, dict) else getattr(parts, "top", None)
    if isinstance(declared, int) and not isinstance(declared, bool) and declared >= 1:
        return declared
    return DEFAULT_TOP_N


def counts_as_idea(idea: Idea) -> bool:
    """An idea that counts: not deleted and not a duplicate of another (late ones count)."""
    return not idea.deleted and idea.duplicate_of is None


def is_item(idea: Idea) -> bool:
    """An idea that was put to the vote: it counts as an idea and was not given late."""
    return counts_as_idea(idea) and not idea.late


def voters(session: Session) -> list[Participant]:
    """Who votes: the participants marked present, in the roster's order."""
    return present(session)


def late_ideas(session: Session) -> list[Idea]:
    """Ideas typed after the count was closed, recorded outside the vote."""
    return sorted((i for i in session.ideas if i.late and not i.deleted), key=lambda i: i.number)


def vote_items(session: Session) -> list[Idea]:
    """The items put to the vote, in number order (merged items included)."""
    return sorted((i for i in session.ideas if is_item(i)), key=lambda i: i.number)


def raw_points(session: Session) -> dict[int, int]:
    """Points counted for each idea number, before merges are folded in."""
    vote = session.vote
    points: dict[int, int] = {idea.number: 0 for idea in session.ideas}
    if vote.method == "ballots":
        for row in vote.ballots.values():
            for number, value in row.items():
                if number in points:
                    points[number] += value
    else:
        for number, tally in vote.tallies.items():
            if number in points:
                points[number] += tally.points
    return points


def _group_root(session: Session, idea: Idea) -> int | None:
    """The number of the item ``idea`` counts in, or None if it stands alone."""
    seen: set[int] = set()
    current = idea
    target: int | None = None
    while True:
        nxt = current.merged_into if current.merged_into is not None else current.duplicate_of
        if nxt is None or nxt in seen or nxt == current.number:
            return target
        seen.add(current.number)
        parent = session.idea(nxt)
        if parent is None or parent.deleted:
            return target
        target = nxt
        current = parent


def groups(session: Session) -> dict[int, list[Idea]]:
    """For each standing idea, the ideas folded into it (itself first)."""
    result: dict[int, list[Idea]] = {}
    for idea in sorted(session.ideas, key=lambda i: i.number):
        if idea.deleted or idea.late:  # a late idea is outside the vote
            continue
        root = _group_root(session, idea)
        if root is None:
            result.setdefault(idea.number, []).insert(0, idea)
        else:
            result.setdefault(root, []).append(idea)
    return result


def item_points(session: Session) -> dict[int, int]:
    """Points per item number, from the hand tallies or the ballots.

    A surviving item of a merge holds the sum of its group; an item merged
    away (or a duplicate) keeps its own count, and deleted ideas are absent.
    Summed over standing items (active and struck), the total never changes
    with merges.
    """
    raw = raw_points(session)
    result: dict[int, int] = {}
    for root, members in groups(session).items():
        result[root] = sum(raw.get(m.number, 0) for m in members)
        for member in members[1:]:
            result[member.number] = raw.get(member.number, 0)
    return result


# While ``rankings_reused()`` is active (in this thread/task only), ranked_items
# is computed once per session object: a document built from one unchanging
# session (the minutes) asks for it many times.
_REUSED: ContextVar[dict[int, list[RankedItem]] | None] = ContextVar("_REUSED", default=None)


@contextlib.contextmanager
def rankings_reused() -> Iterator[None]:
    """Within the block, ``ranked_items`` of a session is computed once (do not mutate it)."""
    outer = _REUSED.get()
    token = _REUSED.set(outer if outer is not None else {})  # nested blocks share the outer memo
    try:
        yield
    finally:
        _REUSED.reset(token)


def ranked_items(session: Session) -> list[RankedItem]:
    """Every idea: active first in descending points, then struck, merged, deleted."""
    reused = _REUSED.get()
    if reused is None:
        return _ranked_items(session)
    if id(session) not in reused:
        reused[id(session)] = _ranked_items(session)
    return list(reused[id(session)])


def _ranked_items(session: Session) -> list[RankedItem]:
    raw = raw_points(session)
    counted = session.vote.counted
    # (points, number, numbers, text, author) of each standing item, built once.
    standing: list[tuple[int, int, tuple[int, ...], str, str | None]] = []
    others: list[RankedItem] = []
    for root, members in groups(session).items():
        head = members[0]
        if len(members) == 1:
            standing.append((raw.get(root, 0), root, (root,), head.text, head.author_id))
            continue
        merged = [m for m in members[1:] if m.merged_into is not None]
        text = " / ".join([head.text, *(m.text for m in merged)])
        points = sum(raw.get(m.number, 0) for m in members)
        numbers = tuple(sorted(m.number for m in members))
        standing.append((points, root, numbers, text, head.author_id))
        for member in members[1:]:
            others.append(
                RankedItem(
                    member.number,
                    (member.number,),
                    member.text,
                    member.author_id,
                    raw.get(member.number, 0),
                    MERGED,
                    None,
                )
            )
    for idea in session.ideas:
        if idea.deleted:
            others.append(
                RankedItem(idea.number, (idea.number,), idea.text, idea.author_id, 0, DELETED, None)
            )
    ranked: list[RankedItem] = []
    struck: list[RankedItem] = []
    previous: int | None = None
    rank = 0
    position = 0
    for points, number, numbers, text, author in sorted(standing, key=lambda i: (-i[0], i[1])):
        if counted and points == 0:
            struck.append(RankedItem(number, numbers, text, author, points, STRUCK, None))
            continue
        position += 1
        if points != previous:
            rank, previous = position, points
        ranked.append(RankedItem(number, numbers, text, author, points, ACTIVE, rank))
    struck.sort(key=lambda i: i.number)
    others.sort(key=lambda i: (STATUS_ORDER[i.status], i.number))
    return ranked + struck + others


def top_items(session: Session, n: int | None = None) -> list[RankedItem]:
    """The top ``n`` items (default ``top_n``) by rank, with every item tied at the ``n``-th place.

    An item with no points is never in it (it is struck once the count is
    closed): before anyone has voted the top is empty, not every item tied.
    """
    limit = top_n(session) if n is None else n
    return [
        i for i in ranked_items(session) if i.rank is not None and i.rank <= limit and i.points > 0
    ]


def top_numbers(session: Session, n: int | None = None) -> list[int]:
    """The numbers of ``top_items``, by rank."""
    return [i.number for i in top_items(session, n)]


def tied_ranks(items: list[RankedItem]) -> set[int]:
    """The ranks shared by more than one item (shown as ties)."""
    seen: dict[int, int] = {}
    for item in items:
        if item.rank is not None:
            seen[item.rank] = seen.get(item.rank, 0) + 1
    return {rank for rank, count in seen.items() if count > 1}


def rank_label(item: RankedItem, ties: set[int], tr: Callable[..., str] = t) -> str:
    """The rank as everyone shows it: ``3``, or ``3 (ex aequo)`` when shared; '' unranked.

    ``ties`` is ``tied_ranks`` of the whole ranking; ``tr`` translates (the
    current language by default, a document's own language for the minutes).
    """
    if item.rank is None:
        return ""
    return tr("vote.rank_tied", rank=item.rank) if item.rank in ties else str(item.rank)
