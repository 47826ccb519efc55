"""Scenario 8: text typed in the idea box but not submitted survives a crash.

The capture screen (F4) saves the box's text as ``session.capture.draft``
after a short idle time. The idle timer is fired by hand (as the app's retry
is), the file is copied as it stands at that moment - what a crash would
leave - and a new app on the copy offers the draft back.
"""

from __future__ import annotations

import shutil

from textual.widgets import Input

from sessions.storage.store import SessionStore
from tui.app import make_app


async def test_unsubmitted_idea_is_kept_as_a_draft_and_offered_after_a_crash(
    store, session, clock, tmp_path
) -> None:
    from tui.screens import capture

    assert capture.DRAFT_IDLE_SECONDS <= 2.0  # kept within 2 s of idle
    path = store.path_for(session.id)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        entry = app.screen.query_one("#entry", Input)
        entry.focus()
        await pilot.press(*"mobilité douce")
        await pilot.pause()
        assert store.load(session.id).capture.draft == ""  # not yet idle
        app.screen._save_draft()  # the idle timer fires
        await pilot.pause()
        assert store.load(session.id).capture.draft == "mobilité douce"
        assert store.load(session.id).ideas == []  # a draft, not an idea
        # The process dies here: keep the data folder exactly as it is now.
        crashed = tmp_path / "after-crash"
        shutil.copytree(store.root, crashed)
    other = SessionStore(crashed, clock)
    again = make_app(other, clock, session_ref=session.id)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert again.screen.query_one("#entry", Input).value == "mobilité douce"
    assert path.exists()
