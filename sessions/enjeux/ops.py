"""Enjeux typed, imported one per line, or taken from the top items of earlier sessions.

``parse_enjeux`` reads a file (one enjeu a line, all or nothing);
``offered_items`` lists what earlier sessions give (their top N, as
``sessions.vote.ranking.top_items`` defines it, with points and grid
positions); ``add_enjeux`` numbers new enjeux after the existing ones.
``AddEnjeu`` and ``RewordEnjeu`` are the Enjeux section's changes as ops
(slot: the whole list of enjeux), so ctrl+z puts a wording back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sessions.core.errors import DomainError
from sessions.core.keyed import ENJEUX
from sessions.core.ops import Op
from sessions.core.text import MAX_IDEA_CHARS, clean_text
from sessions.enjeux.model import Enjeu, Source

if TYPE_CHECKING:
    from sessions.models import Session

MAX_ENJEU_CHARS = MAX_IDEA_CHARS


class EnjeuError(DomainError):
    """A refused enjeu or file; ``line`` is 1-based (0: the whole file). Translated when shown."""

    def __init__(self, line: int, key: str, **values: object) -> None:
        super().__init__(key, line=line, **values)
        self.line = line


@dataclass(frozen=True)
class Offered:
    """An item of an earlier session offered as an enjeu, with what the group decided on it."""

    session: str  # the source session's id
    session_title: str
    item: int
    text: str
    points: int
    rank: int | None
    present: str | None  # grid position (faible / moyen / fort), None when not placed
    future: str | None

    @property
    def source(self) -> Source:
        return Source(session=self.session, item=self.item, title=self.session_title)


def parse_enjeux(text: str) -> list[str]:
    """The enjeux of ``text``, one a line, cleaned; blank lines and ``#`` comments skipped.

    The first line too long refuses the whole file; a file with none is refused.
    """
    found: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = clean_text(raw)
        if not line or line.startswith("#"):
            continue
        if len(line) > MAX_ENJEU_CHARS:
            raise EnjeuError(number, "enjeux.err.too_long", max=MAX_ENJEU_CHARS)
        found.append(line)
    if not found:
        raise EnjeuError(0, "enjeux.err.none")
    return found


def next_number(session: Session) -> int:
    return max((e.number for e in session.enjeux), default=0) + 1


def add_enjeux(
    session: Session, texts: Sequence[str], sources: Sequence[Sequence[Source]] = ()
) -> list[int]:
    """Add ``texts`` as enjeux numbered after the existing ones; the numbers given.

    ``sources[i]`` are where ``texts[i]`` came from (none when not given).
    """
    numbers = []
    for index, text in enumerate(texts):
        cleaned = clean_text(text)
        if not cleaned:
            raise EnjeuError(0, "enjeux.err.empty")
        came_from = list(sources[index]) if index < len(sources) else []
        number = next_number(session)
        session.enjeux.append(Enjeu(number=number, text=cleaned, sources=came_from))
        numbers.append(number)
    return numbers


def offered_items(sources: Iterable[Session]) -> list[Offered]:
    """Each source session's top N items (ties included), in rank order, session by session."""
    from sessions.grid.placement import grid_entries
    from sessions.vote.ranking import top_items

    offered = []
    for source in sources:
        positions = {e.number: e for e in grid_entries(source)}
        for item in top_items(source):
            entry = positions.get(item.number)
            offered.append(
                Offered(
                    session=source.id,
                    session_title=source.title,
                    item=item.number,
                    text=item.text,
                    points=item.points,
                    rank=item.rank,
                    present=entry.present.value if entry and entry.present else None,
                    future=entry.future.value if entry and entry.future else None,
                )
            )
    return offered


def enjeux_from(session: Session, offered: Sequence[Offered]) -> list[int]:
    """The offered items become enjeux as they are (to reword later), keeping their sources."""
    return add_enjeux(session, [o.text for o in offered], [[o.source] for o in offered])


def reword(session: Session, number: int, text: str) -> None:
    """Give enjeu ``number`` a new wording (its number and sources kept)."""
    cleaned = clean_text(text)
    if not cleaned:
        raise EnjeuError(0, "enjeux.err.empty")
    if len(cleaned) > MAX_ENJEU_CHARS:
        raise EnjeuError(0, "enjeux.err.too_long", max=MAX_ENJEU_CHARS)
    for enjeu in session.enjeux:
        if enjeu.number == number:
            enjeu.text = cleaned
            return
    raise EnjeuError(0, "enjeux.err.no_enjeu", number=number)


# -- as ops: typed and reworded in the Enjeux section, undone with ctrl+z -----------------


@dataclass(frozen=True)
class AddEnjeu(Op):
    name = "enjeux.add"
    label_key = "enjeux.undo.add"
    parts = frozenset({"enjeux"})
    slots = (ENJEUX,)

    text: str = ""

    def run(self, session: Session) -> int:
        return add_enjeux(session, [self.text])[0]


@dataclass(frozen=True)
class RewordEnjeu(Op):
    name = "enjeux.reword"
    label_key = "enjeux.undo.reword"
    parts = frozenset({"enjeux"})
    slots = (ENJEUX,)
    label_fields = ("number",)

    number: int = 0
    text: str = ""

    def run(self, session: Session) -> None:
        reword(session, self.number, self.text)
