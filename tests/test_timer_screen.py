"""The timer screen in a real app (Pilot): keys, saved state, restart, projector, editor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Digits, Static

from sessions.agenda.catalog import find_template
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.models import Session
from sessions.storage.store import SessionStore
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tui.app import make_app


def make_session(store: SessionStore, template: str = "divergence-convergence") -> Session:
    session = session_from_template(
        find_template(template), title="Atelier numérique", on=date(2026, 11, 22)
    )
    store.create(session)
    return session


@pytest.fixture
def world(tmp_path: Path) -> tuple[SessionStore, FakeClock, Session]:
    clock = FakeClock()
    store = SessionStore(tmp_path, clock)
    return store, clock, make_session(store)


def digits(app) -> str:
    return str(app.screen.query_one("#digits", Digits).value)


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def tick(app, pilot) -> None:
    app.tick()
    await pilot.pause()


async def test_keys_drive_the_timer_and_save_it(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    bells: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.bell = lambda: bells.append("ding")  # type: ignore[method-assign]
        await pilot.press("f3")
        await tick(app, pilot)
        assert digits(app) == "05:00"
        await pilot.press("space")
        assert store.load(s.id).timer.state == "running"
        clock.advance(65)
        await tick(app, pilot)
        assert digits(app) == "03:55"
        await pilot.press("space")  # pause
        saved = store.load(s.id).timer
        assert saved.state == "paused" and saved.elapsed_s == pytest.approx(65)
        clock.advance(600)
        await tick(app, pilot)
        assert digits(app) == "03:55"  # paused: time does not run
        assert "⏸" in text(app, "#phase-state")
        await pilot.press("space", "plus")  # resume, +1 min
        assert store.load(s.id).timer.extra_s == 60
        await pilot.press("asterisk", "minus")  # +5, -1
        assert store.load(s.id).timer.extra_s == 300
        await tick(app, pilot)
        assert digits(app) == "08:55"  # 5:00 + 5:00 - 1:05
        clock.advance(7 * 60)  # 1:55 left: warning
        await tick(app, pilot)
        assert "⚠" in text(app, "#phase-state")
        assert app.screen.query_one("#clock-pane").has_class("-warning")
        assert bells == ["ding"]
        for _ in range(3):
            clock.advance(1)
            await tick(app, pilot)
        assert bells == ["ding"]  # once
        clock.advance(112 + 18)
        await tick(app, pilot)
        assert digits(app) == "+00:18"
        assert app.screen.query_one("#clock-pane").has_class("-overtime")
        assert "⏰" in text(app, "#phase-state")
        assert bells == ["ding", "ding"]
        assert f"{s.agenda[0].id}:end" in store.load(s.id).timer.bells
        await pilot.press("n")
        saved = store.load(s.id)
        assert saved.timer.index == 1
        assert saved.agenda[0].actual_seconds == pytest.approx(65 + 7 * 60 + 3 + 130)
        assert saved.agenda[0].extended_s == 300
        assert "+" in text(app, "#drift")
        await pilot.press("p")
        assert store.load(s.id).timer.index == 0
        await pilot.press("g")
        await pilot.press("4", "enter")
        assert store.load(s.id).timer.index == 3
        await pilot.press("r", "y")  # restart the phase, confirmed
        saved = store.load(s.id).timer
        assert saved.index == 3 and saved.elapsed_s == 0 and saved.state == "running"
        table = app.screen.query_one("#agenda-table", DataTable)
        assert table.row_count == 7


async def test_restart_mid_phase_shows_the_right_time(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "space")
        clock.advance(100)
        await pilot.press("n")  # phase 2 (10 min) running
        clock.advance(130)
    # The app is gone; real time goes on (wall and suspend-aware monotonic alike).
    clock.advance(200)
    again = make_app(store, clock, session_ref=s.id)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await tick(again, pilot)
        assert digits(again) == "04:30"  # 600 - 130 - 200 - 0
        assert "▶" in text(again, "#phase-state")
        await pilot.press("space")  # pause at 04:30
    clock.advance(3600)
    third = make_app(store, clock, session_ref=s.id)
    async with third.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await tick(third, pilot)
        assert digits(third) == "04:30"  # paused stays paused
        assert store.load(s.id).timer.state == "paused"


async def test_restart_after_reboot_uses_the_wall_clock(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "space")
        clock.advance(60)
    clock.advance(30)
    clock.reboot("boot-2")  # monotonic restarts from zero: the wall clock decides
    again = make_app(store, clock, session_ref=s.id)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await tick(again, pilot)
        assert digits(again) == "03:30"


async def test_strip_on_other_screens_and_projector(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id, projector=True, start_mode="timer")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        from tui.screens.projector import ProjectorScreen
        from tui.widgets.big_clock import BigClock

        assert isinstance(app.screen, ProjectorScreen)
        await pilot.press("space")
        clock.advance(10)
        await tick(app, pilot)
        assert app.screen.query_one(BigClock).value == "04:50"
        assert "Introduction" in str(app.screen.query_one("#title", Static).render())
        assert "Présentation" in str(app.screen.query_one("#next", Static).render())
        await pilot.press("v")
        assert not isinstance(app.screen, ProjectorScreen)
        await pilot.press("f2")
        await tick(app, pilot)
        strip = str(app.screen.query_one("#timer-strip", Static).render())
        assert "Introduction" in strip and "04:50" in strip and "▶" in strip


async def test_agenda_editor_changes_are_saved(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "e")
        from tui.screens.agenda_editor import AgendaEditorScreen

        assert isinstance(app.screen, AgendaEditorScreen)
        warnings = str(app.screen.query_one("#warnings", Static).render())
        assert "⚠" in warnings  # 120 min in a 120 min slot: no margin
        await pilot.press("down", "ctrl+down")  # move Présentation below Inspiration
        assert [p.title for p in store.load(s.id).agenda][1:3] == ["Inspiration", "Présentation"]
        await pilot.press("enter")
        title = app.screen.query_one("#title")
        title.value = "Présentation des enjeux"
        app.screen.query_one("#minutes").value = "8"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.load(s.id).agenda[2]
        assert (saved.title, saved.minutes) == ("Présentation des enjeux", 8)
        await pilot.press("a")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(store.load(s.id).agenda) == 8
        await pilot.press("delete", "y")
        await pilot.pause()
        assert len(store.load(s.id).agenda) == 7
        await pilot.press("escape")


async def test_rebudget_accept_edit_or_ignore(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "b")  # not late: nothing proposed, nothing changes
        from tui.screens.rebudget import RebudgetScreen

        assert not isinstance(app.screen, RebudgetScreen)
        await pilot.press("space")
        clock.advance(13 * 60)  # Introduction (5 min) runs 8 min over
        await pilot.press("n", "b")
        assert isinstance(app.screen, RebudgetScreen)
        await pilot.press("escape")  # ignored: the agenda is untouched
        assert [p.minutes for p in store.load(s.id).agenda] == [5, 10, 15, 30, 40, 15, 5]
        await pilot.press("b")
        proposal = app.screen.proposal
        assert sum(c.minutes - c.proposed for c in proposal.cuts) == 8
        first = proposal.cuts[0]
        app.screen.query_one(f"#cut-{first.index}").value = f"{first.minutes:g}"  # keep it
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.load(s.id).agenda
        assert saved[first.index].minutes == first.minutes
        total_cut = 120 - sum(p.minutes for p in saved)
        assert total_cut == 8 - (first.minutes - first.proposed)


async def test_turn_key_only_where_there_are_turns(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "space", "t")
        assert store.load(s.id).timer.turn_index == 0  # no turns in Introduction
        await pilot.press("g")
        await pilot.press("6", "enter")  # Partage des solutions: 4 groups x 3 min
        await tick(app, pilot)
        assert "Groupe 1" in text(app, "#subtimer")
        clock.advance(190)
        await tick(app, pilot)
        assert "⏰" in text(app, "#subtimer")
        await pilot.press("t")
        await tick(app, pilot)
        assert store.load(s.id).timer.turn_index == 1
        assert "Groupe 2" in text(app, "#subtimer") and "03:00" in text(app, "#subtimer")


async def test_cli_change_shows_in_the_open_app(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        store.transact(s.id, lambda x: timer_ops.start(x, Stamp.of(clock)))
        app.poll_file()
        await tick(app, pilot)
        strip = app.screen.query_one("#timer-strip", Static)
        assert "▶" in str(strip.render())
        clock.advance(200)  # 1:40 left of 5 min: amber strip with its symbol
        await tick(app, pilot)
        assert strip.has_class("-warning") and "⚠" in str(strip.render())
