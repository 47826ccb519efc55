"""The new-session form's closing keys in one burst with the keys around them.

A fast scribe (or tmux delivering keys at once) types ``n``, a few keys, Escape
and at once ``n`` or ``d`` for the list; or the form, ctrl+s (or Enter) and at
once F4 and the first idea. What the user expects is what the same keys do typed
slowly: every key acts on the screen shown by the time its turn comes. Before,
the keys typed after Escape or ctrl+s were handed to the closing form: lost
(``n`` opened nothing, ``d`` duplicated nothing) or typed into the title being
saved ("Titreidee"). Each test sends the whole burst at once (``send_keys``),
then asserts on what is shown and on the files saved.
"""

from __future__ import annotations

from conftest import build_session
from test_typing_ahead import send_keys
from textual import events
from textual.widgets import Input, Select, Static

from bench.typing_child import key_events
from tests.waits import settled, until
from tui.app import make_app
from tui.screens.confirm import ConfirmScreen
from tui.screens.home import HomeScreen
from tui.screens.new_session import NewSessionScreen

NAMED = {"escape", "enter", "tab", "space", "down", "f4", "pageup"}


def burst(*parts: str) -> list[events.Key]:
    """Keys named (``escape``, ``ctrl+s``) or text typed (several characters), in order."""
    keys: list[events.Key] = []
    for part in parts:
        if part in NAMED or "+" in part:
            keys.append(events.Key(part, " " if part == "space" else None))
        else:
            keys.extend(key_events(part)[:-1])  # without the Enter key_events ends with
    return keys


async def _quiet(pilot, app) -> None:  # type: ignore[no-untyped-def]
    assert await until(pilot, lambda: settled(app))


async def test_escape_after_letters_closes_the_form_and_no_letter_reaches_the_list(
    store, clock
) -> None:
    """g, d, x, r are the list's keys: typed in the form then Escape, none acts on the list."""
    store.create(build_session(title="Existante"))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen)
        guide_hidden = home.query_one("#guide").has_class("hidden")
        keys = burst("n", "gdxr", "escape")
        await send_keys(app, pilot, keys, lambda: app.screen is home)
        await _quiet(pilot, app)
        assert app.screen is home and not isinstance(app.screen, ConfirmScreen)
        assert home.query_one("#guide").has_class("hidden") == guide_hidden
        assert [e.session.title for e in store.entries()] == ["Existante"]
        assert not app._notifications


