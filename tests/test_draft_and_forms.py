"""What the scribe typed stays where it was typed: drafts after the rounds, fast forms."""

from __future__ import annotations

import datetime as dt

from sessions import capture as cap
from sessions.factory import session_from_template
from sessions.people import parse_participants
from sessions.template_catalog import find_template
from tui.app import make_app


def two_people_one_round(store):  # type: ignore[no-untyped-def]
    s = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Brouillon",
        on=dt.date(2026, 11, 22),
        participants=parse_participants("Alice\nBruno"),
    )
    cap.set_rounds(s, 1)
    store.create(s)
    return s


async def type_slowly(app, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` with a pause long enough for the draft to be saved, then Enter."""
    await pilot.press(*text)
    await pilot.pause()
    app.screen._save_draft()  # what the idle timer calls after a second without a key
    await pilot.press("enter")
    await pilot.pause()


async def test_no_draft_comes_back_after_the_last_round(store, clock) -> None:
    s = two_people_one_round(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        for text in ("Fibre", "Tiers-lieu", "Bus tardif"):  # the last one after the round
            await type_slowly(app, pilot, text)
        assert cap.finished(app.session)
        assert app.screen.query_one("#entry").value == ""
    saved = store.load(s.id)
    assert [i.text for i in saved.ideas] == ["Fibre", "Tiers-lieu", "Bus tardif"]
    assert saved.capture.draft == ""
    for _ in range(2):  # reopened twice: nothing comes back
        app = make_app(store, clock, session_ref=s.id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("f4")
            await pilot.pause()
            assert app.screen.query_one("#entry").value == ""
            assert not any("Brouillon" in n.message for n in app._notifications)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press(*"Covoiturage", "enter")
        await pilot.pause()
    assert [i.text for i in store.load(s.id).ideas][-1] == "Covoiturage"


async def test_a_draft_stuck_by_an_older_version_is_dropped(store, clock) -> None:
    s = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Ancien",
        on=dt.date(2026, 11, 22),
        participants=parse_participants("Alice\nBruno"),
    )
    cap.set_rounds(s, 1)
    for text in ("Fibre", "Tiers-lieu", "Bus tardif"):
        cap.give_idea(s, text, clock.now())
    s.capture.draft = "Bus tardif"  # what the bug left in files
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.query_one("#entry").value == ""
        await pilot.press(*"Marche", "enter")
        await pilot.pause()
    saved = store.load(s.id)
    assert saved.ideas[-1].text == "Marche" and saved.capture.draft == ""


def test_an_idea_given_after_the_rounds_clears_the_draft(clock) -> None:
    s = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Domaine",
        on=dt.date(2026, 11, 22),
        participants=parse_participants("Alice"),
    )
    cap.set_rounds(s, 1)
    cap.give_idea(s, "Fibre", clock.now())
    assert cap.finished(s)
    cap.set_draft(s, "Bus tardif")
    idea = cap.give_idea(s, "Bus tardif", clock.now())
    assert idea.author_id is None and s.capture.draft == ""
