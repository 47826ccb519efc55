"""F5 with the dot vote, through the keys: the rule shown, refusals named in toasts, the file."""

from __future__ import annotations

from tests.vote_helpers import (
    dot_session,
    header,
    keys_taken,
    on_top,
    open_vote,
    shown,
    toast_said,
    toasts,
    type_enter,
)
from tests.waits import until
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable


async def test_hands_above_the_voters_or_the_dots_are_refused_by_name(store, clock) -> None:
    s = dot_session(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_vote(pilot)
        await until(pilot, lambda: "gommettes" in header(app))
        assert "Vote à 3 gommettes par personne" in header(app)
        assert "gommettes placées\u202f: 0 / 12" in header(app)  # 4 voters x 3
        table = app.screen.query_one("#hands-table", KeyedTable)
        assert await until(pilot, table.current_key) == "5"  # read from the last item
        await type_enter(pilot, "5")  # 5 hands for 4 voters
        said = await toast_said(pilot, "Item n°5", "4 votants")
        assert any("Item n°5" in m and "4 votants" in m for m in said)
        assert store.load(s.id).vote.tallies == {}
        assert table.current_key() == "5"  # still on it
        await keys_taken(pilot, "ctrl+u")
        for hands in ("4", "4", "4"):
            await type_enter(pilot, hands)
        await until(pilot, lambda: len(store.load(s.id).vote.tallies) == 3)
        assert {n: t.points for n, t in store.load(s.id).vote.tallies.items()} == {
            5: 4,
            4: 4,
            3: 4,
        }
        await until(pilot, lambda: "12 / 12" in header(app))
        assert "gommettes placées\u202f: 12 / 12" in header(app)
        await type_enter(pilot, "1")  # item 2: 13 dots > 12
        said = await toast_said(pilot, "Item n°2", "13 gommettes")
        assert any("Item n°2" in m and "13 gommettes" in m for m in said)
        assert 2 not in store.load(s.id).vote.tallies
        footer = {b.description for _, b, *_ in app.screen.active_bindings.values() if b.show}
        assert "Règle" not in footer  # counting has started: the key leaves the footer...
        await keys_taken(pilot, "ctrl+u", "ctrl+g")  # ...and says why when pressed
        said = await toast_said(pilot, "Le décompte a commencé")
        assert any("Le décompte a commencé" in m for m in said)
        assert store.load(s.id).vote.rule == "dots"
        await keys_taken(pilot, "ctrl+k")  # close: the ranking counts dots
        title = lambda: shown(app, "#results-title")  # noqa: E731
        await until(pilot, lambda: "Classement" in title())
        assert "Classement par gommettes décroissantes" in title() and "3 items" in title()
        assert store.load(s.id).vote.counted


async def test_switch_rule_and_dots_then_ballots_refuse_a_stack(store, clock) -> None:
    s = dot_session(store, "territoire-numerique-10-ans", ideas=4)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_vote(pilot)
        assert store.load(s.id).vote.rule == "envelope"
        await until(pilot, lambda: "Enveloppe" in header(app))
        assert "Enveloppe" in header(app)
        await keys_taken(pilot, "ctrl+g")
        await until(pilot, lambda: store.load(s.id).vote.rule == "dots")
        assert store.load(s.id).vote.rule == "dots"
        await toast_said(pilot, "Vote à 3 gommettes par personne.")
        assert "Vote à 3 gommettes par personne." in toasts(app)
        await keys_taken(pilot, "ctrl+z")  # undone like any change...
        await until(pilot, lambda: store.load(s.id).vote.rule == "envelope")
        assert store.load(s.id).vote.rule == "envelope"
        await keys_taken(pilot, "ctrl+y")  # ...and redone
        await until(pilot, lambda: store.load(s.id).vote.rule == "dots")
        assert store.load(s.id).vote.rule == "dots"
        await pilot.press("ctrl+e")  # now the dots per person
        await on_top(pilot, "AskScreen")
        await keys_taken(pilot, "ctrl+u")
        await type_enter(pilot, "2")
        await until(pilot, lambda: store.load(s.id).vote.per_person == 2)
        assert store.load(s.id).vote.per_person == 2
        await until(pilot, lambda: "2 gommettes" in header(app))
        assert "Vote à 2 gommettes par personne" in header(app)
        footer = {b.description for _, b, *_ in app.screen.active_bindings.values()}
        assert "Gommettes" in footer and "Règle" in footer
        await keys_taken(pilot, "f8")
        await until(pilot, lambda: app.screen.query_one("#ballots-table").has_focus)
        await keys_taken(pilot, "2")  # Alice, item 1 (where the cursor starts): 2 dots, no stacking
        said = await toast_said(pilot, "une seule gommette sur l'item n°1")
        assert any("une seule gommette sur l'item n°1" in m for m in said)
        assert store.load(s.id).vote.ballots == {}
        await keys_taken(pilot, "1", "1", "1")  # items 1, 2, then 3: a third dot
        await toast_said(pilot, "Alice", "3 gommettes")
        alice = store.load(s.id).participants[0]
        assert store.load(s.id).vote.ballots[alice.id] == {1: 1, 2: 1}
        refused = [m for m in toasts(app) if m.startswith("Alice") and "3 gommettes" in m]
        assert refused and "2 par personne" in refused[0]
        assert "gommette" in shown(app, "#ballots-title")


async def test_stacking_by_the_rule_key_in_english(store, clock) -> None:
    from sessions.i18n import set_language

    set_language("en")
    s = dot_session(store, ideas=3)
    app = make_app(store, clock, session_ref=s.id, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_vote(pilot)
        await until(pilot, lambda: "Dot vote" in header(app))
        assert "Dot vote, 3 dots per person" in header(app)
        await keys_taken(pilot, "ctrl+g")  # dots -> dots with stacking
        await until(pilot, lambda: store.load(s.id).vote.stacking)
        saved = store.load(s.id)
        assert saved.vote.rule == "dots" and saved.vote.stacking
        await until(pilot, lambda: "stacking allowed" in header(app))
        assert "stacking allowed" in header(app)
        await type_enter(pilot, "2 1")  # item 3: one hand with 2 dots, one with 1
        await until(pilot, lambda: 3 in store.load(s.id).vote.tallies)
        assert store.load(s.id).vote.tallies[3].points == 3
        await type_enter(pilot, "4 1")  # a hand of 4 > 3 dots
        said = await toast_said(pilot, "Item 2", "4 dots on one hand")
        assert any("Item 2" in m and "4 dots on one hand" in m for m in said)
        await keys_taken(pilot, "ctrl+u", "ctrl+g")
        said = await toast_said(pilot, "Counting has started")
        assert any("Counting has started" in m for m in said)
