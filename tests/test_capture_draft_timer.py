"""F4's draft: an Enter leaves no draft save pending; a box emptied by hand still saves ''."""

from __future__ import annotations

from tests.waits import until
from tui.app import make_app


async def test_an_enter_leaves_no_draft_to_save_and_an_emptied_box_still_saves(
    store, clock, session
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        entry = await until(pilot, lambda: app.screen.query("#entry").first(None))
        await pilot.press(*"Mobilite", "enter")
        assert await until(pilot, lambda: store.load(session.id).ideas)
        await until(pilot, lambda: entry.value == "")
        assert app.screen._draft_timer is None  # nothing typed: no save of '' a second later
        await pilot.press(*"Tiers")
        assert await until(pilot, lambda: app.screen._draft_timer is not None)
        app.screen._save_draft()  # what the idle timer calls
        assert store.load(session.id).capture.draft == "Tiers"
        await pilot.press(*["backspace"] * 5)  # emptied by hand: the saved draft goes too
        await until(pilot, lambda: entry.value == "")
        assert app.screen._draft_timer is not None
        app.screen._save_draft()
        assert store.load(session.id).capture.draft == ""
    saved = store.load(session.id)
    assert [i.text for i in saved.ideas][-1] == "Mobilite"
