"""A section's F-key and the keys typed right after it, in one burst, reach that section.

A scribe presses F4 and starts typing the idea at once (tmux and a fast typist
deliver them together). The F-key acts when it arrives, and the section it opens
has its field focused as it is built, so the letters behind it are typed into the
box: before, they went to the section being left (or to a screen without focus
on a section's first visit) and were lost, Enter included.
"""

from __future__ import annotations

from test_typing_ahead import send_keys
from test_vote_screen import with_ideas
from textual import events

from bench.typing_child import key_events
from tests.waits import until
from tui.app import make_app


def _f(key: str) -> events.Key:
    return events.Key(key, None)


async def test_f4_then_an_idea_in_one_burst_is_saved_on_the_first_visit(
    store, clock, session
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.current_mode == "overview")
        keys = [_f("f4"), *key_events("Fibre partout")]
        await send_keys(app, pilot, keys, lambda: [i.text for i in app.session.ideas])
        assert app.current_mode == "capture"
        assert [i.text for i in store.load(session.id).ideas] == ["Fibre partout"]
        assert await until(pilot, lambda: "Fibre partout" in _table_text(app))


async def test_f2_f4_then_an_idea_in_one_burst_is_saved(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: app.current_mode == "capture")
        keys = [_f("f2"), _f("f4"), *key_events("Tiers-lieux")]
        await send_keys(app, pilot, keys, lambda: [i.text for i in app.session.ideas])
        assert [i.text for i in store.load(session.id).ideas] == ["Tiers-lieux"]


async def test_f5_then_hands_in_one_burst_reach_the_count(store, clock, session) -> None:
    with_ideas(store, session, 3)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.current_mode == "overview")
        keys = [_f("f5"), *key_events("4")]
        await send_keys(app, pilot, keys, lambda: app.session.vote.tallies)
        assert app.current_mode == "vote"
        tallies = store.load(session.id).vote.tallies
        assert {n: t.points for n, t in tallies.items()} == {3: 4}  # the last item, read first


def _table_text(app) -> str:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#ideas")
    return " ".join(str(c) for r in range(table.row_count) for c in table.get_row_at(r))


async def test_a_line_feed_ends_an_idea_as_enter_does(store, clock, session) -> None:
    """Enter typed while the app starts reaches it as a line feed (ctrl+j): two ideas, not one."""
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: app.current_mode == "capture")
        keys = [*key_events("Deux")[:-1], events.Key("ctrl+j", "\n"), *key_events("Trois")]
        await send_keys(app, pilot, keys, lambda: len(app.session.ideas) >= 2)
        assert [i.text for i in store.load(session.id).ideas] == ["Deux", "Trois"]


async def test_the_people_list_opened_and_closed_in_one_burst_leaves_f4_working(
    store, clock, session
) -> None:
    """ctrl+t then Escape typed together: the list is closed before it is mounted (no crash)."""
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: app.current_mode == "capture")
        keys = [_f("ctrl+t"), _f("escape"), _f("ctrl+t"), _f("escape"), *key_events("Après")]
        await send_keys(app, pilot, keys, lambda: [i.text for i in app.session.ideas])
        # the second list's removal may still be under way when the idea is saved
        assert await until(pilot, lambda: type(app.screen).__name__ == "CaptureScreen")
    assert [i.text for i in store.load(session.id).ideas] == ["Après"]


async def test_keys_behind_the_people_list_closed_in_the_same_burst_never_crash(
    store, clock, session
) -> None:
    """The list's own keys right behind ctrl+t (the list not built yet) or its Escape."""
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: app.current_mode == "capture")
        moves = [_f("down"), _f("up"), _f("shift+down"), _f("shift+up")]
        keys = [_f("ctrl+t"), *moves, _f("escape"), *moves, _f("ctrl+t"), _f("escape"), *moves]
        await send_keys(app, pilot, [*keys, *key_events("Encore")], lambda: app.session.ideas)
        assert await until(pilot, lambda: type(app.screen).__name__ == "CaptureScreen")
    assert [i.text for i in store.load(session.id).ideas] == ["Encore"]
