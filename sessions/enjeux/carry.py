"""What a new session takes from earlier ones: their top items as enjeux, their participants.

Shared by ``atelier new --from`` and the new-session form. ``offered_items``
(``sessions.enjeux.ops``) lists each source's top items; ``take`` makes the
chosen ones enjeux (as they are, or reworded), each keeping its source;
``carried_participants`` adds the sources' participants once each (by name).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sessions.core.text import clean_text
from sessions.enjeux.ops import Offered, add_enjeux

if TYPE_CHECKING:
    from sessions.models import Participant, Session


def take(
    session: Session, offered: Sequence[Offered], texts: Sequence[str] | None = None
) -> list[tuple[int, Offered]]:
    """``offered`` become ``session``'s enjeux; (enjeu number, item) for each taken.

    ``texts[i]`` rewords ``offered[i]`` (its source kept); an empty one leaves
    the item out. Without ``texts`` every item is taken as it is.
    """
    chosen: list[tuple[str, Offered]] = []
    for index, item in enumerate(offered):
        typed = texts[index] if texts is not None and index < len(texts) else ""
        text = item.text if texts is None else clean_text(typed)
        if text:
            chosen.append((text, item))
    numbers = add_enjeux(session, [text for text, _ in chosen], [[o.source] for _, o in chosen])
    return list(zip(numbers, [o for _, o in chosen], strict=True))


def carried_participants(people: list[Participant], sources: list[Session]) -> list[Participant]:
    """``people`` then the sources' participants not already there (by name), ids kept."""
    names = {p.name.casefold() for p in people}
    ids = {p.id for p in people}
    carried = list(people)
    for source in sources:
        for person in source.participants:
            if person.name.casefold() in names or person.id in ids:
                continue
            names.add(person.name.casefold())
            ids.add(person.id)
            carried.append(person.model_copy(deep=True))
    return carried
