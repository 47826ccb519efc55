"""F4's footer says what F9 will do from here: a free entry during a tour, the tour in a brainstorm.

A divergence-convergence brainstorm already takes free entries (``[parts]
capture = "free"``): its F9 starts the tour de table, and the footer said
"Entrée libre" all the same. Once that tour has started, its F9 goes back to the
brainstorm (post-its without author), not to one free entry: the key says
"Brainstorm" there, and so does the hint under the box ("F9 : libre" said the
tour format's word). The footer and the hint are read as drawn, in French and
in English, after each F9 and after the one free entry of a tour.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tui.app import make_app

PEOPLE = "\n".join(f"Personne {n}" for n in range(1, 5))
LABELS = {
    "fr": {"free": "Entrée libre", "tour": "Tour de table", "brainstorm": "Brainstorm"},
    "en": {"free": "Free entry", "tour": "Round the table", "brainstorm": "Brainstorm"},
}
HINTS = {  # what the hint under the box says F9 does
    "fr": {"free": "F9 : libre", "tour": "F9 : tour de table", "brainstorm": "F9 : brainstorm"},
    "en": {"free": "F9: free", "tour": "F9: round table", "brainstorm": "F9: brainstorm"},
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


def _hint(app) -> str:  # type: ignore[no-untyped-def]
    """The hint under the box, its narrow no-break spaces read as spaces."""
    text = str(app.screen.query_one("#entry-hint", Static).render())
    return re.sub("[\u00a0\u202f]", " ", text)


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_f9_in_a_brainstorm_offers_the_tour_then_the_brainstorm(store, clock, lang) -> None:
    s = _session(store, "divergence-convergence", lang)
    words = LABELS[lang]
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f4")
        assert await _f9_labels(pilot, words["tour"]) == [words["tour"]]
        assert HINTS[lang]["tour"] in _hint(app), _hint(app)
        await pilot.press("f9")  # the tour de table starts
        # its F9 goes back to the brainstorm (not to one free entry): it says so
        assert await _f9_labels(pilot, words["brainstorm"]) == [words["brainstorm"]]
        assert HINTS[lang]["brainstorm"] in _hint(app), _hint(app)
        assert HINTS[lang]["free"] not in _hint(app), _hint(app)
        await pilot.press(*"Tiers-lieu", "enter")
        saved = store.load(s.id)
        assert saved.participant(saved.ideas[-1].author_id).name == "Personne 1"
        assert await _f9_labels(pilot, words["brainstorm"]) == [words["brainstorm"]]
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
        assert HINTS[lang]["free"] in _hint(app), _hint(app)  # the tour's own F9 is unchanged
        await pilot.press("f9")
        assert await _f9_labels(pilot, words["tour"]) == [words["tour"]]
        await pilot.press(*"Sans auteur", "enter")  # one free entry, then the tour goes on
        assert store.load(s.id).ideas[-1].author_id is None
        assert await _f9_labels(pilot, words["free"]) == [words["free"]]
        await pilot.press(*"Avec auteur", "enter")
        saved = store.load(s.id)
        assert saved.participant(saved.ideas[-1].author_id).name == "Personne 1"
