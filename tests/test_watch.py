"""``atelier watch``: a read-only follower that shows the timer, the ideas and the reveal."""

from __future__ import annotations

import os

import pytest
from textual.widgets import Digits, Static

from sessions.capture import tour as capture
from sessions.models import HandTally
from sessions.storage.follow import SessionFollower, follow_view
from sessions.storage.locks import FileLock
from sessions.storage.session_file import holder_lock_path
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from sessions.vote import envelope as vote_ops
from tests.waits import until
from tui.screens.watch import WatchScreen
from tui.watch_app import WatchApp


def _stat(path):
    st = os.stat(path)
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def test_follow_view_counts_down_from_stored_timestamps(store, session, clock) -> None:
    store.transact(session.id, lambda s: timer_ops.start(s, Stamp.of(clock)))
    follower = SessionFollower(store.path_for(session.id), clock)
    clock.advance(90)
    view = follow_view(follower.session, Stamp.of(clock))
    first = follower.session.agenda[0]
    left = int(first.minutes * 60 - 90)
    assert view.clock == f"{left // 60:02d}:{left % 60:02d}"
    assert view.state == "running"
    assert (view.phase_n, view.phase_count) == (1, len(follower.session.agenda))
    assert view.next_title == follower.session.agenda[1].title
    clock.advance(first.minutes * 60)  # 90 s past the end
    view = follow_view(follower.session, Stamp.of(clock))
    assert view.state == "overtime"
    assert view.clock == "+01:30"
    follower.close()


def test_follower_picks_up_changes_and_keeps_the_last_good_version(store, session, clock) -> None:
    path = store.path_for(session.id)
    follower = SessionFollower(path, clock)
    assert not follower.poll()
    store.transact(session.id, lambda s: capture.add_idea(s, "Fibre partout", clock.now()))
    assert follower.poll()
    assert [i.text for i in follower.session.ideas] == ["Fibre partout"]
    good = path.read_bytes()
    path.write_bytes(b"{not json")
    assert follower.poll()
    assert follower.error
    assert [i.text for i in follower.session.ideas] == ["Fibre partout"]
    assert path.read_bytes() == b"{not json"  # never repaired or rewritten by the follower
    path.write_bytes(good)
    assert follower.poll()
    assert follower.error is None
    follower.close()


def test_ranking_is_shown_only_once_revealed(store, session, clock) -> None:
    def prepare(s):
        for text in ("Fibre", "Tiers-lieux", "Médiation"):
            capture.add_idea(s, text, clock.now())
        vote_ops.set_blind(s, True)
        for number, hands in ((1, [2, 3]), (2, [5]), (3, [1])):
            s.vote.tallies[number] = HandTally(hands=hands)

    store.transact(session.id, prepare)
    follower = SessionFollower(store.path_for(session.id), clock)
    assert follow_view(follower.session, Stamp.of(clock)).ranking is None
    store.transact(session.id, lambda s: vote_ops.reveal(s))
    follower.poll()
    ranked = follow_view(follower.session, Stamp.of(clock)).ranking
    assert ranked is not None
    assert [(i.rank, i.number, i.points) for i in ranked] == [(1, 1, 5), (1, 2, 5), (3, 3, 1)]
    follower.close()


async def test_watch_screen_follows_another_process_within_a_second(store, session, clock) -> None:
    path = store.path_for(session.id)
    store.transact(session.id, lambda s: timer_ops.start(s, Stamp.of(clock)))
    before = _stat(path)
    app = WatchApp(path, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WatchScreen)
        # the watcher holds no lock: an app can still take the session
        holder = FileLock(holder_lock_path(path))
        assert holder.acquire(timeout=0)
        holder.release()
        minutes = session.agenda[0].minutes
        assert screen.query_one("#clock", Digits).value == f"{int(minutes):02d}:00"
        assert "En cours" in str(screen.query_one("#state", Static).render())
        assert "▶" in str(screen.query_one("#state", Static).render())
        assert "Les idées" in str(screen.query_one("#list", Static).render())
        # time passes: the countdown moves, and the warning is told by a symbol
        clock.advance(minutes * 60 - 60)
        screen.update_view()
        assert screen.query_one("#clock", Digits).value == "01:00"
        state = str(screen.query_one("#state", Static).render())
        assert "⚠" in state
        assert screen.query_one("#timer-pane").has_class("-warning")
        # another process adds an idea: shown without any key, within a second
        store.transact(
            session.id, lambda s: capture.add_idea(s, "[b]Fibre[/b] partout", clock.now())
        )
        # polled every 0.25 s: a second when the machine is free, more on a loaded CI
        await until(pilot, lambda: "Fibre" in str(screen.query_one("#list", Static).render()))
        shown = str(screen.query_one("#list", Static).render())
        assert "[b]Fibre[/b] partout" in shown  # plain text, never markup
        assert "Idées (1)" in str(screen.query_one("#list-title", Static).render())
        # no key changes anything
        await pilot.press("space", "n", "enter", "delete")
    after = store.load(session.id)
    assert [i.text for i in after.ideas] == ["[b]Fibre[/b] partout"]
    assert _stat(path) != before  # changed by the transaction only
    mtime = _stat(path)
    app2 = WatchApp(path, clock)
    async with app2.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert _stat(path) == mtime  # the follower never writes


async def test_watch_screen_shows_the_revealed_ranking_in_english(store, session, clock) -> None:
    def prepare(s):
        for text in ("Fibre", "Tiers-lieux"):
            capture.add_idea(s, text, clock.now())
        s.vote.tallies[1] = HandTally(hands=[1])
        s.vote.tallies[2] = HandTally(hands=[4, 4])
        vote_ops.reveal(s)

    store.transact(session.id, prepare)
    app = WatchApp(store.path_for(session.id), clock, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        body = str(app.screen.query_one("#list", Static).render())
        assert "Ranking" in str(app.screen.query_one("#list-title", Static).render())
        lines = body.splitlines()
        assert "Tiers-lieux" in lines[0] and "8 pts" in lines[0]
        assert "Fibre" in lines[1]
        assert "Not started" in str(app.screen.query_one("#state", Static).render())


def test_watch_command_reports_an_unknown_session(store, capsys) -> None:
    from tui.cli.main import main

    code = main(["--data-dir", str(store.root), "watch", "nope"])
    assert code != 0
    assert "nope" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_f1_on_the_watch_screen_explains_it(store, session, clock, lang) -> None:
    app = WatchApp(store.path_for(session.id), clock, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        step = str(app.screen.query_one("#step", Static).render())
        assert ("salle" if lang == "fr" else "room") in step
