"""``atelier import map``: ``[[maps]]`` tables read from TOML, all or nothing.

Each table has ``kind`` (``ressources`` | ``offre``), ``centre``, ``chantier``
(a resource map: its chantier sheet's number), ``host`` (who stays at its
table) and ``[[maps.nodes]]`` tables with ``label``, ``group``, ``link``,
``notes`` and the guide's three questions ``have`` (oui / non), ``connection``
(how) and ``operative`` (court / moyen_long / non). The first refusal names the
map (its place in the file), the node, the field and the allowed values;
nothing is added.
"""

from __future__ import annotations

import tomllib
from typing import TYPE_CHECKING

from sessions.core.text import clean_text
from sessions.maps.checks import MAX_TEXT, MapError, chantier_titles, check_chantier, make_node
from sessions.maps.model import KINDS, Map, MapNode

if TYPE_CHECKING:
    from sessions.models import Session

__all__ = ["MAX_TEXT", "MapError", "apply_maps", "parse_maps"]

KEYS = ("kind", "centre", "chantier", "host", "nodes")
NODE_KEYS = ("label", "group", "link", "notes", "have", "connection", "operative")


def _node(raw: object, where: str, kind: str, place: int) -> MapNode:
    if not isinstance(raw, dict):
        raise MapError("maps.err.not_table", map=where)
    for key in raw:
        if key not in NODE_KEYS:
            raise MapError(
                "maps.err.node_key", map=where, node=place, name=key, allowed=", ".join(NODE_KEYS)
            )
    return make_node(kind, where, place, **{key: raw[key] for key in NODE_KEYS if key in raw})


def _free(table: dict, where: str, field: str) -> str:
    raw = table.get(field, "")
    if not isinstance(raw, str):
        raise MapError("maps.err.value", map=where, field=field, value=raw, allowed="texte")
    return clean_text(raw)[:MAX_TEXT]


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
    titles = chantier_titles(session)
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
        chantier = check_chantier(session, where, table.get("chantier"))
        centre = _free(table, where, "centre")
        if not centre and chantier in titles:
            centre = titles[chantier]  # the chantier's title at the centre
        nodes_raw = table.get("nodes", [])
        if not isinstance(nodes_raw, list):
            nodes_raw = [nodes_raw]
        nodes = [_node(raw, where, kind, n) for n, raw in enumerate(nodes_raw, 1)]
        host = _free(table, where, "host")
        maps.append(Map(kind=kind, centre=centre, chantier=chantier, host=host, nodes=nodes))
    return maps


def apply_maps(session: Session, maps: list[Map]) -> int:
    """Add the checked maps after the session's; the number of nodes added."""
    session.maps.extend(maps)
    return sum(len(m.nodes) for m in maps)
