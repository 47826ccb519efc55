"""The turn stays with the speaker when the roster changes mid-round (absent, moved)."""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.capture import tour as cap
from sessions.people import roster
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def names(session) -> list[str]:
    return [p.name.split()[0] for p in session.participants]


def speaker(session) -> str:
    person = cap.current(session)
    return person.name.split()[0] if person else "-"


@pytest.fixture
def on_chloe(session):
    """Alice and Bruno have spoken: it is Chloé's turn (index 2 of 4)."""
    cap.give_idea(session, "idée A", T0)
    cap.give_idea(session, "idée B", T0)
    assert speaker(session) == "Chloé"
    return session


def test_someone_before_the_speaker_leaves_the_turn_stays(on_chloe) -> None:
    s = on_chloe
    roster.set_present(s, s.participants[0].id, False)  # Alice leaves
    assert speaker(s) == "Chloé"
    cap.give_idea(s, "idée C", T0)
    assert speaker(s) == "David"  # nobody skipped, nobody twice
    cap.give_idea(s, "idée D", T0)
    assert speaker(s) == "Bruno" and s.capture.current_round == 2


def test_someone_coming_back_before_the_speaker_keeps_the_turn(on_chloe) -> None:
    s = on_chloe
    roster.set_present(s, s.participants[0].id, False)
    roster.set_present(s, s.participants[0].id, True)
    assert speaker(s) == "Chloé"


def test_the_speaker_leaving_hands_the_turn_to_the_next_present(on_chloe) -> None:
    s = on_chloe
    roster.set_present(s, s.participants[2].id, False)  # Chloé leaves
    assert speaker(s) == "David" and s.capture.current_round == 1


def test_the_last_speaker_leaving_starts_the_next_round(session) -> None:
    for text in ("a", "b", "c"):
        cap.give_idea(session, text, T0)
    assert speaker(session) == "David"
    roster.set_present(session, session.participants[3].id, False)
    assert speaker(session) == "Alice" and session.capture.current_round == 2


def test_moving_someone_ahead_of_the_speaker_keeps_the_turn(on_chloe) -> None:
    s = on_chloe
    roster.move(s, s.participants[3].id, -3)  # David to the top
    assert names(s) == ["David", "Alice", "Bruno", "Chloé"]
    assert speaker(s) == "Chloé"
    roster.move(s, s.participants[3].id, -1)  # Chloé moves up one
    assert speaker(s) == "Chloé"


async def test_marking_someone_absent_on_screen_keeps_the_speaker(store, clock, session) -> None:
    def two_ideas(s) -> None:
        cap.give_idea(s, "idée A", T0)
        cap.give_idea(s, "idée B", T0)

    store.transact(session.id, two_ideas)
    on_chloe = store.load(session.id)
    assert speaker(on_chloe) == "Chloé"
    app = make_app(store, clock, session_ref=on_chloe.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("ctrl+t")  # the participants screen
        await pilot.pause()
        table = app.screen.query_one("#people-table", KeyedTable)
        table.move_to(on_chloe.participants[0].id)
        await pilot.press("f8")  # Alice is absent
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        saved = store.load(on_chloe.id)
        assert not saved.participants[0].present
        assert speaker(saved) == "Chloé"
        assert "Chloé" in str(app.screen.query_one("#people").render())
