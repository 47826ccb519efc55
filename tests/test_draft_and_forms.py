"""What the scribe typed stays where it was typed: drafts after the rounds, fast forms."""

from __future__ import annotations

import datetime as dt

from test_typing_ahead import send_keys
from textual import events
from textual.widgets import Input, Select

from bench.typing_child import key_events
from sessions.agenda.catalog import find_template
from sessions.capture import tour as cap
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tests.waits import settled, until
from tui.app import make_app
from tui.screens.details_form import DetailsForm
from tui.screens.new_session import NewSessionScreen


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


# -- forms typed fast ---------------------------------------------------------
NAMED = {"tab": "\t", "shift+tab": None, "ctrl+s": "\x13"}


def key_burst(*keys: str) -> list[events.Key]:
    """The key events of ``keys``: names of NAMED keys and "enter", or text typed."""
    found: list[events.Key] = []
    for key in keys:
        if key == "enter":
            found.extend(key_events(""))  # key_events ends each text with Enter
        elif key in NAMED:
            found.append(events.Key(key, NAMED[key]))
        else:
            found.extend(key_events(key)[:-1])
    return found


async def test_new_session_form_typed_in_one_burst(store, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        assert form.focused is form.query_one("#template", Select)  # chosen first
        today = form.query_one("#date", Input).value
        keys = key_burst(
            "tab", "Titre 3", "tab", "tab", "Lieu 3", "tab", "Alice (Mairie)", "enter", "Bob"
        )
        keys += key_burst("ctrl+s")
        await send_keys(app, pilot, keys, lambda: bool(store.entries()))
        await until(pilot, lambda: app.current_mode == "overview" and settled(app))  # then leave
        [entry] = store.entries()
    saved = store.load(entry.id)
    assert saved.title == "Titre 3"
    assert saved.place == "Lieu 3"
    assert saved.date.isoformat() == today  # Tab went through the date, unchanged
    assert [p.name for p in saved.participants] == ["Alice", "Bob"]


async def test_template_chosen_with_arrows_in_the_burst(store, clock) -> None:
    """Down Down then Tab and the title, typed at once: the third template, the title whole."""
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        names = [tpl.name for tpl in form.templates]
        keys = [events.Key("down", None), events.Key("down", None), events.Key("up", None)]
        keys += [events.Key("down", None), *key_burst("tab", "Groupe B", "ctrl+s")]
        await send_keys(app, pilot, keys, lambda: bool(store.entries()))
        await until(pilot, lambda: app.current_mode == "overview" and settled(app))  # then leave
        [entry] = store.entries()
    saved = store.load(entry.id)
    assert saved.title == "Groupe B"
    assert saved.template == names[2]


async def test_new_session_form_with_pilot_press_in_one_call(store, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewSessionScreen) and settled(app))
        await pilot.press("tab", *"Titre 3", "tab", "tab", *"Lieu 3", "shift+tab", "shift+tab")
        await until(pilot, lambda: settled(app))
        form = app.screen
        assert form.query_one("#title", Input).value == "Titre 3"
        assert form.query_one("#place", Input).value == "Lieu 3"
        assert form.focused is form.query_one("#title", Input)
        await pilot.press(*" bis", "ctrl+s")  # the cursor was put at the end, nothing selected
        await until(pilot, lambda: store.entries() and not isinstance(app.screen, NewSessionScreen))
    [entry] = store.entries()
    assert store.load(entry.id).title == "Titre 3 bis"


async def test_edit_dialog_opens_on_the_title_and_adds_to_it(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DetailsForm)
        title = form.query_one("#title", Input)
        assert form.focused is title and title.cursor_position == len("Atelier A")
        keys = key_burst(" bis", "tab", " centre", "tab", "shift+tab", "shift+tab", "!", "ctrl+s")
        await send_keys(app, pilot, keys, lambda: not isinstance(app.screen, DetailsForm))
        await pilot.pause()
    saved = store.load(session.id)
    assert saved.title == "Atelier A bis!"
    assert saved.place == "Tulle centre"


async def test_edit_dialog_with_pilot_press_in_one_call(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2", "e", *" bis", "tab", "tab", *"Mobilités", "ctrl+s")
        await pilot.pause()
    saved = store.load(session.id)
    assert saved.title == "Atelier A bis"
    assert saved.theme.endswith("Mobilités") and saved.place == "Tulle"
