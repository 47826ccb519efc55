"""F5 with the dot vote, through the keys: the rule shown, refusals named in toasts, the file."""

from __future__ import annotations

import datetime as dt

from conftest import build_session
from textual.widgets import Static

from sessions.capture import tour as cap
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def dot_session(store, template: str = "divergence-convergence", ideas: int = 5):
    s = build_session(template)  # 4 participants, all present
    for n in range(1, ideas + 1):
        cap.add_idea(s, f"solution {n}", T0)
    store.create(s)
    return s


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def header(app) -> str:
    return str(app.screen.query_one("#envelope", Static).render())


async def type_enter(pilot, text: str) -> None:
    if text:
        await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()


async def test_hands_above_the_voters_or_the_dots_are_refused_by_name(store, clock) -> None:
    s = dot_session(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert "Vote à 3 gommettes par personne" in header(app)
        assert "gommettes placées\u202f: 0 / 12" in header(app)  # 4 voters x 3
        table = app.screen.query_one("#hands-table", KeyedTable)
        assert table.current_key() == "5"  # read from the last item, as the envelope
        await type_enter(pilot, "5")  # 5 hands for 4 voters
        assert any("Item n°5" in m and "4 votants" in m for m in toasts(app))
        assert store.load(s.id).vote.tallies == {}
        assert table.current_key() == "5"  # still on it
        await pilot.press("ctrl+u")
        for hands in ("4", "4", "4"):
            await type_enter(pilot, hands)
        assert {n: t.points for n, t in store.load(s.id).vote.tallies.items()} == {
            5: 4,
            4: 4,
            3: 4,
        }
        assert "gommettes placées\u202f: 12 / 12" in header(app)
        await type_enter(pilot, "1")  # item 2: 13 dots > 12
        assert any("Item n°2" in m and "13 gommettes" in m for m in toasts(app))
        assert 2 not in store.load(s.id).vote.tallies
        footer = {b.description for _, b, *_ in app.screen.active_bindings.values() if b.show}
        assert "Règle" not in footer  # counting has started: the key leaves the footer...
        await pilot.press("ctrl+u", "ctrl+g")  # ...and says why when pressed
        await pilot.pause()
        assert any("Le décompte a commencé" in m for m in toasts(app))
        assert store.load(s.id).vote.rule == "dots"
        await pilot.press("ctrl+k")  # close: the ranking counts dots
        await pilot.pause()
        title = str(app.screen.query_one("#results-title", Static).render())
        assert "Classement par gommettes décroissantes" in title and "3 items" in title
        assert store.load(s.id).vote.counted


async def test_switch_rule_and_dots_then_ballots_refuse_a_stack(store, clock) -> None:
    s = dot_session(store, "territoire-numerique-10-ans", ideas=4)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert store.load(s.id).vote.rule == "envelope"
        assert "Enveloppe" in header(app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert store.load(s.id).vote.rule == "dots"
        assert "Vote à 3 gommettes par personne." in toasts(app)
        await pilot.press("ctrl+z")  # undone like any change...
        await pilot.pause()
        assert store.load(s.id).vote.rule == "envelope"
        await pilot.press("ctrl+y")  # ...and redone
        await pilot.pause()
        assert store.load(s.id).vote.rule == "dots"
        await pilot.press("ctrl+e")  # now the dots per person
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_enter(pilot, "2")
        assert store.load(s.id).vote.per_person == 2
        assert "Vote à 2 gommettes par personne" in header(app)
        footer = {b.description for _, b, *_ in app.screen.active_bindings.values()}
        assert "Gommettes" in footer and "Règle" in footer
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("right", "2")  # Alice, item 1: 2 dots, no stacking
        await pilot.pause()
        assert any("une seule gommette sur l'item n°1" in m for m in toasts(app))
        assert store.load(s.id).vote.ballots == {}
        await pilot.press("1", "1", "1")  # items 1, 2, then 3: a third dot
        await pilot.pause()
        alice = store.load(s.id).participants[0]
        assert store.load(s.id).vote.ballots[alice.id] == {1: 1, 2: 1}
        refused = [m for m in toasts(app) if m.startswith("Alice") and "3 gommettes" in m]
        assert refused and "2 par personne" in refused[0]
        ballots = app.screen.query_one("#ballots-title", Static)
        assert "gommette" in str(ballots.render())


async def test_stacking_by_the_rule_key_in_english(store, clock) -> None:
    from sessions.i18n import set_language

    set_language("en")
    s = dot_session(store, ideas=3)
    app = make_app(store, clock, session_ref=s.id, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert "Dot vote, 3 dots per person" in header(app)
        await pilot.press("ctrl+g")  # dots -> dots with stacking
        await pilot.pause()
        saved = store.load(s.id)
        assert saved.vote.rule == "dots" and saved.vote.stacking
        assert "stacking allowed" in header(app)
        await type_enter(pilot, "2 1")  # item 3: one hand with 2 dots, one with 1
        assert store.load(s.id).vote.tallies[3].points == 3
        await type_enter(pilot, "4 1")  # a hand of 4 > 3 dots
        assert any("Item 2" in m and "4 dots on one hand" in m for m in toasts(app))
        await pilot.press("ctrl+u", "ctrl+g")
        await pilot.pause()
        assert any("Counting has started" in m for m in toasts(app))