async def test_escape_then_n_in_one_burst_opens_the_form_again(store, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        keys = burst("n", "Atelier", "escape", "n", "tab", "Deux")
        await send_keys(
            app,
            pilot,
            keys,
            lambda: (
                isinstance(app.screen, NewSessionScreen)
                and app.screen.query_one("#title", Input).value == "Deux"
            ),
        )
        assert [type(s) for s in app.screen_stack] == [HomeScreen, NewSessionScreen]
        assert store.entries() == []


async def test_escape_then_d_in_one_burst_duplicates_the_session_listed(store, clock) -> None:
    store.create(build_session(title="Existante"))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        keys = burst("n", "tab", "Ti", "escape", "d")
        await send_keys(app, pilot, keys, lambda: len(store.entries()) == 2)
        titles = sorted(e.session.title for e in store.entries())
        assert titles == ["Existante", "Existante (copie)"]
        assert isinstance(app.screen, HomeScreen)
        assert await until(pilot, lambda: len(app.screen.query_one("#sessions").rows) == 2)


async def test_ctrl_s_then_f4_and_an_idea_in_one_burst(store, clock) -> None:
    """The title saved is the one typed; F4 and the idea reach the session opened."""
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        keys = burst("n", "tab", "Titre", "ctrl+s", "f4", "idee", "enter")
        await send_keys(app, pilot, keys, lambda: app.session is not None and app.session.ideas)
        [entry] = store.entries()
        assert entry.session.title == "Titre"
        assert app.current_mode == "capture"
        assert await until(pilot, lambda: [i.text for i in store.load(entry.id).ideas] == ["idee"])


async def test_enter_in_the_title_creates_the_session_and_the_next_keys_reach_it(
    store, clock
) -> None:
    """Enter in a one-line field submits the form, as ctrl+s (it was dropped without a word)."""
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        keys = burst("n", "tab", "Titre", "enter", "f4")
        await send_keys(app, pilot, keys, lambda: app.current_mode == "capture")
        [entry] = store.entries()
        assert entry.session.title == "Titre"
        assert app.session is not None and app.session.id == entry.id


async def test_tab_to_the_create_button_then_enter_and_keys_behind(store, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        form_keys = ["n", "tab", "Vite"] + ["tab"] * 4  # date, place, participants, Créer
        await send_keys(
            app,
            pilot,
            burst(*form_keys),
            lambda: getattr(app.screen.focused, "id", None) == "create",
        )
        await send_keys(app, pilot, burst("enter", "f4"), lambda: app.current_mode == "capture")
        [entry] = store.entries()
        assert entry.session.title == "Vite"


async def test_a_refused_ctrl_s_sends_the_keys_behind_it_to_the_field_to_correct(
    store, clock
) -> None:
    """ctrl+s with no title says why and focuses the title: the letters behind it go there."""
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        keys = burst("n", "ctrl+s", "Rattrape", "ctrl+s")
        await send_keys(app, pilot, keys, lambda: app.session is not None)
        [entry] = store.entries()
        assert entry.session.title == "Rattrape"
        messages = [n.message for n in app._notifications]
        assert "Le titre est obligatoire." in messages


async def test_space_letters_escape_close_the_template_list_not_the_form(store, clock) -> None:
    """Space opens the template list; Escape typed right behind closes the list, as when slow."""
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        keys = burst("n", "space", "escape", "tab", "Garde")
        await send_keys(
            app,
            pilot,
            keys,
            lambda: (
                isinstance(app.screen, NewSessionScreen)
                and app.screen.query_one("#title", Input).value == "Garde"
            ),
        )
        form = app.screen
        assert not form.query_one("#template", Select).expanded
        assert store.entries() == []
        assert str(form.query_one("#error", Static).render()) == ""


async def test_n_atelier_escape_pressed_by_the_pilot_leaves_the_list_as_it_was(
    store, clock
) -> None:
    """The brief's own case, through ``pilot.press``: the form closes, nothing is saved."""
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen)
        await pilot.press("n", *"Atelier", "escape")
        assert await until(pilot, lambda: app.screen is home)
        assert store.entries() == [] and store.files() == []
        assert home.query_one("#home-empty", Static).display


async def test_keys_typed_while_the_template_list_opens_do_not_crash(store, clock) -> None:
    """PageUp right behind Enter reached the list before it was drawn (found by the fuzz)."""
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        keys = burst("n", "enter", "pageup", "escape", "tab", "Suite")
        await send_keys(
            app,
            pilot,
            keys,
            lambda: (
                isinstance(app.screen, NewSessionScreen)
                and app.screen.query_one("#title", Input).value == "Suite"
            ),
        )
        assert not app.screen.query_one("#template", Select).expanded
        await _quiet(pilot, app)
        assert app.is_running


async def test_shift_tab_from_the_template_list_reaches_cancel_then_n_again(store, clock) -> None:
    """shift+Tab from the list went to the scroll around the fields (an invisible stop):
    Enter there did nothing and the form stayed open."""
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        first = None

        def form_typed() -> bool:
            screen = app.screen
            return (
                isinstance(screen, NewSessionScreen)
                and screen is not first
                and screen.query_one("#title", Input).value == "Y"
            )

        await send_keys(app, pilot, burst("n"), lambda: isinstance(app.screen, NewSessionScreen))
        first = app.screen
        await send_keys(app, pilot, burst("shift+tab", "enter", "n", "tab", "Y"), form_typed)
        assert [type(s) for s in app.screen_stack] == [HomeScreen, NewSessionScreen]
        assert store.entries() == []


async def test_a_field_that_never_answers_does_not_freeze_the_app(
    store, clock, monkeypatch
) -> None:
    """ctrl+s waits for the fields to take their keys, bounded: a field removed meanwhile
    (a template's step times) never answers, and the App awaits the key's action."""
    from tui.screens import new_session_keys

    monkeypatch.setattr(new_session_keys, "WAIT_SECONDS", 0.05)
    monkeypatch.setattr(NewSessionScreen, "after_typed", lambda self, callback: None)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("n", "tab", *"Libre")  # typed in before: only the wait is tested
        assert await until(
            pilot,
            lambda: (
                isinstance(app.screen, NewSessionScreen)
                and app.screen.query_one("#title", Input).value == "Libre"
            ),
        )
        await send_keys(app, pilot, burst("ctrl+s"), lambda: store.entries())
        [entry] = store.entries()
        assert entry.session.title == "Libre"
        assert await until(pilot, lambda: app.current_mode == "overview")


async def test_escape_and_a_letter_read_together_as_alt_letter_are_escape_then_the_letter(
    store, clock
) -> None:
    """tmux or ssh deliver Escape and d in one read: the terminal's alt+d. The form has
    no alt key: it closes, then d duplicates the session listed, as typed slowly."""
    store.create(build_session(title="Existante"))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        keys = [*burst("n", "tab", "Ab"), events.Key("alt+d", "d")]
        await send_keys(app, pilot, keys, lambda: len(store.entries()) == 2)
        assert sorted(e.session.title for e in store.entries()) == [
            "Existante",
            "Existante (copie)",
        ]
        assert isinstance(app.screen, HomeScreen)
        keys = [*burst("n", "tab", "Ab"), events.Key("alt+n", "n"), *burst("tab", "Z")]
        await send_keys(
            app,
            pilot,
            keys,
            lambda: (
                isinstance(app.screen, NewSessionScreen)
                and app.screen.query_one("#title", Input).value == "Z"
            ),
        )
        assert [type(s) for s in app.screen_stack] == [HomeScreen, NewSessionScreen]
