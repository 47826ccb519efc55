"""The app's chores without timers of their own: the save's retry and the file's look.

A save that fails is tried again by itself a little later, again while it
fails, and the banner goes once it passes; an app whose saves pass has no
retry timer waking it. A change made with ``atelier`` commands in another
terminal shows within a second: on F3 with the timer running (the app's
interval resting) through F3's own second, elsewhere through the app's tick.
"""

from __future__ import annotations

import errno
import gc
import os
from pathlib import Path

import pytest
from textual.widgets import Static

from sessions.storage import atomic
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tests.cli_helpers import atelier_on
from tests.waits import until
from tui import saving
from tui.app import make_app
from tui.widgets.save_banner import SaveBanner


class DiskFull:
    """A save that fails with ENOSPC while ``on``; ``tries`` counts the saves that failed."""

    def __init__(self) -> None:
        self.on = False
        self.tries = 0

    def __call__(self, step: str, path: Path) -> None:
        if self.on and step == "mid_write":
            self.tries += 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


def timer_callbacks(app) -> set[str]:  # type: ignore[no-untyped-def]
    return {getattr(t._callback, "__name__", "") for t in app._timers}


def banner_shown(app) -> bool:  # type: ignore[no-untyped-def]
    return app.screen.query_one(SaveBanner).has_class("-visible")


def texts(store, sid) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.text for i in store.load(sid).ideas]


async def test_a_failed_save_is_tried_again_by_itself_until_it_passes(
    store, clock, session, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = DiskFull()
    monkeypatch.setattr(atomic, "FAULT_HOOK", disk)
    monkeypatch.setattr(saving, "RETRY_SECONDS", 0.05)  # the real timer, sooner
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: app.current_mode == "capture")
        await pilot.press(*"Bus", "enter")
        assert await until(pilot, lambda: texts(store, session.id) == ["Bus"])
        # Saves pass: nothing waits to be retried, no timer of its own.
        assert not {"retry_save", "_retry_due", "poll_file"} & timer_callbacks(app)
        disk.on = True
        await pilot.press(*"Fibre", "enter")
        assert await until(pilot, lambda: banner_shown(app))
        assert "NON ENREGISTRÉ" in str(app.screen.query_one(SaveBanner).render())
        assert await until(
            pilot, lambda: any("NON ENREGISTRÉ" in n.message for n in app._notifications)
        )
        # Tried again by itself, and again while the disk stays full.
        assert await until(pilot, lambda: disk.tries >= 3)
        assert banner_shown(app) and texts(store, session.id) == ["Bus"]
        disk.on = False  # space comes back
        assert await until(pilot, lambda: not banner_shown(app))
        assert texts(store, session.id) == ["Bus", "Fibre"]
        # the toast is a message the app handles after the banner has gone
        assert await until(
            pilot, lambda: any("Enregistrement repris" in n.message for n in app._notifications)
        )
        assert "_retry_due" not in timer_callbacks(app)  # nothing left to retry
        tries = disk.tries
        await pilot.press(*"Tiers-lieu", "enter")
        assert await until(pilot, lambda: "Tiers-lieu" in texts(store, session.id))
        assert disk.tries == tries and not banner_shown(app)


@pytest.fixture
def cli(store, clock, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """``atelier`` commands run as in another terminal, on the test's fake clock."""
    return atelier_on(store.root, clock, monkeypatch)


def shown(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


async def test_f3_running_picks_up_a_cli_change_on_its_own_second(
    store, clock, session, cli
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        app.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
        await pilot.press("f3")
        assert await until(pilot, lambda: getattr(app.screen, "ticking", False))
        assert await until(pilot, lambda: app.tick_held)  # the app's interval rests
        first, second = (p.title for p in session.agenda[:2])
        assert await until(pilot, lambda: first in shown(app, "#phase-title"))
        assert cli("timer", session.id, "next") == 0  # from another terminal
        clock.advance(1)
        app.screen._on_second()  # what F3's own timer calls on the second
        assert await until(pilot, lambda: second in shown(app, "#phase-title"))
        assert store.load(session.id).timer.index == 1


async def test_another_section_picks_up_a_cli_change_on_the_apps_tick(
    store, clock, session, cli
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: app.current_mode == "capture")
        assert not app.tick_held
        assert cli("timer", session.id, "start") == 0  # from another terminal
        for _ in range(4):  # a second of the app's 0.25 s tick
            app._tick_interval()
        assert await until(pilot, lambda: "▶" in shown(app, "#timer-strip"))
        assert app.session.timer.state == "running"


async def test_the_apps_tick_comes_back_after_f3_even_after_a_garbage_collection(
    store, clock, session
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        app.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
        await pilot.press("f3")
        assert await until(pilot, lambda: app.tick_held)  # the app's interval paused
        gc.unfreeze()  # as when a released section is collected: nothing kept out of sight
        gc.collect()
        await pilot.press("f4")
        await until(pilot, lambda: app.current_mode == "capture")
        strip = app.screen.query_one("#timer-strip", Static)
        before = str(strip.render())
        clock.advance(125)
        # The app's own interval, on the event loop's clock: the strip follows the timer.
        assert await until(pilot, lambda: str(strip.render()) != before)
        assert not app.tick_held


async def next_idea(pilot, store, session, cli) -> list[str]:  # type: ignore[no-untyped-def]
    """The next idea's save, before the retry is due, also writes the one left pending."""
    await pilot.press(*"Bus", "enter")
    assert await until(pilot, lambda: texts(store, session.id) == ["Fibre", "Bus"])
    return ["Fibre", "Bus"]


async def file_look(pilot, store, session, cli) -> list[str]:  # type: ignore[no-untyped-def]
    """Another terminal changes the file while a change waits: the look writes both."""
    assert cli("timer", session.id, "start") == 0  # from another terminal
    pilot.app.poll_file()  # what the app's tick calls once a second
    assert store.load(session.id).timer.state == "running"
    return ["Fibre"]


@pytest.mark.parametrize("write_pending", [next_idea, file_look])
async def test_a_save_that_writes_a_pending_change_says_so(
    store, clock, session, cli, write_pending, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = DiskFull()
    monkeypatch.setattr(atomic, "FAULT_HOOK", disk)
    monkeypatch.setattr(saving, "RETRY_SECONDS", 3600)  # the retry never comes first
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: app.current_mode == "capture")
        disk.on = True
        await pilot.press(*"Fibre", "enter")
        assert await until(pilot, lambda: banner_shown(app))
        disk.on = False  # space comes back
        expected = await write_pending(pilot, store, session, cli)
        assert texts(store, session.id) == expected
        assert await until(
            pilot, lambda: any("Enregistrement repris" in n.message for n in app._notifications)
        )
        assert await until(pilot, lambda: not banner_shown(app))
        assert "_retry_due" not in timer_callbacks(app)  # nothing left to retry
