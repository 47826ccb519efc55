"""F4's footer says what F9 will do from here: a free entry during a tour, the tour in a brainstorm.

A divergence-convergence brainstorm already takes free entries (``[parts]
capture = "free"``): its F9 starts the tour de table, and the footer said
"Entrée libre" all the same. The footer is read as drawn, in French and in
English, after each F9 and after the one free entry of a tour.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets._footer import FooterKey

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tui.app import make_app

PEOPLE = "\n".join(f"Personne {n}" for n in range(1, 5))
LABELS = {
    "fr": {"free": "Entrée libre", "tour": "Tour de table"},
    "en": {"free": "Free entry", "tour": "Round the table"},
}


def _session(store, template: str, lang: str):  # type: ignore[no-untyped-def]
    s = session_from_template(
        find_template(template),
        title="Atelier",
        on=dt.date(2026, 11, 22),
        participants=parse_participants(PEOPLE),
        language=lang,
    )
    store.create(s)
    return s


async def _f9_labels(pilot, expected: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The descriptions the footer shows for F9, once it has drawn ``expected`` (bounded wait)."""
    labels: list[str] = []
    for _ in range(60):  # the footer recomposes after the bindings change
        await pilot.pause()
        labels = [k.description for k in pilot.app.screen.query(FooterKey) if k.key == "f9"]
        if labels == [expected]:
            break
    return labels


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_f9_in_a_brainstorm_offers_the_tour_then_the_free_entry(store, clock, lang) -> None:
    s = _session(store, "divergence-convergence", lang)
    words = LABELS[lang]
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f4")
        assert await _f9_labels(pilot, words["tour"]) == [words["tour"]]
        await pilot.press("f9")  # the tour de table starts
        assert await _f9_labels(pilot, words["free"]) == [words["free"]]
        await pilot.press(*"Tiers-lieu", "enter")
        saved = store.load(s.id)
        assert saved.participant(saved.ideas[-1].author_id).name == "Personne 1"
        await pilot.press("f9")  # back to the brainstorm's free entries
        assert await _f9_labels(pilot, words["tour"]) == [words["tour"]]
        await pilot.press(*"Bus numérique", "enter")
        assert store.load(s.id).ideas[-1].author_id is None


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_f9_in_a_tour_offers_one_free_entry_then_the_tour_again(store, clock, lang) -> None:
    s = _session(store, "territoire-numerique-10-ans", lang)
    words = LABELS[lang]
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f4")
        assert await _f9_labels(pilot, words["free"]) == [words["free"]]
        await pilot.press("f9")
        assert await _f9_labels(pilot, words["tour"]) == [words["tour"]]
        await pilot.press(*"Sans auteur", "enter")  # one free entry, then the tour goes on
        assert store.load(s.id).ideas[-1].author_id is None
        assert await _f9_labels(pilot, words["free"]) == [words["free"]]
        await pilot.press(*"Avec auteur", "enter")
        saved = store.load(s.id)
        assert saved.participant(saved.ideas[-1].author_id).name == "Personne 1"
