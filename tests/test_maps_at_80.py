"""Issue 15 played in tmux at 80x24: the Cartes section's list and map form fit the width.

A facilitator on a small laptop reads the whole "who stays" label of the map form
and sees who stays at each table in the list of maps, without scrolling sideways.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import DataTable, Label

from sessions.maps.model import Map
from sessions.sheets import ops as sheets
from tests.sheets_samples import plain
from tests.test_maps_screen import _open_maps, _session, _type
from tui.app import make_app


async def test_the_map_form_labels_wrap_at_80_columns(store, clock) -> None:
    s = _session()
    sheets.add(s, "chantier", fields={"titre": "Bus numérique", "enjeu": "1"})
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_maps(pilot)
        await pilot.press("m")
        await pilot.pause()
        labels = list(app.screen.query(Label))
        host = next(lb for lb in labels if "Qui reste à la table" in str(lb.render()))
        text = str(host.render())
        assert text.endswith("20 min)")
        # every cell of the label is on screen: it wraps, it is not cut at the dialog's edge
        assert host.size.width * host.size.height >= cell_len(text)
        assert host.size.height >= 2


async def test_the_list_of_maps_shows_who_stays_without_scrolling_sideways(store, clock) -> None:
    s = _session()
    sheets.add(s, "chantier", fields={"titre": "Cartographie des zones blanches", "enjeu": "1"})
    s.maps = [Map(kind="ressources", centre="Cartographie des zones blanches", chantier=1)]
    s.maps[0].host = "Léa"
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_maps(pilot)
        table = app.screen.query_one("#maps-list", DataTable)
        row = " ".join(str(c) for c in table.get_row_at(0))
        assert row.endswith("reste : Léa") or row.endswith("reste\u202f: Léa")
        assert row.count("Carte") == 1  # said once: its number is in the N° column
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_the_enjeux_say_where_they_came_from_by_the_groups_title(store, clock) -> None:
    """Carried from 'Groupe B': the group reads 'Groupe B', not the session's id."""
    from sessions.enjeux.model import Source
    from sessions.enjeux.ops import add_enjeux
    from tests.test_enjeux_screen import _cells, _go_to
    from tests.test_enjeux_screen import _session as _fiche

    group = _fiche("territoire-numerique-10-ans")
    group.title = "Groupe B"
    store.create(group)
    s = _fiche("enjeux-solutions")
    sources = [[Source(session=group.id, item=2)], [Source(session="partie1", item=4)]]
    add_enjeux(s, ["Comment accompagner ?", "Comment former ?"], sources)
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _go_to(pilot, "Enjeux et chantiers")
        rows = _cells(app.screen.query_one("#enjeux-list", DataTable))
        assert plain(rows[0][2]) == "« Groupe B », item n°2"
        assert plain(rows[1][2]) == "séance partie1, item n°4"  # gone: said by its id


async def test_a_new_offer_typed_in_another_family_does_not_add_to_the_one_before(
    store, clock
) -> None:
    """The family starts as the one under the cursor; a family typed replaces it (it gave
    'Accès aux droitsFormation'), and Tab past it keeps it."""
    s = _session("offre-existante")
    s.maps = [Map(kind="offre", centre="Offre de médiation numérique - CC Vézère")]
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_maps(pilot)
        await _type(pilot, "a", "Permanence CAF", "tab", "Accès aux droits", "ctrl+s")
        await _type(pilot, "a", "Ateliers tablette", "tab", "Formation", "ctrl+s")
        await _type(pilot, "a", "Cours du soir", "tab", "tab", "ctrl+s")
        nodes = store.load(s.id).maps[0].nodes
        assert [(n.label, n.group) for n in nodes] == [
            ("Permanence CAF", "Accès aux droits"),
            ("Ateliers tablette", "Formation"),
            ("Cours du soir", "Formation"),
        ]


def test_the_minutes_and_synthesis_name_the_group_an_enjeu_came_from(store) -> None:
    """A rapporteur reads '« Groupe B » (id), item n°2', not only the session's id."""
    from sessions.documents.minutes_common import MinutesOptions
    from sessions.enjeux.carry import take
    from sessions.enjeux.minutes import enjeux_blocks
    from sessions.enjeux.ops import offered_items
    from tests.grid_examples import full_session
    from tests.test_enjeux_screen import _session as _fiche

    group = full_session(title="Groupe B")
    s = _fiche("enjeux-solutions")
    offered = offered_items([group])
    take(s, offered[:1])
    store.create(s)
    table = enjeux_blocks(store.load(s.id), MinutesOptions("fr"))[1]
    origin = plain(str(table.rows[0][2]))
    assert origin == f"« Groupe B » ({group.id}), item n°{offered[0].item}"
