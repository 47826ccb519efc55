"""The home screen driven with the Pilot: create, open, duplicate, delete, help."""

from __future__ import annotations

from conftest import build_session
from textual.widgets import DataTable, Input, Select, Static, TextArea

from sessions.storage.store import SessionStore
from tui.app import make_app
from tui.screens.home import HomeScreen
from tui.screens.new_session import NewSessionScreen


async def test_create_a_session_from_the_form(store: SessionStore, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert "n" in str(home.query_one("#home-empty", Static).render())
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        form.query_one("#template", Select).value = "idees-recues"
        await pilot.press("tab", *"Groupe B")  # the form opens on the template list
        form.query_one("#place", Input).value = "Brive"
        form.query_one("#participants", TextArea).text = "Alice (Mairie)\nBob (CAF)\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.current_mode == "overview"
        [entry] = store.entries()
        saved = store.load(entry.id)
        assert saved.title == "Groupe B"
        assert saved.place == "Brive"
        assert saved.template == "idees-recues"
        assert [p.name for p in saved.participants] == ["Alice", "Bob"]
        assert app.session is not None and app.session.id == saved.id


async def test_form_refuses_an_empty_title_and_a_bad_date(store: SessionStore, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        form = app.screen
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, NewSessionScreen)
        assert "titre" in str(form.query_one("#error", Static).render()).lower()
        form.query_one("#title", Input).value = "x"
        form.query_one("#date", Input).value = "22/11/2026"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, NewSessionScreen)
        assert "AAAA-MM-JJ" in str(form.query_one("#error", Static).render())
        assert store.entries() == []
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_open_duplicate_and_delete_from_home(store: SessionStore, clock) -> None:
    first = build_session(title="Atelier A")
    store.create(first)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        await pilot.press("d")
        await pilot.pause()
        assert table.row_count == 2
        titles = sorted(e.session.title for e in store.entries() if e.session)
        assert titles == ["Atelier A", "Atelier A (copie)"]
        copy = next(e for e in store.entries() if e.session.title.endswith("(copie)"))
        assert store.load(copy.id).ideas == []
        # delete the copy: a confirmation, then the trash
        row = [e.path for e in app.screen.entries].index(copy.path)
        table.move_cursor(row=row)
        await pilot.press("x")
        await pilot.press("y")
        await pilot.pause()
        assert [e.session.title for e in store.entries()] == ["Atelier A"]
        assert len(list(store.trash_dir.glob("*.json"))) == 1
        # open the remaining one with Enter
        table.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "overview"
        assert app.session is not None and app.session.id == first.id


async def test_help_lists_the_keys_of_the_current_screen(store: SessionStore, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        keys = str(app.screen.query_one("#keys", Static).render())
        assert "Nouvelle session" in keys
        assert "Quitter" in keys
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_overview_edit_saves_details_and_keeps_participant_ids(store, session, clock) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "overview"
        await pilot.press("e")
        form = app.screen
        form.query_one("#place", Input).value = "Égletons"
        form.query_one("#role-rapporteur", Input).value = "Zoé"
        form.query_one("#next-steps", TextArea).text = "Envoyer le compte-rendu"
        area = form.query_one("#participants", TextArea)
        area.text = area.text + "\nEmma (Région)\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.load(session.id)
        assert saved.place == "Égletons"
        assert saved.roles.rapporteur == "Zoé"
        assert saved.next_steps == "Envoyer le compte-rendu"
        assert [p.id for p in saved.participants[:4]] == [p.id for p in session.participants]
        assert saved.participants[4].name == "Emma"


async def test_a_corrupt_file_is_reported_with_its_backup(store, session, clock) -> None:
    from tui.screens.corrupt import CorruptFileScreen

    path = store.path_for(session.id)
    with store.open(session.id) as handle:
        handle.apply(lambda s: setattr(s, "place", "v2"))
    path.write_bytes(b"\0\0\0")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CorruptFileScreen)
        assert path.read_bytes() == b"\0\0\0"
        await pilot.click("#restore")
        await pilot.pause()
        assert store.load(session.id).place == "Tulle"
        assert app.session is not None


async def test_second_app_on_the_same_session_is_read_only(store, session, clock) -> None:
    holder = store.open(session.id)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.read_only
        assert app.apply(lambda s: setattr(s, "place", "ailleurs")) is None
        assert store.load(session.id).place == "Tulle"
    holder.close()
