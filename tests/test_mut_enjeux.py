"""Enjeux and chantiers (sessions/enjeux ops, chantiers, minutes, model), issue 18.

The wording of an enjeu (500 characters, never empty), its number after the
others, where it came from; the chantiers' rules per enjeu and the recap table
read without colour; the minutes' table of enjeux.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sessions.documents.minutes_common import MinutesOptions, translator
from sessions.documents.tree import Heading, Paragraph, Table
from sessions.enjeux import chantiers as ch
from sessions.enjeux.minutes import (
    chantiers_across_blocks,
    chantiers_blocks,
    chantiers_synthesis_blocks,
    enjeux_blocks,
    sources_text,
)
from sessions.enjeux.model import Enjeu, Source
from sessions.enjeux.ops import (
    MAX_ENJEU_CHARS,
    EnjeuError,
    add_enjeux,
    enjeux_from,
    next_number,
    offered_items,
    parse_enjeux,
    reword,
)
from sessions.grid.placement import grid_entries
from sessions.sheets import ops as sheet_ops
from sessions.sheets.catalog import find_kind
from sessions.sheets.rules import check_fields
from tests.grid_examples import full_session

TR = translator("fr")


# -- enjeux ------------------------------------------------------------------------


def test_an_enjeu_holds_at_most_500_characters() -> None:
    assert MAX_ENJEU_CHARS == 500
    longest = "q" * MAX_ENJEU_CHARS
    assert parse_enjeux(longest + "\n") == [longest]
    with pytest.raises(EnjeuError) as refused:
        parse_enjeux("a ?\n\n" + longest + "q")
    assert refused.value.line == 3 and refused.value.values["line"] == 3
    assert refused.value.key == "enjeux.err.too_long"
    assert refused.value.values["max"] == MAX_ENJEU_CHARS
    with pytest.raises(EnjeuError) as refused:
        parse_enjeux("  \n# seulement un commentaire\n")
    assert refused.value.line == 0 and refused.value.key == "enjeux.err.none"


def test_add_numbers_after_the_highest_and_refuses_an_empty_one() -> None:
    s = full_session()
    s.enjeux = [Enjeu(number=7, text="Sept ?")]
    assert next_number(s) == 8
    source = Source(session="abc", item=2)
    assert add_enjeux(s, ["  A\x07 ? ", "B ?"], [[source]]) == [8, 9]
    assert s.enjeux[1].text == "A ?" and s.enjeux[1].sources == [source]
    assert s.enjeux[2].sources == []
    with pytest.raises(EnjeuError) as refused:
        add_enjeux(s, ["\x1b[1m  "])
    assert refused.value.key == "enjeux.err.empty" and refused.value.line == 0
    s.enjeux = []
    assert next_number(s) == 1


def test_reword_keeps_number_and_sources() -> None:
    s = full_session()
    source = Source(session="abc", item=2)
    add_enjeux(s, ["A ?", "B ?"], [[], [source]])
    reword(s, 2, "  Bien   mieux ? ")
    assert [(e.number, e.text, e.sources) for e in s.enjeux] == [
        (1, "A ?", []),
        (2, "Bien mieux ?", [source]),
    ]
    reword(s, 2, "r" * MAX_ENJEU_CHARS)
    assert s.enjeux[1].text == "r" * MAX_ENJEU_CHARS
    for text, key in (("  ", "enjeux.err.empty"), ("r" * 501, "enjeux.err.too_long")):
        with pytest.raises(EnjeuError) as refused:
            reword(s, 1, text)
        assert refused.value.key == key and refused.value.line == 0  # no file: no line
    with pytest.raises(EnjeuError) as refused:
        reword(s, 9, "C ?")
    assert refused.value.key == "enjeux.err.no_enjeu" and refused.value.values["number"] == 9
    assert s.enjeux[0].text == "A ?"


def test_offered_items_become_enjeux_with_their_sources() -> None:
    a = full_session(title="A")
    offered = offered_items([a, a])
    assert len(offered) == 2 * len(offered_items([a]))
    placed = {e.number: e for e in grid_entries(a)}
    for o in offered:
        entry = placed.get(o.item)
        assert o.future == (entry.future.value if entry and entry.future else None)
        assert o.source == Source(session=a.id, item=o.item, title="A")
    assert any(o.future for o in offered)
    target = full_session()
    target.enjeux = []
    numbers = enjeux_from(target, offered[:2])
    assert numbers == [1, 2]
    assert [(e.text, e.sources) for e in target.enjeux] == [
        (o.text, [o.source]) for o in offered[:2]
    ]
    assert offered_items([]) == []


def test_a_source_names_a_session_by_its_id() -> None:
    assert Source(session="a1-b_2", item=1).item == 1
    for bad in (
        {"session": "A1", "item": 1},
        {"session": "a", "item": 0},
        {"session": "", "item": 1},
    ):
        with pytest.raises(ValidationError):
            Source(**bad)
    with pytest.raises(ValidationError):
        Enjeu(number=1, text="")
    with pytest.raises(ValidationError):
        Enjeu(number=1, text="x", other=1)


# -- the minutes of enjeux ---------------------------------------------------------


def test_enjeux_table_in_number_order_with_sources_only_when_any() -> None:
    s = full_session()
    s.enjeux = [Enjeu(number=2, text="Deux ?"), Enjeu(number=1, text="Un ?")]
    opts = MinutesOptions("fr")
    heading, table = enjeux_blocks(s, opts)
    assert heading == Heading(2, TR("enjeux.heading"))
    assert table.header == (TR("enjeux.col.number"), TR("enjeux.col.text"))
    assert table.rows == (("1", "Un ?"), ("2", "Deux ?"))
    assert table.align == ("r", "l")
    s.enjeux[0].sources = [Source(session="abc", item=3), Source(session="def", item=4)]
    _, table = enjeux_blocks(s, opts)
    assert table.header[-1] == TR("enjeux.col.sources") and table.align == ("r", "l", "l")
    said = "; ".join(
        [TR("enjeux.source", session="abc", item=3), TR("enjeux.source", session="def", item=4)]
    )
    assert table.rows == (("1", "Un ?", ""), ("2", "Deux ?", said))
    assert sources_text(s.enjeux[0], opts) == said
    s.enjeux = []
    assert enjeux_blocks(s, opts) == []


# -- chantiers -----------------------------------------------------------------------


def _chantier(session, title, enjeu, feasibility="vert", priority=False, unknown=False):
    fields = {"titre": title, "enjeu": str(enjeu), "faisabilite": feasibility}
    fields |= {"prioritaire": priority, "inconnu_desirable": unknown}
    kind = find_kind("chantier")
    fields = check_fields(kind, fields, "1")
    return sheet_ops.add(session, "chantier", fields=fields)


def _group(*enjeux: str):
    s = full_session()
    s.sheets = []
    s.enjeux = []
    add_enjeux(s, list(enjeux))
    return s


def test_enjeu_of_a_sheet() -> None:
    s = _group("A ?")
    sheet = _chantier(s, "x", 1)
    for raw, number in ((3, 3), (0, None), (True, None), ("n°12", 12), ("1 ou 2", None)):
        sheet.fields["enjeu"] = raw
        assert ch.enjeu_of(sheet) == number, raw
    sheet.fields["enjeu"] = "0"
    assert ch.enjeu_of(sheet) is None
    del sheet.fields["enjeu"]
    assert ch.enjeu_of(sheet) is None


def test_chantiers_read_from_visible_chantier_sheets() -> None:
    s = _group("A ?", "B ?")
    first = _chantier(s, "Bus", 1, "orange", priority=True)
    sheet_ops.add(s, "solution", fields={"nom": "pas un chantier"})
    gone = _chantier(s, "Parti", 2)
    sheet_ops.delete(s, gone.number)
    odd = _chantier(s, "Sans couleur", 2, "blanc")
    odd.fields["faisabilite"] = "violet"
    found = ch.chantiers(s)
    assert [c.number for c in found] == [first.number, odd.number]
    assert found[0] == ch.Chantier(first.number, "Bus", 1, "orange", True, False)
    assert found[1].feasibility is None and found[1].priority is False
    odd.fields["prioritaire"] = "oui"  # only True counts
    assert ch.chantiers(s)[1].priority is False


def test_check_chantiers_enjeu_numbers() -> None:
    s = _group()
    _chantier(s, "Libre", 5)  # no enjeu in the session: any number
    assert ch.check_chantiers(s) == []
    bad = _chantier(s, "Mauvais", "un")
    with pytest.raises(ch.ChantierError) as refused:
        ch.check_chantiers(s)
    assert refused.value.values["allowed"] == "1, 2, 3..." and refused.value.values["value"] == "un"
    assert refused.value.values["sheet"] == bad.number
    bad.fields["enjeu"] = ""
    assert ch.check_chantiers(s) == []
    add_enjeux(s, ["A ?", "B ?"])
    with pytest.raises(ch.ChantierError) as refused:
        ch.check_chantiers(s)  # 5 is none of 1, 2
    assert refused.value.values["allowed"] == "1, 2"


def test_one_inconnu_desirable_and_two_priorities_per_enjeu() -> None:
    s = _group("A ?", "B ?")
    _chantier(s, "a", 1, unknown=True, priority=True)
    _chantier(s, "b", 2, unknown=True, priority=True)
    _chantier(s, "c", 1, priority=True)
    assert ch.check_chantiers(s) == []
    third = _chantier(s, "d", 1, priority=True)
    (warning,) = ch.check_chantiers(s)
    assert warning.key == "chantiers.warn.priorities"
    assert warning.values["enjeu"] == 1 and warning.values["count"] == 3
    assert warning.values["sheets"].endswith(str(third.number))
    second = _chantier(s, "e", 2, unknown=True)
    with pytest.raises(ch.ChantierError) as refused:
        ch.check_chantiers(s)
    assert refused.value.key == "chantiers.err.unknown" and refused.value.values["enjeu"] == 2
    assert refused.value.values["sheets"].endswith(f", {second.number}")


def test_cell_text_reads_without_colour() -> None:
    c = ch.Chantier(1, "Bus", 1, "vert", True, True)
    assert ch.cell_text(c, TR) == (
        f"Bus — {ch.SYMBOL['vert']} {TR('chantiers.feasibility.vert')} · "
        f"{ch.PRIORITY_MARK} {TR('chantiers.priority')} · "
        f"{ch.UNKNOWN_MARK} {TR('chantiers.unknown')}"
    )
    assert ch.cell_text(ch.Chantier(1, "Bus", 1, None, False, False), TR) == "Bus"
    assert ch.cell_text(ch.Chantier(1, "Bus", 1, None, False, True), TR) == (
        f"Bus · {ch.UNKNOWN_MARK} {TR('chantiers.unknown')}"
    )
    assert len(set(ch.SYMBOL.values())) == len(ch.FEASIBILITY)


def test_recap_rows_are_the_kth_chantier_of_each_enjeu() -> None:
    s = _group("A ?", "B ?", "C ?")
    _chantier(s, "a1", 1, "vert")
    _chantier(s, "b1", 2, "rouge")
    _chantier(s, "a2", 1, "blanc")
    nameless = _chantier(s, "x", 1)
    nameless.fields.pop("enjeu")
    nameless.fields.pop("faisabilite")
    table = ch.recap_table(s, TR)
    assert table.header == (
        "",
        *(TR("chantiers.col.enjeu", number=n) for n in (1, 2, 3)),
    )
    assert [r[0] for r in table.rows] == [TR("chantiers.row", number=k) for k in (1, 2)]
    assert table.rows[0][1].startswith("a1") and table.rows[1][1].startswith("a2")
    assert table.rows[0][2].startswith("b1") and table.rows[1][2] == ""
    assert table.rows[0][3] == "" and table.rows[1][3] == ""
    assert table.style(0, 1) == "vert" and table.style(1, 1) == "blanc"
    assert table.style(0, 2) == "rouge" and table.style(1, 2) is None
    s.sheets = []
    assert ch.recap_table(s, TR) is None


def test_recap_across_groups_and_its_blocks() -> None:
    one, two = _group("A ?"), _group("A ?", "B ?")
    _chantier(one, "un", 1)
    assert chantiers_across_blocks([one, two], "fr") == []  # one group: its own table
    _chantier(two, "deux", 2, "orange")
    heading, table, legend = chantiers_across_blocks([one, two], "fr")
    assert heading == Heading(2, TR("chantiers.heading_all"))
    assert isinstance(table, Table) and len(table.header) == 3
    assert legend == Paragraph.of(TR("chantiers.legend"))
    assert table.rows[0][1].startswith("un") and table.rows[0][2].startswith("deux")
    assert ch.recap_across([one, two], TR) == table
    blocks = chantiers_blocks(two, MinutesOptions("fr"))
    assert blocks[0] == Heading(2, TR("chantiers.heading")) and blocks[-1] == legend
    assert chantiers_synthesis_blocks(two, "en")[0] == Heading(
        3, translator("en")("chantiers.heading")
    )
    empty = _group("A ?")
    assert chantiers_blocks(empty, MinutesOptions("fr")) == []
    assert chantiers_synthesis_blocks(empty, "fr") == []


# -- what a new session takes from earlier ones ----------------------------------------


def test_take_rewords_or_leaves_out_and_keeps_sources() -> None:
    from sessions.enjeux.carry import take

    a = full_session(title="A")
    offered = offered_items([a])[:3]
    s = _group()
    got = take(s, offered, ["  Autre\x07 mot ? ", ""])  # the third has no text: left out
    assert [(n, o.item) for n, o in got] == [(1, offered[0].item)]
    assert [(e.text, e.sources) for e in s.enjeux] == [("Autre mot ?", [offered[0].source])]
    got = take(s, offered)
    assert [n for n, _ in got] == [2, 3, 4]
    assert [e.text for e in s.enjeux[1:]] == [o.text for o in offered]


def test_carried_participants_once_each_by_name_or_id() -> None:
    from sessions.enjeux.carry import carried_participants
    from sessions.models import Participant

    ana = Participant(id="p1", name="Ana")
    source = full_session()
    source.participants = [
        Participant(id="p9", name="ANA"),  # the same name: already there
        Participant(id="p1", name="Autre nom"),  # the same id: already there
        Participant(id="p2", name="Ben"),
        Participant(id="p3", name="ben"),  # Ben again, in another case
    ]
    got = carried_participants([ana], [source, source])
    assert [(p.id, p.name) for p in got] == [("p1", "Ana"), ("p2", "Ben")]
    assert got[1] is not source.participants[2]  # a copy


def test_an_enjeu_of_one_character_and_no_unknown_key() -> None:
    assert Enjeu(number=1, text="?").text == "?"
    with pytest.raises(ValidationError):
        Source(session="abc", item=1, extra=2)
