"""The Enjeux et chantiers and Cartes sections: reached by 'Aller à' (ctrl+space), as read."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, OptionList, Static

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.enjeux.model import Source
from sessions.enjeux.ops import add_enjeux
from sessions.maps.drawing import LINE
from sessions.maps.model import Map, MapNode
from sessions.sheets import ops
from tui.app import make_app
from tui.sections import SWITCH_KEY, sections_for


def _session(template: str):
    return session_from_template(find_template(template), "Fiche 3", on=dt.date(2026, 11, 22))


def _fiche3():
    s = _session("enjeux-solutions")
    add_enjeux(s, ["Comment attirer ?", "Comment former ?"], [[Source(session="groupea1", item=4)]])
    fields = {"titre": "Bus", "enjeu": "1", "faisabilite": "vert", "prioritaire": True}
    ops.add(s, "chantier", title="", fields=fields, items=[])
    ops.add(s, "chantier", title="", fields={"titre": "Rêve", "enjeu": "2"}, items=[])
    return s


async def _go_to(pilot, title: str) -> None:
    await pilot.press(SWITCH_KEY)
    await pilot.pause()
    shown = [str(o.prompt) for o in pilot.app.screen.query_one(OptionList).options]
    line = next(p for p in shown if title in p)
    await pilot.press(line.split()[0])  # its number
    await pilot.pause()


def _cells(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]


async def test_the_enjeux_section_lists_them_and_the_recap_table(store, clock) -> None:
    s = _fiche3()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _go_to(pilot, "Enjeux et chantiers")
        assert app.current_mode == "enjeux"
        listing = _cells(app.screen.query_one("#enjeux-list", DataTable))
        assert listing[0] == ["1", "Comment attirer ?", "séance groupea1, item n°4"]
        assert listing[1][:2] == ["2", "Comment former ?"]
        recap = app.screen.recap
        cells = [list(column.cells) for column in recap.columns]
        assert [c.header for c in recap.columns] == ["", "Enjeu 1", "Enjeu 2"]
        first = [str(column[0]) for column in cells]
        assert first == ["Chantier 1", "Bus — ✔ vert · ★ prioritaire", "Rêve"]
        assert "green" in str(cells[1][0].style)  # a colour beside its word and symbol
        shown = app.screen.query_one("#recap-table", Static)
        assert shown.display and shown.region.width <= 120  # wraps to the screen
        legend = str(app.screen.query_one("#recap-legend", Static).render())
        assert "✖ rouge, bloqué" in legend


async def test_the_maps_section_draws_each_map_with_its_legend(store, clock) -> None:
    s = _session("ecosysteme-ressources")
    s.maps = [
        Map(
            kind="ressources",
            centre="Bus numérique",
            nodes=[MapNode(label="Région", group="financieres", link="plein")],
        )
    ]
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await _go_to(pilot, "Cartes")
        assert app.current_mode == "maps"
        text = str(app.screen.query_one("#maps-text", Static).render()).replace("\u00a0", " ")
        assert "Carte des ressources" in text and "Bus numérique" in text
        assert f"\n   └─{LINE['plein']} Région\n" in text  # its tree lines as drawn
        assert "plein = un projet commun" in text.replace("\u202f", " ")
        assert "Étonnement" not in text  # the offer map's questions only


async def test_an_offer_map_shows_the_guides_five_questions(store, clock) -> None:
    s = _session("offre-existante")
    s.maps = [Map(kind="offre", centre="Offre - CC", nodes=[MapNode(label="Cyber-base")])]
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await _go_to(pilot, "Cartes")
        text = str(app.screen.query_one("#maps-text", Static).render()).replace("\u202f", " ")
        assert "Carte de l'offre : Offre - CC" in text
        assert "- Manque-t-il des offres ?" in text and "- La couverture est-elle" in text


def test_a_session_without_enjeux_or_maps_is_not_offered_them() -> None:
    modes = [section.mode for section in sections_for(_session("idees-recues"))]
    assert "enjeux" not in modes and "maps" not in modes
    fiche3 = [section.mode for section in sections_for(_fiche3())]
    assert "enjeux" in fiche3 and "maps" in fiche3  # each chantier may get its resource map


async def test_typing_and_rewording_an_enjeu_saves_it(store, clock) -> None:
    s = _fiche3()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _go_to(pilot, "Enjeux et chantiers")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Comment relier ?", "enter")
        await pilot.pause()
        saved = store.load(s.id).enjeux
        assert [(e.number, e.text) for e in saved][-1] == (3, "Comment relier ?")
        listing = _cells(app.screen.query_one("#enjeux-list", DataTable))
        assert listing[-1][:2] == ["3", "Comment relier ?"]
        assert any("Enjeu n°3 ajouté" in n.message for n in app._notifications)
        # Reword the first one: its number and its source stay.
        await pilot.press("home", "e")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Comment attirer des familles ?", "enter")
        await pilot.pause()
        first = store.load(s.id).enjeux[0]
        assert (first.number, first.text) == (1, "Comment attirer des familles ?")
        assert first.sources == [Source(session="groupea1", item=4)]
        # An empty wording is refused, said, and changes nothing.
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+u", "enter")
        await pilot.pause()
        assert store.load(s.id).enjeux[0].text == "Comment attirer des familles ?"
        assert any("ne peut pas être vide" in n.message for n in app._notifications)


async def test_the_sheet_form_refuses_a_second_inconnu_desirable_and_says_why(store, clock) -> None:
    from textual.widgets import Select

    s = _fiche3()
    ops.add(
        s, "chantier", title="", fields={"titre": "Rêve 1", "enjeu": "1", "inconnu_desirable": True}
    )
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _go_to(pilot, "Fiches")
        await pilot.press("enter")  # the first chantier (enjeu 1)'s form
        await pilot.pause()
        form = app.screen
        form.query_one("#f-inconnu_desirable", Select).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any("un seul inconnu désirable par enjeu (fiches 1, 3)" in m for m in said)
        assert app.screen is form  # the form stays open, the value still there
        assert "inconnu_desirable" not in store.load(s.id).sheets[0].fields
