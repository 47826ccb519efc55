"""F4 after the last round: F8 (pass) is no longer offered, since there is no turn to pass.

The footer kept "F8 Passe" once every round was over, and F8 then said "Aucun
tour en cours" (an error for a key the screen had just offered). A key that
cannot act is not shown: the footer and the hint under the box drop F8 when the
rounds are over, F8 does nothing there, and ctrl+z (a turn again) brings it back.
Read as drawn, in French and in English.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from textual.widgets import Static

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tests.vote_helpers import on_top
from tests.waits import footer_actions, settled, until
from tui.app import make_app

WORDS = {
    "fr": {"f8": "F8 : passe", "no_turn": "Aucun tour en cours", "over": "Le tour est terminé"},
    "en": {"f8": "F8: pass", "no_turn": "No turn in progress", "over": "The round is over"},
}


def _hint(app) -> str:  # type: ignore[no-untyped-def]
    text = str(app.screen.query_one("#entry-hint", Static).render())
    return re.sub("[\u00a0\u202f]", " ", text)


def _said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [re.sub("[\u00a0\u202f]", " ", str(n.message)) for n in app._notifications]


def _passes(store, session_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Who passed, as saved."""
    turns = store.load(session_id).capture.turns
    return [turn.participant_id for turn in turns if turn.idea_number is None]


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_f8_is_not_offered_once_the_rounds_are_over(store, clock, lang) -> None:
    words = WORDS[lang]
    s = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Atelier",
        on=dt.date(2026, 11, 22),
        participants=parse_participants("Alice Martin\nBruno Petit"),
        language=lang,
    )
    s.capture.rounds = 1
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await on_top(pilot, "CaptureScreen")
        assert "pass_turn" in await until(pilot, lambda: footer_actions(app))
        assert words["f8"] in _hint(app), _hint(app)

        await pilot.press(*"Tiers-lieu", "enter", *"Bus", "enter")  # the one round is over
        assert await until(pilot, lambda: len(store.load(s.id).ideas) == 2)
        banner = app.screen.query_one("#end-banner", Static)
        assert await until(pilot, lambda: words["over"] in str(banner.render()))
        actions = await until(pilot, lambda: "pass_turn" not in footer_actions(app))
        assert actions, footer_actions(app)
        assert words["f8"] not in _hint(app), _hint(app)

        await pilot.press("f8")  # not offered: it does nothing, says nothing
        assert await until(pilot, lambda: settled(app))
        assert not any(words["no_turn"] in m for m in _said(app)), _said(app)
        assert len(store.load(s.id).ideas) == 2 and not _passes(store, s.id)

        await pilot.press("ctrl+z")  # Bruno's idea undone: his turn again, F8 again
        assert "pass_turn" in await until(
            pilot, lambda: "pass_turn" in footer_actions(app) and footer_actions(app)
        )
        assert words["f8"] in _hint(app), _hint(app)
        await pilot.press("f8")
        passes = await until(pilot, lambda: _passes(store, s.id))
        assert passes == [s.participants[1].id]
