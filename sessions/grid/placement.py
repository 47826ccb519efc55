"""The prioritisation grid of METHOD.md step 4: which items, their rows, their positions.

Two grids, chosen by the template (``session.grid.kind``):

- fiche 1, *impact / maîtrise*: rows are the **impact**, columns the
  **maîtrise** (capacity to act); each item has a *présent* and a *futur*
  position (``GridPosition.present`` / ``.future``) and a reason;
- fiche 2, *répandue / fondée*: rows are how **widespread** the idea is,
  columns how **well-founded**; each item has one position, stored in
  ``GridPosition.present`` (``future`` is unused), and a reason.

Items: by default the top 10 of the vote with every item tied at the 10th
place (``sessions.vote.ranking.top_numbers``); once the scribe adds or removes an
item, the list is kept in ``session.grid.items``.

**Impact (or spread) comes from the points, never from the scribe**, and the
same row holds for the present and the future. The mapping, by terciles of
the range of points of the items on the grid: with ``lo`` and ``hi`` the
fewest and most points among them, an item with ``p`` points is

- *fort* when ``p - lo >= 2/3 (hi - lo)``,
- *moyen* when ``p - lo >= 1/3 (hi - lo)``,
- *faible* otherwise;

when every item has the same points (or there is one item) they all sit on
the *moyen* row. The more points, the higher, as the guide asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from sessions.core.errors import DomainError
from sessions.models import Session
from sessions.models.grid import GridKind, GridPosition, Level
from sessions.vote.ranking import RankedItem, ranked_items, rankings_reused, top_numbers

LEVELS: tuple[Level, ...] = (Level.LOW, Level.MEDIUM, Level.HIGH)


class GridError(DomainError):
    """A grid change refused (an unknown item, one already there...); translated when shown."""


@dataclass(frozen=True)
class GridEntry:
    """One item on the grid, with everything the renderer and the minutes show."""

    number: int
    title: str
    description: str
    points: int
    impact: Level
    present: Level | None
    future: Level | None
    reason: str


def impact_level(points: int, lo: int, hi: int) -> Level:
    """The row of an item with ``points`` when the grid's items span ``lo``..``hi``."""
    span = hi - lo
    if span <= 0:
        return Level.MEDIUM
    offset = points - lo
    if 3 * offset >= 2 * span:
        return Level.HIGH
    if 3 * offset >= span:
        return Level.MEDIUM
    return Level.LOW


def default_items(session: Session) -> list[int]:
    return top_numbers(session)  # the top N of the vote (ranking.top_n), ties included


def _eligible(session: Session) -> set[int]:
    """Numbers that can sit on the grid: standing items (active or struck)."""
    return {i.number for i in ranked_items(session) if i.status in ("active", "struck")}


def _points(ranked: list[RankedItem]) -> dict[int, int]:
    """``item_points`` read off the ranking: every standing or merged item's points."""
    return {i.number: i.points for i in ranked if i.status != "deleted"}


def _placed(session: Session, points: dict[int, int]) -> list[int]:
    """The grid's numbers; call within ``rankings_reused`` (the top 10 and ``_eligible`` rank)."""
    chosen = session.grid.items
    numbers = default_items(session) if chosen is None else list(chosen)
    eligible = _eligible(session)
    kept = [n for n in dict.fromkeys(numbers) if n in eligible]
    return sorted(kept, key=lambda n: (-points.get(n, 0), n))


def grid_items(session: Session) -> list[int]:
    """The item numbers on the grid, highest points first (ties by number)."""
    with rankings_reused():  # the top 10 and the eligible items: one ranking
        return _placed(session, _points(ranked_items(session)))


def grid_entries(session: Session) -> list[GridEntry]:
    """The grid's items with their rows, positions and reasons."""
    with rankings_reused():
        ranked = ranked_items(session)
        points = _points(ranked)
        numbers = _placed(session, points)
    texts = {i.number: i.text for i in ranked}
    values = [points.get(n, 0) for n in numbers]
    lo, hi = (min(values), max(values)) if values else (0, 0)
    rows = {p: impact_level(p, lo, hi) for p in set(values)}  # a row per count of points
    by_number = {i.number: i for i in session.ideas}  # not session.idea(n): linear each
    positions = session.grid.positions
    impact_mastery = session.grid.kind == GridKind.IMPACT_MASTERY
    unplaced = GridPosition()
    entries = []
    for number, p in zip(numbers, values, strict=True):
        idea = by_number.get(number)
        pos = positions.get(number) or unplaced
        entries.append(
            GridEntry(
                number,
                texts.get(number, idea.text if idea else ""),
                idea.description if idea else "",
                p,
                rows[p],
                pos.present,
                pos.future if impact_mastery else None,
                pos.reason,
            )
        )
    return entries


def has_future(session: Session) -> bool:
    """Whether the grid has a future position (fiche 1) or only one (fiche 2)."""
    return session.grid.kind == GridKind.IMPACT_MASTERY


# -- changes (ops for app.apply / store.transact; they raise ValueError on bad input) --


def add_item(session: Session, number: int) -> None:
    """Put item ``number`` on the grid."""
    if number not in _eligible(session):
        raise GridError("grid.err.no_item", number=number)
    current = grid_items(session)
    if number in current:
        raise GridError("grid.err.already", number=number)
    session.grid.items = [*current, number]


def remove_item(session: Session, number: int) -> None:
    """Take item ``number`` off the grid (its position is kept, should it come back)."""
    current = grid_items(session)
    if number not in current:
        raise GridError("grid.err.not_on_grid", number=number)
    session.grid.items = [n for n in current if n != number]


def reset_items(session: Session) -> None:
    """Back to the default: the top 10 with ties."""
    session.grid.items = None


def _position(session: Session, number: int) -> GridPosition:
    if number not in grid_items(session):
        raise GridError("grid.err.not_on_grid", number=number)
    return session.grid.positions.setdefault(number, GridPosition())


def set_level(session: Session, number: int, which: str, level: Level | None) -> None:
    """Set the ``present`` or ``future`` mastery (or the fiche-2 *fondée*) of an item."""
    if which not in ("present", "future"):
        raise ValueError(f"unknown position {which!r}")
    if which == "future" and not has_future(session):
        raise GridError("grid.one_position")
    setattr(_position(session, number), which, level)


def cycle_level(session: Session, number: int, which: str, step: int = 1) -> Level:
    """Move a position one column right (``step=1``) or left, wrapping; unset starts at faible."""
    current = getattr(session.grid.positions.get(number, GridPosition()), which)
    if current is None:
        new = LEVELS[0] if step > 0 else LEVELS[-1]
    else:
        new = LEVELS[(LEVELS.index(current) + step) % len(LEVELS)]
    set_level(session, number, which, new)
    return new


def set_reason(session: Session, number: int, reason: str) -> None:
    _position(session, number).reason = reason
