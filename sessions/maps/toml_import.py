"""``atelier import map``: ``[[maps]]`` tables read from TOML, all or nothing.

Each table has ``kind`` (``ressources`` | ``offre``), ``centre``, ``chantier``
(a resource map: its chantier sheet's number) and ``[[maps.nodes]]`` tables
with ``label``, ``group``, ``link`` and ``notes``. The first refusal names the
map (its place in the file), the node, the field and the allowed values;
nothing is added.
"""

from __future__ import annotations

import tomllib
from typing import TYPE_CHECKING

from sessions.core.errors import DomainError
from sessions.core.text import clean_text
from sessions.maps.model import KINDS, LINKS, NATURES, Map, MapNode

if TYPE_CHECKING:
    from sessions.models import Session

KEYS = ("kind", "centre", "chantier", "nodes")
NODE_KEYS = ("label", "group", "link", "notes")
MAX_TEXT = 2_000


class MapError(DomainError):
    """A refused map file: ``str()`` is the translated reason (when shown)."""


def _text(raw: object, limit: int = MAX_TEXT) -> str | None:
    return clean_text(raw)[:limit] if isinstance(raw, str) else None


def _chantiers(session: Session) -> dict[int, str]:
    """The session's chantier sheets (not deleted): number -> title."""
    from sessions.sheets.rules import title_of

    return {s.number: title_of(s) for s in session.sheets if s.kind == "chantier" and not s.deleted}


def _node(raw: object, where: str, kind: str, place: int) -> MapNode:
    if not isinstance(raw, dict):
        raise MapError("maps.err.not_table", map=where)
    for key in raw:
        if key not in NODE_KEYS:
            raise MapError(
                "maps.err.node_key", map=where, node=place, name=key, allowed=", ".join(NODE_KEYS)
            )
    label = _text(raw.get("label"))
    if not label:
        raise MapError("maps.err.node_text", map=where, node=place, field="label")
    group = _text(raw.get("group", ""))
    if group is None or (kind == "ressources" and group not in NATURES):
        raise MapError(
            "maps.err.node_value",
            map=where,
            node=place,
            field="group",
            value=raw.get("group", ""),
            allowed=", ".join(NATURES),
        )
    link = raw.get("link", "aucun")
    if link not in LINKS:
        raise MapError(
            "maps.err.node_value",
            map=where,
            node=place,
            field="link",
            value=link,
            allowed=", ".join(LINKS),
        )
    notes = _text(raw.get("notes", ""))
    if notes is None:
        raise MapError("maps.err.node_text", map=where, node=place, field="notes")
    return MapNode(label=label, group=group, link=link, notes=notes)


def parse_maps(session: Session, text: str) -> list[Map]:
    """The maps of ``text``, checked; ``MapError`` on the first refusal."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MapError("maps.err.toml", reason=exc) from exc
    extra = [key for key in data if key != "maps"]
    if extra:
        raise MapError("maps.err.key", map="-", name=extra[0], allowed="maps")
    tables = data.get("maps")
    if not isinstance(tables, list) or not tables:
        raise MapError("maps.err.no_maps")
    chantiers = _chantiers(session)
    maps = []
    for place, table in enumerate(tables, 1):
        where = str(place)
        if not isinstance(table, dict):
            raise MapError("maps.err.not_table", map=where)
        for key in table:
            if key not in KEYS:
                raise MapError("maps.err.key", map=where, name=key, allowed=", ".join(KEYS))
        kind = table.get("kind")
        if kind not in KINDS:
            raise MapError(
                "maps.err.value", map=where, field="kind", value=kind, allowed=", ".join(KINDS)
            )
        chantier = table.get("chantier")
        # A fiche 4 session may map the chantiers of the fiche 3 session: a number is
        # checked against the chantier sheets only when this session has some.
        if chantier is not None and (
            isinstance(chantier, bool)
            or not isinstance(chantier, int)
            or chantier < 1
            or (chantiers and chantier not in chantiers)
        ):
            raise MapError(
                "maps.err.chantier",
                map=where,
                value=chantier,
                allowed=", ".join(map(str, chantiers)) or "-",
            )
        centre = _text(table.get("centre", ""))
        if centre is None:
            raise MapError(
                "maps.err.value", map=where, field="centre", value=table["centre"], allowed="texte"
            )
        if not centre and chantier in chantiers:
            centre = chantiers[chantier]  # the chantier's title at the centre
        nodes_raw = table.get("nodes", [])
        if not isinstance(nodes_raw, list):
            nodes_raw = [nodes_raw]
        nodes = [_node(raw, where, kind, n) for n, raw in enumerate(nodes_raw, 1)]
        maps.append(Map(kind=kind, centre=centre, chantier=chantier, nodes=nodes))
    return maps


def apply_maps(session: Session, maps: list[Map]) -> int:
    """Add the checked maps after the session's; the number of nodes added."""
    session.maps.extend(maps)
    return sum(len(m.nodes) for m in maps)
