"""What a map and its nodes must be, checked the same way for a file and for the app.

A refusal is a ``MapError`` (a ``DomainError``: translated when shown) naming
the map (its place, from 1), the node, the field and the allowed values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sessions.core.errors import DomainError
from sessions.core.text import clean_text
from sessions.maps.model import HAVE, LINKS, NATURES, OPERATIVE, MapNode

if TYPE_CHECKING:
    from sessions.models import Session

MAX_TEXT = 2_000


class MapError(DomainError):
    """A refused map or node: ``str()`` is the translated reason (when shown)."""


def chantier_titles(session: Session) -> dict[int, str]:
    """The session's chantier sheets (not deleted): number -> title."""
    from sessions.sheets.rules import title_of

    return {s.number: title_of(s) for s in session.sheets if s.kind == "chantier" and not s.deleted}


def check_chantier(session: Session, where: str, chantier: object) -> int | None:
    """``chantier`` (a sheet number or None) checked against the session's chantier sheets.

    A fiche 4 session may map the chantiers of the fiche 3 session: a number is
    checked against the chantier sheets only when this session has some.
    """
    if chantier is None:
        return None
    titles = chantier_titles(session)
    if (
        isinstance(chantier, bool)
        or not isinstance(chantier, int)
        or chantier < 1
        or (titles and chantier not in titles)
    ):
        allowed = ", ".join(map(str, titles)) or "-"
        raise MapError("maps.err.chantier", map=where, value=chantier, allowed=allowed)
    return chantier


def _choice(value: object, allowed: tuple[str, ...], where: str, node: int, field: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        shown = ", ".join(a or '""' for a in allowed)
        raise MapError(
            "maps.err.node_value", map=where, node=node, field=field, value=value, allowed=shown
        )
    return value


def _free(value: object, where: str, node: int, field: str, required: bool = False) -> str:
    text = clean_text(value)[:MAX_TEXT] if isinstance(value, str) else None
    if text is None or (required and not text):
        raise MapError("maps.err.node_text", map=where, node=node, field=field)
    return text


def make_node(
    kind: str,
    where: str,
    place: int,
    label: object = "",
    group: object = "",
    link: object = "aucun",
    notes: object = "",
    have: object = "",
    connection: object = "",
    operative: object = "",
) -> MapNode:
    """A node checked for a map of ``kind`` (``place``: its number there, for the message)."""
    label = _free(label, where, place, "label", required=True)
    if kind == "ressources":
        group = _choice(group, NATURES, where, place, "group")
    elif not isinstance(group, str):
        raise MapError("maps.err.node_text", map=where, node=place, field="group")
    return MapNode(
        label=label,
        group=clean_text(group)[:MAX_TEXT],
        link=_choice(link, LINKS, where, place, "link"),  # type: ignore[arg-type]
        notes=_free(notes, where, place, "notes"),
        have=_choice(have, HAVE, where, place, "have"),  # type: ignore[arg-type]
        connection=_free(connection, where, place, "connection"),
        operative=_choice(operative, OPERATIVE, where, place, "operative"),  # type: ignore[arg-type]
    )
