"""Maps edited as ops (sessions/maps/ops.py), issue 18.

A map is numbered by its place (from 1); its centre defaults to its chantier's
title; nodes are checked as the import checks them; every change is an op
whose one slot is the list of maps, undone whole, named and labelled with the map.
"""

from __future__ import annotations

import pytest

from sessions.core.ops import apply, from_data, undo
from sessions.i18n import t
from sessions.maps import ops as mo
from sessions.maps.checks import MAX_TEXT, MapError
from sessions.sheets import ops as sheet_ops
from tests.conftest import build_session


def _session(chantiers: int = 2):
    s = build_session()
    s.sheets = []
    s.maps = []
    for n in range(chantiers):
        sheet_ops.add(s, "chantier", fields={"titre": f"Chantier {n + 1}"})
    return s


def _refused(call) -> MapError:
    with pytest.raises(MapError) as refused:
        call()
    return refused.value


def test_maps_numbered_by_place_with_their_chantiers_title() -> None:
    s = _session()
    assert mo.add_map(s, "ressources", chantier=2, host=" Ana\x07 ") == 1
    assert mo.add_map(s, "offre", centre="  Offre  CC ") == 2
    first, second = s.maps
    assert (first.centre, first.chantier, first.host) == ("Chantier 2", 2, "Ana")
    assert (second.centre, second.chantier) == ("Offre CC", None)
    assert mo.find(s, 2) is second
    for number in (0, 3, -1):
        error = _refused(lambda n=number: mo.find(s, n))
        assert (error.key, error.values["map"]) == ("maps.err.no_map", number)
    error = _refused(lambda: mo.add_map(s, "plan"))
    assert (error.key, error.values["map"], error.values["allowed"]) == (
        "maps.err.value",
        "3",
        "ressources, offre",
    )
    assert (error.values["field"], error.values["value"]) == ("kind", "plan")
    error = _refused(lambda: mo.add_map(s, "offre", chantier=9))
    assert error.key == "maps.err.chantier" and error.values["map"] == "3"
    assert mo.add_map(s, "offre", centre="c" * (MAX_TEXT + 5)) == 3
    assert len(s.maps[2].centre) == MAX_TEXT
    assert len(s.maps) == 3


def test_edit_and_delete_a_map() -> None:
    s = _session()
    mo.add_map(s, "ressources", chantier=1)
    mo.add_node(s, 1, label="Mairie", group="humaines")
    edited = mo.set_map(s, 1, "", 2, " Ben ")
    assert (edited.centre, edited.chantier, edited.host) == ("Chantier 2", 2, "Ben")
    assert edited.kind == "ressources" and [n.label for n in edited.nodes] == ["Mairie"]
    mo.set_map(s, 1, " Mon centre ", 1, "")  # a centre given wins over the chantier's title
    assert (s.maps[0].centre, s.maps[0].chantier) == ("Mon centre", 1)
    mo.set_map(s, 1, " Mon centre ", None, "")
    assert (s.maps[0].centre, s.maps[0].chantier, s.maps[0].host) == ("Mon centre", None, "")
    assert _refused(lambda: mo.set_map(s, 1, "", 7, "")).key == "maps.err.chantier"
    mo.add_map(s, "offre")
    gone = mo.delete_map(s, 1)
    assert gone.centre == "Mon centre" and [m.kind for m in s.maps] == ["offre"]
    assert _refused(lambda: mo.delete_map(s, 2)).key == "maps.err.no_map"


def test_nodes_added_edited_deleted_by_their_number() -> None:
    s = _session()
    mo.add_map(s, "ressources")
    assert mo.add_node(s, 1, label="A", group="humaines") == 1
    assert mo.add_node(s, 1, label="B", group="financieres", link="plein") == 2
    node = mo.set_node(s, 1, 2, label=" B2 ", group="techniques", link="pointille")
    assert (node.label, node.group, node.link) == ("B2", "techniques", "pointille")
    assert s.maps[0].nodes[1] is node
    error = _refused(lambda: mo.set_node(s, 1, 1, label="A", group="amis"))
    assert (error.key, error.values["node"], error.values["map"]) == ("maps.err.node_value", 1, "1")
    for bad in (0, 3):
        error = _refused(lambda b=bad: mo.set_node(s, 1, b, label="x", group="humaines"))
        assert (error.key, error.values["node"], error.values["map"]) == (
            "maps.err.no_node",
            bad,
            1,
        )
    assert mo.delete_node(s, 1, 1).label == "A"
    assert [n.label for n in s.maps[0].nodes] == ["B2"]
    assert _refused(lambda: mo.delete_node(s, 1, 2)).key == "maps.err.no_node"
    assert _refused(lambda: mo.add_node(s, 1, label="", group="humaines")).key == (
        "maps.err.node_text"
    )
    assert _refused(lambda: mo.add_node(s, 4, label="x")).key == "maps.err.no_map"


def test_map_ops_are_named_labelled_and_undone_whole() -> None:
    s = _session()
    steps = []
    cases = [
        (mo.AddMap(number=1, kind="ressources", chantier=1), "maps.add", "maps.undo.add"),
        (mo.AddNode(number=1, label="A", group="humaines", link="plein"), "maps.node.add",
         "maps.undo.node_add"),
        (mo.EditNode(number=1, node=1, label="A2", group="humaines", have="oui",
                     connection="c", operative="court", notes="n"),
         "maps.node.edit", "maps.undo.node_edit"),
        (mo.EditMap(number=1, centre="C", chantier=None, host="H"), "maps.edit",
         "maps.undo.edit"),
        (mo.DeleteNode(number=1, node=1), "maps.node.delete", "maps.undo.node_delete"),
        (mo.DeleteMap(number=1), "maps.delete", "maps.undo.delete"),
    ]  # fmt: skip
    shots = []
    for op, name, key in cases:
        assert op.to_data()["op"] == name and from_data(op.to_data()) == op
        assert op.parts == frozenset({"maps"})
        shots.append(s.model_dump(include={"maps"}))
        step = apply(s, op).step
        assert [k for k, _, _ in step.changes] == [("maps",)]
        assert step.label() == t(key, number=1) and "1" in t(key, "en", number=1)
        steps.append(step)
        if name == "maps.node.edit":
            n = s.maps[0].nodes[0]
            assert (n.label, n.have, n.connection, n.operative, n.notes) == (
                "A2", "oui", "c", "court", "n",
            )  # fmt: skip
    assert s.maps == []
    for step, shot in zip(reversed(steps), reversed(shots), strict=True):
        undo(s, step)
        assert s.model_dump(include={"maps"}) == shot
