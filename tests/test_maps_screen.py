"""The Cartes section edits the maps with the keys: a map, its nodes, the link, who stays, undo.

Each test presses the keys a scribe would, then reads what the screen shows
(the list, the drawing, the toasts, the form's error) and the saved file.
"""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Static

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.maps.drawing import LINE
from sessions.maps.model import Map, MapNode
from sessions.models import Participant
from sessions.sheets import ops as sheets
from tests.sheets_samples import plain
from tui.app import make_app
from tui.sections import SWITCH_KEY, sections_for


def _session(template: str = "ecosysteme-ressources"):
    s = session_from_template(find_template(template), "Fiche 4", on=dt.date(2026, 11, 22))
    s.participants = [Participant(name="Alice Martin"), Participant(name="Bob Durand")]
    return s


async def _open_maps(pilot) -> None:
    modes = [section.mode for section in sections_for(pilot.app.session)]
    await pilot.press(SWITCH_KEY)
    await pilot.pause()
    await pilot.press(str(modes.index("maps") + 1))
    await pilot.pause()
    assert pilot.app.current_mode == "maps"


def _shown(app) -> str:
    text = str(app.screen.query_one("#maps-text", Static).render())
    return plain(text + "\n" + str(app.screen.query_one("#maps-node", Static).render()))


def _rows(app) -> list[str]:
    table = app.screen.query_one("#maps-list", DataTable)
    return [plain(" ".join(str(c) for c in table.get_row_at(r))) for r in range(table.row_count)]


def _toasts(app) -> list[str]:
    return [plain(str(n.message)) for n in app._notifications]


async def _type(pilot, *keys: str) -> None:
    for key in keys:
        if len(key) > 1 and not key.startswith(("ctrl+", "tab", "down", "up", "enter")):
            await pilot.press(*key)  # a word: one key per character
        else:
            await pilot.press(key)
    await pilot.pause()


async def test_a_resource_map_and_a_node_typed_with_the_keys_are_drawn_and_saved(
    store, clock
) -> None:
    s = _session()
    sheets.add(s, "chantier", fields={"titre": "Bus numérique", "enjeu": "1"})
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_maps(pilot)
        assert "Pas encore de carte : m en ajoute une" in _shown(app)
        # m: the form opens on the kind (resources); the chantier's number, then who stays.
        await _type(pilot, "m", "tab", "1", "tab", "tab", "Alice Martin", "ctrl+s")
        assert "Carte n°1 ajoutée." in _toasts(app)
        saved = store.load(s.id).maps[0]
        assert (saved.kind, saved.centre, saved.chantier) == ("ressources", "Bus numérique", 1)
        assert saved.host == "Alice Martin"
        assert "Reste à la table : Alice Martin" in _shown(app)
        assert "1 Carte des ressources : Bus numérique · reste : Alice Martin" in _rows(app)[0]
        # a: label, nature (Down: humaines), link (Down Down: plein), the three questions.
        await _type(pilot, "a", "Mairie", "tab", "down", "tab", "down", "down")
        await _type(pilot, "tab", "down", "tab", "convention 2025", "tab", "down", "ctrl+s")
        assert "« Mairie » ajouté à la carte n°1." in _toasts(app)
        node = store.load(s.id).maps[0].nodes[0]
        assert (node.label, node.group, node.link) == ("Mairie", "humaines", "plein")
        assert (node.have, node.connection, node.operative) == ("oui", "convention 2025", "court")
        shown = _shown(app)
        assert f"└─{LINE['plein']} Mairie" in shown and "└─ Humaines" in shown  # drawn live
        assert "Connectés, comment ? convention 2025" in shown
        assert "1.1" in _rows(app)[1] and "Mairie (Humaines)" in _rows(app)[1]


async def test_link_delete_and_undo_are_one_key_each(store, clock) -> None:
    s = _session()
    nodes = [MapNode(label="Région", group="financieres", link="plein")]
    s.maps = [Map(kind="ressources", centre="Bus", nodes=nodes)]
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_maps(pilot)
        await _type(pilot, "down", "l")  # the node's row; plein -> aucun
        assert "« Région » : lien aucun." in _toasts(app)
        assert store.load(s.id).maps[0].nodes[0].link == "aucun"
        assert f"{LINE['plein']} Région" not in _shown(app)
        await _type(pilot, "l")
        assert store.load(s.id).maps[0].nodes[0].link == "pointille"
        assert f"└─{LINE['pointille']} Région" in _shown(app)
        await _type(pilot, "x")
        assert "« Région » supprimé (ctrl+z l'annule)." in _toasts(app)
        assert store.load(s.id).maps[0].nodes == []
        await _type(pilot, "ctrl+z")
        assert [n.label for n in store.load(s.id).maps[0].nodes] == ["Région"]
        assert "Région" in _shown(app)
        await _type(pilot, "ctrl+y")
        assert store.load(s.id).maps[0].nodes == []


