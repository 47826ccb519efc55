"""atelier import map and the maps in the minutes (sessions/maps toml_import, checks, minutes).

Issue 18: every map of the file checked before any is added, each refusal naming
the map, the node, the field and what is allowed; a chantier's title at the
centre; the minutes' table per map, its three questions only when answered.
"""

from __future__ import annotations

import pytest

from sessions.documents.minutes_common import MinutesOptions
from sessions.documents.tree import BulletList, Heading, Paragraph, Preformatted, Table
from sessions.maps import minutes as mm
from sessions.maps.checks import MAX_TEXT, MapError
from sessions.maps.drawing import LINE, draw, group_label
from sessions.maps.model import Map, MapNode
from sessions.maps.toml_import import apply_maps, parse_maps
from sessions.sheets import ops as sheet_ops
from tests.conftest import build_session

FR = MinutesOptions("fr")


def _session(chantiers: int = 0):
    s = build_session()
    s.sheets = []
    s.maps = []
    for n in range(chantiers):
        sheet_ops.add(s, "chantier", fields={"titre": f"Chantier {n + 1}"})
    return s


def _refused(s, text: str) -> MapError:
    with pytest.raises(MapError) as refused:
        parse_maps(s, text)
    return refused.value


RESOURCE = """
[[maps]]
kind = "ressources"
chantier = 1
host = " Ana "

[[maps.nodes]]
label = "Mairie"
group = "humaines"
link = "plein"
have = "oui"
operative = "court"
connection = "par le maire"

[[maps.nodes]]
label = "Banque"
group = "financieres"
"""


def test_a_resource_map_takes_its_chantiers_title_at_the_centre() -> None:
    s = _session(chantiers=1)
    (got,) = parse_maps(s, RESOURCE)
    assert got.kind == "ressources" and got.chantier == 1 and got.centre == "Chantier 1"
    assert got.host == "Ana"
    assert [(n.label, n.group, n.link) for n in got.nodes] == [
        ("Mairie", "humaines", "plein"),
        ("Banque", "financieres", "aucun"),
    ]
    assert (got.nodes[0].have, got.nodes[0].operative) == ("oui", "court")
    assert got.nodes[0].connection == "par le maire"
    assert apply_maps(s, [got, got]) == 4 and len(s.maps) == 2


def test_a_given_centre_wins_and_an_offer_map_takes_any_family() -> None:
    s = _session(chantiers=1)
    text = (
        '[[maps]]\nkind = "offre"\ncentre = "Offre\\u0007 CC"\n'
        'nodes = {label = "Club", group = "Sport"}\n'
    )
    (got,) = parse_maps(s, text)
    assert got.centre == "Offre CC" and got.chantier is None
    assert [(n.label, n.group) for n in got.nodes] == [("Club", "Sport")]
    (mine,) = parse_maps(s, RESOURCE.replace("host", 'centre = "Le mien"\nhost'))
    assert mine.centre == "Le mien"
    long = parse_maps(s, f'[[maps]]\nkind = "offre"\ncentre = "{"c" * (MAX_TEXT + 9)}"\n')
    assert len(long[0].centre) == MAX_TEXT


def test_each_refusal_names_the_map_node_and_field() -> None:
    s = _session(chantiers=2)
    assert _refused(s, "maps = [").key == "maps.err.toml"
    error = _refused(s, 'x = 1\n[[maps]]\nkind = "offre"\n')
    assert (error.key, error.values["name"], error.values["map"]) == ("maps.err.key", "x", "-")
    for text in ("", "maps = []", 'maps = "m"'):
        assert _refused(s, text).key == "maps.err.no_maps"
    error = _refused(s, 'maps = [{kind = "offre"}, 2]\n')
    assert (error.key, error.values["map"]) == ("maps.err.not_table", "2")
    error = _refused(s, '[[maps]]\nkind = "offre"\ncolour = 1\n')
    assert error.key == "maps.err.key" and error.values["allowed"] == (
        "kind, centre, chantier, host, nodes"
    )
    error = _refused(s, '[[maps]]\nkind = "plan"\n')
    assert error.values["field"] == "kind" and error.values["allowed"] == "ressources, offre"
    error = _refused(s, '[[maps]]\nkind = "offre"\ncentre = 3\n')
    assert (error.key, error.values["field"]) == ("maps.err.value", "centre")
    error = _refused(s, '[[maps]]\nkind = "offre"\nhost = 3\n')
    assert error.values["field"] == "host"
    for bad in ("9", "0", "true", '"1"'):
        error = _refused(s, f'[[maps]]\nkind = "offre"\nchantier = {bad}\n')
        assert error.key == "maps.err.chantier" and error.values["allowed"] == "1, 2"
    error = _refused(s, '[[maps]]\nkind = "offre"\nnodes = [3]\n')
    assert error.key == "maps.err.not_table"
    error = _refused(s, '[[maps]]\nkind = "offre"\n[[maps.nodes]]\nlabel = "a"\nsize = 2\n')
    assert (error.key, error.values["node"], error.values["name"]) == (
        "maps.err.node_key",
        1,
        "size",
    )
    node = '[[maps]]\nkind = "ressources"\n[[maps.nodes]]\nlabel = "a"\ngroup = "humaines"\n'
    error = _refused(s, node + '[[maps.nodes]]\nlabel = "b"\ngroup = "amis"\n')
    assert (error.key, error.values["node"], error.values["field"]) == (
        "maps.err.node_value",
        2,
        "group",
    )
    for field, value in (("link", '"fort"'), ("have", '"peut-être"'), ("operative", '"jamais"')):
        error = _refused(s, node + f"{field} = {value}\n")
        assert (error.key, error.values["field"]) == ("maps.err.node_value", field)
    assert '""' in _refused(s, node + 'have = "x"\n').values["allowed"]
    for field in ("notes", "connection"):
        error = _refused(s, node + f"{field} = 3\n")
        assert (error.key, error.values["field"]) == ("maps.err.node_text", field)
    error = _refused(s, node.replace('label = "a"', "label = 3"))
    assert (error.key, error.values["field"]) == ("maps.err.node_text", "label")
    error = _refused(s, '[[maps]]\nkind = "offre"\n[[maps.nodes]]\nlabel = "a"\ngroup = 1\n')
    assert (error.key, error.values["field"]) == ("maps.err.node_text", "group")
    error = _refused(s, '[[maps]]\nkind = "offre"\n[[maps.nodes]]\nlabel = " \\u0007 "\n')
    assert (error.key, error.values["field"]) == ("maps.err.node_text", "label")
    assert s.maps == []


