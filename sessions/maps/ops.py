"""Changes to the maps: add, edit, delete a map; add, edit, delete its nodes; as ops.

The functions check first and change the session in place (the caller saves
it); a refusal is a ``MapError`` naming the map (its number: its place in the
list, from 1), the node, the field and the allowed values, as ``atelier import
map`` does. The ops (``sessions.core.ops``) wrap them: their one slot is the
list of maps (``("maps",)``), so ctrl+z puts a map back as it was, or refuses
when the maps changed elsewhere since. ``atelier import map`` adds the maps of
its file, checked first (``sessions.maps.toml_import.parse_maps``), with
``ImportMaps``: an app open on the session never takes them back with ctrl+z.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sessions.core.keyed import MAPS
from sessions.core.ops import Op
from sessions.core.text import clean_text
from sessions.maps.checks import MAX_TEXT, MapError, chantier_titles, check_chantier, make_node
from sessions.maps.model import KINDS, Map, MapNode
from sessions.maps.toml_import import apply_maps

if TYPE_CHECKING:
    from sessions.models import Session

MAPS_PART = frozenset({"maps"})


def find(session: Session, number: int) -> Map:
    if 1 <= number <= len(session.maps):
        return session.maps[number - 1]
    raise MapError("maps.err.no_map", map=number)


def _centre(session: Session, centre: str, chantier: int | None) -> str:
    """``centre`` cleaned; the chantier's title when left empty on a resource map."""
    centre = clean_text(centre)[:MAX_TEXT]
    if not centre and chantier is not None:
        centre = chantier_titles(session).get(chantier, "")
    return centre


def add_map(
    session: Session, kind: str, centre: str = "", chantier: int | None = None, host: str = ""
) -> int:
    """A new map at the end of the list; its number (its place, from 1)."""
    where = str(len(session.maps) + 1)
    if kind not in KINDS:
        allowed = ", ".join(KINDS)
        raise MapError("maps.err.value", map=where, field="kind", value=kind, allowed=allowed)
    chantier = check_chantier(session, where, chantier)
    centre = _centre(session, centre, chantier)
    host = clean_text(host)[:MAX_TEXT]
    session.maps.append(Map(kind=kind, centre=centre, chantier=chantier, host=host))  # type: ignore[arg-type]
    return len(session.maps)


def set_map(session: Session, number: int, centre: str, chantier: int | None, host: str) -> Map:
    """A map's centre, chantier and who stays at its table (its kind and nodes kept)."""
    map_ = find(session, number)
    chantier = check_chantier(session, str(number), chantier)
    centre = _centre(session, centre, chantier)
    map_.centre, map_.chantier, map_.host = centre, chantier, clean_text(host)[:MAX_TEXT]
    return map_


def delete_map(session: Session, number: int) -> Map:
    map_ = find(session, number)
    del session.maps[number - 1]
    return map_


def _node_index(map_: Map, number: int, node: int) -> int:
    if 1 <= node <= len(map_.nodes):
        return node - 1
    raise MapError("maps.err.no_node", map=number, node=node)


def add_node(session: Session, number: int, **values: str) -> int:
    """A new node at the end of map ``number``; its number there (from 1)."""
    map_ = find(session, number)
    place = len(map_.nodes) + 1
    map_.nodes.append(make_node(map_.kind, str(number), place, **values))
    return place


def set_node(session: Session, number: int, node: int, **values: str) -> MapNode:
    map_ = find(session, number)
    index = _node_index(map_, number, node)
    map_.nodes[index] = make_node(map_.kind, str(number), node, **values)
    return map_.nodes[index]


def delete_node(session: Session, number: int, node: int) -> MapNode:
    map_ = find(session, number)
    return map_.nodes.pop(_node_index(map_, number, node))


# -- as ops ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _MapsOp(Op):
    parts = MAPS_PART
    slots = (MAPS,)
    label_fields = ("number",)

    number: int = 0  # the map's place in the list, from 1


@dataclass(frozen=True)
class AddMap(_MapsOp):
    name = "maps.add"
    label_key = "maps.undo.add"

    kind: str = "ressources"
    centre: str = ""
    chantier: int | None = None
    host: str = ""

    def run(self, session: Session) -> int:
        return add_map(session, self.kind, self.centre, self.chantier, self.host)


@dataclass(frozen=True)
class EditMap(_MapsOp):
    name = "maps.edit"
    label_key = "maps.undo.edit"

    centre: str = ""
    chantier: int | None = None
    host: str = ""

    def run(self, session: Session) -> Map:
        return set_map(session, self.number, self.centre, self.chantier, self.host)


@dataclass(frozen=True)
class DeleteMap(_MapsOp):
    name = "maps.delete"
    label_key = "maps.undo.delete"

    def run(self, session: Session) -> Map:
        return delete_map(session, self.number)


@dataclass(frozen=True)
class _NodeValues(_MapsOp):
    label: str = ""
    group: str = ""
    link: str = "aucun"
    notes: str = ""
    have: str = ""
    connection: str = ""
    operative: str = ""

    def values(self) -> dict[str, str]:
        names = ("label", "group", "link", "notes", "have", "connection", "operative")
        return {name: getattr(self, name) for name in names}


@dataclass(frozen=True)
class AddNode(_NodeValues):
    name = "maps.node.add"
    label_key = "maps.undo.node_add"

    def run(self, session: Session) -> int:
        return add_node(session, self.number, **self.values())


@dataclass(frozen=True)
class EditNode(_NodeValues):
    name = "maps.node.edit"
    label_key = "maps.undo.node_edit"

    node: int = 0

    def run(self, session: Session) -> MapNode:
        return set_node(session, self.number, self.node, **self.values())


@dataclass(frozen=True)
class DeleteNode(_MapsOp):
    name = "maps.node.delete"
    label_key = "maps.undo.node_delete"

    node: int = 0

    def run(self, session: Session) -> MapNode:
        return delete_node(session, self.number, self.node)


@dataclass(frozen=True)
class ImportMaps(Op):
    """``atelier import map``: the file's maps, checked by ``parse_maps``, after the session's.

    Returns the number of nodes added.
    """

    name = "maps.import"
    parts = MAPS_PART
    label_key = "import.undo.maps"
    slots = (MAPS,)

    maps: tuple[Map, ...]

    def run(self, session: Session) -> int:
        # copies: the op stays the same value wherever it is applied again
        return apply_maps(session, [m.model_copy(deep=True) for m in self.maps])