async def test_who_stays_at_the_table_is_asked_in_one_key(store, clock) -> None:
    s = _session()
    s.maps = [Map(kind="ressources", centre="Bus")]
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_maps(pilot)
        await _type(pilot, "r")
        hint = str(app.screen.query_one("#ask-hint", Static).render())
        assert "Alice Martin, Bob Durand" in hint  # the participants, to pick from
        await _type(pilot, "Bob Durand", "enter")
        assert "Carte n°1 : Bob Durand reste à la table." in _toasts(app)
        assert store.load(s.id).maps[0].host == "Bob Durand"
        assert "reste : Bob Durand" in _rows(app)[0]


async def test_a_refused_node_is_said_in_the_form_and_nothing_is_saved(store, clock) -> None:
    s = _session()
    s.maps = [Map(kind="ressources", centre="Bus")]
    store.create(s)
    before = store.path_for(s.id).read_bytes()
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_maps(pilot)
        await _type(pilot, "a", "ctrl+s")  # no label
        error = plain(str(app.screen.query_one("#error", Static).render()))
        assert "Carte 1, nœud 1" in error and "« label »" in error
        assert app.screen.__class__.__name__ == "NodeForm"  # still open
        await _type(pilot, "escape")
        assert store.path_for(s.id).read_bytes() == before


async def test_an_offer_map_has_the_guides_centre_families_and_questions(store, clock) -> None:
    s = _session("offre-existante")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_maps(pilot)
        await _type(pilot, "m", "tab", "CC Vézère", "ctrl+s")  # kind: offre (its format)
        saved = store.load(s.id).maps[0]
        assert saved.kind == "offre"
        assert saved.centre == "Offre de médiation numérique - CC Vézère"
        await _type(pilot, "a", "Cyber-base", "tab", "accès aux droits", "tab", "tab")
        await _type(pilot, "opérateur : CCAS", "ctrl+s")
        node = store.load(s.id).maps[0].nodes[0]
        assert (node.label, node.group, node.notes) == (
            "Cyber-base",
            "accès aux droits",
            "opérateur : CCAS",
        )
        shown = _shown(app)
        assert "Carte de l'offre : Offre de médiation numérique - CC Vézère" in shown
        assert "└─ accès aux droits" in shown
        assert "- Manque-t-il des offres ?" in shown and "- La couverture est-elle" in shown


async def test_a_burst_typed_at_once_fills_a_map_and_a_node(store, clock) -> None:
    """tmux sends keys in one go: m, the form's Tabs and text, ctrl+s, then a and the node."""
    from textual import events

    s = _session("offre-existante")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_maps(pilot)
        burst = ["m", "tab", *"CC Vézère", "ctrl+s", "a", *"Cyber-base", "tab"]
        burst += [*"accès aux droits", "tab", "down", "down", "ctrl+s"]
        for key in burst:  # all queued before any is handled, as a terminal delivers them
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        for _ in range(20):
            await pilot.pause()
        [saved] = store.load(s.id).maps
        assert saved.centre == "Offre de médiation numérique - CC Vézère"
        [node] = saved.nodes
        assert (node.label, node.group, node.link) == ("Cyber-base", "accès aux droits", "plein")
        assert "« Cyber-base » ajouté à la carte n°1." in _toasts(app)


async def test_ctrl_z_after_adding_a_map_names_the_map_it_takes_back(store, clock) -> None:
    s = _session()
    s.maps = [Map(kind="ressources", centre="Bus")]
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_maps(pilot)
        await _type(pilot, "m", "tab", "tab", "tab", "ctrl+s")
        assert "Carte n°2 ajoutée." in _toasts(app)
        assert len(store.load(s.id).maps) == 2
        await _type(pilot, "ctrl+z")
        assert "Annulé : ajout de la carte n°2" in " ".join(_toasts(app))  # not « n°0 »
        assert len(store.load(s.id).maps) == 1
