"""F9's choice on F4 survives the language switch (F10), which rebuilds the screens.

A brainstorm switched to a tour de table came back as a brainstorm after F10:
the next idea lost its author and F1 told the brainstorm again. A tour de
table's pending free entry was dropped the same way.
"""

from __future__ import annotations

import datetime as dt
import re

from textual.widgets import Static
from textual.widgets._footer import FooterKey

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tests.vote_helpers import on_top
from tests.waits import settled, until
from tui.app import make_app

PEOPLE = "\n".join(f"Personne {n}" for n in range(1, 5))


def _session(store, template: str):  # type: ignore[no-untyped-def]
    s = session_from_template(
        find_template(template),
        title="Atelier",
        on=dt.date(2026, 11, 22),
        participants=parse_participants(PEOPLE),
        language="fr",
    )
    store.create(s)
    return s


def _f9_label(app) -> str:  # type: ignore[no-untyped-def]
    keys = [k.description for k in app.screen.query(FooterKey) if k.key == "f9"]
    return keys[0] if len(keys) == 1 else ""


def _text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return re.sub("[\u00a0\u202f]", " ", str(app.screen.query_one(selector, Static).render()))


async def _switch_language(pilot, f9_label: str) -> None:  # type: ignore[no-untyped-def]
    """F10 on F4, then wait for the new F4 screen and its footer's F9 (``f9_label``)."""
    app = pilot.app
    before = app.screen
    await pilot.press("f10")
    assert await until(
        pilot,
        lambda: (
            app.screen is not before
            and type(app.screen).__name__ == "CaptureScreen"
            and settled(app)
            and _f9_label(app) == f9_label
        ),
    ), (type(app.screen).__name__, _f9_label(app))


async def test_a_brainstorm_switched_to_the_tour_stays_a_tour_after_f10(store, clock) -> None:
    s = _session(store, "divergence-convergence")
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f4")
        await on_top(pilot, "CaptureScreen")
        await pilot.press("f9")  # the tour de table starts
        assert await until(pilot, lambda: _f9_label(app) == "Brainstorm")
        await _switch_language(pilot, "Brainstorm")  # still the tour: F9 offers the brainstorm
        assert "F9: brainstorm" in _text(app, "#entry-hint")
        assert "Round 1 / 3" in _text(app, "#turn") and "Personne 1" in _text(app, "#turn")
        await pilot.press("f1")
        await on_top(pilot, "HelpScreen")
        assert "F9: back to the brainstorm" in _text(app, "#purpose")
        await pilot.press("escape")
        await on_top(pilot, "CaptureScreen")
        await pilot.press(*"Tiers-lieu", "enter")
        saved = await until(pilot, lambda: store.load(s.id).ideas)
        assert saved[-1].text == "Tiers-lieu"
        assert store.load(s.id).participant(saved[-1].author_id).name == "Personne 1"


async def test_a_tour_keeps_its_pending_free_entry_after_f10(store, clock) -> None:
    s = _session(store, "territoire-numerique-10-ans")
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f4")
        await on_top(pilot, "CaptureScreen")
        await pilot.press("f9")  # one free entry
        assert await until(pilot, lambda: _f9_label(app) == "Tour de table")
        await _switch_language(pilot, "Round the table")
        assert "FREE ENTRY" in _text(app, "#turn")
        await pilot.press(*"Sans auteur", "enter")
        saved = await until(pilot, lambda: store.load(s.id).ideas)
        assert saved[-1].text == "Sans auteur" and saved[-1].author_id is None
        assert await until(pilot, lambda: _f9_label(app) == "Free entry")  # the tour again
