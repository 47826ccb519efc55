"""An offer map's form does not ask for a chantier sheet: only a resource map has one."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from sessions.i18n import set_language, t
from tests.test_maps_screen import _open_maps, _session, _type
from tests.waits import until
from tui.app import make_app


def _labels(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The form's labels the user sees (a hidden field's label is not on screen)."""
    return [str(lb.render()) for lb in app.screen.query(Label) if lb.display and lb.parent.display]


async def _until_form(pilot) -> None:  # type: ignore[no-untyped-def]
    await until(pilot, lambda: pilot.app.screen.query("#centre"))


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_an_offer_map_has_no_chantier_field(store, clock, lang) -> None:
    set_language(lang)
    s = _session("offre-existante")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    chantier = t("maps.form.chantier", lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_maps(pilot)
        await pilot.press("m")
        await _until_form(pilot)
        assert t("maps.form.kind", lang) in _labels(app)
        assert chantier not in _labels(app)
        await _type(pilot, "tab", "CC Vézère", "tab", "Alice Martin", "ctrl+s")  # Tab: centre
        assert await until(pilot, lambda: store.load(s.id).maps)
        saved = store.load(s.id).maps[0]
        assert (saved.kind, saved.chantier, saved.host) == ("offre", None, "Alice Martin")
        assert saved.centre.endswith("CC Vézère")
        await _type(pilot, "up", "e")  # the map's row, then its form: still no chantier
        await _until_form(pilot)
        assert chantier not in _labels(app)


async def test_a_resource_map_asks_it_and_choosing_offer_hides_it(store, clock) -> None:
    s = _session("ecosysteme-ressources")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    chantier = t("maps.form.chantier")
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_maps(pilot)
        await pilot.press("m")
        await _until_form(pilot)
        assert chantier in _labels(app)
        await _type(pilot, "down")  # the kind: the offer map
        await until(pilot, lambda: chantier not in _labels(app))
        assert chantier not in _labels(app)
        await _type(pilot, "up")  # back to a resource map: asked again
        await until(pilot, lambda: chantier in _labels(app))
        assert chantier in _labels(app)


async def test_an_english_offer_map_starts_from_the_english_centre(store, clock) -> None:
    """The English agenda says 'Write "Digital inclusion offer - name of the EPCI"': so does m."""
    set_language("en")
    s = _session("offre-existante")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_maps(pilot)
        await pilot.press("m")
        await _until_form(pilot)
        assert "Centre (Digital inclusion offer - EPCI)" in _labels(app)
        await _type(pilot, "tab", "CC Vallée", "ctrl+s")
        assert await until(pilot, lambda: store.load(s.id).maps)
        assert store.load(s.id).maps[0].centre == "Digital inclusion offer - CC Vallée"


@pytest.mark.parametrize(("lang", "heading"), [("fr", "Carte n°1"), ("en", "Map 1")])
async def test_the_edit_form_names_the_map_in_the_interface_language(
    store, clock, lang, heading
) -> None:
    """e on a map: its form says 'Map 1' in English (was 'Map n°1'), 'Carte n°1' in French."""
    from textual.widgets import Static

    from sessions.maps import ops as map_ops

    set_language(lang)
    s = _session("ecosysteme-ressources")
    map_ops.AddMap(1, kind="ressources", centre="Digital help desk").run(s)
    store.create(s)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_maps(pilot)
        await pilot.press("e")
        await _until_form(pilot)
        assert str(app.screen.query_one(".title", Static).render()) == heading
