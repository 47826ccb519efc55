"""A map drawn in text, line by line (sessions/maps/drawing.py, model.py), issue 18.

The tree's characters say which group and node come last, the line says the
link, notes hang under their node, nothing is wider than the width in
terminal cells, and the legend comes last after a blank line.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sessions.documents.minutes_common import translator
from sessions.maps import drawing as d
from sessions.maps.model import NATURES, Map, MapNode

TR = translator("fr")


def test_cells_count_terminal_columns() -> None:
    assert d.cells("abc") == 3
    assert d.cells("日本") == 4  # wide
    assert d.cells("ｱ") == 1  # half-width katakana: narrow
    assert d.cells("ＡＢ") == 4  # fullwidth
    assert d.cells("e\u0301") == 1  # a combining accent takes none
    assert d.cells("a\u200bb") == 2  # a format character takes none
    assert d.cells("") == 0


def test_wrap_breaks_at_spaces_and_cuts_long_words() -> None:
    assert d.wrap("un deux trois", 7) == ["un deux", "trois"]
    assert d.wrap("un deux", 7) == ["un deux"]
    assert d.wrap("un  deux", 8) == ["un deux"]
    assert d.wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert d.wrap("ab abcdefgh", 4) == ["ab", "abcd", "efgh"]
    assert d.wrap("", 5) == [""]
    assert d.wrap("abc", 0) == ["a", "b", "c"]
    assert d.wrap("日本語", 3) == ["日", "本", "語"]
    assert d.wrap("a\u00a0b c", 3) == ["a\u00a0b", "c"]


def test_a_cut_keeps_at_least_one_character_per_line() -> None:
    assert d.wrap("日本", 1) == ["日", "本"]  # wider than the line: one character still
    assert d.wrap("abc", 2) == ["ab", "c"]
    assert d.wrap("x 日本", 3) == ["x", "日", "本"]


def _resources() -> Map:
    return Map(
        kind="ressources",
        centre="Bus",
        nodes=[
            MapNode(label="Mairie", group="humaines", link="plein", notes="le maire"),
            MapNode(label="Caisse", group="financieres", link="pointille"),
            MapNode(label="Asso", group="humaines"),
        ],
    )


def test_groups_of_a_resource_map_follow_the_natures() -> None:
    shown = d.groups(_resources())
    assert [g for g, _ in shown] == ["financieres", "humaines"]
    assert [n.label for n in shown[1][1]] == ["Mairie", "Asso"]
    offer = Map(
        kind="offre",
        nodes=[MapNode(label="x", group="zeta"), MapNode(label="y", group="alpha")],
    )
    assert [g for g, _ in d.groups(offer)] == ["zeta", "alpha"]


def test_group_labels() -> None:
    assert d.group_label(_resources(), "humaines", TR) == TR("maps.nature.humaines")
    offer = Map(kind="offre")
    assert d.group_label(offer, " Fa\x07mille ", TR) == "Famille"
    assert d.group_label(offer, "", TR) == TR("maps.no_group")
    assert d.group_label(offer, "humaines", TR) == "humaines"  # an offer's family as it is


def test_a_resource_map_drawn_line_by_line() -> None:
    got = d.draw(_resources(), TR, 40).split("\n")
    plein, dotted, none = d.LINE["plein"], d.LINE["pointille"], d.LINE["aucun"]
    assert got[:7] == [
        "Bus",
        "├─ " + TR("maps.nature.financieres"),
        "│  └─" + dotted + " Caisse",
        "└─ " + TR("maps.nature.humaines"),
        "   ├─" + plein + " Mairie",
        "   │     " + "  le maire",
        "   └─" + none + " Asso",
    ]
    assert got[7] == ""
    assert got[8:] == d.legend(TR, 40)
    assert all(d.cells(line) <= 40 for line in got)


def test_long_labels_wrap_under_their_node_and_blanks_get_defaults() -> None:
    m = Map(kind="offre", nodes=[MapNode(label="mot " * 12, group="g")])
    width = d.MIN_WIDTH
    got = d.draw(m, TR, width).split("\n")
    assert got[0] == TR("maps.no_centre")
    assert got[1] == "└─ g"
    assert got[2].startswith("   └─" + d.LINE["aucun"] + " mot")
    rest = "   " + "  " + " " * (d.cells(d.LINE["aucun"]) + 1)
    assert len(got[3 : got.index("")]) >= 1
    assert all(line.startswith(rest + "mot") for line in got[3 : got.index("")])
    assert all(d.cells(line) <= width for line in got)
    narrow = d.draw(m, TR, 5).split("\n")
    assert narrow == got  # raised to the minimum width
    blank = Map(kind="offre", nodes=[MapNode(label="\x07", group="g")])
    assert d.draw(blank, TR).split("\n")[2] == "   └─" + d.LINE["aucun"] + " ?"


def test_a_map_without_nodes_is_its_centre_and_the_legend() -> None:
    got = d.draw(Map(kind="offre", centre="Offre"), TR, 30).split("\n")
    assert got == ["Offre", "", *d.legend(TR, 30)]
    assert d.legend(TR, 200) == [TR("maps.legend", plein="━━━", pointille="┄┄┄")]


def test_a_resource_map_takes_only_the_natures() -> None:
    assert len(NATURES) == 5
    for nature in NATURES:
        Map(kind="ressources", nodes=[MapNode(label="x", group=nature)])
    with pytest.raises(ValidationError):
        Map(kind="ressources", nodes=[MapNode(label="x", group="amis")])
    Map(kind="offre", nodes=[MapNode(label="x", group="amis")])
    with pytest.raises(ValidationError):
        MapNode(label="")
    with pytest.raises(ValidationError):
        MapNode(label="x", link="fort")
    node = MapNode(label="x")
    assert (node.group, node.link, node.notes) == ("", "aucun", "")


def test_marks_without_a_combining_class_take_no_cell() -> None:
    assert d.cells("\u0e01\u0e31") == 1  # Thai vowel sign: a mark (Mn) of class 0
    assert d.cells("a\u20dd") == 1  # an enclosing mark (Me)
    assert d.wrap("e\u0301", 0) == ["e\u0301"]  # never cut from its letter, even at width 0