def test_a_session_without_chantier_sheets_takes_any_positive_number() -> None:
    s = _session()
    (got,) = parse_maps(s, '[[maps]]\nkind = "offre"\nchantier = 7\n')
    assert got.chantier == 7 and got.centre == ""
    error = _refused(s, '[[maps]]\nkind = "offre"\nchantier = 0\n')
    assert error.values["allowed"] == "-"


# -- in the minutes --------------------------------------------------------------------


def _map() -> Map:
    return Map(
        kind="ressources",
        centre="Bus",
        chantier=3,
        host="Ana",
        nodes=[
            MapNode(label="Mairie", group="humaines", link="plein", notes="n"),
            MapNode(label="Caisse", group="financieres", link="aucun"),
        ],
    )


def test_the_minutes_table_of_a_map_without_answers() -> None:
    m = _map()
    assert not mm.answered(m)
    table = mm.map_table(m, FR)
    tr = FR.tr
    assert table.header == (
        tr("maps.col.group.ressources"),
        tr("maps.col.label.ressources"),
        tr("maps.col.link"),
        tr("maps.col.notes"),
    )
    assert table.rows == (
        (group_label(m, "financieres", tr), "Caisse", tr("maps.link.aucun"), ""),
        (
            group_label(m, "humaines", tr),
            "Mairie",
            f"{LINE['plein']} {tr('maps.link.plein')}",
            "n",
        ),
    )


def test_the_three_questions_only_when_a_node_answers_one() -> None:
    tr = FR.tr
    for answer in ({"have": "non"}, {"connection": "via X"}, {"operative": "moyen_long"}):
        m = _map()
        m.nodes[1] = m.nodes[1].model_copy(update=answer)
        assert mm.answered(m)
        table = mm.map_table(m, FR)
        assert table.header[4:] == (
            tr("maps.col.have"),
            tr("maps.col.connection"),
            tr("maps.col.operative"),
        )
        assert all(len(row) == 7 for row in table.rows)
    node = MapNode(label="x", have="oui", connection="c", operative="court")
    assert mm.answers(node, tr) == [tr("maps.have.oui"), "c", tr("maps.operative.court")]
    assert mm.answers(MapNode(label="x"), tr) == ["", "", ""]


def test_map_blocks() -> None:
    s = _session()
    assert mm.map_blocks(s, FR) == []
    tr = FR.tr
    s.maps = [_map(), Map(kind="offre")]
    blocks = mm.map_blocks(s, FR)
    assert blocks[0] == Heading(2, tr("maps.heading"))
    assert blocks[1] == Heading(3, tr("maps.title.ressources", centre="Bus"))
    assert blocks[2] == Paragraph.of(tr("maps.chantier", number=3))
    assert blocks[3] == Paragraph.of(tr("maps.host", host="Ana"))
    assert blocks[4] == Preformatted(draw(s.maps[0], tr, mm.WIDTH))
    assert isinstance(blocks[5], Table)
    assert blocks[6] == Heading(3, tr("maps.title.offre", centre="-"))
    assert blocks[7] == Preformatted(draw(s.maps[1], tr, mm.WIDTH))
    assert blocks[8] == Paragraph.of(tr("maps.etonnement"))
    assert isinstance(blocks[9], BulletList) and len(blocks[9].items) == 5
    assert len(blocks) == 10  # an offer map without nodes: no table, no chantier, no host
    assert mm.WIDTH == 76
