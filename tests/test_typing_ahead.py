"""Typing ahead of the app: several entries sent as one burst of keys.

A fast scribe (or a terminal that delivers keys in a batch, as tmux does)
can have the next words queued before the app has handled the previous
Enter - while a save waits on fsync or a long list redraws. Each Enter must
still end exactly the text typed before it: nothing glued to the next entry,
nothing wiped by the clearing of the box.
"""

from __future__ import annotations

from test_capture_screen import eight_people
from test_vote_screen import with_ideas
from textual import events

from bench.typing_child import key_events
from tests.waits import until
from tui.app import make_app


async def send_keys(app, pilot, keys: list[events.Key], done) -> None:  # type: ignore[no-untyped-def]
    """Queue ``keys`` at once (a terminal delivering a burst), then wait for ``done()``.

    As ``tests.waits.until``: a predicate that raises (a screen between two) counts as
    not yet, and the wait lasts 200 pauses and at least 10 s (a starved CPU returns
    pauses early)."""
    for event in keys:
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()  # the burst is taken before ``done`` is first read
    if await until(pilot, done, tries=200, seconds=10.0):
        return
    raise AssertionError("the app did not take the burst")


async def send_burst(app, pilot, entries: list[str], done) -> None:  # type: ignore[no-untyped-def]
    """Every key of every entry, each ended by Enter, in one burst."""
    keys = [event for text in entries for event in key_events(text)]
    await send_keys(app, pilot, keys, done)


async def test_ideas_typed_in_one_burst_are_each_saved_whole(store, clock) -> None:
    s = eight_people(store)
    texts = [f"idee rapide {n}" for n in range(1, 8)]
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await send_burst(app, pilot, texts, lambda: len(app.session.ideas) >= len(texts))
        await pilot.pause()
        assert app.screen.query_one("#entry").value == ""
    saved = store.load(s.id)
    assert [i.text for i in saved.ideas] == texts
    # one idea per participant in turn: the turn moved on with each Enter
    assert [i.author_id for i in saved.ideas] == [p.id for p in saved.participants[:7]]


async def test_hands_typed_in_one_burst_go_to_one_item_each(store, clock, session) -> None:
    with_ideas(store, session)  # 6 items, read from the last
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        hands = ["3 1", "2 2", "=4"]
        await send_burst(app, pilot, hands, lambda: len(app.session.vote.tallies) >= 3)
        await pilot.pause()
    tallies = store.load(session.id).vote.tallies
    assert {n: tallies[n].points for n in (6, 5, 4)} == {6: 4, 5: 4, 4: 4}
    assert tallies[6].hands == [3, 1] and tallies[5].hands == [2, 2]
    assert tallies[4].total == 4
    assert 3 not in tallies


async def test_an_entry_not_taken_stays_in_the_box(store, clock, session) -> None:
    holder = store.open(session.id)  # another window holds the session: this one is read-only
    try:
        app = make_app(store, clock, session_ref=session.id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("f4")
            await pilot.pause()
            assert app.read_only
            notes = len(app._notifications)
            await send_burst(app, pilot, ["pas perdue"], lambda: len(app._notifications) > notes)
            await pilot.pause()
            assert any("lecture seule" in n.message.lower() for n in app._notifications)
            entry = app.screen.query_one("#entry")
            assert entry.value == "pas perdue"  # given back, to type again once writable
            assert app.session.ideas == []
    finally:
        holder.close()
    assert store.load(session.id).ideas == []


async def test_a_pass_or_an_undo_typed_right_after_enter_comes_after_the_idea(store, clock) -> None:
    s = eight_people(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        burst = [*key_events("une"), events.Key("f8", None), *key_events("trois")]
        burst += [events.Key("ctrl+z", None), *key_events("trois bis")]
        await send_keys(
            app, pilot, burst, lambda: [i.text for i in app.session.ideas] == ["une", "trois bis"]
        )
    saved = store.load(s.id)
    people = [p.id for p in saved.participants]
    # person 1 gave "une", person 2 passed, person 3's "trois" was undone and typed again
    assert [(i.text, i.author_id) for i in saved.ideas] == [
        ("une", people[0]),
        ("trois bis", people[2]),
    ]
    turns = [(t.participant_id, t.idea_number) for t in saved.capture.turns]
    assert turns == [(people[0], 1), (people[1], None), (people[2], 2)]  # the undo took 2 back


def _typed(text: str) -> list[events.Key]:
    """The keys of ``text`` without the closing Enter."""
    return key_events(text)[:-1]  # type: ignore[return-value]


async def test_editing_keys_in_a_burst_act_where_they_were_typed(store, clock) -> None:
    """Backspace, ctrl+w and ctrl+u typed fast correct the letters before them, not after."""
    s = eight_people(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        keys = [
            *_typed("Mobilitx"),
            events.Key("backspace", None),
            *_typed("é douce faux"),
            events.Key("ctrl+w", None),
            *_typed("en ville"),
            events.Key("enter", None),
            *_typed("brouillon perdu"),
            events.Key("ctrl+u", None),
            *_typed("Fibre"),
            events.Key("enter", None),
        ]
        await send_keys(app, pilot, keys, lambda: len(app.session.ideas) >= 2)
    assert [i.text for i in store.load(s.id).ideas] == ["Mobilité douce en ville", "Fibre"]


async def test_ctrl_u_in_a_burst_clears_the_hands_typed_before_it(store, clock, session) -> None:
    with_ideas(store, session)  # 6 items, read from the last
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        keys = [*_typed("3 9"), events.Key("ctrl+u", None), *key_events("3 1")]
        await send_keys(app, pilot, keys, lambda: bool(app.session.vote.tallies))
    assert {n: t.points for n, t in store.load(session.id).vote.tallies.items()} == {6: 4}
